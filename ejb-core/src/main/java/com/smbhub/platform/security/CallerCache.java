package com.smbhub.platform.security;

import com.smbhub.platform.grid.Evictions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who an API token's caller is in which business, with the role, for one minute: saves the
 * per-request identity and membership look-ups. Any change to a membership evicts the person's
 * entries at once (TeamService, invitations), here and — through the data grid ({@link Evictions}) — on
 * every other instance; the minute bounds staleness should the grid be away.
 * Plain static methods: read on every API request, so no container call.
 */
public final class CallerCache {

    static final Duration TTL = Duration.ofMinutes(1);
    static final int MAX_ENTRIES = 20_000;

    /** The resolved caller; {@code tenantId} and {@code role} are null when the token names no business of theirs. */
    public record Caller(String userId, String tenantId, String role) {
    }

    private record Entry(Caller caller, Instant expires) {
    }

    private static final Map<String, Entry> ENTRIES = new ConcurrentHashMap<>();

    private static final String KIND = "caller";

    static {
        Evictions.register(KIND, CallerCache::evictHere);
    }

    private CallerCache() {
    }

    public static Optional<Caller> get(String key) {
        Entry entry = ENTRIES.get(key);
        if (entry == null || entry.expires().isBefore(Instant.now())) {
            return Optional.empty();
        }
        return Optional.of(entry.caller());
    }

    /** Kept for a minute, and never past {@code until} (epoch seconds: the token's expiry). */
    public static void put(String key, Caller caller, long until) {
        if (ENTRIES.size() >= MAX_ENTRIES) {
            Instant now = Instant.now();
            ENTRIES.values().removeIf(e -> e.expires().isBefore(now));
            if (ENTRIES.size() >= MAX_ENTRIES) {
                ENTRIES.clear();
            }
        }
        Instant minute = Instant.now().plus(TTL);
        Instant expiry = Instant.ofEpochSecond(until);
        ENTRIES.put(key, new Entry(caller, expiry.isBefore(minute) ? expiry : minute));
    }

    /** The person's entries go here and on every other instance. */
    public static void evictUser(String userId) {
        Evictions.evict(KIND, userId);
    }

    /** The person's entries go on this instance (another instance's eviction, come over the grid). */
    static void evictHere(String userId) {
        ENTRIES.values().removeIf(e -> e.caller().userId().equals(userId));
    }
}
