package com.smbhub.invoice;

import java.util.Arrays;

/** Why an invoice gets no automatic payment reminders (stored in {@code invoices.reminder_hold}; none: they go). */
public enum ReminderHold {
    DISPUTED("The client disputes it"),
    OPTED_OUT("The client asked for no reminders");

    public final String words;

    ReminderHold(String words) {
        this.words = words;
    }

    /** A stored or requested name; unknown names are {@code null}. */
    public static ReminderHold of(String name) {
        return Arrays.stream(values()).filter(h -> h.name().equals(name)).findFirst().orElse(null);
    }
}
