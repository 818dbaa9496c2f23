package com.smbhub.web.settings;

import com.smbhub.money.Numbering;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.tenant.BusinessSettingsService;
import com.smbhub.web.shell.FieldErrors;
import com.smbhub.web.shell.Toasts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Map;

/** Settings → Numbers: the prefix and next number of invoices and quotes. */
class NumbersPanel extends VerticalLayout {

    NumbersPanel(BusinessSettingsService settings) {
        setPadding(false);
        BusinessSettingsService.Numbers now = settings.numbers();
        TextField invoicePrefix = text("num-invoice-prefix", "Invoice prefix", now.invoice().prefix());
        IntegerField invoiceNext = number("num-invoice-next", "Next invoice number", now.invoice().number());
        TextField quotePrefix = text("num-quote-prefix", "Quote prefix", now.quote().prefix());
        IntegerField quoteNext = number("num-quote-next", "Next quote number", now.quote().number());
        Button save = new Button("Save", e -> {
            try {
                BusinessSettingsService.Numbers saved = settings.changeNumbers(new BusinessSettingsService.Numbers(
                        new Numbering.Next(invoicePrefix.getValue(), value(invoiceNext)),
                        new Numbering.Next(quotePrefix.getValue(), value(quoteNext))));
                Toasts.done("Next invoice " + saved.invoice().prefix() + saved.invoice().number() + ", next quote "
                        + saved.quote().prefix() + saved.quote().number());
            } catch (ValidationException ex) {
                FieldErrors.show(ex, Map.of("invoice.prefix", invoicePrefix, "invoice.next_number", invoiceNext,
                        "quote.prefix", quotePrefix, "quote.next_number", quoteNext));
            }
        });
        save.setId("num-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(invoicePrefix, invoiceNext, quotePrefix, quoteNext);
        add(new Paragraph("New invoices and quotes are numbered from these. A number already given is never given again,"
                + " so the next number can only move forward."), form, save);
    }

    private static long value(IntegerField field) {
        return field.getValue() == null ? 0 : field.getValue();
    }

    private static TextField text(String id, String label, String value) {
        TextField field = new TextField(label);
        field.setId(id);
        field.setValue(value);
        return field;
    }

    private static IntegerField number(String id, String label, long value) {
        IntegerField field = new IntegerField(label);
        field.setId(id);
        field.setValue((int) Math.min(Integer.MAX_VALUE, value));
        return field;
    }
}
