package com.smbhub.invoice;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * How far the collection of an unpaid invoice has gone (the stored {@code ar_stage}): no reminder yet, the first,
 * the second, the final one. Each reminder moves it on by one; the automatic reminders may skip to the stage due
 * now after a pause, so a client never gets three mails at once.
 */
public enum ArStage {
    NONE, REMINDER_1, REMINDER_2, FINAL;

    public static ArStage of(String stored) {
        return stored == null ? NONE : valueOf(stored);
    }

    /** The stage's name in settings ({@code reminder_1}, {@code reminder_2}, {@code final}; EffectiveProfile.AR_STAGES). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The stage one reminder later (FINAL stays FINAL). */
    public ArStage next() {
        return this == FINAL ? FINAL : values()[ordinal() + 1];
    }

    /** The reminder after this one is the last. */
    public boolean nextIsFinal() {
        return next() == FINAL;
    }

    /**
     * The stage due on {@code today} for an invoice due on {@code due}, with reminders on {@code daysAfterDue}
     * (ascending; the first day gives REMINDER_1, the second REMINDER_2, the third FINAL): the latest whose day has
     * come, or NONE.
     */
    public static ArStage dueOn(LocalDate due, LocalDate today, List<Integer> daysAfterDue) {
        ArStage reached = NONE;
        List<Integer> days = daysAfterDue.stream().sorted().limit(3).toList();
        for (int i = 0; i < days.size(); i++) {
            if (!today.isBefore(due.plusDays(days.get(i)))) {
                reached = values()[i + 1];
            }
        }
        // fewer than three days set: the last one set is the final reminder
        return reached != NONE && reached.ordinal() == days.size() ? FINAL : reached;
    }
}
