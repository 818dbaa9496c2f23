package com.smbhub.platform.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows sign-in guessing down without telling which e-mails have accounts and without letting anyone
 * lock someone else out. Failures are counted per submitted e-mail <em>from one address</em> — the same
 * whether an account exists or not — and per address over all e-mails: after {@value #FREE_FAILURES}
 * failures in a row an e-mail waits 30 s from that address, doubling up to 15 min; an address with
 * {@value #ADDRESS_FAILURES} failures in 15 minutes waits out the window. A right password from another
 * address is never held back. Kept in this instance's memory (like the portal's look-up limit).
 */
final class SignInThrottle {

    static final int FREE_FAILURES = 5;
    static final int ADDRESS_FAILURES = 100;
    static final Duration FIRST_DELAY = Duration.ofSeconds(30);
    static final Duration MAX_DELAY = Duration.ofMinutes(15);
    static final Duration ADDRESS_WINDOW = Duration.ofMinutes(15);
    private static final int MAX_ENTRIES = 100_000;

    private record Count(int failures, Instant first, Instant waitUntil) {
    }

    private final Map<String, Count> byEmail = new ConcurrentHashMap<>();
    private final Map<String, Count> byAddress = new ConcurrentHashMap<>();

    /** How long this e-mail must wait from this address now, if at all. */
    Optional<Duration> waitFor(String email, String address, Instant now) {
        Instant until = later(waiting(byEmail.get(key(email, address)), now), waiting(byAddress.get(address), now));
        return until == null ? Optional.empty() : Optional.of(Duration.between(now, until));
    }

    void failed(String email, String address, Instant now) {
        if (byEmail.size() > MAX_ENTRIES || byAddress.size() > MAX_ENTRIES) {
            forgetOld(now);
        }
        byEmail.compute(key(email, address), (k, c) -> {
            int failures = c == null ? 1 : c.failures() + 1;
            return new Count(failures, c == null ? now : c.first(), delayAfter(failures) == null ? null
                    : now.plus(delayAfter(failures)));
        });
        byAddress.compute(address, (k, c) -> {
            Count fresh = c == null || c.first().plus(ADDRESS_WINDOW).isBefore(now) ? new Count(0, now, null) : c;
            int failures = fresh.failures() + 1;
            return new Count(failures, fresh.first(), failures >= ADDRESS_FAILURES ? fresh.first().plus(ADDRESS_WINDOW) : null);
        });
    }

    void succeeded(String email, String address) {
        byEmail.remove(key(email, address));
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

    private static Instant waiting(Count count, Instant now) {
        return count != null && count.waitUntil() != null && count.waitUntil().isAfter(now) ? count.waitUntil() : null;
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    private void forgetOld(Instant now) {
        Instant old = now.minus(MAX_DELAY).minus(ADDRESS_WINDOW);
        byEmail.values().removeIf(c -> c.first().isBefore(old) && (c.waitUntil() == null || c.waitUntil().isBefore(now)));
        byAddress.values().removeIf(c -> c.first().isBefore(old));
    }
}
