package com.smbhub.web.contact;

import com.smbhub.contact.ContactService;
import com.smbhub.contact.ContactView;
import com.smbhub.platform.errors.NotFoundException;
import com.vaadin.flow.component.combobox.ComboBox;

/** Picks one of the business's contacts, searching as you type (first 50 matches). */
public final class ContactPicker {

    private ContactPicker() {
    }

    public static ComboBox<ContactView> create(ContactService contacts, String id, String label, String selectedId) {
        ComboBox<ContactView> picker = new ComboBox<>(label);
        picker.setId(id);
        picker.setItemLabelGenerator(c -> c.displayName() + (c.email() == null ? "" : " · " + c.email()));
        picker.setItems(query -> {
            int offset = query.getOffset();
            int limit = Math.min(query.getLimit(), 50);
            return offset > 0 ? java.util.stream.Stream.empty()
                    : contacts.list(query.getFilter().orElse(""), null, false, null, limit).items().stream();
        });
        picker.setClearButtonVisible(true);
        if (selectedId != null) {
            try {
                picker.setValue(contacts.get(selectedId));
            } catch (NotFoundException e) {
                picker.setHelperText("The linked contact is not visible to you");
            }
        }
        return picker;
    }
}
