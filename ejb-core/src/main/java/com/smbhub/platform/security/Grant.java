package com.smbhub.platform.security;

/** How far a role may use a capability. */
public enum Grant {
    /** Everything in the business. */
    ALL,
    /** Only items assigned to the caller (AGENT default). */
    ASSIGNED,
    /** Not at all. */
    NONE
}
