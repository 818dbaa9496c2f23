package com.smbhub.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Sign-in guessing is slowed per e-mail and address, and per address; nobody is locked out from elsewhere. */
class SignInThrottleTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void fourFailuresAreFreeThenThirtySecondsDoublingToFifteenMinutes() {
        for (int failures = 1; failures < 5; failures++) {
            assertEquals(null, SignInThrottle.delayAfter(failures));
        }
        assertEquals(Duration.ofSeconds(30), SignInThrottle.delayAfter(5));
        assertEquals(Duration.ofSeconds(60), SignInThrottle.delayAfter(6));
        assertEquals(Duration.ofSeconds(120), SignInThrottle.delayAfter(7));
        assertEquals(Duration.ofMinutes(15), SignInThrottle.delayAfter(40));
    }

    @Test
    void anEmailIsSlowedFromTheGuessingAddressOnlyWhetherItHasAnAccountOrNot() {
        SignInThrottle throttle = new SignInThrottle();
        for (int i = 0; i < 5; i++) {
            throttle.failed("Ann@Example.com", "10.0.0.9", NOW);
        }
        assertEquals(Optional.of(Duration.ofSeconds(30)), throttle.waitFor("ann@example.com ", "10.0.0.9", NOW));
        assertEquals(Optional.empty(), throttle.waitFor("ann@example.com", "192.0.2.1", NOW), "the owner elsewhere signs in");
        assertEquals(Optional.empty(), throttle.waitFor("ann@example.com", "10.0.0.9", NOW.plusSeconds(31)));
        throttle.succeeded("ann@example.com", "10.0.0.9");
        throttle.failed("ann@example.com", "10.0.0.9", NOW.plusSeconds(40));
        assertEquals(Optional.empty(), throttle.waitFor("ann@example.com", "10.0.0.9", NOW.plusSeconds(40)),
                "a success starts the count again");
    }

    @Test
    void anAddressTryingManyEmailsWaitsOutItsWindow() {
        SignInThrottle throttle = new SignInThrottle();
        for (int i = 0; i < SignInThrottle.ADDRESS_FAILURES; i++) {
            throttle.failed("user" + i + "@example.com", "10.0.0.7", NOW.plusSeconds(i));
        }
        Optional<Duration> wait = throttle.waitFor("fresh@example.com", "10.0.0.7", NOW.plusSeconds(120));
        assertTrue(wait.isPresent() && wait.get().compareTo(Duration.ofMinutes(12)) > 0, String.valueOf(wait));
        assertEquals(Optional.empty(), throttle.waitFor("fresh@example.com", "10.0.0.8", NOW.plusSeconds(120)));
        assertEquals(Optional.empty(), throttle.waitFor("fresh@example.com", "10.0.0.7", NOW.plus(Duration.ofMinutes(16))));
    }
}
