package com.smbhub.platform.security;

/** A member's role inside one business (PRD 2.2). */
public enum Role {
    OWNER, ADMIN, STAFF, AGENT, VIEWER
}
