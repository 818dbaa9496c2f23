package com.smbhub.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestLimitTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void beyondTheWindowsCountAKeyWaitsUntilItsOldestAttemptLeaves() {
        RequestLimit limit = new RequestLimit("test", 3, Duration.ofHours(1));
        assertTrue(limit.attempt("a", T0).isEmpty());
        assertTrue(limit.attempt("a", T0.plusSeconds(600)).isEmpty());
        assertTrue(limit.attempt("a", T0.plusSeconds(1200)).isEmpty());
        assertEquals(Optional.of(Duration.ofMinutes(30)), limit.attempt("a", T0.plusSeconds(1800)));
        assertTrue(limit.attempt("b", T0.plusSeconds(1800)).isEmpty(), "other keys are not held back");
        assertTrue(limit.attempt("a", T0.plusSeconds(3601)).isEmpty(), "the first attempt left the window");
        assertTrue(limit.attempt("a", T0.plusSeconds(3602)).isPresent(), "refused attempts did not count");
    }
}
