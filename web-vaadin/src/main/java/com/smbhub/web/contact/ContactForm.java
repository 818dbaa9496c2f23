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
    final TextField city = new TextField("City");
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
        register("city", city);
        register("tags", tags);
        register("notes", notes);
        add(displayName, type, companyName, email, phone, city, tags, notes);
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
        city.setValue(nz(c.city()));
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
        city.clear();
        tags.clear();
        notes.clear();
    }

    /** The draft as typed, on top of the contact's other fields (address lines etc. are kept). */
    ContactDraft draft(ContactDraft base) {
        List<String> tagList = Arrays.stream(tags.getValue().split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList();
        return new ContactDraft(type.getValue(), displayName.getValue(), companyName.getValue(), email.getValue(),
                phone.getValue(), base.addressLine1(), base.addressLine2(), city.getValue(), base.region(),
                base.postalCode(), base.country(), tagList, notes.getValue());
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
