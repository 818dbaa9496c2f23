package com.smbhub.platform.security;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code perWindow} attempts per key in a sliding window; beyond that the key waits until its
 * oldest attempt leaves the window. Kept in this instance's memory, like the sign-in throttle.
 */
public final class RequestLimit {

    private static final int MAX_KEYS = 100_000;

    private final int perWindow;
    private final Duration window;
    private final Map<String, Deque<Instant>> attempts = new ConcurrentHashMap<>();

    public RequestLimit(int perWindow, Duration window) {
        this.perWindow = perWindow;
        this.window = window;
    }

    /** Counts an attempt for {@code key} now, or says how long it must wait (and counts nothing). */
    public Optional<Duration> attempt(String key, Instant now) {
        if (attempts.size() > MAX_KEYS) {
            attempts.clear();
        }
        Deque<Instant> times = attempts.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(window))) {
                times.pollFirst();
            }
            if (times.size() >= perWindow) {
                Duration wait = Duration.between(now, times.peekFirst().plus(window));
                return Optional.of(wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait);
            }
            times.addLast(now);
            return Optional.empty();
        }
    }
}
