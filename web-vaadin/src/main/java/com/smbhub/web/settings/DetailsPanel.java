package com.smbhub.web.settings;

import com.smbhub.platform.PostalAddress;
import com.smbhub.platform.errors.ConflictException;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.tenant.BusinessDetails;
import com.smbhub.web.shell.FieldErrors;
import com.smbhub.web.shell.Toasts;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Settings → Business → On your invoices and quotes: the legal name, address, phone, e-mail, website and tax
 * registration numbers printed under the business's name on every invoice and quote (and their client pages), and
 * the notes and terms a new one starts with. Saving shows each problem at its field and keeps what was typed.
 */
class DetailsPanel extends VerticalLayout {

    private static final List<String> COUNTRIES = Arrays.stream(Locale.getISOCountries())
            .sorted(Comparator.comparing(DetailsPanel::countryName)).toList();

    final TextField legalName = field("Legal name", "details-legal-name", "If it differs from the business name, e.g. Northside Plumbing Ltd.");
    final TextField street = field("Street address", "details-street", null);
    final TextField unit = field("Unit, suite (optional)", "details-unit", null);
    final TextField city = field("City", "details-city", null);
    final TextField region = field("Province or state", "details-region", null);
    final TextField postalCode = field("Postal or ZIP code", "details-postal-code", null);
    final ComboBox<String> country = new ComboBox<>("Country");
    final TextField phone = field("Phone", "details-phone", null);
    final TextField email = field("E-mail", "details-email", "Where clients can write to you.");
    final TextField website = field("Website", "details-website", null);
    final TextArea taxNumbers = new TextArea("Tax registration numbers");
    final TextArea notes = new TextArea("Notes a new invoice or quote starts with");
    final TextArea terms = new TextArea("Terms a new invoice or quote starts with");
    private final Map<String, HasValidation> byField = new LinkedHashMap<>();
    private long version;

    DetailsPanel(BusinessDetails current, UnaryOperator<BusinessDetails> save, Runnable saved) {
        setPadding(false);
        country.setId("details-country");
        country.setItems(COUNTRIES);
        country.setItemLabelGenerator(DetailsPanel::countryName);
        country.setHelperText("Also sets how dates are written (Dec 15, 2026 in the US and Canada) and how phone numbers are read.");
        country.setClearButtonVisible(true);
        taxNumbers.setId("details-tax-numbers");
        taxNumbers.setHelperText("One per line, as the law wants it shown, e.g. GST/HST 123456789 RT0001 or VAT GB123456789.");
        notes.setId("details-notes");
        notes.setPlaceholder("e.g. Thank you for your business!");
        terms.setId("details-terms");
        terms.setPlaceholder("e.g. Payment due within 14 days. Interest of 2% a month on overdue amounts.");
        FormLayout form = new FormLayout(legalName, phone, street, unit, city, region, postalCode, country, email, website,
                taxNumbers, notes, terms);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 2));
        form.setColspan(street, 2);
        form.setColspan(taxNumbers, 2);
        form.setColspan(notes, 2);
        form.setColspan(terms, 2);
        byField.putAll(Map.ofEntries(Map.entry("legal_name", legalName), Map.entry("address_line1", street),
                Map.entry("address_line2", unit), Map.entry("city", city), Map.entry("region", region),
                Map.entry("postal_code", postalCode), Map.entry("country", country), Map.entry("phone", phone),
                Map.entry("email", email), Map.entry("website", website), Map.entry("tax_numbers", taxNumbers),
                Map.entry("default_notes", notes), Map.entry("default_terms", terms)));
        read(current);
        Button button = new Button("Save details", e -> {
            try {
                read(save.apply(details()));
                Toasts.done("Details saved: your next PDF shows them");
                saved.run();
            } catch (ValidationException ex) {
                show(ex);
            } catch (ConflictException ex) {
                Toasts.problem("Someone else saved the business's details meanwhile; reload the page to see theirs.");
            }
        });
        button.setId("details-save");
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H3("On your invoices and quotes"), new Span("Printed under your business name on every invoice and quote,"
                + " and shown on the pages your clients open. Leave out what you do not want shown."), form, button);
    }

    void read(BusinessDetails d) {
        legalName.setValue(nz(d.legalName()));
        street.setValue(nz(d.address().line1()));
        unit.setValue(nz(d.address().line2()));
        city.setValue(nz(d.address().city()));
        region.setValue(nz(d.address().region()));
        postalCode.setValue(nz(d.address().postalCode()));
        country.setValue(d.address().country() != null && COUNTRIES.contains(d.address().country()) ? d.address().country() : null);
        phone.setValue(nz(d.phone()));
        email.setValue(nz(d.email()));
        website.setValue(nz(d.website()));
        taxNumbers.setValue(nz(d.taxNumbers()));
        notes.setValue(nz(d.defaultNotes()));
        terms.setValue(nz(d.defaultTerms()));
        version = d.version();
        byField.values().forEach(f -> f.setInvalid(false));
    }

    /** What the form shows, as the details to save. */
    BusinessDetails details() {
        return new BusinessDetails(legalName.getValue(), new PostalAddress(street.getValue(), unit.getValue(), city.getValue(),
                region.getValue(), postalCode.getValue(), country.getValue()), phone.getValue(), email.getValue(),
                website.getValue(), taxNumbers.getValue(), notes.getValue(), terms.getValue(), version);
    }

    void show(ValidationException e) {
        FieldErrors.show(e, byField);
    }

    static String countryName(String code) {
        return new Locale("", code).getDisplayCountry(Locale.ENGLISH);
    }

    private static TextField field(String label, String id, String helper) {
        TextField field = new TextField(label);
        field.setId(id);
        if (helper != null) {
            field.setHelperText(helper);
        }
        return field;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
