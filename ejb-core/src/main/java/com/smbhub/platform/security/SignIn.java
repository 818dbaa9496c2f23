package com.smbhub.platform.security;

import java.time.Duration;

/** The outcome of a password check. Failures say nothing about whether the e-mail exists. */
public sealed interface SignIn {

    record Success(String userId, String email, String displayName, boolean ops) implements SignIn {
    }

    record Rejected() implements SignIn {
    }

    /** Too many failures in a row: the account is slowed down for a while. */
    record Throttled(Duration retryAfter) implements SignIn {
    }
}
