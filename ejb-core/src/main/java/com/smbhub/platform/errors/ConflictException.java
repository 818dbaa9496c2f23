package com.smbhub.platform.errors;

import jakarta.ejb.ApplicationException;

/** The object changed since the caller read it (or would duplicate another): 409 with the current state. */
@ApplicationException(rollback = true)
public class ConflictException extends RuntimeException {

    private final transient Object current;

    public ConflictException(String message, Object current) {
        super(message);
        this.current = current;
    }

    /** The current object (a view record), for the response. */
    public Object current() {
        return current;
    }
}
