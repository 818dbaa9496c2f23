package com.smbhub.web.document;

import static com.smbhub.web.Components.byId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smbhub.catalog.CatalogEntry;
import com.smbhub.contact.ContactView;
import com.smbhub.money.DocumentDraft;
import com.smbhub.money.LineItem;
import com.smbhub.money.TaxCode;
import com.smbhub.money.Totals;
import com.smbhub.platform.errors.ValidationException.FieldError;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.web.Components;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The invoice and quote form as a plain object: live totals, the service's errors at their fields, the draft it gives. */
class DocumentFormTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    private static final List<TaxCode> HST = List.of(new TaxCode("HST", "HST 13%", new BigDecimal("13")));
    private static final ContactView CLIENT = Components.contact("c-1", "Ada Client", "ada@example.com");

    private UI ui;

    private static DocumentForm newInvoice() {
        return new DocumentForm(DocumentForm.Kind.INVOICE, Components.contacts(CLIENT), HST, null, "CAD", TODAY, false);
    }

    private static BigDecimalField field(DocumentForm form, String id) {
        return byId(form, id, BigDecimalField.class);
    }

    @Test
    void aNewInvoiceStartsWithOneLineTheOnlyTaxAndItsDueDate() {
        DocumentForm form = newInvoice();
        assertEquals(TODAY, byId(form, "inv-issue", DatePicker.class).getValue());
        assertEquals(TODAY.plusDays(14), byId(form, "inv-due", DatePicker.class).getValue());
        assertEquals(BigDecimal.ONE, field(form, "inv-line-0-qty").getValue());
        assertEquals("HST", form.draft().taxCode());
        assertEquals("Subtotal $0.00\nTotal $0.00", byId(form, "inv-totals", Span.class).getText());
        assertEquals("", form.draft().notes() == null ? "" : form.draft().notes());
        form.startWith("Pay by e-transfer", null);
        assertEquals("Pay by e-transfer", form.draft().notes(), "the business's default notes, editable like any");
    }

    @Test
    void totalsFollowWhatIsTypedWithTheServersOwnArithmetic() {
        DocumentForm form = newInvoice();
        byId(form, "inv-line-0-name", TextField.class).setValue("Boiler service");
        field(form, "inv-line-0-qty").setValue(new BigDecimal("2"));
        field(form, "inv-line-0-rate").setValue(new BigDecimal("100"));
        assertEquals("Subtotal $200.00\nHST 13% $26.00\nTotal $226.00", byId(form, "inv-totals", Span.class).getText());
        assertEquals("$200.00", byId(form, "inv-line-0-amount", Span.class).getText(), "each line shows its amount");
        assertEquals("Qty", field(form, "inv-line-0-qty").getLabel(), "labelled, not a placeholder that goes when typed");
        byId(form, "inv-add-line", Button.class).click();
        assertEquals("", byId(form, "inv-line-1-amount", Span.class).getText(), "no price yet, no amount");
        field(form, "inv-line-1-qty").setValue(new BigDecimal("3"));
        field(form, "inv-line-1-rate").setValue(new BigDecimal("10.50"));
        field(form, "inv-discount").setValue(new BigDecimal("10"));
        assertEquals("Subtotal $231.50\nDiscount −$23.15\nHST 13% $27.09\nTotal $235.44",
                byId(form, "inv-totals", Span.class).getText());
    }

    @Test
    void theErrorOfTheSecondLinesQuantityShowsOnTheSecondRow() {
        DocumentForm form = newInvoice();
        byId(form, "inv-add-line", Button.class).click();
        form.show(new ValidationException(List.of(new FieldError("line_items[1].qty", "More than zero"),
                new FieldError("contact_id", "Choose the client"))));
        BigDecimalField second = field(form, "inv-line-1-qty");
        assertTrue(second.isInvalid());
        assertEquals("More than zero", second.getErrorMessage());
        assertFalse(field(form, "inv-line-0-qty").isInvalid());
        assertTrue(byId(form, "inv-contact", ComboBox.class).isInvalid());
        form.show(new ValidationException(List.of(new FieldError("line_items", "Add at least one line"))));
        assertFalse(second.isInvalid(), "a second answer clears the first one's marks");
        assertEquals("Add at least one line", byId(form, "inv-lines-error", Span.class).getText());
    }

    @Test
    void theDraftIsWhatTheFormHoldsAndAStoredQuoteOpensAsStored() {
        DocumentDraft stored = new DocumentDraft("c-1", "w-1", TODAY, TODAY.plusDays(30), "CAD", Totals.Pricing.TAX_INCLUSIVE,
                "HST", List.of(new LineItem("Deck", new BigDecimal("1"), new BigDecimal("500"), null)),
                new Totals.Discount(false, new BigDecimal("20")), "Thanks", "Net 30");
        DocumentForm form = new DocumentForm(DocumentForm.Kind.QUOTE, Components.contacts(CLIENT), HST, stored, "CAD", TODAY,
                false);
        assertEquals(TODAY.plusDays(30), byId(form, "quote-due", DatePicker.class).getValue());
        assertEquals(CLIENT, form.client());
        DocumentDraft draft = form.draft();
        assertEquals("c-1", draft.contactId());
        assertEquals("w-1", draft.workItemId());
        assertEquals(Totals.Pricing.TAX_INCLUSIVE, draft.pricing());
        assertEquals(List.of(new LineItem("Deck", new BigDecimal("1"), new BigDecimal("500"), null)), draft.lines());
        assertEquals(new Totals.Discount(false, new BigDecimal("20")), draft.discount());
        assertEquals("Net 30", draft.terms());
        form.show(new ValidationException(List.of(new FieldError("expiry_date", "On or after the issue date"))));
        assertTrue(byId(form, "quote-due", DatePicker.class).isInvalid(), "a quote's second date is expiry_date");
    }

    @Test
    void aDocumentWithoutADiscountOpensWithThePercentLikeANewOne() {
        assertEquals("percent", byId(newInvoice(), "inv-discount-type", Select.class).getValue());
        DocumentDraft stored = new DocumentDraft("c-1", null, TODAY, TODAY.plusDays(14), "CAD", Totals.Pricing.TAX_EXCLUSIVE,
                "HST", List.of(new LineItem("Tap", BigDecimal.ONE, new BigDecimal("80"), null)), Totals.Discount.none(),
                null, null);
        DocumentForm saved = new DocumentForm(DocumentForm.Kind.INVOICE, Components.contacts(CLIENT), HST, stored, "CAD",
                TODAY, false);
        assertEquals("percent", byId(saved, "inv-discount-type", Select.class).getValue());
        assertEquals(BigDecimal.ZERO, saved.draft().discount().value().stripTrailingZeros().abs());
    }

    @Test
    void onlyOwnersAndAdminsChangeTheCurrency() {
        assertTrue(byId(newInvoice(), "inv-currency", TextField.class).isReadOnly());
        DocumentForm form = new DocumentForm(DocumentForm.Kind.INVOICE, Components.contacts(CLIENT), HST, null, "CAD", TODAY,
                true);
        byId(form, "inv-currency", TextField.class).setValue("usd");
        assertEquals("USD", form.draft().currency());
        byId(form, "inv-currency", TextField.class).setValue("dollars");
        assertTrue(byId(form, "inv-currency", TextField.class).isInvalid());
        assertNull(form.draft().contactId());
    }

    @Test
    void anItemFromTheCatalogFillsTheEmptyLineAndALineIsSavedToTheCatalogInOneClick() {
        ui = new UI(); // held: the current UI is kept only weakly
        UI.setCurrent(ui);
        try {
            List<CatalogEntry> added = new ArrayList<>();
            CatalogEntry drain = new CatalogEntry("i-1", "Drain cleaning", null, new BigDecimal("145"), "HST", "visit", 0);
            DocumentForm form = newInvoice();
            form.useCatalog(new DocumentForm.Catalog() {
                @Override
                public List<CatalogEntry> search(String text) {
                    return List.of(drain);
                }

                @Override
                public CatalogEntry add(CatalogEntry entry) {
                    added.add(entry);
                    return entry;
                }
            });
            form.addFromCatalog(drain);
            assertEquals("Drain cleaning", byId(form, "inv-line-0-name", TextField.class).getValue(), "the empty line is used");
            assertEquals(new BigDecimal("145"), field(form, "inv-line-0-rate").getValue());
            assertEquals("Subtotal $145.00\nHST 13% $18.85\nTotal $163.85", byId(form, "inv-totals", Span.class).getText());
            form.addFromCatalog(drain);
            assertEquals("Drain cleaning", byId(form, "inv-line-1-name", TextField.class).getValue(), "then a new line");
            byId(form, "inv-line-1-rate", BigDecimalField.class).setValue(new BigDecimal("160"));
            byId(form, "inv-line-1-save", Button.class).click();
            assertEquals(1, added.size());
            assertEquals("Drain cleaning", added.get(0).name());
            assertEquals(new BigDecimal("160"), added.get(0).unitPrice(), "the line as it is now");
        } finally {
            UI.setCurrent(null);
        }
    }
}
