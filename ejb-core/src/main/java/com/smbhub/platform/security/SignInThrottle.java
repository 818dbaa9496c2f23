package com.smbhub.platform.security;

import com.smbhub.platform.grid.Tallies;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Slows sign-in guessing down without telling which e-mails have accounts and without letting anyone
 * lock someone else out. Failures are counted per submitted e-mail <em>from one address</em> — the same
 * whether an account exists or not — and per address over all e-mails: after {@value #FREE_FAILURES}
 * failures in a row an e-mail waits 30 s from that address, doubling up to 15 min; an address with
 * {@value #ADDRESS_FAILURES} failures in 15 minutes waits out the window. A right password from another
 * address is never held back. Counted across instances ({@link Tallies}).
 */
final class SignInThrottle {

    static final int FREE_FAILURES = 5;
    static final int ADDRESS_FAILURES = 100;
    static final Duration FIRST_DELAY = Duration.ofSeconds(30);
    static final Duration MAX_DELAY = Duration.ofMinutes(15);
    static final Duration ADDRESS_WINDOW = Duration.ofMinutes(15);

    /** Counts as {failures, first failure, wait until (0: none)} in epoch milliseconds. */
    private final Tallies byEmail = new Tallies("signin-email", MAX_DELAY.plus(ADDRESS_WINDOW));
    private final Tallies byAddress = new Tallies("signin-address", ADDRESS_WINDOW);

    /** How long this e-mail must wait from this address now, if at all. */
    Optional<Duration> waitFor(String email, String address, Instant now) {
        long until = Math.max(waitUntil(byEmail.get(key(email, address))), waitUntil(byAddress.get(address)));
        return until > now.toEpochMilli() ? Optional.of(Duration.ofMillis(until - now.toEpochMilli())) : Optional.empty();
    }

    void failed(String email, String address, Instant now) {
        long at = now.toEpochMilli();
        byEmail.change(key(email, address), c -> {
            int failures = c == null ? 1 : (int) c[0] + 1;
            Duration delay = delayAfter(failures);
            return new long[] {failures, c == null ? at : c[1], delay == null ? 0 : at + delay.toMillis()};
        });
        byAddress.change(address, c -> {
            boolean fresh = c == null || c[1] + ADDRESS_WINDOW.toMillis() < at;
            long first = fresh ? at : c[1];
            long failures = (fresh ? 0 : c[0]) + 1;
            return new long[] {failures, first, failures >= ADDRESS_FAILURES ? first + ADDRESS_WINDOW.toMillis() : 0};
        });
    }

    void succeeded(String email, String address) {
        byEmail.change(key(email, address), c -> null);
    }

    /** After {@value #FREE_FAILURES} failures in a row, 30 s doubling with each further one, at most 15 min. */
    static Duration delayAfter(int failures) {
        if (failures < FREE_FAILURES) {
            return null;
        }
        Duration delay = FIRST_DELAY.multipliedBy(1L << Math.min(failures - FREE_FAILURES, 10));
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    private static String key(String email, String address) {
        return (email == null ? "" : email.trim().toLowerCase(Locale.ROOT)) + '\u0000' + address;
    }

    private static long waitUntil(long[] count) {
        return count == null ? 0 : count[2];
    }
}
