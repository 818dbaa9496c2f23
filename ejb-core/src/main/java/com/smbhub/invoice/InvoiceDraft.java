package com.smbhub.invoice;

import com.smbhub.money.LineItem;
import com.smbhub.money.Totals;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * What a person or client may set on an invoice draft. Null dates take defaults (issue today in the
 * business's zone, due 14 days later); a null currency is the business's; {@code taxCode} applies to
 * lines without their own.
 */
public record InvoiceDraft(String contactId, String workItemId, LocalDate issueDate, LocalDate dueDate, String currency,
                           Totals.Pricing pricing, String taxCode, List<LineItem> lines, Totals.Discount discount,
                           String notes, String terms) implements Serializable {

    public InvoiceDraft {
        lines = lines == null ? List.of() : List.copyOf(lines);
        pricing = pricing == null ? Totals.Pricing.TAX_EXCLUSIVE : pricing;
        discount = discount == null ? Totals.Discount.none() : discount;
    }
}
