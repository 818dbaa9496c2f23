package com.smbhub.platform.security;

import jakarta.ejb.ApplicationException;

/** The caller is not an active member of the business the call is for. */
@ApplicationException(rollback = true)
public class NotAMemberException extends RuntimeException {
    public NotAMemberException() {
        super("You are not an active member of this business");
    }
}
