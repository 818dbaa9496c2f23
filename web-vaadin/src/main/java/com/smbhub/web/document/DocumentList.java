package com.smbhub.web.document;

import com.smbhub.catalog.CatalogService;
import com.smbhub.contact.ContactService;
import com.smbhub.home.HomeService;
import com.smbhub.money.DocumentView;
import com.smbhub.platform.db.Page;
import com.smbhub.platform.errors.NotFoundException;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.security.Access;
import com.smbhub.platform.security.Capability;
import com.smbhub.platform.security.Grant;
import com.smbhub.platform.security.Permissions;
import com.smbhub.portal.PortalLinks;
import com.smbhub.profile.EffectiveProfile;
import com.smbhub.profile.ProfileService;
import com.smbhub.web.shell.PagedRows;
import com.smbhub.web.shell.QueryFilters;
import com.smbhub.web.shell.RowClicks;
import com.smbhub.web.shell.Toasts;
import com.smbhub.web.shell.Words;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import jakarta.ejb.EJB;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A list of invoices or quotes: heading and "New …" from the profile's labels, a status filter, the
 * grid with "Show more", an empty state, and {@code ?new} / {@code ?open=<id>} links.
 */
public abstract class DocumentList<T extends DocumentView> extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    protected static final String ANY = "ANY";

    private final String noun;
    protected final Button create = new Button();
    protected final Select<String> status = new Select<>();
    protected final Grid<T> grid = new Grid<>();
    private final H2 heading = new H2();
    private final Paragraph off = new Paragraph();
    private final HorizontalLayout filters = new HorizontalLayout();
    private final PagedRows<T> paged;
    private String title;
    protected EffectiveProfile profile;

    /** {@code noun}: "invoice" or "quote" (ids, profile labels); {@code statuses}: the filter's choices. */
    /** The state a reader sees, and "viewed" once the client opened the document's page ("Sent · viewed"). */
    public static String status(DocumentView d) {
        return Words.of(d.status()) + (d.viewedAt() == null ? "" : " · viewed");
    }

    protected DocumentList(String noun, List<String> statuses) {
        this.noun = noun;
        paged = new PagedRows<>(grid, noun + "s-empty", after -> page(ANY.equals(status.getValue()) ? null
                : status.getValue(), after), this::nothing);
        this.title = Character.toUpperCase(noun.charAt(0)) + noun.substring(1) + "s";
        setSizeFull();
        heading.setId("page-title");
        create.setId("new-" + noun);
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> edit(null));
        status.setId("filter-" + noun + "-status");
        status.setLabel("Status");
        List<String> choices = new ArrayList<>(List.of(ANY));
        choices.addAll(statuses);
        status.setItems(choices);
        status.setItemLabelGenerator(v -> ANY.equals(v) ? "Any" : Words.of(v));
        status.setValue(ANY);
        status.addValueChangeListener(e -> reload());
        grid.setId(noun + "-grid");
        RowClicks.open(grid, this::edit);
        HorizontalLayout top = new HorizontalLayout(heading, create);
        top.setWidthFull();
        top.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        top.expand(heading);
        off.setId("page-message");
        off.setVisible(false);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.addClassName("list-filters"); // wraps; two to a row on a phone
        filters.add(status);
        add(top, off, filters, grid, paged.empty(), paged.more());
        setFlexGrow(1, grid);
    }

    /** The row of filters (status first); a list adds its own. */
    protected HorizontalLayout filters() {
        return filters;
    }

    @EJB protected ContactService contacts;

    @EJB protected PortalLinks links;

    @EJB ProfileService profiles;

    @EJB HomeService home;

    @EJB protected Access access;

    @EJB CatalogService catalog;

    /** The business's currency, zone and today, for a new document. */
    protected HomeService.Greeting business() {
        return home.greeting();
    }

    protected static LocalDate today(HomeService.Greeting business) {
        return business.today();
    }

    /** The e-mail address of the document's client, or null (none, or gone). */
    protected String clientEmail(T document) {
        try {
            return document.contactId() == null ? null : contacts.get(document.contactId()).email();
        } catch (NotFoundException e) {
            return null;
        }
    }

    /** Whether the caller may bill in another currency than the business's (the editor offers the choice). */
    protected boolean mayBillInOtherCurrency() {
        return Permissions.allows(access.role(),
                Capability.MONEY_OTHER_CURRENCY);
    }

    protected abstract Page<T> page(String status, String afterKey);

    protected abstract T find(String id);

    /** The editor on a freshly read document (null: a new one) for the business's currency, zone and day. */
    protected abstract DocumentEditor<T> editor(T fresh, HomeService.Greeting business);

    /** A document changed in its editor: the list shows it, and a saved draft opens again (to send it next). */
    protected void saved(T document, boolean keepOpen) {
        reload();
        if (keepOpen) {
            edit(document);
        }
    }

    /** Opens the editor for this row (read again: it may have changed), or for a new document. */
    protected void edit(T document) {
        edit(document, null);
    }

    private void edit(T document, String clientId) {
        try {
            editor(document == null ? null : find(document.id()), business()).useCatalog(catalog).forClient(clientId).open();
        } catch (NotFoundException e) {
            Toasts.problem("This " + noun + " no longer exists.");
            reload();
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (event.hasForwardTarget() || event.hasRerouteTarget()) {
            return;
        }
        profile = profiles.effective();
        heading.setText(profile.label(noun + "_plural"));
        title = profile.label(noun + "_plural") + " · SMB Hub";
        create.setText("New " + profile.label(noun).toLowerCase());
        boolean enabled = profile.capability(noun + "s");
        off.setText(profile.label(noun + "_plural") + " is turned off for your business. An owner or admin can turn it on in"
                + " Settings.");
        off.setVisible(!enabled);
        for (Component part : List.of(filters, grid, paged.empty(), paged.more())) {
            part.setVisible(enabled);
        }
        create.setVisible(enabled && Permissions.grant(access.role(),
                Capability.MONEY_DRAFT) == Grant.ALL);
        if (!enabled) {
            return;
        }
        var query = event.getLocation().getQueryParameters();
        if (!QueryFilters.preset(status, query, "status")) {
            reload();
        }
        if (create.isVisible() && query.getSingleParameter("new").isPresent()) {
            edit(null, query.getSingleParameter("client").orElse(null));
        }
        query.getSingleParameter("open").ifPresent(id -> {
            try {
                edit(find(id));
            } catch (ValidationException | NotFoundException e) {
                Toasts.problem("That " + noun + " does not exist or is not yours to see.");
            }
        });
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    protected void reload() {
        paged.reload();
    }

    private String nothing() {
        return ANY.equals(status.getValue())
                ? "No " + profile.label(noun + "_plural").toLowerCase() + " yet." + (create.isVisible() ? " Create one with "
                + create.getText() + "." : "")
                : "Nothing with this status.";
    }
}
