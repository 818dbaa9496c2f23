package com.smbhub.platform.mail;

import jakarta.ejb.ApplicationException;

/** The mail server did not take the message (PRD error code PROVIDER_ERROR); nothing was marked sent. */
@ApplicationException(rollback = true)
public class MailFailedException extends RuntimeException {

    public MailFailedException(String reason) {
        super(reason);
    }
}
