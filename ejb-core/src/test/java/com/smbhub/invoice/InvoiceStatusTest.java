package com.smbhub.invoice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.smbhub.invoice.InvoiceStatus.Action;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every (state, action) pair of the invoice lifecycle, written out again here so that a change to
 * {@link InvoiceStatus} must be a deliberate change to this table too. Y = allowed, - = refused.
 */
class InvoiceStatusTest {

    @ParameterizedTest(name = "{0}: UPDATE={1} SHARE_LINK={2} SEND={3} REMIND={4} PAY={5} PAYMENT_LINK={6} VOID={7}")
    @CsvSource({
            "DRAFT,          Y, Y, Y, -, -, Y, Y",
            "SENT,           -, Y, Y, Y, Y, Y, Y",
            "PARTIALLY_PAID, -, Y, Y, Y, Y, Y, -",
            "PAID,           -, Y, -, -, -, -, -",
            "VOID,           -, -, -, -, -, -, -",
    })
    void eachStateAllowsExactlyItsActions(InvoiceStatus status, String update, String shareLink, String send, String remind,
                                          String pay, String paymentLink, String voidIt) {
        String[] expected = {update, shareLink, send, remind, pay, paymentLink, voidIt};
        for (Action action : Action.values()) {
            assertEquals("Y".equals(expected[action.ordinal()]), status.allows(action), status + " " + action);
        }
    }

    @Test
    void everyStateAndActionHasItsCell() throws Exception {
        String[] rows = InvoiceStatusTest.class.getDeclaredMethod("eachStateAllowsExactlyItsActions", InvoiceStatus.class,
                String.class, String.class, String.class, String.class, String.class, String.class, String.class)
                .getAnnotation(CsvSource.class).value();
        Set<InvoiceStatus> covered = Arrays.stream(rows).map(r -> InvoiceStatus.valueOf(r.split(",")[0].trim()))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(InvoiceStatus.class)));
        assertEquals(EnumSet.allOf(InvoiceStatus.class), covered);
        assertEquals(7, Action.values().length, "a new action needs a column above");
    }

    @Test
    void overdueIsDerivedFromTheBusinessesDayOnlyWhileAwaitingPayment() {
        LocalDate today = LocalDate.of(2027, 1, 14);
        for (InvoiceStatus status : InvoiceStatus.values()) {
            boolean awaiting = status == InvoiceStatus.SENT || status == InvoiceStatus.PARTIALLY_PAID;
            assertEquals(awaiting ? "OVERDUE" : status.name(), status.shown(today.minusDays(1), today), status.name());
            assertEquals(status.name(), status.shown(today, today), "due today is not overdue");
        }
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
        assertEquals(null, InvoiceStatus.of("OVERDUE"));
        assertEquals(null, InvoiceStatus.of("draft"));
    }
}
