package com.smbhub.web.contact;

import com.smbhub.contact.ContactDraft;
import com.smbhub.contact.ContactView;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.web.shell.FieldErrors;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The contact fields; shows the service's field errors next to the fields they concern. */
class ContactForm extends FormLayout {

    final TextField displayName = new TextField("Name");
    final Select<String> type = new Select<>();
    final TextField companyName = new TextField("Company");
    final EmailField email = new EmailField("E-mail");
    final TextField phone = new TextField("Phone");
    final TextField street = new TextField("Street address");
    final TextField unit = new TextField("Apartment, suite, unit");
    final TextField city = new TextField("City");
    final TextField region = new TextField("Province / state");
    final TextField postalCode = new TextField("Postal / ZIP code");
    final TextField country = new TextField("Country");
    final TextField tags = new TextField("Tags");
    final TextArea notes = new TextArea("Notes");
    private final Map<String, HasValidation> byField = new LinkedHashMap<>();

    ContactForm() {
        type.setLabel("Type");
        type.setItems("CUSTOMER", "VENDOR", "LEAD", "OTHER");
        type.setItemLabelGenerator(t -> t.charAt(0) + t.substring(1).toLowerCase());
        type.setValue("CUSTOMER");
        displayName.setRequiredIndicatorVisible(true);
        tags.setHelperText("Separate with commas");
        phone.setHelperText("Local numbers are read in your business's country");
        register("display_name", displayName);
        register("type", type);
        register("company_name", companyName);
        register("email", email);
        register("phone", phone);
        register("address_line1", street);
        register("address_line2", unit);
        register("city", city);
        register("region", region);
        register("postal_code", postalCode);
        register("country", country);
        register("tags", tags);
        register("notes", notes);
        add(displayName, type, companyName, email, phone, street, unit, city, region, postalCode, country, tags, notes);
        setColspan(street, 2);
        setColspan(notes, 2);
    }

    private void register(String field, HasValidation component) {
        byField.put(field, component);
        ((Component) component).setId("contact-" + field);
    }

    void read(ContactView c) {
        clearErrors();
        displayName.setValue(nz(c.displayName()));
        type.setValue(c.type());
        companyName.setValue(nz(c.companyName()));
        email.setValue(nz(c.email()));
        phone.setValue(nz(c.phone()));
        street.setValue(nz(c.addressLine1()));
        unit.setValue(nz(c.addressLine2()));
        city.setValue(nz(c.city()));
        region.setValue(nz(c.region()));
        postalCode.setValue(nz(c.postalCode()));
        country.setValue(nz(c.country()));
        tags.setValue(String.join(", ", c.tags()));
        notes.setValue(nz(c.notes()));
    }

    void clear() {
        clearErrors();
        displayName.clear();
        type.setValue("CUSTOMER");
        companyName.clear();
        email.clear();
        phone.clear();
        street.clear();
        unit.clear();
        city.clear();
        region.clear();
        postalCode.clear();
        country.clear();
        tags.clear();
        notes.clear();
    }

    /** The draft as typed. */
    ContactDraft draft() {
        List<String> tagList = Arrays.stream(tags.getValue().split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList();
        return new ContactDraft(type.getValue(), displayName.getValue(), companyName.getValue(), email.getValue(),
                phone.getValue(), street.getValue(), unit.getValue(), city.getValue(), region.getValue(),
                postalCode.getValue(), country.getValue(), tagList, notes.getValue());
    }

    /** Marks each field the service refused. */
    void show(ValidationException e) {
        FieldErrors.show(e, byField);
    }

    void clearErrors() {
        byField.values().forEach(f -> f.setInvalid(false));
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
