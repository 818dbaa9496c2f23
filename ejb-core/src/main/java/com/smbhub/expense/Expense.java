package com.smbhub.expense;

import com.smbhub.platform.tenancy.TenantRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** Money the business spent (PRD 2.1 Expense): typed in, or read from a receipt photo or PDF, then submitted and approved. */
@Entity
@Table(name = "expenses")
public class Expense extends TenantRecord {

    /** How an expense came in. */
    public enum Source { UPLOAD, EMAIL_FORWARD, MANUAL, AI }

    private String status = ExpenseStatus.DRAFT.name();
    private String source;
    @Column(name = "vendor_name")
    private String vendorName;
    @Column(name = "vendor_contact_id")
    private String vendorContactId;
    @Column(name = "expense_date")
    private LocalDate date;
    private BigDecimal amount;
    private String currency;
    private String category;
    @Column(name = "tax_total")
    private BigDecimal tax;
    private String notes;
    @Column(name = "work_item_id")
    private String workItemId;
    @Column(name = "receipt_file_id")
    private String receiptFileId;
    @Column(name = "ai_confidence")
    private Double aiConfidence;
    private String suggested;
    @Column(name = "scan_status")
    private String scanStatus;
    @Column(name = "submitted_at")
    private Instant submittedAt;
    @Column(name = "submitted_by")
    private String submittedBy;
    @Column(name = "reviewed_by")
    private String reviewedBy;
    @Column(name = "reviewed_at")
    private Instant reviewedAt;
    @Column(name = "review_notes")
    private String reviewNotes;

    protected Expense() {
    }

    public Expense(Source source, String currency) {
        this.source = source.name();
        this.currency = currency;
    }

    /** The fields a person fills in (null clears a field). */
    void fill(ExpenseFields f) {
        vendorName = f.vendor();
        date = f.date();
        amount = f.amount();
        currency = f.currency();
        category = f.category();
        tax = f.tax();
        notes = f.notes();
        workItemId = f.workItemId();
    }

    void scanned(String fileId, String scanStatus, String suggested, Double confidence) {
        this.receiptFileId = fileId;
        this.scanStatus = scanStatus;
        this.suggested = suggested;
        this.aiConfidence = confidence;
    }

    void act(ExpenseStatus.Action action, String userId, Instant at) {
        ExpenseStatus next = getStatus().after(action);
        if (action == ExpenseStatus.Action.SUBMIT) {
            submittedAt = at;
            submittedBy = userId;
        } else if (action == ExpenseStatus.Action.APPROVE || action == ExpenseStatus.Action.REJECT) {
            reviewedAt = at;
            reviewedBy = userId;
        }
        status = next.name();
    }

    void reviewNotes(String notes) {
        this.reviewNotes = notes;
    }

    void vendorContact(String contactId) {
        this.vendorContactId = contactId;
    }

    public ExpenseStatus getStatus() { return ExpenseStatus.valueOf(status); }
    public Source getSource() { return Source.valueOf(source); }
    public String getVendorName() { return vendorName; }
    public String getVendorContactId() { return vendorContactId; }
    public LocalDate getDate() { return date; }
    public BigDecimal getAmount() { return amount; }
    public String getCurrency() { return currency; }
    public String getCategory() { return category; }
    public BigDecimal getTax() { return tax; }
    public String getNotes() { return notes; }
    public String getWorkItemId() { return workItemId; }
    public String getReceiptFileId() { return receiptFileId; }
    public Double getAiConfidence() { return aiConfidence; }
    public String getSuggested() { return suggested; }
    public String getScanStatus() { return scanStatus; }
    public Instant getSubmittedAt() { return submittedAt; }
    public String getSubmittedBy() { return submittedBy; }
    public String getReviewedBy() { return reviewedBy; }
    public Instant getReviewedAt() { return reviewedAt; }
    public String getReviewNotes() { return reviewNotes; }
}
