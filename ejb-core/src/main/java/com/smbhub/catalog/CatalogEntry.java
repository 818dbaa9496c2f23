package com.smbhub.catalog;

import com.smbhub.platform.InputText;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.errors.ValidationException.FieldError;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** A product or service as forms and lines see it: name, description, unit price (before tax), tax code, unit. */
public record CatalogEntry(String id, String name, String description, BigDecimal unitPrice, String taxCode, String unit,
                           long version) implements Serializable {

    /** The entry trimmed (blank as none), or every field's error at once; the tax code is checked by the service. */
    public CatalogEntry checked() {
        List<FieldError> errors = new ArrayList<>();
        String n = InputText.optional(name, "name", 200, errors);
        if (n == null) {
            errors.add(new FieldError("name", "Required, e.g. Drain cleaning"));
        } else if (n.contains("\n")) {
            errors.add(new FieldError("name", "One line only"));
        }
        if (unitPrice == null || unitPrice.signum() < 0 || unitPrice.stripTrailingZeros().scale() > 4
                || unitPrice.compareTo(new BigDecimal("1000000000")) >= 0) {
            errors.add(new FieldError("unit_price", "A price of 0 or more, e.g. 120 or 89.50"));
        }
        String u = InputText.optional(unit, "unit", 20, errors);
        String d = InputText.optional(description, "description", 1000, errors);
        ValidationException.throwIfAny(errors);
        String tax = taxCode == null || taxCode.isBlank() ? null : taxCode.trim();
        return new CatalogEntry(id, n, d, CatalogItem.plain(unitPrice), tax, u, version);
    }
}
