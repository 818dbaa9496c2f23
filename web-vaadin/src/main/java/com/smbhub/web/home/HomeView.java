package com.smbhub.web.home;

import com.smbhub.expense.ExpenseService;
import com.smbhub.home.HomeService;
import com.smbhub.inbox.InboxService;
import com.smbhub.invoice.InvoiceService;
import com.smbhub.money.MoneyText;
import com.smbhub.notification.NotificationService;
import com.smbhub.platform.mail.Mailer;
import com.smbhub.platform.security.Capability;
import com.smbhub.platform.security.Permissions;
import com.smbhub.platform.security.Role;
import com.smbhub.profile.EffectiveProfile;
import com.smbhub.profile.ProfileService;
import com.smbhub.sample.SampleDataService;
import com.smbhub.web.invoice.InvoicesView;
import com.smbhub.web.quote.QuotesView;
import com.smbhub.web.settings.SettingsView;
import com.smbhub.web.shell.Dates;
import com.smbhub.web.shell.MainLayout;
import com.smbhub.web.shell.Toasts;
import com.smbhub.web.shell.Words;
import com.smbhub.web.work.WorkView;
import com.smbhub.workitem.WorkItemService;
import com.smbhub.workitem.WorkItemView;
import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Home "Today": greeting, KPI cards, next actions (urgent or overdue work). */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Home · SMB Hub")
@CdiComponent
@PermitAll
public class HomeView extends VerticalLayout implements BeforeEnterObserver {

    @EJB HomeService home;

    @EJB WorkItemService work;

    @EJB ProfileService profiles;

    @EJB InvoiceService invoices;

    @EJB Mailer mailer;

    @EJB NotificationService notifications;

    @EJB SampleDataService samples;

    @EJB InboxService inbox;

