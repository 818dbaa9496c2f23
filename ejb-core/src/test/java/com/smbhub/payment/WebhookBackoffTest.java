package com.smbhub.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WebhookBackoffTest {

    @Test
    void retriesBackOffExponentiallyAndStopAfterEightAttempts() {
        assertEquals(30, StripeEventProcessor.backoff(1));
        assertEquals(120, StripeEventProcessor.backoff(2));
        for (int n = 2; n <= StripeEventProcessor.MAX_ATTEMPTS; n++) {
            assertTrue(StripeEventProcessor.backoff(n) > StripeEventProcessor.backoff(n - 1));
        }
        assertEquals(8, StripeEventProcessor.MAX_ATTEMPTS);
        assertEquals(28800, StripeEventProcessor.backoff(99));
    }
}
