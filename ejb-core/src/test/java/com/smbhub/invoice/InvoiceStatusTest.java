package com.smbhub.invoice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.smbhub.invoice.InvoiceStatus.Action;
import com.smbhub.money.LifecycleTable;
import java.math.BigDecimal;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every (state, action) pair of the invoice lifecycle, written out again here so that a change to
 * {@link InvoiceStatus} must be a deliberate change to this table too. Y = allowed, - = refused.
 */
class InvoiceStatusTest {

    @ParameterizedTest(name = "{0}: UPDATE={1} SHARE_LINK={2} SEND={3} REMIND={4} HOLD_REMINDERS={5} RESUME_REMINDERS={6}"
            + " PAY={7} PAYMENT_LINK={8} VOID={9}")
    @CsvSource({
            "DRAFT,          Y, Y, Y, -, -, -, -, Y, Y",
            "SENT,           -, Y, Y, Y, Y, Y, Y, Y, Y",
            "PARTIALLY_PAID, -, Y, Y, Y, Y, Y, Y, Y, -",
            "PAID,           -, Y, -, -, -, -, -, -, -",
            "VOID,           -, -, -, -, -, -, -, -, -",
            "OVERDUE,        -, -, -, -, -, -, -, -, -",
    })
    void eachStateAllowsExactlyItsActions(InvoiceStatus status, String update, String shareLink, String send, String remind,
                                          String hold, String resume, String pay, String paymentLink, String voidIt) {
        LifecycleTable.assertRow(status, Action.values(), status::allows, update, shareLink, send, remind, hold, resume, pay,
                paymentLink, voidIt);
    }

    @Test
    void everyStateAndActionHasItsCell() {
        LifecycleTable.assertComplete(InvoiceStatusTest.class, InvoiceStatus.class, Action.class);
    }

    @Test
    void overdueIsDerivedFromTheBusinessesDayOnlyWhileAwaitingPayment() {
        LifecycleTable.assertDerived(InvoiceStatus.class, InvoiceStatus.OVERDUE,
                EnumSet.of(InvoiceStatus.SENT, InvoiceStatus.PARTIALLY_PAID), InvoiceStatus::effective);
    }

    @Test
    void paymentsMoveTheStateAndRefundsMoveItBack() {
        BigDecimal zero = BigDecimal.ZERO;
        BigDecimal some = new BigDecimal("10.00");
        assertEquals(InvoiceStatus.PARTIALLY_PAID, InvoiceStatus.SENT.afterPayment(some, some));
        assertEquals(InvoiceStatus.PAID, InvoiceStatus.PARTIALLY_PAID.afterPayment(some, zero));
        assertEquals(InvoiceStatus.PARTIALLY_PAID, InvoiceStatus.PAID.afterPayment(some, some));
        assertEquals(InvoiceStatus.SENT, InvoiceStatus.PAID.afterPayment(zero, some));
        assertEquals(InvoiceStatus.DRAFT, InvoiceStatus.DRAFT.afterPayment(zero, some));
        assertEquals(InvoiceStatus.SENT, InvoiceStatus.DRAFT.afterSend());
        assertEquals(InvoiceStatus.PARTIALLY_PAID, InvoiceStatus.PARTIALLY_PAID.afterSend());
    }

    @Test
    void storedNamesAreReadBackAndUnknownOnesAreNot() {
        for (InvoiceStatus status : InvoiceStatus.values()) {
            assertEquals(status, InvoiceStatus.of(status.name()));
        }
        assertEquals(null, InvoiceStatus.of("draft"));
    }
}
