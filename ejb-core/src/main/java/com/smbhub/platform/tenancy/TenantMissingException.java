package com.smbhub.platform.tenancy;

import jakarta.ejb.ApplicationException;

/** A tenant-scoped call came without a business: it fails closed. */
@ApplicationException(rollback = true)
public class TenantMissingException extends RuntimeException {
    public TenantMissingException() {
        super("No business is selected for this call");
    }
}
