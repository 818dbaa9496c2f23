package com.smbhub.web.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.smbhub.aidraft.AiDraftStatus;
import com.smbhub.expense.ExpenseStatus;
import com.smbhub.invoice.InvoiceStatus;
import com.smbhub.payment.PaymentStatus;
import com.smbhub.platform.status.Tone;
import com.smbhub.quote.QuoteStatus;
import com.smbhub.workitem.WorkItemStatus;
import com.vaadin.flow.component.html.Span;
import org.junit.jupiter.api.Test;

/** A status reads the same colour in every list: green done, red act now, grey over or not out, blue under way. */
class BadgesTest {

    @Test
    void eachMeaningHasOneColourAcrossKindsOfRecord() {
        assertEquals("badge success", theme(InvoiceStatus.PAID));
        assertEquals("badge success", theme(PaymentStatus.SUCCEEDED));
        assertEquals("badge success", theme(WorkItemStatus.DONE));
        assertEquals("badge success", theme(QuoteStatus.CONVERTED));
        assertEquals("badge error", theme(InvoiceStatus.OVERDUE));
        assertEquals("badge error", theme(PaymentStatus.FAILED));
        assertEquals("badge error", theme(ExpenseStatus.REJECTED));
        assertEquals("badge contrast", theme(InvoiceStatus.DRAFT));
        assertEquals("badge contrast", theme(InvoiceStatus.VOID));
        assertEquals("badge contrast", theme(QuoteStatus.EXPIRED));
        assertEquals("badge", theme(InvoiceStatus.SENT));
        assertEquals("badge", theme(WorkItemStatus.IN_PROGRESS));
        assertEquals("badge", theme(AiDraftStatus.PENDING_QC));
    }

    @Test
    void aBadgeReadsTheStatusInWords() {
        Span badge = Badges.of(WorkItemStatus.NEEDS_APPROVAL);
        assertEquals("Needs approval", badge.getText());
        assertEquals("badge", badge.getElement().getAttribute("theme"));
        assertEquals("Partially paid · disputed", Badges.of(InvoiceStatus.PARTIALLY_PAID, "Partially paid · disputed").getText());
    }

    private static String theme(Tone.Toned status) {
        return Badges.of(status).getElement().getAttribute("theme");
    }
}
