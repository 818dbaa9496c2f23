package com.smbhub.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.smbhub.money.LifecycleTable;
import com.smbhub.payment.PaymentStatus.Action;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every (state, action) pair of the payment lifecycle, written out again. Y = allowed, - = refused. */
class PaymentStatusTest {

    @ParameterizedTest(name = "{0}: SETTLE={1} REFUND={2}")
    @CsvSource({
            "PENDING,   Y, -",
            "SUCCEEDED, -, Y",
            "FAILED,    -, -",
            "REFUNDED,  -, -",
    })
    void eachStateAllowsExactlyItsActions(PaymentStatus status, String settle, String refund) {
        LifecycleTable.assertRow(status, Action.values(), status::allows, settle, refund);
    }

    @Test
    void everyStateAndActionHasItsCell() {
        LifecycleTable.assertComplete(PaymentStatusTest.class, PaymentStatus.class, Action.class);
    }

    @Test
    void aPartRefundKeepsThePaymentAndAWholeOneEndsIt() {
        BigDecimal amount = new BigDecimal("226.00");
        assertEquals(PaymentStatus.SUCCEEDED, PaymentStatus.SUCCEEDED.afterRefunded(new BigDecimal("26.00"), amount));
        assertEquals(PaymentStatus.REFUNDED, PaymentStatus.SUCCEEDED.afterRefunded(amount, amount));
    }
}
