package com.smbhub.platform.errors;

import jakarta.ejb.ApplicationException;

/** An outside provider (mail server, Stripe) refused or failed (PRD error code PROVIDER_ERROR); nothing was changed. */
@ApplicationException(rollback = true)
public class ProviderException extends RuntimeException {

    public ProviderException(String reason) {
        super(reason);
    }
}
