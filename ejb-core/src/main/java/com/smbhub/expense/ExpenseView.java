package com.smbhub.expense;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * An expense as the Expenses screen and the API show it: its fields, what the receipt scan suggested (field →
 * value and confidence) and how the scan went, its review, and what the caller may do next.
 */
public record ExpenseView(String id, String status, String source, String vendor, String vendorContactId, LocalDate date,
        BigDecimal amount, String currency, String category, BigDecimal tax, String notes, String workItemId,
        String receiptFileId, String scanStatus, Double confidence, Map<String, Suggestion> suggested,
        Instant submittedAt, Instant reviewedAt, String reviewNotes, Instant createdAt, long version,
        List<String> allowedActions) implements Serializable {

    /** One value the scan read, as text, with how sure it is. */
    public record Suggestion(String value, double confidence) implements Serializable {
    }
}
