package com.smbhub.platform.webhook;

/** A kept provider event's state ({@code webhook_events.status}, the same check in the database). */
public enum WebhookEventStatus {
    /** Kept, waiting for (another) processing attempt. */
    RECEIVED,
    /** Applied. */
    PROCESSED,
    /** Every attempt failed; left for ops. */
    FAILED,
    /** A kind of event this server does not act on. */
    IGNORED,
    /** Names no business, or one it may not touch. */
    REJECTED;

    /** Whether ops may try it again now. */
    public boolean retryable() {
        return this == RECEIVED || this == FAILED;
    }
}
