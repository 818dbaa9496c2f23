package com.smbhub.platform.status;

/**
 * What a status means at a glance, the same for every kind of record so one colour means one thing wherever a
 * status is shown. Each status enum gives each of its states one.
 */
public enum Tone {
    /** The money is in or the work is done (paid, approved, done). */
    DONE,
    /** Someone has to act (overdue, failed, refused). */
    ACT,
    /** Over, or not out yet (draft, void, refunded, expired, canceled). */
    QUIET,
    /** Under way. */
    UNDER_WAY;

    /** A status with a tone. */
    public interface Toned {
        Tone tone();

        String name();
    }
}
