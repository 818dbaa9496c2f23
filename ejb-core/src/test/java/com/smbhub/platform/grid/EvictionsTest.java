package com.smbhub.platform.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smbhub.platform.security.CallerCache;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EvictionsTest {

    @AfterEach
    void alone() {
        Evictions.tellOthersWith(null);
    }

    @Test
    void anEvictionHereIsToldToTheOtherInstancesAndOneFromThemIsNotToldBack() {
        List<String> told = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        String kind = "test-" + UUID.randomUUID();
        Evictions.register(kind, dropped::add);
        Evictions.tellOthersWith(told::add);

        Evictions.evict(kind, "key 1");
        assertEquals(List.of("key 1"), dropped, "dropped here, the key whole");
        assertEquals(List.of(kind + " key 1"), told);

        Evictions.arrived(kind + " key 2"); // another instance's eviction, come over the grid
        assertEquals(List.of("key 1", "key 2"), dropped);
        assertEquals(1, told.size(), "not sent back to the grid");

        Evictions.arrived("unknown-kind key");
        Evictions.arrived("no-key");
        assertEquals(2, dropped.size(), "what no cache here knows is ignored");
    }

    @Test
    void withoutAGridAnEvictionStaysHere() {
        List<String> dropped = new ArrayList<>();
        String kind = "test-" + UUID.randomUUID();
        Evictions.register(kind, dropped::add);
        Evictions.evict(kind, "k");
        assertEquals(List.of("k"), dropped);
    }

    @Test
    void aMembershipChangeMadeOnAnotherInstanceDropsTheCallersEntriesHere() {
        String user = UUID.randomUUID().toString();
        CallerCache.put("token-" + user, new CallerCache.Caller(user, "t1", "STAFF"), Instant.now().plusSeconds(3600).getEpochSecond());
        Evictions.arrived("caller " + user);
        assertTrue(CallerCache.get("token-" + user).isEmpty());
    }
}
