package com.smbhub.portal.pages;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token look-ups per client address in a sliding window (smbhub.portal.lookups-per-window, default
 * 30, in smbhub.portal.lookup-window-seconds, default 60).
 */
final class PortalRateLimit {

    private static final int MAX_ADDRESSES = 100_000;

    private final int perWindow;
    private final long windowMs;
    private final Map<String, Deque<Long>> seen = new ConcurrentHashMap<>();

    PortalRateLimit(int perWindow, long windowSeconds) {
        this.perWindow = perWindow;
        this.windowMs = windowSeconds * 1000;
    }

    /** Counts this look-up; false when the address is over its limit (and it is not counted). */
    boolean allow(String address) {
        long now = System.currentTimeMillis();
        if (seen.size() > MAX_ADDRESSES) {
            seen.clear();
        }
        Deque<Long> times = seen.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst() < now - windowMs) {
                times.pollFirst();
            }
            if (times.size() >= perWindow) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }
}
