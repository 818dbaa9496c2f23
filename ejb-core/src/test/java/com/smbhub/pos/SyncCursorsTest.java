package com.smbhub.pos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A feed's place: a pass reads [from, until) page by page, and the next starts an overlap before where it ended. */
class SyncCursorsTest {

    private static final Instant T1 = Instant.parse("2026-12-05T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-12-05T10:15:00Z");

    @Test
    void aFirstPassReadsEverythingUpToNowThenTheNextStartsAnOverlapBeforeItsEnd() {
        SyncCursors.Place first = SyncCursors.Place.START.pass(T1, Duration.ofMinutes(5));
        assertTrue(first.passing());
        assertNull(first.from(), "from the start");
        assertEquals(T1, first.until());
        SyncCursors.Place page2 = first.after("cursor-2");
        assertEquals("cursor-2", page2.page());
        assertEquals(T1, page2.until(), "the window stays while its pages are read");
        SyncCursors.Place done = page2.after(null);
        assertFalse(done.passing());
        assertEquals(T1, done.since());
        SyncCursors.Place second = done.pass(T2, Duration.ofMinutes(5));
        assertEquals(T1.minus(Duration.ofMinutes(5)), second.from());
        assertEquals(T2, second.until());
        assertNull(second.page());
    }
}
