package com.smbhub.quote;

import com.smbhub.money.DocumentDraft;
import com.smbhub.money.Totals;
import com.smbhub.platform.tenancy.TenantRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A quote (PRD 2.1, 12.2 B): DRAFT → SENT → APPROVED / REJECTED (EXPIRED when past its date) → CONVERTED. */
@Entity
@Table(name = "quotes")
public class Quote extends TenantRecord {

    @Column(name = "quote_number")
    private String number;
    /** A stored {@link QuoteStatus} name (never EXPIRED, which is derived). */
    private String status = QuoteStatus.DRAFT.name();
    @Column(name = "contact_id")
    private String contactId;
    @Column(name = "work_item_id")
    private String workItemId;
    @Column(name = "issue_date")
    private LocalDate issueDate;
    @Column(name = "expiry_date")
    private LocalDate expiryDate;
    private String currency;
    private BigDecimal subtotal = BigDecimal.ZERO;
    @Column(name = "tax_total")
    private BigDecimal taxTotal = BigDecimal.ZERO;
    @Column(name = "discount_total")
    private BigDecimal discountTotal = BigDecimal.ZERO;
    private BigDecimal total = BigDecimal.ZERO;
    private String notes;
    private String terms;
    @Column(name = "line_items")
    private String lineItems = "[]";
    @Column(name = "converted_invoice_id")
    private String convertedInvoiceId;
    @Column(name = "last_sent_at")
    private Instant lastSentAt;
    @Column(name = "decided_at")
    private Instant decidedAt;
    @Column(name = "decision_note")
    private String decisionNote;

    protected Quote() {
    }

    Quote(String number) {
        this.number = number;
    }

    /** A bare draft (tests and imports): number, client, dates, currency. */
    public Quote(String number, String contactId, LocalDate issueDate, LocalDate expiryDate, String currency) {
        this.number = number;
        this.contactId = contactId;
        this.issueDate = issueDate;
        this.expiryDate = expiryDate;
        this.currency = currency;
    }

    void apply(DocumentDraft d, String lineItemsJson, Totals.Result totals) {
        contactId = d.contactId();
        workItemId = d.workItemId();
        issueDate = d.issueDate();
        expiryDate = d.dueDate();
        currency = d.currency();
        notes = d.notes();
        terms = d.terms();
        lineItems = lineItemsJson;
        subtotal = totals.subtotal();
        taxTotal = totals.taxTotal();
        discountTotal = totals.discountTotal();
        total = totals.total();
    }

    void markSent(Instant at) {
        status = getStatus().afterSend().name();
        lastSentAt = at;
    }

    /** The client's (or, told in person, the business's) answer: APPROVED or REJECTED. */
    void decide(QuoteStatus decision, String note, Instant at) {
        status = decision.name();
        decisionNote = note;
        decidedAt = at;
    }

    void converted(String invoiceId) {
        status = QuoteStatus.CONVERTED.name();
        convertedInvoiceId = invoiceId;
    }

    /** The state a reader sees on the business's day (EXPIRED derived from SENT). */
    public QuoteStatus state(LocalDate today) {
        return getStatus().effective(expiryDate, today);
    }

    public String getNumber() { return number; }
    public QuoteStatus getStatus() { return QuoteStatus.valueOf(status); }
    public String getContactId() { return contactId; }
    public String getWorkItemId() { return workItemId; }
    public LocalDate getIssueDate() { return issueDate; }
    public LocalDate getExpiryDate() { return expiryDate; }
    public String getCurrency() { return currency; }
    public BigDecimal getSubtotal() { return subtotal; }
    public BigDecimal getTaxTotal() { return taxTotal; }
    public BigDecimal getDiscountTotal() { return discountTotal; }
    public BigDecimal getTotal() { return total; }
    public String getNotes() { return notes; }
    public String getTerms() { return terms; }
    public String getLineItems() { return lineItems; }
    public String getConvertedInvoiceId() { return convertedInvoiceId; }
    public Instant getLastSentAt() { return lastSentAt; }
    public Instant getDecidedAt() { return decidedAt; }
    public String getDecisionNote() { return decisionNote; }
}
