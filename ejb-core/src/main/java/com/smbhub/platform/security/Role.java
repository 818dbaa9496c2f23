package com.smbhub.platform.security;

/** A member's role inside one business (PRD 2.2). */
public enum Role {
    OWNER, ADMIN, STAFF, AGENT, VIEWER;

    /** The role a business must always keep one active member in. */
    public boolean isOwner() {
        return this == OWNER;
    }
}
