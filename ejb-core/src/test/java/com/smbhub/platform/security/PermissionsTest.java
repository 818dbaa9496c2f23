package com.smbhub.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Every cell of the PRD 2.2 matrix, written out again here from the PRD so that a change to
 * {@link Permissions} must be a deliberate change to this table too.
 * Legend: A = all, S = assigned items only (AGENT), - = none.
 */
class PermissionsTest {

    @ParameterizedTest(name = "{0}: OWNER={1} ADMIN={2} STAFF={3} AGENT={4} VIEWER={5}")
    @CsvSource({
            "MANAGE_TEAM,       A, A, -, -, -",
            "MANAGE_SETTINGS,   A, A, -, -, -",
            "MANAGE_BILLING,    A, -, -, -, -",
            "MANAGE_OWNERS,     A, -, -, -, -",
            "CONTACTS_READ,     A, A, A, S, A",
            "CONTACTS_WRITE,    A, A, A, S, -",
            "CONTACTS_MERGE,    A, A, A, -, -",
            "INBOX_READ,        A, A, A, S, A",
            "INBOX_RESPOND,     A, A, A, S, -",
            "INBOX_ASSIGN,      A, A, A, -, -",
            "WORK_READ,         A, A, A, S, A",
            "WORK_WRITE,        A, A, A, S, -",
            "MONEY_READ,        A, A, A, S, A",
            "MONEY_DRAFT,       A, A, A, S, -",
            "MONEY_SEND,        A, A, A, -, -",
            "MONEY_VOID,        A, A, -, -, -",
            "MONEY_OTHER_CURRENCY, A, A, -, -, -",
            "PAYMENTS_READ,     A, A, A, -, A",
            "PAYMENTS_RECORD,   A, A, A, -, -",
            "EXPENSES_READ,     A, A, A, S, A",
            "EXPENSES_WRITE,    A, A, A, S, -",
            "EXPENSES_APPROVE,  A, A, -, -, -",
            "AI_DRAFTS_CREATE,  A, A, A, S, -",
            "AI_DRAFTS_APPROVE, A, A, A, S, -",
            "EXPORT,            A, A, -, -, -",
            "RUN_JOBS,          A, A, -, -, -",
    })
    void matrixCellMatchesThePrd(Capability capability, String owner, String admin, String staff, String agent,
                                 String viewer) {
        String[] expected = {owner, admin, staff, agent, viewer};
        for (Role role : Role.values()) {
            assertEquals(grant(expected[role.ordinal()]), Permissions.grant(role, capability),
                    capability + " for " + role);
        }
    }

    @Test
    void everyCapabilityHasARowInThisTest() throws Exception {
        String[] rows = PermissionsTest.class.getDeclaredMethod("matrixCellMatchesThePrd", Capability.class,
                        String.class, String.class, String.class, String.class, String.class)
                .getAnnotation(CsvSource.class).value();
        Set<Capability> covered = Arrays.stream(rows).map(r -> Capability.valueOf(r.split(",")[0].trim()))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Capability.class)));
        assertEquals(EnumSet.allOf(Capability.class), covered);
    }

    @Test
    void opsReviewingADraftMayDecideAndDraftButNotVoidOrManage() {
        Role ops = Permissions.OPS_REVIEWER;
        for (Capability may : EnumSet.of(Capability.AI_DRAFTS_APPROVE, Capability.WORK_WRITE, Capability.MONEY_DRAFT)) {
            assertEquals(Grant.ALL, Permissions.grant(ops, may), may.name());
        }
        for (Capability never : EnumSet.of(Capability.MONEY_VOID, Capability.MANAGE_SETTINGS, Capability.MANAGE_TEAM,
                Capability.EXPORT, Capability.MONEY_OTHER_CURRENCY)) {
            assertEquals(Grant.NONE, Permissions.grant(ops, never), never.name());
        }
    }

    @Test
    void noRoleMeansNoAccess() {
        for (Capability capability : Capability.values()) {
            assertEquals(Grant.NONE, Permissions.grant(null, capability));
        }
    }

    private static Grant grant(String cell) {
        return switch (cell) {
            case "A" -> Grant.ALL;
            case "S" -> Grant.ASSIGNED;
            default -> Grant.NONE;
        };
    }
}
