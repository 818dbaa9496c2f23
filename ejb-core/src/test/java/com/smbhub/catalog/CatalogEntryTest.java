package com.smbhub.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.smbhub.platform.errors.ValidationException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A catalog item as typed: trimmed, its price plain, each problem at its field. */
class CatalogEntryTest {

    @Test
    void whatIsTypedIsKeptTrimmedWithAPlainPrice() {
        CatalogEntry clean = new CatalogEntry(null, "  Drain cleaning ", " ", new BigDecimal("145.0000"), " HST ", "visit", 0)
                .checked();
        assertEquals("Drain cleaning", clean.name());
        assertNull(clean.description());
        assertEquals("145", clean.unitPrice().toPlainString());
        assertEquals("HST", clean.taxCode());
        assertEquals("150", CatalogItem.plain(new BigDecimal("150.0000")).toPlainString(), "not 1.5E+2");
    }

    @Test
    void everyProblemIsSaidAtItsField() {
        ValidationException e = assertThrows(ValidationException.class, () -> new CatalogEntry(null, " ", null,
                new BigDecimal("-1"), null, "a unit far too long to be one", 0).checked());
        Map<String, String> errors = e.errors().stream().collect(Collectors.toMap(ValidationException.FieldError::field,
                ValidationException.FieldError::message, (a, b) -> a));
        assertEquals("Required, e.g. Drain cleaning", errors.get("name"));
        assertEquals("A price of 0 or more, e.g. 120 or 89.50", errors.get("unit_price"));
        assertEquals("At most 20 characters", errors.get("unit"));
        assertThrows(ValidationException.class, () -> new CatalogEntry(null, "X", null, null, null, null, 0).checked(),
                "a price is needed");
    }
}
