package com.smbhub.web;

import com.smbhub.contact.ContactView;
import com.smbhub.web.contact.ContactPicker;
import com.vaadin.flow.component.Component;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds a form's fields the way the browser tests do (by id), without a browser or a server. */
public final class Components {

    private Components() {
    }

    @SuppressWarnings("unchecked")
    public static <T extends Component> T byId(Component root, String id, Class<T> type) {
        return (T) find(root, id).orElseThrow(() -> new AssertionError("no component with id " + id));
    }

    public static Optional<Component> find(Component root, String id) {
        return all(root).filter(c -> c.getId().map(id::equals).orElse(false)).findFirst();
    }

    private static Stream<Component> all(Component root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(Components::all));
    }

    /** A contact as the service shows it. */
    public static ContactView contact(String id, String name, String email) {
        return new ContactView(id, "CUSTOMER", name, null, email, null, null, null, null, null, null, null, List.of(), null,
                false, 1, Instant.EPOCH, Instant.EPOCH, List.of());
    }

    /** Contacts from a list, as the picker finds them. */
    public static ContactPicker.Source contacts(ContactView... all) {
        return new ContactPicker.Source() {
            @Override
            public List<ContactView> search(String text, int limit) {
                return Stream.of(all).filter(c -> c.displayName().contains(text)).limit(limit).toList();
            }

            @Override
            public ContactView get(String id) {
                return Stream.of(all).filter(c -> c.id().equals(id)).findFirst().orElseThrow();
            }
        };
    }
}
