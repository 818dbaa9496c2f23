package com.smbhub.money;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * What a person may set on a draft invoice or quote. {@code dueDate} is an invoice's due date and a
 * quote's expiry date. Null dates take defaults (issue today in the business's zone, the other date
 * later); a null currency is the business's; {@code taxCode} applies to lines without their own.
 */
public record DocumentDraft(String contactId, String workItemId, LocalDate issueDate, LocalDate dueDate, String currency,
                           Totals.Pricing pricing, String taxCode, List<LineItem> lines, Totals.Discount discount,
                           String notes, String terms) implements Serializable {

    public DocumentDraft {
        lines = lines == null ? List.of() : List.copyOf(lines);
        pricing = pricing == null ? Totals.Pricing.TAX_EXCLUSIVE : pricing;
        discount = discount == null ? Totals.Discount.none() : discount;
    }
}
