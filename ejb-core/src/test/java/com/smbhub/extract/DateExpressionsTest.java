package com.smbhub.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DateExpressionsTest {

    /** A Thursday. */
    private static final LocalDate TODAY = LocalDate.of(2026, 1, 29);

    private static LocalDate due(String text) {
        return DateExpressions.due(text, TODAY, false);
    }

    @Test
    void weekdaysAreTheFirstSuchDayAfterTheMessage() {
        assertEquals(LocalDate.of(2026, 2, 2), due("can we start next Monday?"));
        assertEquals(LocalDate.of(2026, 2, 2), due("can we start Monday?"));
        assertEquals(LocalDate.of(2026, 1, 31), due("mow the lawn by sat?"));
        assertEquals(LocalDate.of(2026, 1, 31), due("come sat arvo"));
        assertEquals(LocalDate.of(2026, 2, 5), due("can u come thurs morning"), "today is Thursday: the next one");
        assertEquals(LocalDate.of(2026, 1, 30), due("move it from Mon to Fri"), "the day it moves to");
    }

    @Test
    void habitsPastDaysAndWordsThatAreNotDaysAreNoDeadline() {
        assertNull(due("I'm home on Fridays"));
        assertNull(due("it stopped working since Monday"));
        assertNull(due("2 straw sun hats at $24"));
        assertNull(due("was due last Friday"));
        assertNull(due("my parcel came this morning"));
        assertNull(due("sometime next week is fine, no rush"));
    }

    @Test
    void writtenDatesMonthEndsAndOrdinals() {
        assertEquals(LocalDate.of(2026, 8, 22), due("getting married on Saturday, August 22"), "seven months ahead is still ahead");
        assertEquals(LocalDate.of(2026, 3, 31), due("moving out on 31 March"));
        assertEquals(LocalDate.of(2026, 2, 10), due("done by the 10th"));
        assertEquals(LocalDate.of(2026, 2, 15), due("on the 15th when I get paid"));
        assertEquals(LocalDate.of(2026, 1, 31), due("before the end of the month"));
        assertEquals(LocalDate.of(2026, 4, 30), due("done before the end of April"));
        assertNull(due("weekly from May to end of September"), "a season, not a deadline");
        assertEquals(LocalDate.of(2026, 1, 30), due("tmrw pls"));
        assertEquals(TODAY, due("can you remote in this morning?"));
    }

    @Test
    void numericDatesFollowTheSendersCountryUnlessOnePartSays() {
        assertEquals(LocalDate.of(2026, 1, 10), DateExpressions.find("Date: 01/10/2026", TODAY, false).get(0).date());
        assertEquals(LocalDate.of(2026, 10, 1), DateExpressions.find("Date: 01/10/2026", TODAY, true).get(0).date());
        assertEquals(LocalDate.of(2026, 1, 30), DateExpressions.find("Order date: 30/01/2026", TODAY, false).get(0).date());
        assertEquals(LocalDate.of(2026, 2, 15), DateExpressions.find("Invoice date: 15-Feb-2026", TODAY, false).get(0).date());
        assertEquals(LocalDate.of(2025, 12, 28), DateExpressions.find("Payment received Dec 28", LocalDate.of(2026, 1, 7), false)
                .get(0).date(), "late December seen in January is last year's");
        assertEquals(LocalDate.of(2026, 8, 4), DateExpressions.bought("Date: 04/08/2026", LocalDate.of(2026, 8, 4), false).get(0).date(),
                "a receipt that arrives on 4 August is dated the 4th of August, not the 8th of April");
        assertEquals(LocalDate.of(2026, 4, 8), DateExpressions.bought("Date: 04/08/2026", LocalDate.of(2026, 4, 9), false).get(0).date());
    }
}
