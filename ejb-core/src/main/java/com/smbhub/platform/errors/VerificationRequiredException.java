package com.smbhub.platform.errors;

import jakarta.ejb.ApplicationException;

/** The business's owner has not verified their e-mail address yet, so nothing goes to a client: 403, nothing changed. */
@ApplicationException(rollback = true)
public class VerificationRequiredException extends RuntimeException {

    public VerificationRequiredException() {
        super("Verify your e-mail address first: follow the link we e-mailed you, or ask for a new one"
                + " (Resend verification). Until then you can set up and draft everything, but nothing is sent to a client.");
    }
}
