package com.smbhub.platform.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** A business writes dates in its country's order, the month in words, in its documents and e-mails as on screen. */
class DateStyleTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 20);

    @Test
    void theCountryDecidesWhetherTheMonthComesFirst() {
        assertTrue(DateStyle.monthFirst("US"));
        assertTrue(DateStyle.monthFirst(" ca "));
        assertFalse(DateStyle.monthFirst("GB"));
        assertFalse(DateStyle.monthFirst(null));
        assertEquals("MMM d, yyyy", DateStyle.pattern(true));
        assertEquals("d MMM yyyy", DateStyle.pattern(false));
    }

    @Test
    void documentsAndMailsWriteTheMonthInFull() {
        assertEquals("December 20, 2026", DateStyle.longDay(DAY, "CA"));
        assertEquals("20 December 2026", DateStyle.longDay(DAY, "AU"));
        assertEquals("20 December 2026", DateStyle.longDay(DAY, null));
        assertEquals("", DateStyle.longDay(null, "US"));
    }

    @Test
    void aMessageThreadWritesTheDayAndTimeInTheSameOrder() {
        ZonedDateTime at = DAY.atTime(14, 5).atZone(ZoneId.of("America/Toronto"));
        assertEquals("Dec 20, 14:05", DateStyle.when(at, "CA"));
        assertEquals("20 Dec, 14:05", DateStyle.when(at, "GB"));
    }
}
