package com.smbhub.platform.security;

/** The rows of the permission matrix (PRD 2.2), split into read and write where the PRD does. */
public enum Capability {
    MANAGE_TEAM,
    MANAGE_SETTINGS,
    MANAGE_BILLING,
    CONTACTS_READ,
    CONTACTS_WRITE,
    INBOX_READ,
    INBOX_RESPOND,
    WORK_READ,
    WORK_WRITE,
    MONEY_READ,
    MONEY_DRAFT,
    MONEY_SEND,
    PAYMENTS_READ,
    PAYMENTS_RECORD,
    EXPENSES_READ,
    EXPENSES_WRITE,
    AI_DRAFTS_APPROVE,
    EXPORT
}
