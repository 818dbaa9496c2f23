package com.smbhub.web.work;

import com.smbhub.aidraft.AiDraftService;
import com.smbhub.aidraft.AiDraftView;
import com.smbhub.contact.ContactService;
import com.smbhub.expense.ExpenseService;
import com.smbhub.file.FileService;
import com.smbhub.home.HomeService;
import com.smbhub.invoice.InvoiceService;
import com.smbhub.job.JobRunStatus;
import com.smbhub.platform.errors.ConflictException;
import com.smbhub.platform.errors.NotFoundException;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.security.Access;
import com.smbhub.platform.security.Capability;
import com.smbhub.platform.security.Grant;
import com.smbhub.platform.security.Permissions;
import com.smbhub.platform.tenancy.Background;
import com.smbhub.pos.SquareSettings;
import com.smbhub.profile.EffectiveProfile;
import com.smbhub.profile.ProfileService;
import com.smbhub.quote.QuoteService;
import com.smbhub.tenant.TeamService;
import com.smbhub.web.aidraft.AiDraftPanel;
import com.smbhub.web.contact.ContactPicker;
import com.smbhub.web.expense.ExpensesPanel;
import com.smbhub.web.file.FilesPanel;
import com.smbhub.web.shell.Badges;
import com.smbhub.web.shell.Dates;
import com.smbhub.web.shell.MainLayout;
import com.smbhub.web.shell.PagedRows;
import com.smbhub.web.shell.PhoneCards;
import com.smbhub.web.shell.PhoneScreens;
import com.smbhub.web.shell.Problems;
import com.smbhub.web.shell.QueryFilters;
import com.smbhub.web.shell.RowClicks;
import com.smbhub.web.shell.Toasts;
import com.smbhub.web.shell.Waiting;
import com.smbhub.web.shell.Words;
import com.smbhub.workitem.WorkItemService;
import com.smbhub.workitem.WorkItemStatus;
import com.smbhub.workitem.WorkItemView;
import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** The Work screen: filters, the list, a quick "New" dialog and an item dialog with its status moves. */
@Route(value = "work", layout = MainLayout.class)
@CdiComponent
@PermitAll
public class WorkView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final String ANY = "ANY";

    @EJB Background background;

    @EJB WorkItemService work;

    @EJB ProfileService profiles;

    @EJB HomeService home;

    @EJB Access access;

    @EJB TeamService team;

    @EJB ContactService contacts;

    @EJB FileService files;

    @EJB InvoiceService invoices;

    @EJB QuoteService quotes;

    @EJB ExpenseService expenses;

    @EJB AiDraftService drafts;

    @EJB SquareSettings square;

    private final H2 heading = new H2();
    private final Button create = new Button();
    private final Select<String> status = select("filter-status", "Status", Stream.concat(Stream.of(ANY),
            Arrays.stream(WorkItemStatus.values()).map(Enum::name)).toList());
    private final Select<String> due = select("filter-due", "Due", List.of(ANY, "overdue", "today", "week"));
    private final Checkbox mine = new Checkbox("Assigned to me");
    private final Paragraph syncState = new Paragraph();
    private Grid.Column<WorkItemView> sourceColumn;
    private final PhoneCards<WorkItemView> cards;
    private final Grid<WorkItemView> grid = new Grid<>(WorkItemView.class, false);
    private final PagedRows<WorkItemView> paged = new PagedRows<>(grid, "work-empty", after -> work.list(
            new WorkItemService.Filter(value(status), null, null, mine.getValue() ? "me" : null, value(due)), after, 50),
            () -> "Nothing here." + (create.isVisible() ? " Create one with " + create.getText() + "." : ""));
    private EffectiveProfile profile;
    private ZoneId zone = ZoneId.of("UTC");
    private String title = "Work";

    public WorkView() {
        setSizeFull();
        heading.setId("page-title");
        create.setId("new-work-item");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> openNew("", null));
        mine.setId("filter-mine");
        status.addValueChangeListener(e -> reload());
        due.addValueChangeListener(e -> reload());
        mine.addValueChangeListener(e -> reload());
        grid.setId("work-grid");
        grid.addColumn(WorkItemView::title).setHeader("Title").setFlexGrow(3);
        grid.addColumn(w -> w.contactName() == null ? "" : w.contactName()).setHeader("Client").setFlexGrow(2);
        grid.addColumn(w -> Words.of(w.type())).setHeader("Type");
        grid.addComponentColumn(w -> Badges.of(WorkItemStatus.valueOf(w.status()))).setHeader("Status");
        grid.addColumn(w -> Words.of(w.priority())).setHeader("Priority");
        sourceColumn = grid.addColumn(w -> source(w.source())).setHeader("Source");
        grid.addColumn(this::due).setHeader("Due");
        cards = PhoneCards.of(grid, w -> PhoneCards.card(w.title(), Words.of(w.status()), w.contactName(),
                Words.of(w.type()) + " · " + Words.of(w.priority()) + (w.dueAt() == null ? "" : " · due " + due(w))));
        RowClicks.open(grid, this::openItem);
        HorizontalLayout top = new HorizontalLayout(heading, create);
        top.setWidthFull();
        top.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        top.expand(heading);
        HorizontalLayout filters = new HorizontalLayout(status, due, mine);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.addClassName("list-filters"); // wraps; two to a row on a phone
        syncState.setId("pos-sync-state");
        syncState.getStyle().set("margin", "0").set("color", "var(--lumo-secondary-text-color)");
        add(top, syncState, filters, grid, paged.empty(), paged.more());
        setFlexGrow(1, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (event.hasForwardTarget() || event.hasRerouteTarget()) {
            return;
        }
        profile = profiles.effective();
        zone = ZoneId.of(home.greeting().timezone());
        heading.setText(profile.label("work_item_plural"));
        title = profile.label("work_item_plural") + " · SMB Hub";
        create.setText("New " + profile.label("work_item").toLowerCase());
        create.setVisible(Permissions.allows(access.role(), Capability.WORK_WRITE));
        boolean pos = profile.capability(SquareSettings.CAPABILITY);
        cards.column(sourceColumn, pos);
        syncState.setVisible(pos);
        if (pos) {
            syncState.setText(syncState(square.status(), zone, Permissions.allows(access.role(), Capability.MANAGE_SETTINGS)));
        }
        var query = event.getLocation().getQueryParameters();
        boolean statusSet = QueryFilters.preset(status, query, "status");
        if (!(QueryFilters.preset(due, query, "due") || statusSet)) {
            reload();
        }
        if (create.isVisible() && query.getSingleParameter("new").isPresent()) {
            openNew(query.getSingleParameter("title").orElse(""), query.getSingleParameter("client").orElse(null));
        }
        event.getLocation().getQueryParameters().getSingleParameter("item").ifPresent(id -> {
            try {
                openItem(work.get(id));
            } catch (NotFoundException | ValidationException e) {
                Toasts.problem("That item does not exist or is not yours to see.");
            }
        });
    }

    /** Where an item came from, as the list shows it. */
    static String source(String source) {
        return switch (source) {
            case "POS_SYNC" -> "Square";
            case "INBOX" -> "Inbox";
            case "PORTAL" -> "Client portal";
            case "AI" -> "Drafted";
            default -> "Added here";
        };
    }

    /** The line above a retail list: whether sales come in from Square, and how the latest sync went. */
    static String syncState(SquareSettings.Status s, ZoneId zone, boolean manages) {
        if (!s.connected()) {
            return "Square is not connected" + (manages ? ": connect it in Settings → Point of sale and your sales come in here." : ".");
        }
        String last = s.last() == null ? "no sync yet" : "last sync " + Dates.current().in(zone).dayTime(s.last().startedAt()) + switch (JobRunStatus.valueOf(s.last().status())) {
                    case STARTED -> " (syncing…)";
                    case FAILED -> " stopped early; the next one goes on from there";
                    case COMPLETED -> s.last().done() == 0 ? ", nothing new" : ", " + s.last().done() + " brought in or updated";
                };
        return "Sales come in from Square (" + s.locationName() + ") every 15 minutes and at once on Square's notice; " + last + ".";
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void reload() {
        paged.reload();
    }

    private String due(WorkItemView w) {
        return Dates.current().in(zone).dayTime(w.dueAt());
    }

    /** The quick modal of PRD 3.6: title, type, due, plus the profile's own fields. */
    private void openNew(String title, String clientId) {
        Dialog dialog = PhoneScreens.fullScreen(new Dialog());
        dialog.setHeaderTitle(create.getText());
        NewWorkItemForm form = new NewWorkItemForm(title, profile, ContactPicker.Source.of(contacts), zone);
        form.client(clientId);
        Consumer<Boolean> createIt = withInvoice -> {
            form.clearErrors();
            if (withInvoice && !form.hasClientForInvoice()) {
                return;
            }
            try {
                WorkItemView created = work.create(form.draft(), Optional.empty());
                dialog.close();
                Toasts.done("Created");
                if (withInvoice) {
                    openInvoice(created.id());
                } else {
                    reload();
                }
            } catch (ValidationException ex) {
                form.show(ex);
            }
        };
        Button save = new Button("Create", e -> createIt.accept(false));
        save.setId("wi-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER);
        dialog.add(form);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()));
        if (canDraftInvoices()) {
            Button withInvoice = new Button("Create + Draft Invoice", e -> createIt.accept(true));
            withInvoice.setId("wi-save-invoice");
            dialog.getFooter().add(withInvoice);
        }
        dialog.getFooter().add(save);
        dialog.open();
        form.focus();
    }

    /** The item: its fields (editable when allowed), and the status moves the caller may make. */
    private void openItem(WorkItemView item) {
        Dialog dialog = PhoneScreens.fullScreen(new Dialog());
        dialog.setHeaderTitle(item.title());
        boolean editable = item.allowedActions().contains("update");
        List<TeamService.Member> members = team.assignable();
        WorkItemForm form = new WorkItemForm(item, profile, members, ContactPicker.Source.of(contacts), zone);
        Consumer<String> save = next -> {
            form.clearErrors();
            try {
                work.update(item.id(), item.version(), form.draft(), next);
                dialog.close();
                Toasts.done(next == null ? "Saved" : "Moved to " + Words.of(next));
                reload();
            } catch (ValidationException ex) {
                form.show(ex);
            } catch (ConflictException | NotFoundException ex) {
                Toasts.problem("This item changed meanwhile; the list is refreshed.");
                dialog.close();
                reload();
            }
        };
        HorizontalLayout moves = new HorizontalLayout();
        moves.getStyle().set("flex-wrap", "wrap");
        moves.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        if (!item.nextStatuses().isEmpty()) {
            moves.add(new Span("Move to:"));
        }
        for (String next : item.nextStatuses()) {
            Button move = new Button(Words.of(next), e -> save.accept(next));
            move.setId("status-" + next);
            moves.add(move);
        }
        VerticalLayout details = new VerticalLayout(form, moves);
        details.setPadding(false);
        TabSheet tabs = new TabSheet();
        tabs.setId("wi-tabs");
        tabs.setWidthFull();
        tabs.add("Details", details);
        Map<String, String> people = new HashMap<>();
        members.forEach(m -> people.put(m.userId(), m.displayName()));
        VerticalLayout activity = new VerticalLayout();
        activity.setPadding(false);
        Runnable showActivity = () -> {
            activity.removeAll();
            activity.add(new ActivityList(work.activity(item.id()), zone, people));
        };
        showActivity.run();
        tabs.add("Files", new FilesPanel(files, "WORK_ITEM", item.id(), editable, zone, showActivity));
        if (profile.capability("expenses") && Permissions.allows(access.role(), Capability.EXPENSES_READ)) {
            tabs.add("Expenses", new ExpensesPanel(expenses, files, work, item.id(),
                    Permissions.allows(access.role(), Capability.EXPENSES_WRITE)));
        }
        tabs.add("Activity", activity);
        dialog.add(tabs);
        dialog.setWidth("min(48rem, 100vw)");
        Button close = new Button("Close", e -> dialog.close());
        dialog.getFooter().add(close);
        if (item.conversationId() != null) {
            Button conversation = new Button("Open conversation", e -> {
                dialog.close();
                getUI().ifPresent(ui -> ui.navigate("inbox", QueryParameters.of("c", item.conversationId())));
            });
            conversation.setId("wi-conversation");
            dialog.getFooter().addComponentAsFirst(conversation);
        }
        if (Permissions.allows(access.role(), Capability.AI_DRAFTS_CREATE) && item.description() != null
                && !item.description().isBlank()) {
            Button turn = new Button("Turn into…", VaadinIcon.MAGIC.create(), e -> {
                dialog.close();
                turnInto(item);
            });
            turn.setId("wi-ai");
            dialog.getFooter().addComponentAsFirst(turn);
        }
        if (canDraftInvoices()) {
            Button invoice = new Button("Draft invoice", e -> {
                dialog.close();
                openInvoice(item.id());
            });
            invoice.setId("wi-invoice");
            dialog.getFooter().addComponentAsFirst(invoice);
        }
        if (canDraftQuotes()) {
            Button quote = new Button("Draft " + profile.label("quote").toLowerCase(), e -> {
                dialog.close();
                openQuote(item.id());
            });
            quote.setId("wi-quote");
            dialog.getFooter().addComponentAsFirst(quote);
        }
        if (editable) {
            Button saveButton = new Button("Save", e -> save.accept(null));
            saveButton.setId("wi-edit-save");
            saveButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            dialog.getFooter().add(saveButton);
        }
        dialog.open();
    }

    /** "Turn into…": the item's notes read into a draft quote, invoice or expense of it, opened where it was made. */
    private void turnInto(WorkItemView item) {
        try {
            Waiting.inDialog("ai-reading", "Reading the notes…", background.start(() -> drafts.parseWorkItem(item.id(), null).draft()),
                    draft -> new AiDraftPanel(drafts, background, draft, item.id(), item.description(), done -> {
                        Toasts.done(AiDraftPanel.kind(done.intent()) + " drafted from the notes; nothing was sent");
                        String screen = switch (done.appliedEntityType()) {
                            case "QUOTE" -> "quotes";
                            case "INVOICE" -> "invoices";
                            default -> "expenses";
                        };
                        getUI().ifPresent(ui -> ui.navigate(screen, QueryParameters.of("open", done.appliedEntityId())));
                    }).open());
        } catch (RuntimeException e) {
            Toasts.problem(Problems.say(e));
        }
    }

    private boolean canDraftInvoices() {
        return profile.capability("invoices") && profile.conversion("work_item_to_invoice")
                && Permissions.grant(access.role(), Capability.MONEY_DRAFT) != Grant.NONE;
    }

    private boolean canDraftQuotes() {
        return profile.capability("quotes") && profile.conversion("work_item_to_quote")
                && Permissions.grant(access.role(), Capability.MONEY_DRAFT) != Grant.NONE;
    }

    /** Opens the item's draft quote (made now if it has none; never a second one). */
    private void openQuote(String workItemId) {
        try {
            var quote = quotes.draftForWorkItem(workItemId).document();
            getUI().ifPresent(ui -> ui.navigate("quotes", QueryParameters.of("open", quote.id())));
        } catch (ValidationException ex) {
            Toasts.problem(Problems.say(ex));
            reload();
        }
    }

    /** Opens the item's draft invoice (made now if it has none; never a second one). */
    private void openInvoice(String workItemId) {
        try {
            var result = invoices.draftForWorkItem(workItemId);
            if (result.created()) {
                Toasts.done("Draft " + result.document().number() + " created");
            }
            getUI().ifPresent(ui -> ui.navigate("invoices", QueryParameters.of("open",
                    result.document().id())));
        } catch (ValidationException ex) {
            Toasts.problem(Problems.say(ex));
            reload();
        }
    }

    private static Select<String> select(String id, String label, List<String> items) {
        Select<String> select = new Select<>();
        select.setId(id);
        select.setLabel(label);
        select.setItems(items);
        select.setItemLabelGenerator(v -> ANY.equals(v) ? "Any" : Words.of(v));
        select.setValue(items.get(0));
        return select;
    }

    private static String value(Select<String> select) {
        return select.getValue() == null || ANY.equals(select.getValue()) ? null : select.getValue();
    }



}
