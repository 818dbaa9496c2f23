package com.smbhub.web.work;

import com.smbhub.contact.ContactView;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.profile.EffectiveProfile;
import com.smbhub.tenant.TeamService;
import com.smbhub.web.contact.ContactPicker;
import com.smbhub.web.shell.Dates;
import com.smbhub.web.shell.FieldErrors;
import com.smbhub.web.shell.Words;
import com.smbhub.workitem.WorkItemDraft;
import com.smbhub.workitem.WorkItemService;
import com.smbhub.workitem.WorkItemView;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A work item's fields (PRD 3.6): title, priority, due, assignee, contact, description and the
 * profile's own fields for its type; read-only unless the caller may change it. Holds no service:
 * the view saves {@link #draft()} and hands refusals to {@link #show}.
 */
class WorkItemForm extends FormLayout {

    private final WorkItemView item;
    private final ZoneId zone;
    private final TextField title = new TextField("Title");
    private final TextArea description = new TextArea("Description");
    private final Select<String> priority;
    private final DateTimePicker dueAt = Dates.picker(new DateTimePicker("Due"));
    private final Select<TeamService.Member> assignee = new Select<>();
    private final ComboBox<ContactView> contact;
    private final Map<String, TextField> extras = new LinkedHashMap<>();
    private final Map<String, HasValidation> byField = new HashMap<>();

    WorkItemForm(WorkItemView item, EffectiveProfile profile, List<TeamService.Member> members, ContactPicker.Source contacts,
                 ZoneId zone) {
        this.item = item;
        this.zone = zone;
        boolean editable = item.allowedActions().contains("update");
        Span state = new Span("Status: " + Words.of(item.status()));
        state.setId("wi-status");
        title.setId("wi-edit-title");
        title.setValue(item.title());
        description.setId("wi-edit-description");
        description.setValue(item.description() == null ? "" : item.description());
        priority = Words.select("wi-edit-priority", "Priority", WorkItemService.PRIORITIES, item.priority());
        dueAt.setId("wi-edit-due");
        if (item.dueAt() != null) {
            dueAt.setValue(item.dueAt().atZone(zone).toLocalDateTime());
        }
        assignee.setId("wi-edit-assignee");
        assignee.setLabel("Assigned to");
        assignee.setItems(members);
        assignee.setEmptySelectionAllowed(true);
        assignee.setEmptySelectionCaption("Nobody");
        assignee.setItemLabelGenerator(m -> m == null ? "Nobody" : m.displayName());
        members.stream().filter(m -> m.userId().equals(item.assignedTo())).findFirst().ifPresent(assignee::setValue);
        assignee.setEnabled(item.allowedActions().contains("assign"));
        contact = ContactPicker.create(contacts, "wi-edit-contact", "Contact", item.contactId());
        add(state, title, priority, dueAt, assignee, contact, description);
        setColspan(description, 2);
        for (EffectiveProfile.ExtraField field : profile.workItemFields()) {
            if (field.appliesTo(item.type()) || item.labels().containsKey(field.key())) {
                Object value = item.labels().get(field.key());
                TextField input = new TextField(field.label(), value == null ? "" : value.toString(), "");
                input.setId("wi-edit-label-" + field.key());
                input.setRequiredIndicatorVisible(field.required() && field.appliesTo(item.type()));
                extras.put(field.key(), input);
                add(input);
            }
        }
        title.setReadOnly(!editable);
        description.setReadOnly(!editable);
        priority.setReadOnly(!editable);
        dueAt.setReadOnly(!editable);
        contact.setReadOnly(!editable);
        extras.values().forEach(c -> c.setReadOnly(!editable));
        byField.put("title", title);
        byField.put("description", description);
        byField.put("priority", priority);
        byField.put("assigned_to", assignee);
        byField.put("contact_id", contact);
        extras.forEach((key, input) -> byField.put("labels_json." + key, input));
    }

    /** What the form holds now; the item's labels the form does not show are kept. */
    WorkItemDraft draft() {
        Map<String, Object> labels = new HashMap<>(item.labels());
        extras.forEach((key, input) -> {
            if (input.getValue().isBlank()) {
                labels.remove(key);
            } else {
                labels.put(key, input.getValue().trim());
            }
        });
        return new WorkItemDraft(item.type(), title.getValue(), description.getValue(), priority.getValue(),
                contact.getValue() == null ? null : contact.getValue().id(),
                dueAt.getValue() == null ? null : dueAt.getValue().atZone(zone).toInstant(),
                assignee.getValue() == null ? null : assignee.getValue().userId(), labels);
    }

    /** The service's field errors, each at its field. */
    void show(ValidationException e) {
        FieldErrors.show(e, byField);
    }

    void clearErrors() {
        byField.values().forEach(f -> f.setInvalid(false));
    }
}
