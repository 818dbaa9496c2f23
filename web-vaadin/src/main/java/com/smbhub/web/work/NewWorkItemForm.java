package com.smbhub.web.work;

import com.smbhub.contact.ContactView;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.profile.EffectiveProfile;
import com.smbhub.web.contact.ContactPicker;
import com.smbhub.web.shell.Dates;
import com.smbhub.web.shell.FieldErrors;
import com.smbhub.web.shell.Words;
import com.smbhub.workitem.WorkItemDraft;
import com.smbhub.workitem.WorkItemService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** The quick "new work item" form of PRD 3.6: title, type, due, contact, plus the profile's own fields. */
class NewWorkItemForm extends FormLayout {

    private final ZoneId zone;
    private final TextField title;
    private final Select<String> type;
    private final DateTimePicker dueAt = Dates.picker(new DateTimePicker("Due"));
    private final ComboBox<ContactView> contact;
    private final ContactPicker.Source contacts;
    private final Map<String, Component> extras = new LinkedHashMap<>();
    private final Map<String, HasValidation> byField = new HashMap<>();

    NewWorkItemForm(String initialTitle, EffectiveProfile profile, ContactPicker.Source contacts, ZoneId zone) {
        this.zone = zone;
        this.contacts = contacts;
        title = new TextField("Title", initialTitle, "");
        title.setId("wi-title");
        title.setRequiredIndicatorVisible(true);
        title.setWidthFull();
        type = Words.select("wi-type", "Type", WorkItemService.TYPES, profile.defaultWorkItemType());
        dueAt.setId("wi-due");
        contact = ContactPicker.create(contacts, "wi-contact", "Contact", null);
        add(title, type, dueAt, contact);
        byField.put("title", title);
        byField.put("type", type);
        byField.put("contact_id", contact);
        for (EffectiveProfile.ExtraField field : profile.workItemFields()) {
            Component input = switch (field.type()) {
                case "number" -> new NumberField(field.label());
                case "boolean" -> new Checkbox(field.label());
                default -> new TextField(field.label());
            };
            input.setId("wi-label-" + field.key());
            if (input instanceof TextField t) {
                t.setRequiredIndicatorVisible(field.required());
            }
            extras.put(field.key(), input);
            if (input instanceof HasValidation v) {
                byField.put("labels_json." + field.key(), v);
            }
            add(input);
        }
    }

    /** What the form holds now; empty profile fields are left out. */
    WorkItemDraft draft() {
        Map<String, Object> labels = new HashMap<>();
        extras.forEach((key, input) -> {
            Object value = input instanceof TextField t ? (t.getValue().isBlank() ? null : t.getValue().trim())
                    : input instanceof NumberField n ? n.getValue()
                    : input instanceof Checkbox c && c.getValue() ? Boolean.TRUE : null;
            if (value != null) {
                labels.put(key, value);
            }
        });
        return new WorkItemDraft(type.getValue(), title.getValue(), null, null,
                contact.getValue() == null ? null : contact.getValue().id(),
                dueAt.getValue() == null ? null : dueAt.getValue().atZone(zone).toInstant(), null, labels);
    }

    /** Starts the item for this contact (from the contact's page). */
    void client(String contactId) {
        ContactPicker.select(contact, contacts, contactId);
    }

    /** "Create + Draft Invoice" needs the client: false (and the field says so) when none is chosen. */
    boolean hasClientForInvoice() {
        if (contact.getValue() != null) {
            return true;
        }
        contact.setErrorMessage("Choose the client the invoice is for");
        contact.setInvalid(true);
        return false;
    }

    void show(ValidationException e) {
        FieldErrors.show(e, byField);
    }

    void clearErrors() {
        byField.values().forEach(f -> f.setInvalid(false));
    }

    void focus() {
        title.focus();
    }
}
