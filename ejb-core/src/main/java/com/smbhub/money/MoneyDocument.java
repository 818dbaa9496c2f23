package com.smbhub.money;

import com.smbhub.platform.tenancy.TenantRecord;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an invoice and a quote share (PRD 2.1): number, client, work item, issue date, currency,
 * lines as versioned JSON with their totals, notes, terms, when it was last sent. Each document keeps
 * its own status, its second date (due or valid until) and what only it has.
 */
@MappedSuperclass
public abstract class MoneyDocument extends TenantRecord {

    /** Mapped to {@code invoice_number} / {@code quote_number} by each entity. */
    private String number;
    /** A name of the document's own status enum. */
    private String status;
    @Column(name = "contact_id")
    private String contactId;
    @Column(name = "work_item_id")
    private String workItemId;
    @Column(name = "issue_date")
    private LocalDate issueDate;
    /** The second date, mapped to {@code due_date} / {@code expiry_date} by each entity. */
    private LocalDate endDate;
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
    @Column(name = "last_sent_at")
    private Instant lastSentAt;
    /** Written only by the client portal (native SQL), never by a save of the document. */
    @Column(name = "viewed_at", insertable = false, updatable = false)
    private Instant viewedAt;

    protected MoneyDocument() {
    }

    protected MoneyDocument(DocumentStatus first, String number, String contactId, LocalDate issueDate, LocalDate endDate,
                            String currency) {
        this.status = first.name();
        this.number = number;
        this.contactId = contactId;
        this.issueDate = issueDate;
        this.endDate = endDate;
        this.currency = currency;
    }

    /** Which document this is: its name, its second date's field, its numbering. */
    public Drafts.Kind kind() {
        return Drafts.Kind.of(this);
    }

    /** The second date: an invoice's due date, a quote's expiry date. */
    public LocalDate endDate() {
        return endDate;
    }

    /** Copies a checked draft and its totals (only a service that checked it calls this). */
    public void apply(DocumentDraft d, Totals.Result totals) {
        contactId = d.contactId();
        workItemId = d.workItemId();
        issueDate = d.issueDate();
        endDate = d.dueDate();
        currency = d.currency();
        notes = d.notes();
        terms = d.terms();
        lineItems = Drafts.json(d);
        subtotal = totals.subtotal();
        taxTotal = totals.taxTotal();
        discountTotal = totals.discountTotal();
        total = totals.total();
    }

    /** The stored draft: the lines as written, pricing, tax code and discount, read back from the JSON. */
    public DocumentDraft stored() {
        return Drafts.parse(lineItems, contactId, workItemId, issueDate, endDate, currency, notes, terms);
    }

    /** What the audit log keeps of each change. */
    public Map<String, Object> snapshot() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("number", number);
        values.put("status", status);
        values.put("contact_id", contactId);
        values.put("issue_date", issueDate);
        values.put(kind().dateField, endDate);
        values.put("currency", currency);
        values.put("total", total.toPlainString());
        values.put("line_items", lineItems);
        values.put("version", getVersion());
        return values;
    }

    /** The stored status name. */
    protected String status() {
        return status;
    }

    protected void status(String name) {
        status = name;
    }

    /** The document's own status enum, read from the stored name. */
    public abstract DocumentStatus getStatus();

    /** Whether its state lets its lines and dates change (a draft). */
    public boolean editable() {
        return getStatus().editable();
    }

    /** It went out to the client at {@code at} (only the service that sent it calls this). */
    public void markSent(Instant at) {
        status(getStatus().afterSend().name());
        lastSentAt = at;
    }

    public String getNumber() { return number; }
    public String getContactId() { return contactId; }
    public String getWorkItemId() { return workItemId; }
    public LocalDate getIssueDate() { return issueDate; }
    public String getCurrency() { return currency; }
    public BigDecimal getSubtotal() { return subtotal; }
    public BigDecimal getTaxTotal() { return taxTotal; }
    public BigDecimal getDiscountTotal() { return discountTotal; }
    public BigDecimal getTotal() { return total; }
    public String getNotes() { return notes; }
    public String getTerms() { return terms; }
    public String getLineItems() { return lineItems; }
    public Instant getLastSentAt() { return lastSentAt; }
    /** When the client last opened the document's page, or null. */
    public Instant getViewedAt() { return viewedAt; }
}
