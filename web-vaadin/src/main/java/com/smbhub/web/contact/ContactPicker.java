package com.smbhub.web.contact;

import com.smbhub.contact.ContactService;
import com.smbhub.contact.ContactView;
import com.smbhub.platform.errors.NotFoundException;
import com.smbhub.platform.errors.ValidationException;
import com.vaadin.flow.component.combobox.ComboBox;
import java.io.Serializable;
import java.util.List;
import java.util.stream.Stream;

/** Picks one of the business's contacts, searching as you type (first 50 matches). */
public final class ContactPicker {

    /** Where the picker finds contacts: the contact service in the app, a list in a unit test. */
    public interface Source extends Serializable {
        List<ContactView> search(String text, int limit);

        /** The contact with this id; NotFoundException when the caller may not see it. */
        ContactView get(String id);

        static Source of(ContactService contacts) {
            return new Source() {
                @Override
                public List<ContactView> search(String text, int limit) {
                    return contacts.list(text, null, false, null, limit).items();
                }

                @Override
                public ContactView get(String id) {
                    return contacts.get(id);
                }
            };
        }
    }

    private ContactPicker() {
    }

    public static ComboBox<ContactView> create(Source contacts, String id, String label, String selectedId) {
        ComboBox<ContactView> picker = new ComboBox<>(label);
        picker.setId(id);
        picker.setItemLabelGenerator(c -> c.displayName() + (c.email() == null ? "" : " · " + c.email()));
        picker.setItems(query -> {
            int offset = query.getOffset();
            int limit = Math.min(query.getLimit(), 50);
            return offset > 0 ? Stream.empty()
                    : contacts.search(query.getFilter().orElse(""), limit).stream();
        });
        picker.setClearButtonVisible(true);
        select(picker, contacts, selectedId);
        return picker;
    }

    /** Chooses the contact with this id (none: leaves the picker as it is); says so when the caller may not see it. */
    public static void select(ComboBox<ContactView> picker, Source contacts, String id) {
        if (id == null) {
            return;
        }
        try {
            picker.setValue(contacts.get(id));
        } catch (NotFoundException | ValidationException e) {
            picker.setHelperText("The linked contact is not visible to you");
        }
    }
}
