package com.smbhub.platform.security;

import jakarta.ejb.ApplicationException;

/** The caller's role does not allow this action (PRD error code FORBIDDEN). */
@ApplicationException(rollback = true)
public class PermissionDeniedException extends RuntimeException {

    private final Capability capability;

    public PermissionDeniedException(Capability capability) {
        super("Your role does not allow this action");
        this.capability = capability;
    }

    public Capability capability() {
        return capability;
    }
}
