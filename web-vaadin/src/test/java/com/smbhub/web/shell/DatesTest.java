package com.smbhub.web.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.vaadin.flow.component.datepicker.DatePicker;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One date format in lists, details and pickers: the month in words, in the order of the business's country. */
class DatesTest {

    private static final Instant LATE_EVENING_TORONTO = Instant.parse("2026-12-02T03:30:00Z");

    @Test
    void aDayReadsInTheCountrysOrderWithTheMonthInWords() {
        assertEquals("15 Dec 2026", Dates.of("Europe/London", "GB").day(LocalDate.of(2026, 12, 15)));
        assertEquals("Dec 15, 2026", Dates.of("America/New_York", "us").day(LocalDate.of(2026, 12, 15)));
        assertEquals("Dec 15, 2026", Dates.of("America/Toronto", "CA").day(LocalDate.of(2026, 12, 15)));
        assertEquals("3 Apr 2026", Dates.of("Australia/Sydney", "AU").day(LocalDate.of(2026, 4, 3)));
        assertEquals("", Dates.of("UTC", "GB").day((LocalDate) null));
        assertEquals("December 2026", Dates.of(null, null).month(YearMonth.of(2026, 12)));
    }

    @Test
    void anInstantIsShownOnTheBusinesssDayNotUtcs() {
        Dates toronto = Dates.of("America/Toronto", "CA");
        assertEquals("Dec 1, 2026", toronto.day(LATE_EVENING_TORONTO));
        assertEquals("Dec 1, 2026, 22:30", toronto.dayTime(LATE_EVENING_TORONTO));
        assertEquals("2 Dec 2026, 03:30", Dates.of(null, "GB").dayTime(LATE_EVENING_TORONTO));
        assertEquals("1 Dec 2026, 22:30", Dates.of("UTC", "GB").in(toronto.zone()).dayTime(LATE_EVENING_TORONTO));
    }

    @Test
    void aPickerShowsTheListsFormatAndReadsTheNumericOnesToo() {
        DatePicker.DatePickerI18n dayFirst = Dates.of("Europe/London", "GB").i18n();
        assertEquals(List.of("d MMM yyyy", "d/M/yyyy", "yyyy-MM-dd", "d MMM, yyyy"), dayFirst.getDateFormats());
        DatePicker.DatePickerI18n monthFirst = Dates.of("America/Chicago", "US").i18n();
        assertEquals(List.of("MMM d, yyyy", "M/d/yyyy", "yyyy-MM-dd", "MMM d yyyy"), monthFirst.getDateFormats());
    }

    @Test
    void withoutASessionTheDatesAreUtcDayFirst() {
        assertEquals("2 Dec 2026, 03:30", Dates.current().dayTime(LATE_EVENING_TORONTO));
    }
}
