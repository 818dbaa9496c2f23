package com.smbhub.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void fourFailuresInARowAreNotSlowedDown() {
        for (int failures = 1; failures < 5; failures++) {
            assertNull(IdentityService.lockUntil(NOW, failures));
        }
    }

    @Test
    void theFifthFailureLocksForThirtySecondsAndEachNextOneDoubles() {
        assertEquals(NOW.plusSeconds(30), IdentityService.lockUntil(NOW, 5));
        assertEquals(NOW.plusSeconds(60), IdentityService.lockUntil(NOW, 6));
        assertEquals(NOW.plusSeconds(120), IdentityService.lockUntil(NOW, 7));
    }

    @Test
    void theDelayNeverExceedsFifteenMinutes() {
        assertEquals(NOW.plus(Duration.ofMinutes(15)), IdentityService.lockUntil(NOW, 40));
    }
}
