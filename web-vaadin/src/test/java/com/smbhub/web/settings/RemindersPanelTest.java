package com.smbhub.web.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.smbhub.job.JobRunView;
import com.smbhub.job.Jobs;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What an owner reads about the payment reminders' schedule and runs, in the business's time zone. */
class RemindersPanelTest {

    private static final ZoneId TORONTO = ZoneId.of("America/Toronto");

    @Test
    void offSaysWhereToTurnThemOn() {
        Jobs.Reminders off = new Jobs.Reminders(false, "America/Toronto", 9, null, List.of());
        assertEquals("Payment reminders are off: turn them on under Business, with the days after the due date they go out.",
                RemindersPanel.state(off));
        assertEquals("No run is scheduled.", RemindersPanel.next(off));
    }

    @Test
    void theNextRunIsInTheBusinesssZone() {
        Jobs.Reminders on = new Jobs.Reminders(true, "America/Toronto", 9, Instant.parse("2026-12-05T14:00:00Z"), List.of());
        assertEquals("Next run: 5 Dec 2026, 09:00.", RemindersPanel.next(on));
        assertEquals("Each unpaid invoice past its due date gets the reminder due that day, once, by e-mail — from 7:00 in your"
                + " time zone (America/Toronto). A paid or voided invoice gets none.",
                RemindersPanel.state(new Jobs.Reminders(true, "America/Toronto", 7, null, List.of())));
    }

    @Test
    void eachRunSaysWhoStartedItAndWhatItDid() {
        Instant at = Instant.parse("2026-12-05T14:00:05Z");
        assertEquals("5 Dec 2026, 09:00 (on schedule): 2 reminders sent, 1 not needed any more, 1 could not be sent.",
                RemindersPanel.line(run("SCHEDULE", "COMPLETED", at, 2, 1, 1), TORONTO));
        assertEquals("5 Dec 2026, 09:00 (Run now): 1 reminder sent.", RemindersPanel.line(run("MANUAL", "COMPLETED", at, 1, 0, 0), TORONTO));
        assertEquals("5 Dec 2026, 09:00 (Run now): no reminder was due.", RemindersPanel.line(run("MANUAL", "COMPLETED", at, 0, 0, 0), TORONTO));
        assertEquals("5 Dec 2026, 09:00 (Run now): sending…", RemindersPanel.line(run("MANUAL", "STARTED", at, 0, 0, 0), TORONTO));
        assertEquals("5 Dec 2026, 09:00 (on schedule): failed.", RemindersPanel.line(run("SCHEDULE", "FAILED", at, 0, 0, 0), TORONTO));
    }

    private static JobRunView run(String trigger, String status, Instant at, int done, int skipped, int failed) {
        return new JobRunView("r1", "ar-reminders", trigger, status, 1L, null, at, null, done, null, skipped, failed, null, null);
    }
}
