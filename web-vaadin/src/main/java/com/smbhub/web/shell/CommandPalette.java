package com.smbhub.web.shell;

import com.smbhub.contact.ContactService;
import com.smbhub.contact.ContactView;
import com.smbhub.platform.security.Access;
import com.smbhub.platform.security.Capability;
import com.smbhub.platform.security.Permissions;
import com.smbhub.profile.EffectiveProfile;
import com.smbhub.workitem.WorkItemService;
import com.smbhub.workitem.WorkItemView;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.QueryParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Ctrl+K (or the search button): find a contact or a work item by typing, or create one with what
 * was typed. Enter opens the first line; Tab and Enter move through the rest.
 */
public class CommandPalette extends Dialog {

    private final transient ContactService contacts;
    private final transient WorkItemService work;
    private final transient Access access;
    private final EffectiveProfile profile;
    private final TextField input = new TextField();
    private final VerticalLayout results = new VerticalLayout();
    private final List<Button> lines = new ArrayList<>();

    public CommandPalette(ContactService contacts, WorkItemService work, Access access, EffectiveProfile profile) {
        this.contacts = contacts;
        this.work = work;
        this.access = access;
        this.profile = profile;
        setHeaderTitle("Search or create");
        setWidth("min(36rem, 100vw)");
        input.setId("palette-input");
        input.setPlaceholder("A name, e-mail, phone or title");
        input.setPrefixComponent(VaadinIcon.SEARCH.create());
        input.setWidthFull();
        input.setClearButtonVisible(true);
        input.setValueChangeMode(ValueChangeMode.LAZY);
        input.setValueChangeTimeout(200);
        input.addValueChangeListener(e -> search(e.getValue()));
        input.addKeyDownListener(Key.ENTER, e -> {
            if (!lines.isEmpty()) {
                lines.get(0).click();
            }
        });
        results.setId("palette-results");
        results.setPadding(false);
        results.setSpacing(false);
        add(input, results);
        search("");
    }

    @Override
    public void open() {
        super.open();
        input.focus();
    }

    private void search(String text) {
        results.removeAll();
        lines.clear();
        String q = text == null ? "" : text.trim();
        var role = access.role();
        if (q.length() >= 2) {
            if (Permissions.allows(role, Capability.CONTACTS_READ)) {
                for (ContactView c : contacts.list(q, null, false, null, 5).items()) {
                    line(profile.label("contact") + ": " + c.displayName() + (c.email() == null ? "" : " · " + c.email()),
                            "contacts", Map.of("contact", c.id()));
                }
            }
            if (Permissions.allows(role, Capability.WORK_READ)) {
                for (WorkItemView w : work.search(q, 5)) {
                    line(profile.label("work_item") + ": " + w.title() + " · " + w.status().replace('_', ' ').toLowerCase(),
                            "work", Map.of("item", w.id()));
                }
            }
            if (lines.isEmpty()) {
                Span none = new Span("Nothing found for “" + q + "”.");
                none.setId("palette-empty");
                results.add(none);
            }
        }
        String name = q.isEmpty() ? "" : " “" + q + "”";
        if (Permissions.allows(role, Capability.CONTACTS_WRITE)) {
            line("New " + profile.label("contact").toLowerCase() + name, "contacts", q.isEmpty() ? Map.of("new", "1")
                    : Map.of("new", "1", "name", q));
        }
        if (Permissions.allows(role, Capability.WORK_WRITE)) {
            line("New " + profile.label("work_item").toLowerCase() + name, "work", q.isEmpty() ? Map.of("new", "1")
                    : Map.of("new", "1", "title", q));
        }
    }

    private void line(String text, String route, Map<String, String> query) {
        Button line = new Button(text, e -> {
            getUI().ifPresent(ui -> ui.navigate(route, QueryParameters.simple(query)));
            close();
        });
        line.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        line.addClassName("palette-line");
        line.setWidthFull();
        line.getStyle().set("justify-content", "flex-start").set("text-align", "left");
        lines.add(line);
        results.add(line);
    }
}
