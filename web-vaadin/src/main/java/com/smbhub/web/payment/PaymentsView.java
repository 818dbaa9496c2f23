package com.smbhub.web.payment;

import com.smbhub.money.MoneyText;
import com.smbhub.payment.PaymentFilter;
import com.smbhub.payment.PaymentLine;
import com.smbhub.payment.PaymentService;
import com.smbhub.payment.PaymentStatus;
import com.smbhub.payment.PaymentsCsv;
import com.smbhub.platform.db.Page;
import com.smbhub.web.shell.Badges;
import com.smbhub.web.shell.Dates;
import com.smbhub.web.shell.MainLayout;
import com.smbhub.web.shell.PagedRows;
import com.smbhub.web.shell.PhoneCards;
import com.smbhub.web.shell.Problems;
import com.smbhub.web.shell.RowClicks;
import com.smbhub.web.shell.Toasts;
import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Payments (PRD 1.5 screen 7): every payment and refund of the business with its date, client, invoice, method and
 * status; filtered by month, method and status, with what came in, went back and the net, and the list as a CSV.
 * A row opens its invoice.
 */
@Route(value = "payments", layout = MainLayout.class)
@PageTitle("Payments · SMB Hub")
@CdiComponent
@PermitAll
public class PaymentsView extends VerticalLayout {

    static final Map<String, String> STATUS = Map.of("PENDING", "Pending", "SUCCEEDED", "Received", "FAILED", "Failed",
            "REFUNDED", "Refunded");
    private static final String ANY = "";

    @EJB PaymentService payments;

    final Grid<PaymentLine> grid = new Grid<>();
    final Select<YearMonth> month = new Select<>();
    final Select<String> method = new Select<>();
    final Select<String> status = new Select<>();
    final Paragraph totals = new Paragraph();
    private final Anchor download = new Anchor();
    private transient PaymentService source;
    private ZoneId zone;
    private PagedRows<PaymentLine> rows;

    @PostConstruct
    void build() {
        build(payments);
    }

    /** The screen over {@code from} (the EJB, or a plain object in a test). */
    void build(PaymentService from) {
        source = from;
        H2 title = new H2("Payments");
        title.setId("page-title");
        try {
            zone = source.zone();
            month.setItems(months(source.currentMonth()));
            month.setValue(source.currentMonth());
        } catch (RuntimeException e) {
            add(title, new Paragraph(Problems.say(e)));
            return;
        }
        month.setId("payments-month");
        month.setLabel("Month");
        month.setEmptySelectionAllowed(true);
        month.setEmptySelectionCaption("Any month");
        month.setItemLabelGenerator(m -> m == null ? "Any month" : Dates.current().month(m));
        method.setId("payments-method");
        method.setLabel("Method");
        List<String> methods = new ArrayList<>(List.of(ANY));
        methods.addAll(PaymentFilter.METHODS);
        method.setItems(methods);
        method.setItemLabelGenerator(m -> m.isEmpty() ? "Any method" : PaymentsCsv.METHOD_NAMES.get(m));
        method.setValue(ANY);
        status.setId("payments-status");
        status.setLabel("Status");
        List<String> statuses = new ArrayList<>(List.of(ANY));
        statuses.addAll(PaymentStatus.names(List.of(PaymentStatus.values())));
        status.setItems(statuses);
        status.setItemLabelGenerator(s -> s.isEmpty() ? "Any status" : STATUS.get(s));
        status.setValue(ANY);
        totals.setId("payments-totals");
        download.setId("payments-csv");
        download.add(VaadinIcon.DOWNLOAD.create(), new Span(" Download CSV"));
        download.setHref(DownloadHandler.fromInputStream(event -> {
            PaymentFilter filter = filter();
            byte[] csv = source.csv(filter).getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(csv), "payments"
                    + (filter.month() == null ? "" : "-" + filter.month()) + ".csv", "text/csv", csv.length);
        }));
        download.setDownload(true);
        HorizontalLayout filters = new HorizontalLayout(month, method, status, download);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.addClassName("list-filters"); // wraps; two to a row on a phone

