package com.smbhub.platform.security;

import static com.smbhub.platform.security.Grant.ALL;
import static com.smbhub.platform.security.Grant.ASSIGNED;
import static com.smbhub.platform.security.Grant.NONE;

import java.util.EnumMap;
import java.util.Map;

/**
 * The permission matrix of PRD 2.2 — the one place in code that says who may do what. The
 * backend enforces it ({@link Access}), the UI hides what it forbids, the API reports it as
 * allowed_actions. No code outside this package compares roles ({@code RoleRulesLiveInTheMatrixTest}).
 */
public final class Permissions {

    private static final Map<Capability, Grant[]> MATRIX = new EnumMap<>(Capability.class);

    static {
        //                                    OWNER ADMIN STAFF AGENT     VIEWER
        row(Capability.MANAGE_TEAM,           ALL, ALL, NONE, NONE, NONE);
        row(Capability.MANAGE_SETTINGS,       ALL, ALL, NONE, NONE, NONE);
        row(Capability.MANAGE_BILLING,        ALL, NONE, NONE, NONE, NONE);
        row(Capability.MANAGE_OWNERS,         ALL, NONE, NONE, NONE, NONE);
        row(Capability.CONTACTS_READ,         ALL, ALL, ALL, ASSIGNED, ALL);
        row(Capability.CONTACTS_WRITE,        ALL, ALL, ALL, ASSIGNED, NONE);
        row(Capability.CONTACTS_MERGE,        ALL, ALL, ALL, NONE, NONE);
        row(Capability.INBOX_READ,            ALL, ALL, ALL, ASSIGNED, ALL);
        row(Capability.INBOX_RESPOND,         ALL, ALL, ALL, ASSIGNED, NONE);
        row(Capability.INBOX_ASSIGN,          ALL, ALL, ALL, NONE, NONE);
        row(Capability.WORK_READ,             ALL, ALL, ALL, ASSIGNED, ALL);
        row(Capability.WORK_WRITE,            ALL, ALL, ALL, ASSIGNED, NONE);
        row(Capability.MONEY_READ,            ALL, ALL, ALL, ASSIGNED, ALL);
        row(Capability.MONEY_DRAFT,           ALL, ALL, ALL, ASSIGNED, NONE);
        row(Capability.MONEY_SEND,            ALL, ALL, ALL, NONE, NONE);
        row(Capability.MONEY_VOID,            ALL, ALL, NONE, NONE, NONE);
        row(Capability.MONEY_OTHER_CURRENCY,  ALL, ALL, NONE, NONE, NONE);
        row(Capability.PAYMENTS_READ,         ALL, ALL, ALL, NONE, ALL);
        row(Capability.PAYMENTS_RECORD,       ALL, ALL, ALL, NONE, NONE);
        row(Capability.EXPENSES_READ,         ALL, ALL, ALL, ASSIGNED, ALL);
        row(Capability.EXPENSES_WRITE,        ALL, ALL, ALL, ASSIGNED, NONE);
        row(Capability.EXPENSES_APPROVE,      ALL, ALL, NONE, NONE, NONE);
        row(Capability.AI_DRAFTS_CREATE,      ALL, ALL, ALL, ASSIGNED, NONE);
        row(Capability.AI_DRAFTS_APPROVE,     ALL, ALL, ALL, ASSIGNED, NONE);
        row(Capability.EXPORT,                ALL, ALL, NONE, NONE, NONE);
        row(Capability.RUN_JOBS,              ALL, ALL, NONE, NONE, NONE);
    }

    /**
     * The grants platform ops act with inside a business, only when deciding a draft it sent to their review
     * queue (entered through {@code TenantEntry.asOps}, audited): STAFF's — edit, approve, apply, reject.
     */
    public static final Role OPS_REVIEWER = Role.STAFF;

    /**
     * The grants a business's own automation acts with (entered through {@code TenantEntry.asAutomation}, audited),
     * only for what the business turned on in Settings → Inbox — drafting new messages, applying sure drafts: STAFF's.
     */
    public static final Role AUTOMATION = Role.STAFF;

    private Permissions() {
    }

    private static void row(Capability capability, Grant... byRole) {
        if (byRole.length != Role.values().length) {
            throw new IllegalStateException("Matrix row " + capability + " needs one grant per role");
        }
        MATRIX.put(capability, byRole);
    }

    public static Grant grant(Role role, Capability capability) {
        Grant[] row = MATRIX.get(capability);
        if (row == null || role == null) {
            return NONE;
        }
        return row[role.ordinal()];
    }

    public static boolean allows(Role role, Capability capability) {
        return grant(role, capability) != NONE;
    }
}
