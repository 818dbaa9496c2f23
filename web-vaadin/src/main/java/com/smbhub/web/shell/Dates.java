package com.smbhub.web.shell;

import com.smbhub.platform.time.DateStyle;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.server.VaadinSession;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Every date the back office shows, in one format and the business's time zone: the month as a word so no
 * reader mistakes 3/4 for 4/3, in the order of the business's country ("15 Dec 2026", in the US and Canada
 * "Dec 15, 2026"), the same in lists, details and date pickers (which also take 15/12/2026 or 2026-12-15).
 * The shell sets the business's on every navigation ({@link #use}); a view reads it with {@link #current}.
 */
public final class Dates implements Serializable {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    private final ZoneId zone;
    private final boolean monthFirst;

    private Dates(ZoneId zone, boolean monthFirst) {
        this.zone = zone;
        this.monthFirst = monthFirst;
    }

    /** A business's dates: its IANA time zone and its ISO country (either may be missing). */
    public static Dates of(String timezone, String country) {
        ZoneId zone = timezone == null || timezone.isBlank() ? ZoneOffset.UTC : ZoneId.of(timezone);
        return new Dates(zone, DateStyle.monthFirst(country));
    }

    /** The signed-in business's (set by the shell), or UTC day-first before one is chosen. */
    public static Dates current() {
        VaadinSession session = VaadinSession.getCurrent();
        Dates set = session == null ? null : session.getAttribute(Dates.class);
        return set == null ? of(null, null) : set;
    }

    /** Makes these the session's dates (the shell, when it enters a business). */
    public static void use(Dates dates) {
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null) {
            session.setAttribute(Dates.class, dates);
        }
    }

    /** The same format in another zone (a panel given the business's zone explicitly). */
    public Dates in(ZoneId other) {
        return new Dates(other, monthFirst);
    }

    public ZoneId zone() {
        return zone;
    }

    /** "15 Dec 2026" (or "Dec 15, 2026"); empty for none. */
    public String day(LocalDate date) {
        return date == null ? "" : DateStyle.shortFormat(monthFirst).format(date);
    }

    /** The day of an instant in the business's zone. */
    public String day(Instant at) {
        return at == null ? "" : day(at.atZone(zone).toLocalDate());
    }

    /** "15 Dec 2026, 14:05" in the business's zone. */
    public String dayTime(Instant at) {
        return at == null ? "" : day(at) + ", " + time(at);
    }

    /** "14:05" in the business's zone. */
    public String time(Instant at) {
        return at == null ? "" : TIME.format(at.atZone(zone));
    }

    /** "December 2026". */
    public String month(YearMonth month) {
        return month == null ? "" : MONTH.format(month);
    }

    /** The picker's pattern (date-fns, which the picker uses, reads these letters as Java does). */
    String pattern() {
        return DateStyle.pattern(monthFirst);
    }

    /** A date picker that shows and reads dates as the lists show them; returns it. */
    public static <P extends DatePicker> P picker(P picker) {
        picker.addAttachListener(e -> current().apply(picker));
        return picker;
    }

    /** The date half of a date-and-time picker, the same way; returns it. */
    public static DateTimePicker picker(DateTimePicker picker) {
        picker.addAttachListener(e -> picker.setDatePickerI18n(current().i18n()));
        return picker;
    }

    void apply(DatePicker picker) {
        picker.setI18n(i18n());
    }

    /** Shown as the lists show dates; typed also as 15/12/2026 (12/15/2026 month-first) or 2026-12-15. */
    DatePicker.DatePickerI18n i18n() {
        return new DatePicker.DatePickerI18n().setDateFormats(pattern(), monthFirst ? "M/d/yyyy" : "d/M/yyyy",
                "yyyy-MM-dd", monthFirst ? "MMM d yyyy" : "d MMM, yyyy");
    }

}