        grid.setId("payments-grid");
        grid.addColumn(p -> day(p, zone)).setHeader("Date").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(p -> p.clientName() == null ? "" : p.clientName()).setHeader("Client").setFlexGrow(2);
        grid.addColumn(p -> p.invoiceNumber() == null ? "" : p.invoiceNumber()).setHeader("Invoice").setAutoWidth(true);
        grid.addColumn(PaymentsView::method).setHeader("Method").setFlexGrow(1);
        grid.addComponentColumn(PaymentsView::badge).setHeader("Status").setAutoWidth(true);
        grid.addColumn(PaymentsView::amount).setHeader("Amount").setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
        PhoneCards.of(grid, p -> PhoneCards.card(p.clientName() == null ? "(no client)" : p.clientName(), amount(p),
                day(p, zone) + (p.invoiceNumber() == null ? "" : " · " + p.invoiceNumber()) + " · "
                        + STATUS.getOrDefault(p.payment().status(), p.payment().status()), method(p)));
        grid.setAllRowsVisible(true);
        RowClicks.open(grid, p -> UI.getCurrent().navigate("invoices", QueryParameters.of("open", p.payment().invoiceId())));
        rows = new PagedRows<>(grid, "payments-empty", after -> source.list(filter(), after, 50),
                () -> "No payments " + (month.getValue() == null ? "yet" : "in " + Dates.current().month(month.getValue()))
                        + (method.getValue().isEmpty() && status.getValue().isEmpty() ? "" : " that match the filters") + ".");
        month.addValueChangeListener(e -> reload());
        method.addValueChangeListener(e -> reload());
        status.addValueChangeListener(e -> reload());
        add(title, filters, totals, grid, rows.empty(), rows.more());
        reload();
    }

    PaymentFilter filter() {
        return new PaymentFilter(month.getValue(), method.getValue().isEmpty() ? null : method.getValue(),
                status.getValue().isEmpty() ? null : PaymentStatus.valueOf(status.getValue()));
    }

    void reload() {
        try {
            rows.reload();
            List<PaymentService.PaymentTotal> sums = source.totals(filter());
            totals.setText(sums.isEmpty() ? "" : sums.stream().map(t -> "Received " + MoneyText.format(t.received(), t.currency())
                    + (t.refunded().signum() == 0 ? "" : " · refunded " + MoneyText.format(t.refunded(), t.currency())
                    + " · net " + MoneyText.format(t.net(), t.currency()))).collect(Collectors.joining("  |  ")));
        } catch (RuntimeException e) {
            Toasts.problem(Problems.say(e));
        }
    }

    /** The day it was paid, in the business's zone. */
    static String day(PaymentLine p, ZoneId zone) {
        return Dates.current().in(zone).day(p.payment().paidAt());
    }

    static Span badge(PaymentLine p) {
        return Badges.of(PaymentStatus.valueOf(p.payment().status()), STATUS.getOrDefault(p.payment().status(), p.payment().status()));
    }

    static String method(PaymentLine p) {
        String name = PaymentsCsv.METHOD_NAMES.getOrDefault(p.payment().provider(), p.payment().provider());
        return p.payment().methodLabel() == null || p.payment().methodLabel().isBlank() ? name
                : name + " · " + p.payment().methodLabel();
    }

    static String amount(PaymentLine p) {
        String paid = MoneyText.format(p.payment().amount(), p.payment().currency());
        return p.refunded().signum() == 0 ? paid : paid + " (" + MoneyText.format(p.refunded(), p.payment().currency())
                + " refunded)";
    }

    private static List<YearMonth> months(YearMonth now) {
        List<YearMonth> months = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            months.add(now.minusMonths(i));
        }
        return months;
    }
}
