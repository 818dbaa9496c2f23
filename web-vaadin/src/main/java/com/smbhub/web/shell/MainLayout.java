package com.smbhub.web.shell;

import com.smbhub.account.AccountService;
import com.smbhub.contact.ContactService;
import com.smbhub.home.HomeService;
import com.smbhub.invoice.InvoiceService;
import com.smbhub.platform.security.Access;
import com.smbhub.platform.security.IdentityService;
import com.smbhub.platform.security.Membership;
import com.smbhub.profile.EffectiveProfile;
import com.smbhub.profile.ProfileService;
import com.smbhub.quote.QuoteService;
import com.smbhub.web.home.HomeView;
import com.smbhub.web.security.ChooseBusinessView;
import com.smbhub.web.security.CurrentBusiness;
import com.smbhub.workitem.WorkItemService;
import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HighlightConditions;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The back-office shell: left navigation on desktop, bottom bar on phones, business and user on top. */
@CdiComponent
@StyleSheet("context://styles/app.css")
public class MainLayout extends AppLayout implements BeforeEnterObserver {

    /** The phone's bottom bar after Home; {@link MoreView} lists the rest. */
    static final List<Module> IN_BOTTOM_BAR = List.of(Module.INBOX, Module.WORK, Module.INVOICES, Module.MORE);

    private final CurrentBusiness business;
    private final ProfileService profiles;
    private final SideNav nav = new SideNav();
    private final Nav bottomBar = new Nav();
    private final Span businessName = new Span();
    private final Span userName = new Span();
    private final Button switchBusiness = new Button("Switch business");

    private final ContactService contacts;
    private final WorkItemService work;
    private final InvoiceService invoices;
    private final QuoteService quotes;
    private final Access access;
    private final AccountService accounts;
    private final Div verifyBanner = new Div();
    @EJB HomeService home;

