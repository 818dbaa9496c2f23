package com.smbhub.expense;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

/** What a person fills in on an expense; null leaves a field empty (a draft may be incomplete until it is submitted). */
public record ExpenseFields(String vendor, LocalDate date, BigDecimal amount, String currency, String category,
                            BigDecimal tax, String notes, String workItemId) implements Serializable {

    /** Nothing filled in yet, on the work item given (or none). */
    public static ExpenseFields none(String workItemId) {
        return new ExpenseFields(null, null, null, null, null, null, null, workItemId);
    }
}
