package com.smbhub.quote;

import com.smbhub.money.DocumentView;
import com.smbhub.money.LineItem;
import com.smbhub.money.Totals;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A quote as the UI and the API show it; {@code status} is EXPIRED when a sent quote is past its date. */
public record QuoteView(String id, String number, String status, String contactId, String contactName, String workItemId,
                        LocalDate issueDate, LocalDate expiryDate, String currency, Totals.Pricing pricing, String taxCode,
                        List<LineItem> lines, Totals.Discount discount, List<Totals.Line> lineTotals,
                        BigDecimal subtotal, BigDecimal discountTotal, BigDecimal taxTotal, Map<String, BigDecimal> taxes,
                        BigDecimal total, String notes, String terms, String convertedInvoiceId, Instant decidedAt,
                        String decisionNote, long version, Instant createdAt, Instant updatedAt, List<String> allowedActions,
                        QuoteStatus state, Instant viewedAt)
        implements DocumentView, Serializable {

    @Override
    public LocalDate endDate() {
        return expiryDate;
    }
}
