package com.smbhub.platform.errors;

import jakarta.ejb.ApplicationException;

/** Nothing by that id in the current business — said the same way whether it exists elsewhere or not. */
@ApplicationException(rollback = true)
public class NotFoundException extends RuntimeException {
    public NotFoundException(String what) {
        super("No such " + what);
    }
}
