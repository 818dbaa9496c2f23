package com.smbhub.portal.pages;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed link look-ups per client address in a sliding window (smbhub.portal.lookups-per-window,
 * default 30, in smbhub.portal.lookup-window-seconds, default 60): beyond it the address waits. A
 * link that opened from an address keeps working from there for the window, so a client behind the
 * same address as a guesser is not stopped mid-payment. Valid look-ups never count.
 */
final class PortalRateLimit {

    private static final int MAX_ENTRIES = 100_000;

    private final int perWindow;
    private final long windowMs;
    private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();
    private final Map<String, Long> opened = new ConcurrentHashMap<>();

    PortalRateLimit(int perWindow, long windowSeconds) {
        this.perWindow = perWindow;
        this.windowMs = windowSeconds * 1000;
    }

    /** Whether the address had its window's worth of failed look-ups. */
    boolean blocked(String address) {
        Deque<Long> times = failures.get(address);
        if (times == null) {
            return false;
        }
        synchronized (times) {
            drop(times, System.currentTimeMillis());
            return times.size() >= perWindow;
        }
    }

    void failed(String address) {
        long now = System.currentTimeMillis();
        if (failures.size() > MAX_ENTRIES) {
            failures.clear();
        }
        Deque<Long> times = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (times) {
            drop(times, now);
            if (times.size() < perWindow) {
                times.addLast(now);
            }
        }
    }

    /** This link opened from this address now. */
    void remember(String address, String token) {
        if (opened.size() > MAX_ENTRIES) {
            opened.clear();
        }
        opened.put(address + ' ' + token, System.currentTimeMillis());
    }

    /** Whether this link opened from this address within the window. */
    boolean opened(String address, String token) {
        Long at = opened.get(address + ' ' + token);
        return at != null && at >= System.currentTimeMillis() - windowMs;
    }

    private void drop(Deque<Long> times, long now) {
        while (!times.isEmpty() && times.peekFirst() < now - windowMs) {
            times.pollFirst();
        }
    }
}
