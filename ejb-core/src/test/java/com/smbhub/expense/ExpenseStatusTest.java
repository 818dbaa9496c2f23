package com.smbhub.expense;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.smbhub.expense.ExpenseStatus.Action;
import com.smbhub.money.LifecycleTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every (state, action) pair of the expense lifecycle, written out again. Y = allowed, - = refused. */
class ExpenseStatusTest {

    @ParameterizedTest(name = "{0}: EDIT={1} SUBMIT={2} APPROVE={3} REJECT={4} DELETE={5}")
    @CsvSource({
            "DRAFT,     Y, Y, -, -, Y",
            "SUBMITTED, -, -, Y, Y, -",
            "APPROVED,  -, -, -, -, -",
            "REJECTED,  Y, -, -, -, Y",
    })
    void eachStateAllowsExactlyItsActions(ExpenseStatus status, String edit, String submit, String approve, String reject,
                                          String delete) {
        LifecycleTable.assertRow(status, Action.values(), status::allows, edit, submit, approve, reject, delete);
    }

    @Test
    void everyStateAndActionHasItsCell() {
        LifecycleTable.assertComplete(ExpenseStatusTest.class, ExpenseStatus.class, Action.class);
    }

    @Test
    void aRejectedExpenseIsCorrectedIntoADraftAndSubmittedAgain() {
        assertEquals(ExpenseStatus.SUBMITTED, ExpenseStatus.DRAFT.after(Action.SUBMIT));
        assertEquals(ExpenseStatus.APPROVED, ExpenseStatus.SUBMITTED.after(Action.APPROVE));
        assertEquals(ExpenseStatus.REJECTED, ExpenseStatus.SUBMITTED.after(Action.REJECT));
        assertEquals(ExpenseStatus.DRAFT, ExpenseStatus.REJECTED.after(Action.EDIT));
        assertEquals(ExpenseStatus.DRAFT, ExpenseStatus.DRAFT.after(Action.EDIT));
        assertThrows(IllegalStateException.class, () -> ExpenseStatus.APPROVED.after(Action.EDIT));
        assertThrows(IllegalStateException.class, () -> ExpenseStatus.SUBMITTED.after(Action.SUBMIT));
    }
}
