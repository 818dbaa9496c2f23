package com.smbhub.profile;

import jakarta.ejb.ApplicationException;

/** The business's profile turns this module off (PRD error code CAPABILITY_DISABLED). */
@ApplicationException(rollback = true)
public class CapabilityDisabledException extends RuntimeException {

    private final String capability;

    public CapabilityDisabledException(String capability) {
        super("This feature is turned off for your business: " + capability);
        this.capability = capability;
    }

    public String capability() {
        return capability;
    }
}
