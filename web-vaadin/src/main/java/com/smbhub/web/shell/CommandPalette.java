package com.smbhub.web.shell;

import com.smbhub.contact.ContactService;
import com.smbhub.contact.ContactView;
import com.smbhub.invoice.InvoiceService;
import com.smbhub.money.DocumentView;
import com.smbhub.platform.security.Access;
import com.smbhub.platform.security.Capability;
import com.smbhub.platform.security.Grant;
import com.smbhub.platform.security.Permissions;
import com.smbhub.platform.security.Role;
import com.smbhub.profile.EffectiveProfile;
import com.smbhub.quote.QuoteService;
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
import com.vaadin.flow.function.SerializableRunnable;
import com.vaadin.flow.router.QueryParameters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Ctrl+K (or the search button): find a contact, a work item, an invoice or a quote (by number or client) by typing,
 * run a command (New invoice, New quote, Payments, Settings → …, Sign out) whose name holds the words typed, or create
 * a contact or a work item with what was typed — in that order. Enter opens the first line; Tab and Enter move through
 * the rest; Escape closes it.
 */
public class CommandPalette extends Dialog {

    /** What the palette reads: the services of the signed-in caller. */
    public record Sources(ContactService contacts, WorkItemService work, InvoiceService invoices, QuoteService quotes,
                          Access access) {
    }

    /** Settings' tabs by their address name. */
    private static final List<String[]> SETTINGS = List.of(new String[] {"business", "Business"}, new String[] {"team", "Team"},
            new String[] {"payments", "Payments"}, new String[] {"numbers", "Numbers"}, new String[] {"email", "Email"},
            new String[] {"inbox", "Inbox"}, new String[] {"reminders", "Reminders"}, new String[] {"data", "Data"});

    private final transient Sources from;
    private final EffectiveProfile profile;
    private final SerializableRunnable signOut;
    private final TextField input = new TextField();
    private final VerticalLayout results = new VerticalLayout();
    private final List<Button> lines = new ArrayList<>();

    public CommandPalette(Sources from, EffectiveProfile profile, SerializableRunnable signOut) {
        this.from = from;
        this.profile = profile;
        this.signOut = signOut;
        setHeaderTitle("Search or create");
        setWidth("min(36rem, 100vw)");
        setCloseOnEsc(true);
        input.setId("palette-input");
        input.setPlaceholder("A name, number, e-mail, phone, title or command");
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
        input.addKeyDownListener(Key.ESCAPE, e -> close()); // at once, even while a search is waiting
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

    void search(String text) {
        results.removeAll();
        lines.clear();
        String q = text == null ? "" : text.trim();
        Role role = from.access().role();
        if (q.isEmpty()) {
            creates(q, role);
            commands(q, role);
            return;
        }
        if (q.length() >= 2) {
            found(q, role);
        }
        commands(q, role);
        if (lines.isEmpty() && q.length() >= 2) {
            Span none = new Span("Nothing found for “" + q + "”.");
            none.setId("palette-empty");
            results.add(none);
        }
        creates(q, role);
    }

    /** New contact / new work item, named with what was typed. */
    private void creates(String q, Role role) {
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

    private void found(String q, Role role) {
        if (Permissions.allows(role, Capability.CONTACTS_READ)) {
            for (ContactView c : from.contacts().list(q, null, false, null, 5).items()) {
                line(profile.label("contact") + ": " + c.displayName() + (c.email() == null ? "" : " · " + c.email()),
                        "contacts", Map.of("contact", c.id()));
            }
        }
        if (Permissions.allows(role, Capability.WORK_READ)) {
            for (WorkItemView w : from.work().search(q, 5)) {
                line(profile.label("work_item") + ": " + w.title() + " · " + Words.of(w.status()).toLowerCase(Locale.ROOT),
                        "work", Map.of("item", w.id()));
            }
        }
        if (Permissions.allows(role, Capability.MONEY_READ)) {
            if (profile.capability("invoices")) {
                from.invoices().search(q, 5).forEach(d -> document(profile.label("invoice"), "invoices", d));
            }
            if (profile.capability("quotes")) {
                from.quotes().search(q, 5).forEach(d -> document(profile.label("quote"), "quotes", d));
            }
        }
    }

    private void document(String noun, String route, DocumentView d) {
        line(noun + " " + (d.number() == null ? "(draft)" : d.number()) + (d.contactName() == null ? "" : " · " + d.contactName())
                + " · " + Words.of(d.status()).toLowerCase(Locale.ROOT), route, Map.of("open", d.id()));
    }

    /** The commands the caller may run whose names hold every word typed. */
    private void commands(String q, Role role) {
        List<String> words = Arrays.stream(q.toLowerCase(Locale.ROOT).split("\\s+")).filter(w -> !w.isEmpty()).toList();
        boolean drafts = Permissions.grant(role, Capability.MONEY_DRAFT) == Grant.ALL;
        if (drafts && profile.capability("invoices")) {
            command(words, "New " + profile.label("invoice").toLowerCase(Locale.ROOT), go("invoices", Map.of("new", "1")));
        }
        if (drafts && profile.capability("quotes")) {
            command(words, "New " + profile.label("quote").toLowerCase(Locale.ROOT), go("quotes", Map.of("new", "1")));
        }
        if (Module.PAYMENTS.enabled(profile, role)) {
            command(words, "Payments", go("payments", Map.of()));
        }
        if (Permissions.allows(role, Capability.MANAGE_SETTINGS)) {
            for (String[] tab : SETTINGS) {
                command(words, "Settings → " + tab[1], go("settings", Map.of("tab", tab[0])));
            }
        }
        command(words, "Sign out", () -> {
            close();
            signOut.run();
        });
    }

    private void command(List<String> words, String name, SerializableRunnable run) {
        String said = name.toLowerCase(Locale.ROOT);
        if (words.stream().allMatch(said::contains)) {
            add(name, run).addClassName("palette-command");
        }
    }

    private SerializableRunnable go(String route, Map<String, String> query) {
        return () -> {
            getUI().ifPresent(ui -> ui.navigate(route, QueryParameters.simple(query)));
            close();
        };
    }

    private void line(String text, String route, Map<String, String> query) {
        add(text, go(route, query));
    }

    private Button add(String text, SerializableRunnable run) {
        Button line = new Button(text, e -> run.run());
        line.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        line.addClassName("palette-line");
        line.setWidthFull();
        line.getStyle().set("justify-content", "flex-start").set("text-align", "left");
        lines.add(line);
        results.add(line);
        return line;
    }

    /** The lines shown, in order (for tests). */
    List<String> shown() {
        return lines.stream().map(Button::getText).toList();
    }
}
