package com.smbhub.web.expense;

import com.smbhub.expense.ExpenseFields;
import com.smbhub.expense.ExpenseService;
import com.smbhub.expense.ExpenseStatus;
import com.smbhub.expense.ExpenseView;
import com.smbhub.extract.ReceiptScan;
import com.smbhub.file.FileService;
import com.smbhub.money.MoneyText;
import com.smbhub.platform.security.Access;
import com.smbhub.platform.security.Capability;
import com.smbhub.platform.security.Permissions;
import com.smbhub.platform.tenancy.Background;
import com.smbhub.web.aidraft.ConfidenceBadge;
import com.smbhub.web.shell.Badges;
import com.smbhub.web.shell.Dates;
import com.smbhub.web.shell.MainLayout;
import com.smbhub.web.shell.PhoneCards;
import com.smbhub.web.shell.Problems;
import com.smbhub.web.shell.RowClicks;
import com.smbhub.web.shell.Toasts;
import com.smbhub.web.shell.Uploads;
import com.smbhub.web.shell.Waiting;
import com.smbhub.workitem.WorkItemService;
import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import java.io.ByteArrayInputStream;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Expenses (PRD 3.12, 10.3.6): "Upload receipt" first (a photo or PDF, read into a draft), the list by status and
 * month with its total, and the drawer to correct, submit, approve or reject one.
 */
@Route(value = "expenses", layout = MainLayout.class)
@PageTitle("Expenses · SMB Hub")
@CdiComponent
@PermitAll
public class ExpensesView extends VerticalLayout implements BeforeEnterObserver {

    static final Map<String, String> STATUS = Map.of("DRAFT", "Draft", "SUBMITTED", "Submitted", "APPROVED", "Approved",
            "REJECTED", "Rejected");
    private static final String ALL = "ALL";

    @EJB ExpenseService expenses;

    @EJB FileService files;

    @EJB Access access;

    @EJB WorkItemService work;

    @EJB Background background;

    private final Grid<ExpenseView> grid = new Grid<>();
    private final Select<String> status = new Select<>();
    private final Select<YearMonth> month = new Select<>();
    private final Paragraph totals = new Paragraph();
    private final VerticalLayout reading = new VerticalLayout();
    private final Span readingText = new Span();
    /** Receipts being read for this screen. */
    private int readings;

    @PostConstruct
    void build() {
        H2 title = new H2("Expenses");
        title.setId("page-title");
        Span error = new Span();
        error.setId("expense-upload-error");
        AtomicReference<byte[]> received = new AtomicReference<>();
        Upload upload = Uploads.of("expense-upload", error, (name, in) -> received.set(Uploads.bytes(in, ReceiptScan.MAX_BYTES + 1)),
                name -> read(name, received.getAndSet(null), error));
        upload.setAcceptedFileTypes("image/*", "application/pdf", ".pdf", ".jpg", ".jpeg", ".png", ".heic", ".webp");
        upload.setMaxFiles(1);
        upload.setDropLabel(new Span("Drop a receipt photo or PDF here — it is read for you"));
        Button uploadButton = new Button("Upload receipt", VaadinIcon.CAMERA.create());
        uploadButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        upload.setUploadButton(uploadButton);
        Button manual = new Button("Add by hand", VaadinIcon.PLUS.create(), e -> {
            try {
                open(expenses.create(ExpenseFields.none(null)));
                reload();
            } catch (RuntimeException ex) {
                Toasts.problem(Problems.say(ex));
            }
        });
        manual.setId("expense-new");

        status.setId("expense-status");
        status.setLabel("Status");
        status.setItems(ALL, "DRAFT", "SUBMITTED", "APPROVED", "REJECTED");
        status.setItemLabelGenerator(s -> ALL.equals(s) ? "All" : STATUS.get(s));
        status.setValue(ALL);
        status.addValueChangeListener(e -> reload());
        month.setId("expense-month");
        month.setLabel("Month");
        List<YearMonth> months = new ArrayList<>();
        YearMonth now = expenses.currentMonth();
        for (int i = 0; i < 24; i++) {
            months.add(now.minusMonths(i));
        }
        month.setItems(months);
        month.setEmptySelectionAllowed(true);
        month.setEmptySelectionCaption("Any month");
        month.setItemLabelGenerator(m -> m == null ? "Any month" : Dates.current().month(m));
        month.addValueChangeListener(e -> reload());
        totals.setId("expense-totals");
        HorizontalLayout filters = new HorizontalLayout(status, month, totals);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.addClassName("list-filters"); // wraps; two to a row on a phone

        grid.setId("expenses-grid");
        grid.addColumn(e -> Dates.current().day(e.date())).setHeader("Date").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> e.vendor() == null ? "(no vendor yet)" : e.vendor()).setHeader("Vendor").setFlexGrow(2);
        grid.addColumn(e -> e.category() == null ? "" : e.category()).setHeader("Category");
        grid.addColumn(e -> e.amount() == null ? "" : MoneyText.format(e.amount(), e.currency())).setHeader("Amount")
                .setTextAlign(ColumnTextAlign.END);
        grid.addComponentColumn(e -> Badges.of(ExpenseStatus.valueOf(e.status()), STATUS.get(e.status()))).setHeader("Status").setAutoWidth(true);
        grid.addComponentColumn(e -> {
            Span read = new Span();
            if (e.confidence() != null) {
                read.setText("Read · " + ConfidenceBadge.word(e.confidence()));
                read.getElement().getThemeList().add(ConfidenceBadge.theme(e.confidence()) + " small");
            }
            return read;
        }).setHeader("Receipt").setAutoWidth(true);
        PhoneCards.of(grid, e -> PhoneCards.card(e.vendor() == null ? "(no vendor yet)" : e.vendor(),
                e.amount() == null ? "" : MoneyText.format(e.amount(), e.currency()),
                (e.date() == null ? "" : Dates.current().day(e.date()) + " · ") + STATUS.get(e.status())
                        + (e.category() == null ? "" : " · " + e.category())));
        grid.setEmptyStateText("No expenses here yet. Upload a receipt photo, or add one by hand.");
        RowClicks.open(grid, this::open);
        grid.setSizeFull();

