package com.smbhub.invoice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.smbhub.money.DocumentDraft;
import com.smbhub.money.LineItem;
import com.smbhub.money.Totals;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What is due after payments and refunds: never below zero; what is paid beyond the total is a credit. */
class InvoicePaymentsTest {

    private static Invoice sentFor(String amount) {
        List<LineItem> lines = List.of(new LineItem("Repair", BigDecimal.ONE, new BigDecimal(amount), null));
        DocumentDraft draft = new DocumentDraft("c", null, LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 15), "CAD",
                Totals.Pricing.TAX_EXCLUSIVE, null, lines, Totals.Discount.none(), null, null);
        Invoice invoice = new Invoice("INV-1", "c", null, null, "CAD");
        invoice.apply(draft, Totals.compute(lines, Map.of(), Totals.Pricing.TAX_EXCLUSIVE, Totals.Discount.none(), "CAD"));
        invoice.markSent(Instant.EPOCH);
        return invoice;
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void anOverpaymentIsPaidWithACreditAndNoNegativeDue() {
        Invoice invoice = sentFor("226.00");
        invoice.applyPayment(d("100.00"));
        assertEquals(InvoiceStatus.PARTIALLY_PAID, invoice.getStatus());
        invoice.applyPayment(d("226.00"));
        assertEquals(InvoiceStatus.PAID, invoice.getStatus());
        assertEquals(0, invoice.getAmountDue().signum());
        assertEquals(d("100.00"), invoice.credit());
    }

    @Test
    void aRefundOfTheExcessLeavesItPaidAndARefundBeyondOpensTheDueAgain() {
        Invoice invoice = sentFor("50.00");
        invoice.applyPayment(d("80.00"));
        invoice.applyPayment(d("-30.00"));
        assertEquals(InvoiceStatus.PAID, invoice.getStatus());
        assertEquals(0, invoice.credit().signum());
        invoice.applyPayment(d("-20.00"));
        assertEquals(InvoiceStatus.PARTIALLY_PAID, invoice.getStatus());
        assertEquals(d("20.00"), invoice.getAmountDue());
    }
}
