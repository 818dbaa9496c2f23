package com.smbhub.platform.security;

/** The rows of the permission matrix (PRD 2.2), split into read and write where the PRD does. */
public enum Capability {
    MANAGE_TEAM,
    MANAGE_SETTINGS,
    MANAGE_BILLING,
    /** Make someone an owner, or change or disable an owner. */
    MANAGE_OWNERS,
    CONTACTS_READ,
    CONTACTS_WRITE,
    /** Merge two contacts (moves everything of one onto the other). */
    CONTACTS_MERGE,
    INBOX_READ,
    INBOX_RESPOND,
    /** Give a conversation to a teammate (the issue: assignment by STAFF and up). */
    INBOX_ASSIGN,
    WORK_READ,
    WORK_WRITE,
    MONEY_READ,
    MONEY_DRAFT,
    MONEY_SEND,
    /** Cancel a draft or sent invoice. */
    MONEY_VOID,
    /** Bill in a currency other than the business's. */
    MONEY_OTHER_CURRENCY,
    PAYMENTS_READ,
    PAYMENTS_RECORD,
    EXPENSES_READ,
    EXPENSES_WRITE,
    EXPENSES_APPROVE,
    /** Turn a message or receipt into a Text-to-Task draft, edit it, send it to the ops team's review. */
    AI_DRAFTS_CREATE,
    /** Decide a draft: approve, apply (makes the work item, quote or invoice in DRAFT state) or reject. */
    AI_DRAFTS_APPROVE,
    EXPORT,
    /** Run a business's jobs now (payment reminders, export, POS sync) and see their runs. */
    RUN_JOBS
}
