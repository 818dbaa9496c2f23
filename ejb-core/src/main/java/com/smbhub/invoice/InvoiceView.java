package com.smbhub.invoice;

import com.smbhub.money.DocumentView;
import com.smbhub.money.LineItem;
import com.smbhub.money.Totals;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** An invoice as the UI and the API show it; {@code status} is OVERDUE when a sent invoice is past due. */
public record InvoiceView(String id, String number, String status, String contactId, String contactName, String workItemId,
                          LocalDate issueDate, LocalDate dueDate, String currency, Totals.Pricing pricing, String taxCode,
                          List<LineItem> lines, Totals.Discount discount, List<Totals.Line> lineTotals,
                          BigDecimal subtotal, BigDecimal discountTotal, BigDecimal taxTotal, Map<String, BigDecimal> taxes,
                          BigDecimal total, BigDecimal amountPaid, BigDecimal amountDue, String notes, String terms,
                          long version, Instant createdAt, Instant updatedAt, List<String> allowedActions,
                          String paymentLinkUrl, String arStage, InvoiceStatus state, Instant viewedAt,
                          ReminderHold reminderHold, String reminderHoldNote)
        implements DocumentView, Serializable {

    @Override
    public LocalDate endDate() {
        return dueDate;
    }

    /** Paid beyond the total (the amount due never goes below zero): refund it or keep it as credit. */
    public BigDecimal credit() {
        BigDecimal over = amountPaid.subtract(total);
        return over.signum() > 0 ? over : BigDecimal.ZERO;
    }
}
