package com.smbhub.platform.security;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CallerCacheTest {

    private final long inAnHour = Instant.now().plusSeconds(3600).getEpochSecond();

    @Test
    void anEvictionDropsThePersonsEntriesOnly() {
        String user = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        CallerCache.put("token-a-" + user, new CallerCache.Caller(user, "t1", "STAFF"), inAnHour);
        CallerCache.put("token-b-" + other, new CallerCache.Caller(other, "t1", "OWNER"), inAnHour);

        CallerCache.evictUser(user);

        assertTrue(CallerCache.get("token-a-" + user).isEmpty(), "gone here");
        assertTrue(CallerCache.get("token-b-" + other).isPresent(), "someone else's entry stays");
    }
}
