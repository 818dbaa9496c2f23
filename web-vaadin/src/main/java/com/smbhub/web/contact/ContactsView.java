package com.smbhub.web.contact;

import com.smbhub.contact.ContactChecks;
import com.smbhub.contact.ContactDraft;
import com.smbhub.contact.ContactService;
import com.smbhub.contact.ContactView;
import com.smbhub.contact.TimelineEntry;
import com.smbhub.file.FileService;
import com.smbhub.home.HomeService;
import com.smbhub.platform.PostalAddress;
import com.smbhub.platform.errors.ConflictException;
import com.smbhub.platform.errors.NotFoundException;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.security.Access;
import com.smbhub.platform.security.Capability;
import com.smbhub.platform.security.Grant;
import com.smbhub.platform.security.Permissions;
import com.smbhub.platform.security.Role;
import com.smbhub.profile.EffectiveProfile;
import com.smbhub.profile.ProfileService;
import com.smbhub.web.expense.ExpensesView;
import com.smbhub.web.file.FilesPanel;
import com.smbhub.web.inbox.InboxView;
import com.smbhub.web.invoice.InvoicesView;
import com.smbhub.web.shell.Dates;
import com.smbhub.web.shell.MainLayout;
import com.smbhub.web.shell.Module;
import com.smbhub.web.shell.PagedRows;
import com.smbhub.web.shell.PhoneCards;
import com.smbhub.web.shell.PhoneScreens;
import com.smbhub.web.shell.Toasts;
import com.smbhub.web.work.WorkView;
import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** Contacts: search and type tabs on the left, the selected contact (or a new one) on the right. */
@Route(value = "contacts", layout = MainLayout.class)
@CdiComponent
@PermitAll
public class ContactsView extends SplitLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final int PAGE = 50;

    @EJB ContactService contacts;

    @EJB ProfileService profiles;

    @EJB Access access;

    @EJB HomeService home;

    @EJB FileService files;

    private final TextField search = new TextField();
    private final Tabs types = new Tabs(new Tab("All"), new Tab("Customers"), new Tab("Vendors"), new Tab("Leads"), new Tab("Other"));
    private final Checkbox showDeleted = new Checkbox("Show deleted");
    private final Grid<ContactView> grid = new Grid<>(ContactView.class, false);
    private final Button create = new Button("New contact");
    private final Button importCsv = new Button("Import");
    private final VerticalLayout detail = new VerticalLayout();
    private final ContactForm form = new ContactForm();
    private final PagedRows<ContactView> paged = new PagedRows<>(grid, "contacts-empty",
            after -> contacts.list(search.getValue(), type(), showDeleted.getValue(), after, PAGE), this::nothing);
    private ContactView selected;
    private boolean canWrite;
    private String title = "Contacts";
    private ZoneId zone = ZoneId.of("UTC");

    public ContactsView() {
        setSizeFull();
        setSplitterPosition(55);
        search.setId("contact-search");
        search.setPlaceholder("Search name, e-mail or phone");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> reload());
        search.getStyle().set("flex", "1 1 12rem").set("min-width", "0");
        types.setId("contact-types");
        types.addSelectedChangeListener(e -> reload());
        showDeleted.setId("show-deleted");
        showDeleted.addValueChangeListener(e -> reload());
        create.setId("new-contact");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> edit(null));
        importCsv.setId("import-contacts");
        importCsv.addClickListener(e -> new ImportDialog(contacts::importFile, this::reload).open());
        grid.setId("contact-grid");
        grid.addColumn(ContactView::displayName).setHeader("Name").setFlexGrow(2);
        grid.addColumn(c -> c.email() == null ? "" : c.email()).setHeader("E-mail").setFlexGrow(2);
        grid.addColumn(c -> c.phone() == null ? "" : ContactChecks.readable(c.phone())).setHeader("Phone");
        grid.addColumn(ContactsView::type).setHeader("Type");
        PhoneCards.of(grid, c -> PhoneCards.card(c.displayName(), type(c), c.email(),
                c.phone() == null ? null : ContactChecks.readable(c.phone())));
        grid.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                show(e.getValue());
            }
        });
        paged.more().setId("more-contacts");
        HorizontalLayout top = new HorizontalLayout(search, importCsv, create);
        top.setWidthFull();
        top.getStyle().set("flex-wrap", "wrap"); // the buttons below the search on a phone
        top.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        VerticalLayout list = new VerticalLayout(top, types, showDeleted, grid, paged.empty(), paged.more());
        list.setSizeFull();
        list.setFlexGrow(1, grid);
        detail.setId("contact-detail");
        PhoneScreens.listAndDetail(this);
        addToPrimary(list);
        addToSecondary(detail);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (event.hasForwardTarget() || event.hasRerouteTarget()) {
            return;
        }
        canWrite = Permissions.allows(access.role(), Capability.CONTACTS_WRITE);
        zone = ZoneId.of(home.greeting().timezone());
        create.setVisible(canWrite);
        importCsv.setVisible(canWrite);
        title = profiles.effective().label("contact_plural") + " · SMB Hub";
        reload();
        showNothing();
        var query = event.getLocation().getQueryParameters();
        if (canWrite && query.getSingleParameter("new").isPresent()) {
            edit(null);
            query.getSingleParameter("name").ifPresent(form.displayName::setValue);
        } else if (query.getSingleParameter("contact").isPresent()) {
            try {
                show(contacts.get(query.getSingleParameter("contact").get()));
            } catch (NotFoundException | ValidationException e) {
                Toasts.problem("That contact does not exist or is not yours to see.");
            }
        } else if (canWrite && query.getSingleParameter("import").isPresent()) {
            new ImportDialog(contacts::importFile, this::reload).open();
        }
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void reload() {
        paged.reload();
    }

    private String nothing() {
        return search.isEmpty() && !showDeleted.getValue()
                ? "No contacts yet." + (canWrite ? " Add your first with New contact." : "")
                : "No contact matches.";
    }

    private String type() {
        return switch (types.getSelectedIndex()) {
            case 1 -> "CUSTOMER";
            case 2 -> "VENDOR";
            case 3 -> "LEAD";
            case 4 -> "OTHER";
            default -> null;
        };
    }

    private static String type(ContactView c) {
        return c.type().charAt(0) + c.type().substring(1).toLowerCase();
    }

    /** "1 King St, Unit 4, Toronto ON M5H 1A1, CA": the parts there are, in the order an envelope has them. */
    static String address(ContactView c) {
        return new PostalAddress(c.addressLine1(), c.addressLine2(), c.city(), c.region(), c.postalCode(), c.country()).oneLine();
    }

    /** The client as a hub: new work, a quote, an invoice or a message for them, each where the role and profile allow. */
    private HorizontalLayout startFrom(ContactView contact) {
        EffectiveProfile profile = profiles.effective();
        Role role = access.role();
        HorizontalLayout start = new HorizontalLayout();
        start.setId("contact-start");
        start.getStyle().set("flex-wrap", "wrap");
        Map<String, String> forClient = Map.of("new", "1", "client", contact.id());
        if (Module.WORK.enabled(profile, role) && Permissions.allows(role, Capability.WORK_WRITE)) {
            start.add(go("contact-new-work", "New " + profile.label("work_item").toLowerCase(), "work", forClient));
        }
        boolean drafts = Permissions.grant(role, Capability.MONEY_DRAFT) == Grant.ALL;
        if (drafts && Module.QUOTES.enabled(profile, role)) {
            start.add(go("contact-new-quote", "New " + profile.label("quote").toLowerCase(), "quotes", forClient));
        }
        if (drafts && Module.INVOICES.enabled(profile, role)) {
            start.add(go("contact-new-invoice", "New " + profile.label("invoice").toLowerCase(), "invoices", forClient));
        }
        if (Module.INBOX.enabled(profile, role) && Permissions.allows(role, Capability.INBOX_RESPOND)
                && (contact.email() != null || contact.phone() != null)) {
            start.add(go("contact-message", "Message", "inbox", Map.of("compose", contact.id())));
        }
        return start;
    }

    private Button go(String id, String label, String screen, Map<String, String> query) {
        Button button = new Button(label, e -> getUI().ifPresent(ui -> ui.navigate(screen, QueryParameters.simple(query))));
        button.setId(id);
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return button;
    }

    private void showNothing() {
        PhoneScreens.reading(this, false, detail);
        detail.removeAll();
        detail.add(new Paragraph("Choose a contact to see it here."));
    }

    private void show(ContactView contact) {
        selected = contact;
        PhoneScreens.reading(this, true, detail);
        detail.removeAll();
        H3 name = new H3(contact.displayName());
        name.setId("detail-name");
        name.getStyle().set("margin", "0");
        HorizontalLayout header = new HorizontalLayout(PhoneScreens.back(() -> {
            grid.deselectAll();
            showNothing();
        }), name);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        detail.add(header);
        List<String> facts = new ArrayList<>();
        Optional.ofNullable(contact.email()).ifPresent(facts::add);
        Optional.ofNullable(contact.phone()).map(ContactChecks::readable).ifPresent(facts::add);
        Optional.ofNullable(contact.companyName()).ifPresent(facts::add);
        Optional.of(address(contact)).filter(a -> !a.isEmpty()).ifPresent(facts::add);
        if (!contact.tags().isEmpty()) {
            facts.add("Tags: " + String.join(", ", contact.tags()));
        }
        facts.forEach(f -> detail.add(new Span(f)));
        if (!contact.deleted()) {
            detail.add(startFrom(contact));
        }
        if (contact.notes() != null) {
            detail.add(new Paragraph(contact.notes()));
        }
        HorizontalLayout actions = new HorizontalLayout();
        if (contact.allowedActions().contains("update")) {
            Button edit = new Button("Edit", e -> edit(contact));
            edit.setId("edit-contact");
            actions.add(edit);
        }
        if (contact.allowedActions().contains("delete")) {
            Button delete = new Button("Delete", e -> confirmDelete(contact));
            delete.setId("delete-contact");
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
            actions.add(delete);
        }
        if (contact.allowedActions().contains("restore")) {
            Button restore = new Button("Restore", e -> run(() -> contacts.restore(contact.id()), "Restored"));
            restore.setId("restore-contact");
            actions.add(restore);
        }
        detail.add(actions);
        if (contact.allowedActions().contains("merge")) {
            List<ContactView> twins = contacts.possibleDuplicates(contact.id());
            if (!twins.isEmpty()) {
                VerticalLayout box = new VerticalLayout(new H4("Possible duplicates"));
                box.setId("contact-duplicates");
                box.setPadding(false);
                box.setSpacing(false);
                for (ContactView twin : twins) {
                    Button merge = new Button("Merge into this contact", e -> confirmMerge(contact, twin));
                    merge.addClassName("merge-duplicate");
                    merge.addThemeVariants(ButtonVariant.LUMO_SMALL);
                    HorizontalLayout line = new HorizontalLayout(new Span(twin.displayName()
                            + (twin.email() == null ? "" : " · " + twin.email())
                            + (twin.phone() == null ? "" : " · " + ContactChecks.readable(twin.phone()))), merge);
                    line.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
                    box.add(line);
                }
                detail.add(box);
            }
        }
        VerticalLayout timeline = new VerticalLayout();
        timeline.setId("contact-timeline");
        timeline.setPadding(false);
        timeline.setSpacing(false);
        Runnable showTimeline = () -> {
            timeline.removeAll();
            for (TimelineEntry entry : contacts.timeline(contact.id())) {
                String line = Dates.current().in(zone).dayTime(entry.at()) + " · " + entry.title();
                if (entry.workItemId() != null) {
                    RouterLink link = new RouterLink(line, WorkView.class);
                    link.setQueryParameters(QueryParameters.of("item", entry.workItemId()));
                    timeline.add(link);
                } else if (entry.type().equals("message")) {
                    RouterLink link = new RouterLink(line, InboxView.class);
                    link.setQueryParameters(QueryParameters.of("c", entry.id()));
                    timeline.add(link);
                } else if (entry.type().equals("invoice") || entry.type().equals("payment")) {
                    RouterLink link = new RouterLink(line, InvoicesView.class);
                    link.setQueryParameters(QueryParameters.of("open", entry.id()));
                    timeline.add(link);
                } else if (entry.type().equals("expense")) {
                    RouterLink link = new RouterLink(line, ExpensesView.class);
                    link.setQueryParameters(QueryParameters.of("open", entry.id()));
                    timeline.add(link);
                } else {
                    timeline.add(new Span(line));
                }
            }
        };
        showTimeline.run();
        if (!contact.deleted()) {
            detail.add(new H4("Files"), new FilesPanel(files, "CONTACT", contact.id(),
                    contact.allowedActions().contains("update"), zone, showTimeline));
        }
        detail.add(new H4("Timeline"), timeline);
    }

    private void edit(ContactView contact) {
        selected = contact;
        PhoneScreens.reading(this, true, detail);
        detail.removeAll();
        H2 heading = new H2(contact == null ? "New contact" : "Edit contact");
        if (contact == null) {
            form.clear();
        } else {
            form.read(contact);
        }
        Button save = new Button("Save", e -> save(contact, false));
        save.setId("save-contact");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER);
        Button cancel = new Button("Cancel", e -> {
            if (contact == null) {
                showNothing();
            } else {
                show(contact);
            }
        });
        detail.add(heading, form, new HorizontalLayout(save, cancel));
        form.displayName.focus();
    }

    private void save(ContactView contact, boolean allowDuplicate) {
        ContactDraft draft = form.draft();
        try {
            ContactView saved = contact == null
                    ? contacts.create(draft, allowDuplicate, Optional.empty())
                    : contacts.update(contact.id(), contact.version(), draft);
            Toasts.done("Saved");
            reload();
            grid.select(paged.rows().stream().filter(r -> r.id().equals(saved.id())).findFirst().orElse(null));
            show(saved);
        } catch (ContactService.DuplicateContactException e) {
            @SuppressWarnings("unchecked")
            List<ContactView> matches = (List<ContactView>) e.current();
            ConfirmDialog dialog = new ConfirmDialog("Possible duplicate",
                    matches.get(0).displayName() + " has the same e-mail or phone. Open it, or save a new contact anyway?",
                    "Save anyway", ev -> save(null, true), "Open existing", ev -> show(matches.get(0)));
            dialog.setCancelable(true);
            dialog.open();
        } catch (ValidationException e) {
            form.show(e);
        } catch (ConflictException e) {
            Toasts.problem("Someone changed this contact meanwhile; your edits are still in the form. Reopen it to see theirs.");
        } catch (NotFoundException e) {
            Toasts.problem("This contact no longer exists.");
            reload();
            showNothing();
        }
    }

    private void confirmMerge(ContactView keep, ContactView other) {
        ConfirmDialog dialog = new ConfirmDialog("Merge " + other.displayName() + " into " + keep.displayName() + "?",
                other.displayName() + "'s work, files and details move to " + keep.displayName()
                        + " (empty fields are filled in, tags and notes joined). " + other.displayName()
                        + " is then deleted; you can restore it from Show deleted.",
                "Merge", e -> {
                    try {
                        run(() -> contacts.merge(keep.id(), keep.version(), other.id()), "Merged");
                    } catch (ConflictException | ValidationException ex) {
                        Toasts.problem("One of the two contacts changed meanwhile; look again and retry.");
                        reload();
                        showNothing();
                    }
                });
        dialog.setConfirmButtonTheme("primary");
        dialog.setCancelable(true);
        dialog.open();
    }

    private void confirmDelete(ContactView contact) {
        ConfirmDialog dialog = new ConfirmDialog("Delete " + contact.displayName() + "?",
                "The contact is hidden from lists. You can restore it from Show deleted.", "Delete",
                e -> run(() -> contacts.delete(contact.id()), "Deleted"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.setCancelable(true);
        dialog.open();
    }

    private void run(Supplier<ContactView> action, String done) {
        try {
            ContactView result = action.get();
            Toasts.done(done);
            reload();
            show(result);
        } catch (NotFoundException e) {
            Toasts.problem("This contact no longer exists.");
            reload();
            showNothing();
        }
    }

}
