package com.smbhub.money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What every money document shows (invoice and quote views): one mapper in the API and one form in the UI read this. */
public interface DocumentView {

    String id();
    String number();
    /** The state a reader sees (OVERDUE, EXPIRED derived). */
    String status();
    String contactId();
    String contactName();
    String workItemId();
    LocalDate issueDate();
    /** The second date: an invoice's due date, a quote's expiry date. */
    LocalDate endDate();
    String currency();
    Totals.Pricing pricing();
    String taxCode();
    List<LineItem> lines();
    Totals.Discount discount();
    List<Totals.Line> lineTotals();
    BigDecimal subtotal();
    BigDecimal discountTotal();
    BigDecimal taxTotal();
    Map<String, BigDecimal> taxes();
    BigDecimal total();
    String notes();
    String terms();
    long version();
    Instant createdAt();
    Instant updatedAt();
    List<String> allowedActions();
    /** When the client last opened its page through a link, or null. */
    Instant viewedAt();

    /** The document as an editable draft (the form and PATCH start from it). */
    default DocumentDraft draft() {
        return new DocumentDraft(contactId(), workItemId(), issueDate(), endDate(), currency(), pricing(), taxCode(), lines(),
                discount(), notes(), terms());
    }
}
