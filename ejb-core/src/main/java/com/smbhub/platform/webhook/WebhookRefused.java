package com.smbhub.platform.webhook;

import jakarta.ejb.ApplicationException;

/** A provider's webhook call refused before anything is kept: the answer's status and code come from the reason. */
@ApplicationException(rollback = true)
public class WebhookRefused extends RuntimeException {

    /** Why, and how it is answered. */
    public enum Reason {
        /** The signature does not match, or names no account of ours. */
        FORGED(403, "INVALID_SIGNATURE"),
        /** Stripe's way: a missing or wrong signature, or a body that is not an event, answered 400. */
        BAD_EVENT(400, "INVALID_SIGNATURE"),
        /** Signed, but lacking what the provider always sends. */
        BAD_REQUEST(400, "INVALID_REQUEST"),
        /** This server has no key to check the signature with. */
        NOT_CONFIGURED(503, "NOT_CONFIGURED");

        public final int status;
        public final String code;

        Reason(int status, String code) {
            this.status = status;
            this.code = code;
        }
    }

    private final Reason reason;

    public WebhookRefused(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
