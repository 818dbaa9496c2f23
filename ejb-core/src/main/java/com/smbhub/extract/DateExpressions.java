package com.smbhub.extract;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as people write them, resolved against the day a message arrived in the sender's zone: ISO and numeric
 * dates (day or month first by the sender's country, unless one part says which), "22 August", "Aug 22nd",
 * "15-Feb-2026", "the 15th", "end of the month", "before the end of April", today / tonight / this morning,
 * tomorrow (tmrw), yesterday, weekdays ("sat arvo", "by Fri", "next Tuesday" — the first such day after the
 * message; "last Friday", "since Monday" — the one before). Plural weekdays ("on Fridays") are habits, not dates.
 */
final class DateExpressions {

    /** A date found at {@code start}, with the word before it ({@code by}, {@code on}, …). */
    record Found(LocalDate date, int start, int end, String cue) {
    }

    private static final String MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
            + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
    private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
    private static final Pattern NUMERIC = Pattern.compile("\\b(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4}|\\d{2})\\b");
    private static final Pattern DAY_MON_YEAR = Pattern.compile("\\b(\\d{1,2})[- ]?" + MONTH + "[- ,]*(\\d{4}|\\d{2})\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MONTH_DAY = Pattern.compile("\\b" + MONTH + "\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?!:)"
            + "(?:,?\\s+(\\d{4}))?", Pattern.CASE_INSENSITIVE);
    private static final Pattern DAY_MONTH = Pattern.compile("\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH
            + "\\b(?:,?\\s+(\\d{4}))?", Pattern.CASE_INSENSITIVE);
    private static final Pattern ORDINAL = Pattern.compile("\\bthe\\s+(\\d{1,2})(?:st|nd|rd|th)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern MONTH_END = Pattern.compile("\\bend\\s+of\\s+(?:the\\s+)?(month|" + MONTH + ")\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern RELATIVE = Pattern.compile("\\b(today|tonight|this\\s+(?:morning|afternoon|evening|arvo|avo)|"
            + "day\\s+after\\s+tomorrow|tomorrow|tomorow|tmrw|tmr|tomoz|yesterday)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern WEEKDAY = Pattern.compile("\\b(?:(next|this|last|since|past|coming)\\s+)?"
            + "(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|weds?|thu(?:rs?)?|fri|sat|sun)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ABBREVIATION_AFTER = Pattern.compile("\\s*(arvo|morning|afternoon|evening|night|am\\b|pm\\b|\\d)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CUE = Pattern.compile("(?:^|\\W)(by|before|on|for|to|until|till|til|due|from|is|and|or|at|"
            + "this|next|starting|from)\\W*$", Pattern.CASE_INSENSITIVE);

    /** "came this morning", "was due today", "since Friday": what happened, not a deadline. */
    private static final Pattern PAST_CUE = Pattern.compile("came|arrived|was|were|went|got|broke|happened|since|left|sent|"
            + "\\w+ed", Pattern.CASE_INSENSITIVE);

    private static final Pattern STOPPED = Pattern.compile("\\b(?:stopped|quit|started|been|kept)\\s+\\w+ing\\W*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LAST_WORD = Pattern.compile("([a-z]+)\\W*$");

    private DateExpressions() {
    }

    /** Every date in the text, in the order written (a weekday right before the date it names is one date). */
    static List<Found> find(String text, LocalDate today, boolean dayFirst) {
        List<Found> found = new ArrayList<>();
        Matcher m = ISO.matcher(text);
        while (m.find()) {
            add(found, text, m, date(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
        }
        m = NUMERIC.matcher(text);
        while (m.find()) {
            int a = Integer.parseInt(m.group(1));
            int b = Integer.parseInt(m.group(3));
            int year = Integer.parseInt(m.group(4));
            year = year < 100 ? 2000 + year : year;
            boolean dayIsFirst = a > 12 || (b <= 12 && dayFirst);
            add(found, text, m, dayIsFirst ? date(year, b, a) : date(year, a, b));
        }
        m = DAY_MON_YEAR.matcher(text);
        while (m.find()) {
            int year = Integer.parseInt(m.group(3));
            add(found, text, m, date(year < 100 ? 2000 + year : year, month(m.group(2)), Integer.parseInt(m.group(1))));
        }
        m = MONTH_DAY.matcher(text);
        while (m.find()) {
            if (m.group(1).equals("may") || m.group(1).equals("mar")) {
                continue; // "may 5 of them", "mar" lower-case is a verb
            }
            add(found, text, m, near(today, month(m.group(1)), Integer.parseInt(m.group(2)), m.group(3)));
        }
        m = DAY_MONTH.matcher(text);
        while (m.find()) {
            if (m.group(2).equals("may")) {
                continue;
            }
            add(found, text, m, near(today, month(m.group(2)), Integer.parseInt(m.group(1)), m.group(3)));
        }
        m = ORDINAL.matcher(text);
        while (m.find()) {
            int day = Integer.parseInt(m.group(1));
            YearMonth month = YearMonth.from(today);
            if (day < today.getDayOfMonth()) {
                month = month.plusMonths(1);
            }
            add(found, text, m, day <= month.lengthOfMonth() ? month.atDay(day) : null);
        }
        m = MONTH_END.matcher(text);
        while (m.find()) {
            String before = text.substring(Math.max(0, m.start() - 16), m.start()).toLowerCase(Locale.ROOT);
            if (m.group(1).equalsIgnoreCase("month")) {
                add(found, text, m, today.with(TemporalAdjusters.lastDayOfMonth()));
            } else if (before.matches(".*\\b(by|before|until|till)\\b.*")) {
                YearMonth month = YearMonth.of(today.getYear(), month(m.group(2)));
                add(found, text, m, (month.isBefore(YearMonth.from(today)) ? month.plusYears(1) : month).atEndOfMonth());
            }
        }
        m = RELATIVE.matcher(text);
        while (m.find()) {
            String word = m.group(1).toLowerCase(Locale.ROOT);
            int days = word.startsWith("yesterday") ? -1 : word.startsWith("day") ? 2
                    : word.startsWith("to") && !word.equals("tonight") && !word.equals("today") || word.startsWith("tm") ? 1 : 0;
            add(found, text, m, today.plusDays(days));
        }
        m = WEEKDAY.matcher(text);
        while (m.find()) {
            String word = m.group(2).toLowerCase(Locale.ROOT);
            boolean full = word.length() >= 6;
            String modifier = m.group(1) == null ? "" : m.group(1).toLowerCase(Locale.ROOT);
            if (!full && modifier.isEmpty() && !cueBefore(text, m.start()) && !ABBREVIATION_AFTER.matcher(text)
                    .region(m.end(), text.length()).lookingAt()) {
                continue; // "sun hats", "sat down": an abbreviation is a day only where a date is expected
            }
            DayOfWeek day = weekday(word);
            LocalDate date = modifier.equals("last") || modifier.equals("since") || modifier.equals("past")
                    ? today.with(TemporalAdjusters.previous(day)) : today.with(TemporalAdjusters.next(day));
            if (modifier.isEmpty() && cueWord(text, m.start()).equals("since")) {
                date = today.with(TemporalAdjusters.previous(day));
            }
            int from = m.start();
            int to = m.end();
            String before = cueWord(text, from);
            Found weekday = new Found(date, from, to, modifier.isEmpty() || before.matches("by|before|on|to|until|till|til|due|for")
                    ? before : modifier);
            if (found.stream().noneMatch(f -> f.start() >= to && f.start() <= to + 3)) {
                found.add(weekday);
            } else {
                // "Saturday, August 22": the written date stands, with the weekday's cue
                found.replaceAll(f -> f.start() >= to && f.start() <= to + 3 ? new Found(f.date(), from, f.end(), weekday.cue()) : f);
            }
        }
        found.removeIf(f -> f.date() == null);
        found.sort(Comparator.comparingInt(Found::start));
        List<Found> distinct = new ArrayList<>();
        for (Found f : found) {
            if (distinct.isEmpty() || f.start() >= distinct.get(distinct.size() - 1).end()) {
                distinct.add(f);
            }
        }
        return distinct;
    }

    /**
     * Every date in a bill or receipt that arrived {@code today}: where a numeric date reads both ways (04/08/2026),
     * the reading nearer to the day it arrived and not after it — a receipt is sent the day of the purchase, not
     * four months later.
     */
    static List<Found> bought(String text, LocalDate today, boolean dayFirst) {
        List<Found> usual = find(text, today, dayFirst);
        List<Found> other = find(text, today, !dayFirst);
        List<Found> out = new ArrayList<>();
        for (Found f : usual) {
            Found alt = other.stream().filter(o -> o.start() == f.start() && !o.date().equals(f.date())).findFirst().orElse(null);
            boolean better = alt != null && !alt.date().isAfter(today)
                    && (f.date().isAfter(today) || alt.date().isAfter(f.date()));
            out.add(better ? alt : f);
        }
        return out;
    }

    /**
     * The deadline a message sets: the first date not behind {@code today} and not told in the past tense, one after
     * by / before / until first, then on / to / for (or "come … today").
     */
    static LocalDate due(String text, LocalDate today, boolean dayFirst) {
        List<Found> ahead = find(text, today, dayFirst).stream().filter(f -> !f.date().isBefore(today))
                .filter(f -> !PAST_CUE.matcher(f.cue()).matches()).toList();
        // "moves in on the 1st, so it needs to be done by the 28th": the deadline is the "by" date
        return ahead.stream().filter(f -> f.cue().matches("by|before|until|till|til|due")).findFirst()
                .or(() -> ahead.stream().filter(f -> f.cue().matches("on|to|for")
                || f.date().equals(today) && f.cue().matches("look|here|in|out|over|someone|it|done|fixed|ready|fix|someone"))
                .findFirst()).or(() -> ahead.stream().findFirst()).map(Found::date).orElse(null);
    }

    private static void add(List<Found> found, String text, Matcher m, LocalDate date) {
        found.add(new Found(date, m.start(), m.end(), cueWord(text, m.start())));
    }

    private static boolean cueBefore(String text, int start) {
        return CUE.matcher(text.substring(Math.max(0, start - 14), start)).find();
    }

    private static String cueWord(String text, int start) {
        if (STOPPED.matcher(text.substring(Math.max(0, start - 30), start)).find()) {
            return "since"; // "stopped working this morning": when it happened
        }
        String before = text.substring(Math.max(0, start - 14), start).toLowerCase(Locale.ROOT);
        Matcher m = LAST_WORD.matcher(before);
        return m.find() ? m.group(1) : "";
    }

    /** The day of {@code month} in the year written, else from two months back to ten ahead (mostly ahead: plans). */
    private static LocalDate near(LocalDate today, int month, int day, String year) {
        if (year != null) {
            return date(Integer.parseInt(year), month, day);
        }
        LocalDate date = date(today.getYear(), month, day);
        if (date == null) {
            return null;
        }
        if (date.isBefore(today.minusMonths(2))) {
            return date.plusYears(1);
        }
        return date.isAfter(today.plusMonths(10)) ? date.minusYears(1) : date;
    }

    private static LocalDate date(int year, int month, int day) {
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int month(String name) {
        String n = name.toLowerCase(Locale.ROOT).substring(0, 3);
        for (Month month : Month.values()) {
            if (month.name().toLowerCase(Locale.ROOT).startsWith(n)) {
                return month.getValue();
            }
        }
        throw new IllegalArgumentException(name);
    }

    private static DayOfWeek weekday(String word) {
        String w = word.substring(0, 2);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().toLowerCase(Locale.ROOT).startsWith(w)) {
                return day;
            }
        }
        throw new IllegalArgumentException(word);
    }
}
