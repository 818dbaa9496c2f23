package com.smbhub.platform.errors;

import jakarta.ejb.ApplicationException;
import java.time.Duration;

/** Too many attempts of one kind from one address or for one e-mail: 429 with Retry-After, nothing changed. */
@ApplicationException(rollback = true)
public class RateLimitedException extends RuntimeException {

    private final Duration retryAfter;

    public RateLimitedException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
