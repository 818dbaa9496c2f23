package com.smbhub.invoice;

import com.smbhub.money.DocumentDraft;
import com.smbhub.platform.tenancy.TenantRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** An invoice (PRD 2.1): its number, state, client, dates and amounts; lines as versioned JSON. */
@Entity
@Table(name = "invoices")
public class Invoice extends TenantRecord {

    @Column(name = "invoice_number")
    private String number;
    /** An {@link InvoiceStatus} name. */
    private String status = InvoiceStatus.DRAFT.name();
    @Column(name = "contact_id")
    private String contactId;
    @Column(name = "quote_id")
    private String quoteId;
    @Column(name = "work_item_id")
    private String workItemId;
    @Column(name = "issue_date")
    private LocalDate issueDate;
    @Column(name = "due_date")
    private LocalDate dueDate;
    private String currency;
    private BigDecimal subtotal = BigDecimal.ZERO;
    @Column(name = "tax_total")
    private BigDecimal taxTotal = BigDecimal.ZERO;
    @Column(name = "discount_total")
    private BigDecimal discountTotal = BigDecimal.ZERO;
    private BigDecimal total = BigDecimal.ZERO;
    @Column(name = "amount_paid")
    private BigDecimal amountPaid = BigDecimal.ZERO;
    @Column(name = "amount_due")
    private BigDecimal amountDue = BigDecimal.ZERO;
    private String notes;
    private String terms;
    @Column(name = "line_items")
    private String lineItems = "[]";
    @Column(name = "payment_link_url")
    private String paymentLinkUrl;
    @Column(name = "stripe_session_id")
    private String stripeSessionId;
    @Column(name = "payment_link_amount")
    private BigDecimal paymentLinkAmount;
    @Column(name = "payment_link_expires_at")
    private Instant paymentLinkExpiresAt;
    @Column(name = "last_sent_at")
    private Instant lastSentAt;
    @Column(name = "ar_stage")
    private String arStage = "NONE";

    protected Invoice() {
    }

    public Invoice(String number) {
        this.number = number;
    }

    /** A bare draft (tests and imports): number, client, dates, currency. */
    public Invoice(String number, String contactId, LocalDate issueDate, LocalDate dueDate, String currency) {
        this.number = number;
        this.contactId = contactId;
        this.issueDate = issueDate;
        this.dueDate = dueDate;
        this.currency = currency;
    }

    void apply(DocumentDraft d, String currency, String lineItemsJson, com.smbhub.money.Totals.Result totals) {
        contactId = d.contactId();
        workItemId = d.workItemId();
        issueDate = d.issueDate();
        dueDate = d.dueDate();
        this.currency = currency;
        notes = d.notes();
        terms = d.terms();
        lineItems = lineItemsJson;
        subtotal = totals.subtotal();
        taxTotal = totals.taxTotal();
        discountTotal = totals.discountTotal();
        total = totals.total();
        amountDue = total.subtract(amountPaid);
    }

    void fromQuote(String quoteId) {
        this.quoteId = quoteId;
    }

    void markSent(Instant at) {
        status = getStatus().afterSend().name();
        lastSentAt = at;
    }

    /** A payment came in (positive) or was refunded (negative): amounts and PAID / PARTIALLY_PAID / SENT follow. */
    public void applyPayment(BigDecimal delta) {
        amountPaid = amountPaid.add(delta);
        amountDue = total.subtract(amountPaid);
        status = getStatus().afterPayment(amountPaid, amountDue).name();
    }

    /** A reminder went out: the collection stage moves on (NONE → REMINDER_1 → REMINDER_2 → FINAL). */
    void reminded() {
        arStage = switch (arStage) {
            case "NONE" -> "REMINDER_1";
            case "REMINDER_1" -> "REMINDER_2";
            case "REMINDER_2" -> "FINAL";
            default -> arStage;
        };
    }

    void markVoid() {
        status = InvoiceStatus.VOID.name();
        amountDue = BigDecimal.ZERO;
        forgetPaymentLink();
    }

    /** The Checkout Session to pay the amount due now; reused while open and for that amount. */
    public void paymentLink(String sessionId, String url, BigDecimal amount, Instant expiresAt) {
        stripeSessionId = sessionId;
        paymentLinkUrl = url;
        paymentLinkAmount = amount;
        paymentLinkExpiresAt = expiresAt;
    }

    public void forgetPaymentLink() {
        paymentLink(null, null, null, null);
    }

    /** The stored link if it still pays exactly the amount due and stays open a while longer. */
    public boolean paymentLinkUsable(Instant now) {
        return paymentLinkUrl != null && paymentLinkAmount != null && paymentLinkAmount.compareTo(amountDue) == 0
                && paymentLinkExpiresAt != null && paymentLinkExpiresAt.isAfter(now.plusSeconds(3600));
    }

    public String getNumber() { return number; }
    public InvoiceStatus getStatus() { return InvoiceStatus.valueOf(status); }
    public String getContactId() { return contactId; }
    public String getQuoteId() { return quoteId; }
    public String getWorkItemId() { return workItemId; }
    public LocalDate getIssueDate() { return issueDate; }
    public LocalDate getDueDate() { return dueDate; }
    public String getCurrency() { return currency; }
    public BigDecimal getSubtotal() { return subtotal; }
    public BigDecimal getTaxTotal() { return taxTotal; }
    public BigDecimal getDiscountTotal() { return discountTotal; }
    public BigDecimal getTotal() { return total; }
    public BigDecimal getAmountPaid() { return amountPaid; }
    public BigDecimal getAmountDue() { return amountDue; }
    public String getNotes() { return notes; }
    public String getTerms() { return terms; }
    public String getLineItems() { return lineItems; }
    public String getPaymentLinkUrl() { return paymentLinkUrl; }
    public String getStripeSessionId() { return stripeSessionId; }
    public Instant getLastSentAt() { return lastSentAt; }
    public String getArStage() { return arStage; }
}
