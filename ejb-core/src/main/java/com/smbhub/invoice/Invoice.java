package com.smbhub.invoice;

import com.smbhub.money.DocumentDraft;
import com.smbhub.money.MoneyDocument;
import com.smbhub.money.Totals;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** An invoice (PRD 2.1): what every money document has, plus its state, due date, payments and collection stage. */
@Entity
@Table(name = "invoices")
@AttributeOverride(name = "number", column = @Column(name = "invoice_number"))
@AttributeOverride(name = "endDate", column = @Column(name = "due_date"))
public class Invoice extends MoneyDocument {

    @Column(name = "quote_id")
    private String quoteId;
    @Column(name = "amount_paid")
    private BigDecimal amountPaid = BigDecimal.ZERO;
    @Column(name = "amount_due")
    private BigDecimal amountDue = BigDecimal.ZERO;
    @Column(name = "payment_link_url")
    private String paymentLinkUrl;
    @Column(name = "stripe_session_id")
    private String stripeSessionId;
    @Column(name = "payment_link_amount")
    private BigDecimal paymentLinkAmount;
    @Column(name = "payment_link_expires_at")
    private Instant paymentLinkExpiresAt;
    @Column(name = "ar_stage")
    private String arStage = "NONE";
    @Column(name = "reminder_hold")
    private String reminderHold;
    @Column(name = "reminder_hold_note")
    private String reminderHoldNote;

    protected Invoice() {
    }

    /** A new draft (empty but for its number), or a bare one for tests and imports: number, client, dates, currency. */
    public Invoice(String number, String contactId, LocalDate issueDate, LocalDate dueDate, String currency) {
        super(InvoiceStatus.DRAFT, number, contactId, issueDate, dueDate, currency);
    }

    /** A changed draft: what is due follows its new total. */
    @Override
    public void apply(DocumentDraft d, Totals.Result totals) {
        super.apply(d, totals);
        amountDue = dueAfter(amountPaid);
    }

    void fromQuote(String quoteId) {
        this.quoteId = quoteId;
    }

    /**
     * A payment came in (positive) or was refunded (negative): amounts and PAID / PARTIALLY_PAID / SENT
     * follow. What is paid beyond the total is a {@link #credit()}, never a negative amount due.
     */
    public void applyPayment(BigDecimal delta) {
        amountPaid = amountPaid.add(delta);
        amountDue = dueAfter(amountPaid);
        status(getStatus().afterPayment(amountPaid, amountDue).name());
    }

    /** Paid beyond the total (a stale checkout page, a larger transfer): the business refunds it or keeps it as credit. */
    public BigDecimal credit() {
        BigDecimal over = amountPaid.subtract(getTotal());
        return over.signum() > 0 ? over : BigDecimal.ZERO;
    }

    private BigDecimal dueAfter(BigDecimal paid) {
        BigDecimal due = getTotal().subtract(paid);
        return due.signum() < 0 ? BigDecimal.ZERO.setScale(due.scale()) : due;
    }

    /** One reminder went out: the collection stage moves on to {@code stage}. */
    void reminded(ArStage stage) {
        arStage = stage.name();
    }

    /** Automatic reminders held for {@code why} (null: they go again), with the business's note. */
    void holdReminders(ReminderHold why, String note) {
        reminderHold = why == null ? null : why.name();
        reminderHoldNote = why == null ? null : note;
    }

    void markVoid() {
        status(InvoiceStatus.VOID.name());
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

    @Override
    public InvoiceStatus getStatus() { return InvoiceStatus.valueOf(status()); }
    public String getQuoteId() { return quoteId; }
    public LocalDate getDueDate() { return endDate(); }
    public BigDecimal getAmountPaid() { return amountPaid; }
    public BigDecimal getAmountDue() { return amountDue; }
    public String getPaymentLinkUrl() { return paymentLinkUrl; }
    public String getStripeSessionId() { return stripeSessionId; }
    public String getArStage() { return arStage; }
    public ReminderHold getReminderHold() { return ReminderHold.of(reminderHold); }
    public String getReminderHoldNote() { return reminderHoldNote; }
}
