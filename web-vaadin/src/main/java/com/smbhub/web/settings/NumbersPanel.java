package com.smbhub.web.settings;

import com.smbhub.money.Numbering;
import com.smbhub.money.TaxCode;
import com.smbhub.money.TaxCodeService;
import com.smbhub.platform.errors.NotFoundException;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.tenant.BusinessSettingsService;
import com.smbhub.web.shell.FieldErrors;
import com.smbhub.web.shell.Toasts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Map;

/** Settings → Numbers: the prefix and next number of invoices and quotes, and the business's taxes. */
class NumbersPanel extends VerticalLayout {

    private final TaxCodeService taxes;
    private final VerticalLayout taxList = new VerticalLayout();

    NumbersPanel(BusinessSettingsService settings, TaxCodeService taxes) {
        this.taxes = taxes;
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
        addTaxes();
    }

    /** The taxes lines can carry: each with Retire (confirmed), and a form to add one. */
    private void addTaxes() {
        taxList.setId("tax-list");
        taxList.setPadding(false);
        taxList.setSpacing(false);
        TextField code = text("tax-code", "Code", "");
        code.setPlaceholder("e.g. GST");
        TextField name = text("tax-name", "Name on documents", "");
        name.setPlaceholder("e.g. GST 5%");
        BigDecimalField rate = new BigDecimalField("Rate (%)");
        rate.setId("tax-rate");
        Button add = new Button("Add tax", e -> {
            try {
                TaxCode added = taxes.add(new TaxCode(code.getValue(), name.getValue(), rate.getValue()));
                Toasts.done("Added " + added.code() + " (" + added.ratePercent().toPlainString() + " %)");
                code.clear();
                name.clear();
                rate.clear();
                code.setInvalid(false);
                name.setInvalid(false);
                rate.setInvalid(false);
                showTaxes();
            } catch (ValidationException ex) {
                FieldErrors.show(ex, Map.of("code", code, "name", name, "rate_percent", rate));
            }
        });
        add.setId("tax-add");
        add(new H3("Taxes"), new Paragraph("The taxes invoice and quote lines can carry. A retired tax stays on the documents"
                + " that name it, and its code is never given to another rate."), taxList, new FormLayout(code, name, rate), add);
        showTaxes();
    }

    private void showTaxes() {
        taxList.removeAll();
        List<TaxCode> codes = taxes.list();
        if (codes.isEmpty()) {
            taxList.add(new Span("No taxes yet: invoices carry no tax until you add one."));
        }
        for (TaxCode t : codes) {
            Button retire = new Button("Retire", e -> {
                ConfirmDialog confirm = new ConfirmDialog("Retire " + t.code() + "?", "New lines no longer offer " + t.name()
                        + ". Documents that already carry it keep it.", "Retire", ok -> {
                    try {
                        taxes.retire(t.code());
                        Toasts.done("Retired " + t.code());
                    } catch (NotFoundException ex) {
                        Toasts.problem(t.code() + " was already retired.");
                    }
                    showTaxes();
                });
                confirm.setCancelable(true);
                confirm.open();
            });
            retire.setId("tax-retire-" + t.code());
            retire.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            HorizontalLayout line = new HorizontalLayout(new Span(t.code() + " · " + t.name() + " · "
                    + t.ratePercent().stripTrailingZeros().toPlainString() + " %"), retire);
            line.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            taxList.add(line);
        }
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
