package com.smbhub.platform.time;

import com.smbhub.platform.tenancy.RequestContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The time that business rules read: "now" for sent/paid/decided times and each business's "today"
 * (due today, overdue, today's payments, issue dates). It is the system clock, except where a test
 * stack ({@code smbhub.test-support=true}, see {@link TestSupport}) moved one business's clock, so a
 * test can run at an hour when that business's date differs from UTC's without touching any other
 * business. Security times (tokens, links, caches) keep the real clock.
 */
public final class BusinessClock {

    private static final Map<String, Duration> SHIFTS = new ConcurrentHashMap<>();

    private BusinessClock() {
    }

    /** Now, for the business of the current request (the real clock outside one). */
    public static Instant now() {
        return SHIFTS.isEmpty() ? Instant.now() : now(RequestContext.current().map(RequestContext::tenantId).orElse(null));
    }

    /** Now, for the given business. */
    public static Instant now(String tenantId) {
        Duration shift = tenantId == null ? null : SHIFTS.get(tenantId);
        return shift == null ? Instant.now() : Instant.now().plus(shift);
    }

    /** The current business's date in its zone. */
    public static LocalDate today(ZoneId zone) {
        return LocalDate.ofInstant(now(), zone);
    }

    /** The start of the current business's day, as an instant. */
    public static Instant startOfToday(ZoneId zone) {
        return today(zone).atStartOfDay(zone).toInstant();
    }

    /** Runs this business's clock as if it were {@code at} now, time moving on from there. */
    static void set(String tenantId, Instant at) {
        SHIFTS.put(tenantId, Duration.between(Instant.now(), at));
    }

    static void reset(String tenantId) {
        SHIFTS.remove(tenantId);
    }
}
