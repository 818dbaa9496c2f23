package com.smbhub.platform.errors;

import jakarta.ejb.ApplicationException;
import java.util.function.Supplier;

/** The object changed since the caller read it (or would duplicate another): 409 with the current state. */
@ApplicationException(rollback = true)
public class ConflictException extends RuntimeException {

    private final transient Object current;

    public ConflictException(String message, Object current) {
        super(message);
        this.current = current;
    }

    /**
     * The one lost-update rule: a change must name the version it was based on (none: 428) and that
     * version must still be the record's (else 409 with the current state).
     */
    public static void checkVersion(long actual, Long expected, String message, Supplier<Object> current) {
        if (expected == null) {
            throw new VersionRequiredException();
        }
        if (actual != expected) {
            throw new ConflictException(message, current.get());
        }
    }

    /** The current object (a view record), for the response. */
    public Object current() {
        return current;
    }
}
