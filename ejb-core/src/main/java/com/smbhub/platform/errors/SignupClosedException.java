package com.smbhub.platform.errors;

import jakarta.ejb.ApplicationException;

/** Sign-up is not open on this installation (SMBHUB_SIGNUP=invite or closed): 403 SIGNUP_CLOSED. */
@ApplicationException(rollback = true)
public class SignupClosedException extends RuntimeException {

    public SignupClosedException(String message) {
        super(message);
    }
}
