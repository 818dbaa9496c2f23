package com.smbhub.web.quote;

import com.smbhub.contact.ContactService;
import com.smbhub.home.HomeService;
import com.smbhub.money.MoneyText;
import com.smbhub.platform.errors.NotFoundException;
import com.smbhub.platform.security.Access;
import com.smbhub.platform.security.Capability;
import com.smbhub.platform.security.Grant;
import com.smbhub.platform.security.Permissions;
import com.smbhub.portal.PortalLinks;
import com.smbhub.profile.EffectiveProfile;
import com.smbhub.profile.ProfileService;
import com.smbhub.quote.QuoteService;
import com.smbhub.quote.QuoteView;
import com.smbhub.web.invoice.InvoicesView;
import com.smbhub.web.shell.MainLayout;
import com.smbhub.web.shell.Toasts;
import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
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
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Quotes: the list with its status filter, and the quote editor. */
@Route(value = "quotes", layout = MainLayout.class)
@CdiComponent
@PermitAll
public class QuotesView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final String ANY = "ANY";

    @EJB
    QuoteService quotes;

    @EJB
    ContactService contacts;

    @EJB
    PortalLinks links;

    @EJB
    ProfileService profiles;

    @EJB
    HomeService home;

    @EJB
    Access access;

    private final H2 heading = new H2();
    private final Button create = new Button();
    private final Select<String> status = new Select<>();
    private final Grid<QuoteView> grid = new Grid<>();
    private final Span empty = new Span();
    private final Button more = new Button("Show more");
    private final List<QuoteView> rows = new ArrayList<>();
    private String nextKey;
    private String title = "Quotes";
    private EffectiveProfile profile;

    public QuotesView() {
        setSizeFull();
        heading.setId("page-title");
        create.setId("new-quote");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> edit(null));
        status.setId("filter-quote-status");
        status.setLabel("Status");
        status.setItems(ANY, "DRAFT", "SENT", "APPROVED", "REJECTED", "EXPIRED", "CONVERTED");
        status.setItemLabelGenerator(v -> ANY.equals(v) ? "Any" : words(v));
        status.setValue(ANY);
        status.addValueChangeListener(e -> reload());
        DateTimeFormatter dates = DateTimeFormatter.ofPattern("d MMM yyyy");
        grid.setId("quote-grid");
        grid.addColumn(QuoteView::number).setHeader("Number").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(q -> q.contactName() == null ? "" : q.contactName()).setHeader("Client").setFlexGrow(2);
        grid.addColumn(q -> words(q.status())).setHeader("Status");
        grid.addColumn(q -> q.expiryDate() == null ? "" : dates.format(q.expiryDate())).setHeader("Valid until");
        grid.addColumn(q -> MoneyText.format(q.total(), q.currency())).setHeader("Total").setTextAlign(ColumnTextAlign.END);
        grid.addItemClickListener(e -> edit(e.getItem()));
        empty.setId("quotes-empty");
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
        heading.setText(profile.label("quote_plural"));
        title = profile.label("quote_plural") + " · SMB Hub";
        create.setText("New " + profile.label("quote").toLowerCase());
        create.setVisible(Permissions.grant(access.role(), Capability.MONEY_DRAFT) == Grant.ALL);
        reload();
        var query = event.getLocation().getQueryParameters();
        if (create.isVisible() && query.getSingleParameter("new").isPresent()) {
            edit(null);
        }
        query.getSingleParameter("open").ifPresent(id -> {
            try {
                edit(quotes.get(id));
            } catch (com.smbhub.platform.errors.ValidationException | NotFoundException e) {
                Toasts.problem("That quote does not exist or is not yours to see.");
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
        var page = quotes.list(ANY.equals(status.getValue()) ? null : status.getValue(), null, nextKey, 50);
        rows.addAll(page.items());
        nextKey = page.nextKey();
        grid.setItems(rows);
        more.setVisible(nextKey != null);
        empty.setVisible(rows.isEmpty());
        empty.setText(ANY.equals(status.getValue())
                ? "No " + profile.label("quote_plural").toLowerCase() + " yet." + (create.isVisible() ? " Create one with "
                + create.getText() + "." : "")
                : "Nothing with this status.");
    }

    private void edit(QuoteView quote) {
        try {
            QuoteView fresh = quote == null ? null : quotes.get(quote.id());
            HomeService.Greeting business = home.greeting();
            new QuoteEditor(quotes, links, contacts, profile, fresh, business.currency(),
                    java.time.LocalDate.now(java.time.ZoneId.of(business.timezone())), saved -> reload(),
                    invoice -> getUI().ifPresent(ui -> ui.navigate(InvoicesView.class,
                            QueryParameters.of("open", invoice.id())))).open();
        } catch (NotFoundException e) {
            Toasts.problem("This quote no longer exists.");
            reload();
        }
    }

    static String words(String code) {
        String text = code.replace('_', ' ').toLowerCase();
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