    @Inject
    public MainLayout(CurrentBusiness business, ProfileService profiles, ContactService contacts, WorkItemService work,
                      InvoiceService invoices, QuoteService quotes, Access access, AccountService accounts) {
        this.invoices = invoices;
        this.quotes = quotes;
        this.accounts = accounts;
        this.business = business;
        this.profiles = profiles;
        this.contacts = contacts;
        this.work = work;
        this.access = access;
        setPrimarySection(Section.DRAWER);

        nav.setId("main-nav");
        Span brand = new Span("SMB Hub");
        brand.getStyle().set("font-weight", "600").set("padding", "var(--lumo-space-m)");
        addToDrawer(brand, nav);

        businessName.setId("business-name");
        businessName.getStyle().set("font-weight", "600");
        businessName.addClassName("header-business");
        userName.setId("user-name");
        userName.getStyle().set("color", "var(--lumo-secondary-text-color)");
        userName.addClassName("header-user");
        switchBusiness.setId("switch-business");
        switchBusiness.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        switchBusiness.addClassName("header-user"); // on a phone: in More
        switchBusiness.addClickListener(e -> e.getSource().getUI().ifPresent(ui -> ui.navigate("choose-business",
                QueryParameters.simple(Map.of("all", "1")))));
        Button logout = new Button("Log out", VaadinIcon.SIGN_OUT.create(), e -> logout());
        logout.setId("logout");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        Button search = new Button(VaadinIcon.SEARCH.create(), e -> openPalette());
        search.setId("open-palette");
        search.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        search.setTooltipText("Search or create (Ctrl+K)");
        search.setAriaLabel("Search or create (Ctrl+K)");
        Shortcuts.addShortcutListener(this, this::openPalette, Key.KEY_K, KeyModifier.CONTROL);
        Shortcuts.addShortcutListener(this, this::openPalette, Key.KEY_K, KeyModifier.META);
        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), businessName, switchBusiness, userName, search,
                logout);
        header.setWidthFull();
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.expand(userName);
        userName.getStyle().set("text-align", "right");
        header.getStyle().set("padding-right", "var(--lumo-space-m)");
        verifyBanner.setId("verify-banner");
        verifyBanner.setWidthFull();
        verifyBanner.getStyle().set("background", "var(--lumo-warning-color-10pct, #fff4d6)")
                .set("padding", "var(--lumo-space-xs) var(--lumo-space-m)").set("font-size", "var(--lumo-font-size-s)");
        VerticalLayout top = new VerticalLayout(header, verifyBanner);
        top.setPadding(false);
        top.setSpacing(false);
        top.setWidthFull();
        addToNavbar(top);
        bottomBar.setId("bottom-bar");
        bottomBar.addClassName("bottom-bar");
        getElement().appendChild(bottomBar.getElement());
    }

    private void openPalette() {
        new CommandPalette(new CommandPalette.Sources(contacts, work, invoices, quotes, access), profiles.effective(),
                this::logout).open();
    }

    /** The menus follow the business's profile: its labels, and only the modules it turns on. */
    private void buildNavigation(EffectiveProfile profile) {
        nav.removeAll();
        SideNavItem home = new SideNavItem("Home", HomeView.class, VaadinIcon.HOME.create());
        home.setId("nav-home");
        nav.addItem(home);
        for (Module module : Module.values()) {
            if (module != Module.MORE && module.enabled(profile, access.role())) {
                SideNavItem item = new SideNavItem(module.label(profile), module.path(), module.icon());
                item.setId("nav-" + module.path());
                nav.addItem(item);
            }
        }
        // PRD 10.2 mobile navigation: a bottom bar on phone widths (styles/app.css), hidden on desktop
        bottomBar.removeAll();
        bottomBar.add(link("Home", null));
        for (Module module : IN_BOTTOM_BAR) {
            if (module.enabled(profile, access.role())) {
                bottomBar.add(link(module == Module.INVOICES ? "Money" : module.label(profile), module.path()));
            }
        }
    }

    private static RouterLink link(String label, String path) {
        RouterLink link = new RouterLink(label, HomeView.class);
        link.setHighlightCondition(HighlightConditions.sameLocation());
        if (path != null) {
            link.getElement().setAttribute("href", path);
            link.setHighlightCondition((l, event) -> event.getLocation().getFirstSegment().equals(path));
        }
        return link;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<Membership.View> selected = business.selected();
        if (selected.isEmpty()) {
            event.forwardTo(ChooseBusinessView.class);
            return;
        }
        businessName.setText(selected.get().tenantName());
        HomeService.Greeting greeting = home.greeting();
        Dates.use(Dates.of(greeting.timezone(), greeting.country()));
        buildNavigation(profiles.effective());
        switchBusiness.setText(business.memberships().size() > 1 ? "Switch business" : "Add a business");
        userName.setText(business.person().map(p -> p.displayName() + " · " + selected.get().role()).orElse(""));
        showVerification();
    }

    /** Until the person confirmed their address nothing goes to clients: say so on every screen, with the way out. */
    private void showVerification() {
        verifyBanner.removeAll();
        String email = business.person().map(IdentityService.Person::email).orElse("");
        boolean pending = business.userId().map(u -> !accounts.emailVerified(u)).orElse(false);
        verifyBanner.setVisible(pending);
        if (pending) {
            Button resend = new Button("Resend verification", e -> {
                accounts.resendVerification();
                Toasts.done("We sent a new link to " + email + "; earlier links no longer work.");
            });
            resend.setId("resend-verification");
            resend.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            verifyBanner.add(new Span("Confirm your e-mail address: open the link we sent to " + email
                    + ". Until then you can set everything up and draft, but nothing is sent to clients. "), resend);
        }
    }

    private void logout() {
        business.signedOut();
        String contextPath = VaadinServletRequest.getCurrent().getHttpServletRequest().getContextPath();
        getUI().ifPresent(ui -> ui.getPage().setLocation(contextPath + "/login"));
        try {
            VaadinServletRequest.getCurrent().getHttpServletRequest().logout();
        } catch (ServletException ignored) {
            // the session is invalidated below either way
        }
        VaadinSession.getCurrent().getSession().invalidate();
    }
}
