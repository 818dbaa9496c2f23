package com.smbhub.web.invoice;

import com.smbhub.contact.ContactService;
import com.smbhub.home.HomeService;
import com.smbhub.invoice.InvoiceService;
import com.smbhub.invoice.InvoiceView;
import com.smbhub.platform.errors.NotFoundException;
import com.smbhub.platform.security.Access;
import com.smbhub.platform.security.Capability;
import com.smbhub.platform.security.Grant;
import com.smbhub.platform.security.Permissions;
import com.smbhub.profile.EffectiveProfile;
import com.smbhub.profile.ProfileService;
import com.smbhub.web.shell.MainLayout;
import com.smbhub.money.MoneyText;
import com.smbhub.web.shell.Toasts;
import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Invoices: the list with its status filter, and the draft editor. */
@Route(value = "invoices", layout = MainLayout.class)
@CdiComponent
@PermitAll
public class InvoicesView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final String ANY = "ANY";

    @EJB
    InvoiceService invoices;

    @EJB
    ContactService contacts;

    @EJB
    com.smbhub.portal.PortalLinks links;

    @EJB
    com.smbhub.invoice.InvoiceSending sending;

    @EJB
    com.smbhub.payment.PaymentService payments;

    @EJB
    ProfileService profiles;

    @EJB
    HomeService home;

    @EJB
    Access access;

    private final H2 heading = new H2();
    private final Button create = new Button();
    private final Select<String> status = new Select<>();
    private final Grid<InvoiceView> grid = new Grid<>();
    private final Span empty = new Span();
    private final Button more = new Button("Show more");
    private final List<InvoiceView> rows = new ArrayList<>();
    private String nextKey;
    private String title = "Invoices";
    private EffectiveProfile profile;

    public InvoicesView() {
        setSizeFull();
        heading.setId("page-title");
        create.setId("new-invoice");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> edit(null));
        status.setId("filter-invoice-status");
        status.setLabel("Status");
        status.setItems(ANY, "DRAFT", "SENT", "OVERDUE", "PARTIALLY_PAID", "PAID", "VOID");
        status.setItemLabelGenerator(v -> ANY.equals(v) ? "Any" : words(v));
        status.setValue(ANY);
        status.addValueChangeListener(e -> reload());
        DateTimeFormatter dates = DateTimeFormatter.ofPattern("d MMM yyyy");
        grid.setId("invoice-grid");
        grid.addColumn(InvoiceView::number).setHeader("Number").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(i -> i.contactName() == null ? "" : i.contactName()).setHeader("Client").setFlexGrow(2);
        grid.addColumn(i -> words(i.status())).setHeader("Status");
        grid.addColumn(i -> dates.format(i.dueDate())).setHeader("Due");
        grid.addColumn(i -> MoneyText.format(i.total(), i.currency())).setHeader("Total").setTextAlign(
                com.vaadin.flow.component.grid.ColumnTextAlign.END);
        grid.addItemClickListener(e -> edit(e.getItem()));
        empty.setId("invoices-empty");
        more.addClickListener(e -> loadPage());
        HorizontalLayout top = new HorizontalLayout(heading, create);
        top.setWidthFull();
        top.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        top.expand(heading);
        add(top, status, grid, empty, more);
        setFlexGrow(1, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (event.hasForwardTarget() || event.hasRerouteTarget()) {
            return;
        }
        profile = profiles.effective();
        heading.setText(profile.label("invoice_plural"));
        title = profile.label("invoice_plural") + " · SMB Hub";
        create.setText("New " + profile.label("invoice").toLowerCase());
        create.setVisible(Permissions.grant(access.role(), Capability.MONEY_DRAFT) == Grant.ALL);
        reload();
        var query = event.getLocation().getQueryParameters();
        if (create.isVisible() && query.getSingleParameter("new").isPresent()) {
            edit(null);
        }
        query.getSingleParameter("open").ifPresent(id -> {
            try {
                edit(invoices.get(id));
            } catch (com.smbhub.platform.errors.ValidationException | NotFoundException e) {
                Toasts.problem("That invoice does not exist or is not yours to see.");
            }
        });
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void reload() {
        rows.clear();
        nextKey = null;
        loadPage();
    }

    private void loadPage() {
        var page = invoices.list(ANY.equals(status.getValue()) ? null : status.getValue(), null, nextKey, 50);
        rows.addAll(page.items());
        nextKey = page.nextKey();
        grid.setItems(rows);
        more.setVisible(nextKey != null);
        empty.setVisible(rows.isEmpty());
        empty.setText(ANY.equals(status.getValue())
                ? "No " + profile.label("invoice_plural").toLowerCase() + " yet." + (create.isVisible() ? " Create one with "
                + create.getText() + "." : "")
                : "Nothing with this status.");
    }

    private void edit(InvoiceView invoice) {
        try {
            InvoiceView fresh = invoice == null ? null : invoices.get(invoice.id());
            HomeService.Greeting business = home.greeting();
            new InvoiceEditor(invoices, links, sending, payments, contacts, profile, fresh, business.currency(),
                    java.time.LocalDate.now(java.time.ZoneId.of(business.timezone())), saved -> reload()).open();
        } catch (NotFoundException e) {
            Toasts.problem("This invoice no longer exists.");
            reload();
        }
    }

    static String words(String code) {
        String text = code.replace('_', ' ').toLowerCase();
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
