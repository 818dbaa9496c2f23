package com.smbhub.quote;

import com.smbhub.money.DocumentPdf;
import com.smbhub.money.MoneyDocument;
import com.smbhub.platform.errors.ValidationException;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** A quote (PRD 2.1, 12.2 B): DRAFT → SENT → APPROVED / REJECTED (EXPIRED when past its date) → CONVERTED. */
@Entity
@Table(name = "quotes")
@AttributeOverride(name = "number", column = @Column(name = "quote_number"))
@AttributeOverride(name = "endDate", column = @Column(name = "expiry_date"))
public class Quote extends MoneyDocument {

    @Column(name = "converted_invoice_id")
    private String convertedInvoiceId;
    @Column(name = "decided_at")
    private Instant decidedAt;
    @Column(name = "decision_note")
    private String decisionNote;

    protected Quote() {
    }

    /** A new draft (empty but for its number), or a bare one for tests and imports: number, client, dates, currency. */
    public Quote(String number, String contactId, LocalDate issueDate, LocalDate expiryDate, String currency) {
        super(QuoteStatus.DRAFT, number, contactId, issueDate, expiryDate, currency);
    }

    /**
     * The client's (or, told in person, the business's) answer on the business's day: only a sent,
     * unexpired quote is answered; the note is trimmed (at most 1,000 characters). Returns the decision.
     */
    QuoteStatus decide(boolean approve, String note, LocalDate today, Instant at, String country) {
        if (!getStatus().allows(QuoteStatus.Action.APPROVE)) {
            throw new ValidationException("status", "This quote was already " + status().toLowerCase());
        }
        if (state(today) == QuoteStatus.EXPIRED) {
            throw new ValidationException("status", "This quote expired on " + DocumentPdf.date(endDate(), country));
        }
        String clean = note == null || note.isBlank() ? null : note.trim();
        if (clean != null && clean.length() > 1000) {
            throw new ValidationException("note", "At most 1,000 characters");
        }
        QuoteStatus decision = approve ? QuoteStatus.APPROVED : QuoteStatus.REJECTED;
        status(decision.name());
        decisionNote = clean;
        decidedAt = at;
        return decision;
    }

    void converted(String invoiceId) {
        status(QuoteStatus.CONVERTED.name());
        convertedInvoiceId = invoiceId;
    }

    /** The state a reader sees on the business's day (EXPIRED derived from SENT). */
    public QuoteStatus state(LocalDate today) {
        return getStatus().effective(endDate(), today);
    }

    @Override
    public QuoteStatus getStatus() { return QuoteStatus.valueOf(status()); }
    public LocalDate getExpiryDate() { return endDate(); }
    public String getConvertedInvoiceId() { return convertedInvoiceId; }
    public Instant getDecidedAt() { return decidedAt; }
    public String getDecisionNote() { return decisionNote; }
}
