package com.smbhub.platform.security;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who an API token's caller is in which business, with the role, for one minute: saves the
 * per-request identity and membership look-ups. Any change to a membership evicts the person's
 * entries at once (TeamService, invitations); the minute bounds staleness across cluster nodes.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.SUPPORTS) // memory only: no transaction of its own per API request
public class CallerCache {

    static final Duration TTL = Duration.ofMinutes(1);
    static final int MAX_ENTRIES = 20_000;

    /** The resolved caller; {@code tenantId} and {@code role} are null when the token names no business of theirs. */
    public record Caller(String userId, String tenantId, String role) {
    }

    private record Entry(Caller caller, Instant expires) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public Optional<Caller> get(String key) {
        Entry entry = entries.get(key);
        if (entry == null || entry.expires().isBefore(Instant.now())) {
            return Optional.empty();
        }
        return Optional.of(entry.caller());
    }

    public void put(String key, Caller caller) {
        if (entries.size() >= MAX_ENTRIES) {
            Instant now = Instant.now();
            entries.values().removeIf(e -> e.expires().isBefore(now));
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
        }
        entries.put(key, new Entry(caller, Instant.now().plus(TTL)));
    }

    public void evictUser(String userId) {
        entries.values().removeIf(e -> e.caller().userId().equals(userId));
    }
}
