package com.smbhub.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CallerCacheTest {

    private final long inAnHour = Instant.now().plusSeconds(3600).getEpochSecond();

    @AfterEach
    void alone() {
        CallerCache.tellOthersWith(null);
    }

    @Test
    void anEvictionHereIsToldToTheOtherInstancesAndOneFromThemIsNotToldBack() {
        List<String> told = new ArrayList<>();
        CallerCache.tellOthersWith(told::add);
        String user = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        CallerCache.put("token-a-" + user, new CallerCache.Caller(user, "t1", "STAFF"), inAnHour);
        CallerCache.put("token-b-" + other, new CallerCache.Caller(other, "t1", "OWNER"), inAnHour);

        CallerCache.evictUser(user);

        assertTrue(CallerCache.get("token-a-" + user).isEmpty(), "gone here");
        assertTrue(CallerCache.get("token-b-" + other).isPresent(), "someone else's entry stays");
        assertEquals(List.of(user), told);

        CallerCache.evictHere(other); // another instance's eviction, come over the grid
        assertTrue(CallerCache.get("token-b-" + other).isEmpty());
        assertEquals(List.of(user), told, "not sent back to the grid");
    }

    @Test
    void withoutAGridAnEvictionStaysHere() {
        String user = UUID.randomUUID().toString();
        CallerCache.put("token-" + user, new CallerCache.Caller(user, "t1", "STAFF"), inAnHour);
        CallerCache.evictUser(user);
        assertTrue(CallerCache.get("token-" + user).isEmpty());
    }
}
