package com.smbhub.aidraft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.smbhub.aidraft.AiDraftStatus.Action;
import com.smbhub.money.LifecycleTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every (state, action) pair of the draft lifecycle, written out again. Y = allowed, - = refused. */
class AiDraftStatusTest {

    @ParameterizedTest(name = "{0}: EDIT={1} APPROVE={2} APPLY={3} REJECT={4} SEND_TO_QC={5}")
    @CsvSource({
            "PENDING_QC, Y, Y, Y, Y, Y",
            "APPROVED,   Y, -, Y, Y, -",
            "APPLIED,    -, -, Y, -, -",
            "REJECTED,   -, -, -, -, -",
    })
    void eachStateAllowsExactlyItsActions(AiDraftStatus status, String edit, String approve, String apply, String reject,
                                          String sendToQc) {
        LifecycleTable.assertRow(status, Action.values(), status::allows, edit, approve, apply, reject, sendToQc);
    }

    @Test
    void everyStateAndActionHasItsCell() {
        LifecycleTable.assertComplete(AiDraftStatusTest.class, AiDraftStatus.class, Action.class);
    }

    @Test
    void decisionsMoveAndEditsKeepTheState() {
        assertEquals(AiDraftStatus.APPROVED, AiDraftStatus.PENDING_QC.after(Action.APPROVE));
        assertEquals(AiDraftStatus.APPLIED, AiDraftStatus.PENDING_QC.after(Action.APPLY));
        assertEquals(AiDraftStatus.APPLIED, AiDraftStatus.APPROVED.after(Action.APPLY));
        assertEquals(AiDraftStatus.REJECTED, AiDraftStatus.APPROVED.after(Action.REJECT));
        assertEquals(AiDraftStatus.PENDING_QC, AiDraftStatus.PENDING_QC.after(Action.EDIT));
        assertEquals(AiDraftStatus.PENDING_QC, AiDraftStatus.PENDING_QC.after(Action.SEND_TO_QC));
        assertEquals(AiDraftStatus.APPLIED, AiDraftStatus.APPLIED.after(Action.APPLY), "applying again changes nothing");
        assertThrows(IllegalStateException.class, () -> AiDraftStatus.REJECTED.after(Action.APPLY));
        assertThrows(IllegalStateException.class, () -> AiDraftStatus.APPLIED.after(Action.REJECT));
    }
}
