package com.smbhub.invoice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.smbhub.profile.EffectiveProfile;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** When the quarter-hour schedule next sends a business's reminders, in the business's own day. */
class ArRemindersScheduleTest {

    private static final ZoneId TORONTO = ZoneId.of("America/Toronto");

    @Test
    void beforeNineTheRunIsAtNineThatMorning() {
        assertEquals(Instant.parse("2026-12-05T14:00:00Z"), ArReminders.nextRun(Instant.parse("2026-12-05T06:10:00Z"), TORONTO, 9, false));
        assertEquals(Instant.parse("2026-12-05T14:00:00Z"), ArReminders.nextRun(Instant.parse("2026-12-05T06:10:00Z"), TORONTO, 9, true),
                "a run a person started before nine is not the day's scheduled run");
    }

    @Test
    void afterNineTheNextQuarterHourUntilTodaysRunHasStarted() {
        assertEquals(Instant.parse("2026-12-05T14:15:00Z"), ArReminders.nextRun(Instant.parse("2026-12-05T14:03:10Z"), TORONTO, 9, false));
        assertEquals(Instant.parse("2026-12-05T15:00:00Z"), ArReminders.nextRun(Instant.parse("2026-12-05T14:45:00Z"), TORONTO, 9, false));
        assertEquals(Instant.parse("2026-12-06T14:00:00Z"), ArReminders.nextRun(Instant.parse("2026-12-05T14:03:10Z"), TORONTO, 9, true));
    }

    @Test
    void theBusinessChoosesTheHour() {
        assertEquals(Instant.parse("2026-12-05T11:00:00Z"), ArReminders.nextRun(Instant.parse("2026-12-05T06:10:00Z"), TORONTO, 6, false));
        assertEquals(Instant.parse("2026-12-05T06:15:00Z"), ArReminders.nextRun(Instant.parse("2026-12-05T06:10:00Z"), TORONTO, 0, false));
        assertEquals(Instant.parse("2026-12-06T05:00:00Z"), ArReminders.nextRun(Instant.parse("2026-12-05T06:10:00Z"), TORONTO, 0, true));
    }

    @Test
    void lateInTheEveningTomorrowIsTheBusinesssTomorrow() {
        // 23:30 in Toronto is already the next day in UTC
        assertEquals(Instant.parse("2026-12-06T14:00:00Z"), ArReminders.nextRun(Instant.parse("2026-12-06T04:30:00Z"), TORONTO, 9, true));
        assertEquals(Instant.parse("2026-03-08T13:00:00Z"), ArReminders.nextRun(Instant.parse("2026-03-07T20:00:00Z"), TORONTO, 9, true),
                "nine o'clock after the clocks go forward");
    }

    @Test
    void eachReminderStageIsNamedInSettingsAsTheProfileNamesIt() {
        assertEquals(EffectiveProfile.AR_STAGES, Arrays.stream(ArStage.values()).filter(s -> s != ArStage.NONE).map(ArStage::key).toList());
    }
}
