package com.smbhub.platform.mail;

import com.smbhub.platform.errors.ProviderException;
import jakarta.ejb.ApplicationException;

/** The mail server did not take the message; nothing was marked sent. */
@ApplicationException(rollback = true)
public class MailFailedException extends ProviderException {

    public MailFailedException(String reason) {
        super(reason);
    }
}