    @EJB ExpenseService expenses;

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (event.hasForwardTarget() || event.hasRerouteTarget()) {
            return;
        }
        removeAll();
        HomeService.Greeting greeting = home.greeting();
        EffectiveProfile profile = profiles.effective();
        WorkItemService.Today today = work.today();
        String plural = profile.label("work_item_plural").toLowerCase();
        H2 title = new H2("Welcome to " + greeting.businessName());
        title.setId("home-title");
        Paragraph role = new Paragraph("You are signed in as " + greeting.role().name().toLowerCase()
                + ". Times are shown in " + greeting.timezone() + "; amounts in " + greeting.currency() + ".");
        InvoiceService.Money money = Permissions.allows(greeting.role(), Capability.MONEY_READ) ? invoices.money()
                : new InvoiceService.Money(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                greeting.currency());
        FlexLayout cards = new FlexLayout(
                opens(card("kpi-new", "New " + plural, String.valueOf(today.newItems())), "work", "status", "NEW"),
                opens(card("kpi-overdue", "Overdue " + plural, String.valueOf(today.overdueItems())), "work", "due", "overdue"));
        if (Permissions.allows(greeting.role(), Capability.MONEY_READ) && profile.capability("invoices")) {
            cards.add(opens(card("kpi-unpaid", "Unpaid", MoneyText.format(money.unpaid(), money.currency())), "invoices"),
                    opens(card("kpi-overdue-money", "Overdue", MoneyText.format(money.overdue(), money.currency())),
                            "invoices", "status", "OVERDUE"),
                    opens(card("kpi-payments", "Today's payments", MoneyText.format(money.paidToday(), money.currency())),
                            "payments"));
        }
        if (profile.capability("inbox")) {
            cards.addComponentAsFirst(opens(card("kpi-unread", "Unread messages", String.valueOf(inbox.unread())), "inbox"));
        }
        if (profile.capability("expenses") && Permissions.allows(greeting.role(), Capability.EXPENSES_READ)) {
            Map<String, BigDecimal> spent = expenses.thisMonth();
            Div month = card("kpi-expenses", "Expenses this month", spent.isEmpty() ? MoneyText.format(BigDecimal.ZERO,
                    greeting.currency()) : spent.entrySet().stream().map(t -> MoneyText.format(t.getValue(), t.getKey()))
                    .collect(Collectors.joining(" + ")));
            cards.add(opens(month, "expenses"));
        }
        cards.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        cards.getStyle().set("gap", "var(--lumo-space-m)");
        ZoneId zone = ZoneId.of(greeting.timezone());
        H3 nextTitle = new H3("Next actions");
        VerticalLayout next = new VerticalLayout();
        next.setId("next-actions");
        next.setPadding(false);
        if (today.nextActions().isEmpty()) {
            next.add(new Span("Nothing urgent or overdue. "), new RouterLink("Open " + profile.label("work_item_plural"),
                    WorkView.class));
        }
        for (WorkItemView item : today.nextActions()) {
            String when = item.dueAt() == null ? "" : " · due " + Dates.current().in(zone).dayTime(item.dueAt());
            RouterLink link = new RouterLink(item.title() + " · " + item.priority().toLowerCase() + when,
                    WorkView.class);
            link.setQueryParameters(QueryParameters.of("item", item.id()));
            next.add(link);
        }
        add(title, role);
        boolean sample = samples.present();
        if (sample) {
            add(sampleNote(Permissions.allows(greeting.role(), Capability.MANAGE_SETTINGS), plural));
        }
        add(quickActions(profile, greeting, mailer.development()));
        var recent = notifications.recent(10);
        if (recent.stream().anyMatch(n -> !n.read())) {
            add(notificationsBox(recent, zone));
        }
        add(cards);
        HomeService.Onboarding onboarding = home.onboarding();
        if (onboarding.visible()) {
            VerticalLayout box = checklist(onboarding);
            if (!sample && !onboarding.finished()) {
                box.add(fillOffer(plural));
            }
            add(box);
        }
        add(nextTitle, next);
    }

    /** A notification's line, leading to what it is about: the quote or invoice, or Settings → Data for an export. */
    private static Component link(NotificationService.View n, String line) {
        if ("quote".equals(n.entityType()) || "invoice".equals(n.entityType())) {
            RouterLink link = new RouterLink(line, "quote".equals(n.entityType()) ? QuotesView.class : InvoicesView.class,
                    RouteParameters.empty());
            link.setQueryParameters(QueryParameters.of("open", n.entityId()));
            return link;
        }
        if ("job_run".equals(n.entityType())) {
            RouterLink link = new RouterLink(line, SettingsView.class, RouteParameters.empty());
            link.setQueryParameters(QueryParameters.of("tab", "data"));
            return link;
        }
        return new Span(line);
    }

    /** What happened that the business should know (a client approved a quote, …), until someone marks it read. */
    private VerticalLayout notificationsBox(List<NotificationService.View> recent, ZoneId zone) {
        VerticalLayout box = new VerticalLayout(new H3("Notifications"));
        box.setId("notifications");
        box.setPadding(false);
        box.setSpacing(false);
        for (var n : recent) {
            String line = Dates.current().in(zone).dayTime(n.at()) + " · " + n.title();
            Component item = link(n, line);
            item.getElement().getStyle().set("font-weight", n.read() ? "normal" : "600");
            box.add(item);
        }
        Button read = new Button("Mark all read", e -> {
            notifications.markAllRead();
            box.setVisible(false);
        });
        read.setId("notifications-read");
        read.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        box.add(read);
        return box;
    }

    /** Shortcuts to the everyday "new" actions the caller's role allows. */
    private static HorizontalLayout quickActions(EffectiveProfile profile, HomeService.Greeting greeting, boolean devMail) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setId("quick-actions");
        actions.getStyle().set("flex-wrap", "wrap");
        Role role = greeting.role();
        if (Permissions.allows(role, Capability.WORK_WRITE)) {
            actions.add(action("New " + profile.label("work_item").toLowerCase(), "work", "new"));
        }
        if (Permissions.allows(role, Capability.CONTACTS_WRITE)) {
            actions.add(action("New " + profile.label("contact").toLowerCase(), "contacts", "new"));
            actions.add(action("Import contacts", "contacts", "import"));
        }
        if (Permissions.allows(role, Capability.MANAGE_TEAM)) {
            actions.add(action("Invite your team", "settings", "tab=team"));
        }
        if (devMail && Permissions.allows(role, Capability.MONEY_SEND)) {
            actions.add(action("Sent mail (development)", "sent-mail", "all"));
        }
        return actions;
    }

    private static Anchor action(String label, String path, String query) {
        Anchor link = new Anchor(path + "?" + (query.contains("=") ? query : query + "=1"), label);
        link.addClassName("quick-action");
        link.getElement().setAttribute("router-link", true);
        return link;
    }

    /**
     * PRD 7.3: the steps to a business's first payment, ticked from what happened, each a link to the screen
     * that does it and skippable; once all are done it shows the time to first value until hidden.
     */
    private VerticalLayout checklist(HomeService.Onboarding onboarding) {
        VerticalLayout box = new VerticalLayout(new H3("Get started"));
        box.setId("onboarding");
        box.setPadding(false);
        box.setSpacing(false);
        List<HomeService.Step> steps = onboarding.steps();
        long done = steps.stream().filter(HomeService.Step::done).count();
        box.add(new Span(done + " of " + steps.size() + " done"));
        for (HomeService.Step step : steps) {
            String mark = step.done() ? "✓ " : step.skipped() ? "– " : "○ ";
            Anchor link = new Anchor(step.link(), mark + step.title() + (step.skipped() ? " (skipped)" : ""));
            link.getElement().setAttribute("router-link", true);
            HorizontalLayout line = new HorizontalLayout(link);
            line.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            line.addClassName(step.done() ? "step-done" : step.skipped() ? "step-skipped" : "step-open");
            line.getElement().setAttribute("data-step", step.key());
            if (!step.done() && !step.skipped()) {
                Button skip = new Button("Skip", e -> {
                    home.skipOnboarding(step.key());
                    UI.getCurrent().refreshCurrentRoute(false);
                });
                skip.setId("skip-" + step.key());
                skip.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                line.add(skip);
            }
            box.add(line);
        }
        if (onboarding.finished()) {
            Span ttfv = new Span(onboarding.timeToFirstValue() == null ? "All set."
                    : "All set: from starting to your first payment took " + Words.took(onboarding.timeToFirstValue()) + ".");
            ttfv.setId("onboarding-ttfv");
            Button hide = new Button("Hide this list", e -> {
                home.skipOnboarding("all");
                box.setVisible(false);
            });
            hide.setId("onboarding-hide");
            hide.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            box.add(ttfv, hide);
        }
        return box;
    }

    /** The business shows sample data: say so, and offer owners and admins to remove it (confirmed: it deletes records). */
    private HorizontalLayout sampleNote(boolean manages, String plural) {
        Button remove = new Button("Remove sample data", e -> {
            ConfirmDialog confirm = new ConfirmDialog("Remove sample data?",
                    "The sample contacts, " + plural + ", quotes, invoices and payments are deleted. Anything you added yourself stays,"
                            + " and so does a sample record your own work refers to.", "Remove", ok -> {
                SampleDataService.Summary removed = samples.remove();
                Toasts.done("Sample data removed: " + removed.contacts() + " contacts, " + removed.workItems() + " " + plural + ", "
                        + removed.invoices() + " invoices, " + removed.quotes() + " quotes");
                UI.getCurrent().refreshCurrentRoute(false);
            });
            confirm.setConfirmButtonTheme("error primary");
            confirm.setCancelable(true);
            confirm.open();
        });
        remove.setId("sample-remove");
        remove.addThemeVariants(ButtonVariant.LUMO_SMALL);
        HorizontalLayout note = new HorizontalLayout(new Span("This business shows sample data so you can look around."
                + " Sample invoices are numbered SAMPLE-…, and sample clients have @example.com addresses, so mail to them goes nowhere."));
        if (manages) {
            note.add(remove);
        }
        note.setId("sample-note");
        note.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        note.getStyle().set("flex-wrap", "wrap").set("background", "var(--lumo-primary-color-10pct)")
                .set("border-radius", "var(--lumo-border-radius-m)").set("padding", "var(--lumo-space-s) var(--lumo-space-m)");
        return note;
    }

    /** A new business may first look around one in its third month. */
    private HorizontalLayout fillOffer(String plural) {
        Button fill = new Button("Fill with sample data", e -> {
            SampleDataService.Summary made = samples.fill();
            Toasts.done("Added sample data: " + made.contacts() + " contacts, " + made.workItems() + " " + plural + ", "
                    + made.invoices() + " invoices, " + made.quotes() + " quotes");
            UI.getCurrent().refreshCurrentRoute(false);
        });
        fill.setId("sample-fill");
        fill.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        fill.setDisableOnClick(true);
        HorizontalLayout offer = new HorizontalLayout(new Span("Want to look around first?"), fill);
        offer.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return offer;
    }

    /** The card opens the list it counts: {@code path}, with a filter as {@code name, value} pairs. */
    static Div opens(Div card, String path, String... filter) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i + 1 < filter.length; i += 2) {
            parameters.put(filter[i], filter[i + 1]);
        }
        card.getStyle().set("cursor", "pointer");
        card.getElement().setAttribute("role", "link");
        card.getElement().setAttribute("tabindex", "0");
        card.addClickListener(e -> card.getUI().ifPresent(ui -> ui.navigate(path, QueryParameters.simple(parameters))));
        card.getElement().addEventListener("keydown", e -> card.getUI().ifPresent(
                ui -> ui.navigate(path, QueryParameters.simple(parameters)))).setFilter("event.key === 'Enter'");
        return card;
    }

    private static Div card(String id, String label, String value) {
        Span number = new Span(value);
        number.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("font-weight", "600");
        number.setId(id);
        Span caption = new Span(label);
        caption.getStyle().set("color", "var(--lumo-secondary-text-color)");
        Div card = new Div(number, new Div(caption));
        card.getStyle().set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "var(--lumo-border-radius-l)")
                .set("padding", "var(--lumo-space-m)").set("min-width", "10rem");
        return card;
    }

}