        HorizontalLayout capture = new HorizontalLayout(upload, manual);
        capture.setVisible(Permissions.allows(access.role(), Capability.EXPENSES_WRITE));
        reading.setId("expense-reading");
        reading.setVisible(false);
        ProgressBar bar = new ProgressBar();
        bar.setIndeterminate(true);
        reading.add(readingText, bar);
        reading.setPadding(false);
        reading.setMaxWidth("30rem");
        add(title, capture, error, reading, filters, grid);
        setSizeFull();
        reload();
    }

    /** {@code ?open=<id>} opens that expense's drawer (links from a contact's timeline and a work item). */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("open").ifPresent(id -> {
            try {
                open(expenses.get(id));
            } catch (RuntimeException e) {
                Toasts.problem(Problems.say(e));
            }
        });
    }

    /**
     * Reads the receipt off this request (OCR takes a few seconds) while "Reading …" shows; then the draft opens with
     * what was filled in, or the refusal shows under the upload. Leaving the screen stops the wait, not the reading.
     */
    private void read(String name, byte[] content, Span error) {
        UI ui = UI.getCurrent();
        readingText.setText("Reading " + name + "… what it says is filled in for you to check.");
        reading.setVisible(true);
        Future<ExpenseView> made = background.start(() -> expenses.upload(name, new ByteArrayInputStream(content)));
        Registration[] detached = new Registration[1];
        Registration wait = Waiting.until(ui, made, e -> {
            detached[0].remove();
            reading.setVisible(--readings > 0);
            Toasts.done(ReceiptScan.Status.READ.name().equals(e.scanStatus())
                    ? "Read " + name + ": check what was filled in" : name + " kept; fill in the expense by hand");
            reload();
            open(e);
        }, problem -> {
            detached[0].remove();
            reading.setVisible(--readings > 0);
            error.setText(name + ": " + Problems.say(problem));
            error.setVisible(true);
        });
        readings++;
        detached[0] = addDetachListener(e -> wait.remove());
    }

    void reload() {
        try {
            ExpenseService.Listing listing = expenses.list(ALL.equals(status.getValue()) ? null : status.getValue(),
                    month.getValue() == null ? null : month.getValue().toString(), null, 500);
            grid.setItems(listing.items());
            totals.setText(listing.totals().isEmpty() ? "" : "Total " + listing.totals().entrySet().stream()
                    .map(t -> MoneyText.format(t.getValue(), t.getKey())).collect(Collectors.joining(" + ")));
        } catch (RuntimeException e) {
            Toasts.problem(Problems.say(e));
        }
    }

    private void open(ExpenseView e) {
        new ExpenseDrawer(expenses, files, work, e, this::reload).open();
    }
}
