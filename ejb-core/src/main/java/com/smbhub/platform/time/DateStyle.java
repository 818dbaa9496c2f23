package com.smbhub.platform.time;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;

/**
 * How a business writes a date: the month in words (no one mistakes 3/4 for 4/3), before the day in the countries
 * that write it so (the US, Canada …: "Dec 15, 2026"), after it elsewhere ("15 Dec 2026"). The back office, the
 * documents and the e-mails a business sends follow the same rule.
 */
public final class DateStyle {

    /** Countries that write the month before the day. */
    private static final Set<String> MONTH_FIRST = Set.of("US", "CA", "PH", "PR", "GU", "AS", "VI", "MP", "FM", "MH",
            "PW", "BZ");

    private static final DateTimeFormatter SHORT_MONTH_FIRST = DateTimeFormatter.ofPattern(pattern(true), Locale.ENGLISH);
    private static final DateTimeFormatter SHORT_DAY_FIRST = DateTimeFormatter.ofPattern(pattern(false), Locale.ENGLISH);
    private static final DateTimeFormatter LONG_MONTH_FIRST = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter LONG_DAY_FIRST = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private static final DateTimeFormatter WHEN_MONTH_FIRST = DateTimeFormatter.ofPattern("MMM d, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter WHEN_DAY_FIRST = DateTimeFormatter.ofPattern("d MMM, HH:mm", Locale.ENGLISH);

    private DateStyle() {
    }

    public static boolean monthFirst(String country) {
        return country != null && MONTH_FIRST.contains(country.trim().toUpperCase(Locale.ROOT));
    }

    /** The short form, as lists show it: "Dec 15, 2026" (month first) or "15 Dec 2026". */
    public static String pattern(boolean monthFirst) {
        return monthFirst ? "MMM d, yyyy" : "d MMM yyyy";
    }

    /** The short form's formatter (formatters are immutable and shared). */
    public static DateTimeFormatter shortFormat(boolean monthFirst) {
        return monthFirst ? SHORT_MONTH_FIRST : SHORT_DAY_FIRST;
    }

    /** A moment of this year, as a message thread shows it: "Dec 6, 14:05" or "6 Dec, 14:05". */
    public static String when(ZonedDateTime at, String country) {
        return (monthFirst(country) ? WHEN_MONTH_FIRST : WHEN_DAY_FIRST).format(at);
    }

    /** The long form, as a document or an e-mail writes it: "December 15, 2026" or "15 December 2026"; empty for none. */
    public static String longDay(LocalDate day, String country) {
        return day == null ? "" : (monthFirst(country) ? LONG_MONTH_FIRST : LONG_DAY_FIRST).format(day);
    }
}
