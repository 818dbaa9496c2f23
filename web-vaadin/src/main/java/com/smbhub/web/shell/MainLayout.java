package com.smbhub.web.shell;

import com.smbhub.platform.security.Membership;
import com.smbhub.web.home.HomeView;
import com.smbhub.web.security.ChooseBusinessView;
import com.smbhub.web.security.CurrentBusiness;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import jakarta.inject.Inject;
import java.util.Optional;

/** The back-office shell: left navigation on desktop, bottom bar on phones, business and user on top. */
public class MainLayout extends AppLayout implements BeforeEnterObserver {

    private final CurrentBusiness business;
    private final Span businessName = new Span();
    private final Span userName = new Span();
    private final Button switchBusiness = new Button("Switch business");

    @Inject
    public MainLayout(CurrentBusiness business) {
        this.business = business;
        setPrimarySection(Section.DRAWER);

        SideNav nav = new SideNav();
        nav.setId("main-nav");
        nav.addItem(new SideNavItem("Home", HomeView.class, VaadinIcon.HOME.create()));
        ComingSoonView.MODULES.forEach((path, label) ->
                nav.addItem(new SideNavItem(label, path, ComingSoonView.icon(path))));
        Span brand = new Span("SMB Hub");
        brand.getStyle().set("font-weight", "600").set("padding", "var(--lumo-space-m)");
        addToDrawer(brand, nav);

        businessName.setId("business-name");
        businessName.getStyle().set("font-weight", "600");
        userName.setId("user-name");
        userName.getStyle().set("color", "var(--lumo-secondary-text-color)");
        switchBusiness.setId("switch-business");
        switchBusiness.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        switchBusiness.addClickListener(e -> e.getSource().getUI().ifPresent(ui -> ui.navigate(ChooseBusinessView.class)));
        Button logout = new Button("Log out", VaadinIcon.SIGN_OUT.create(), e -> logout());
        logout.setId("logout");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), businessName, switchBusiness, userName, logout);
        header.setWidthFull();
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.expand(userName);
        userName.getStyle().set("text-align", "right");
        header.getStyle().set("padding-right", "var(--lumo-space-m)");
        addToNavbar(header);
        addToNavbar(true, bottomBar());
    }

    /** PRD 10.2 mobile navigation: shown at the bottom on touch-sized screens. */
    private Tabs bottomBar() {
        Tabs tabs = new Tabs(
                tab("Home", ""), tab("Inbox", "inbox"), tab("Work", "work"), tab("Money", "invoices"), tab("More", "more"));
        tabs.setWidthFull();
        tabs.addThemeName("minimal");
        tabs.addThemeName("equal-width-tabs");
        return tabs;
    }

    private static Tab tab(String label, String path) {
        RouterLink link = new RouterLink();
        link.setText(label);
        link.setRoute(path.isEmpty() ? HomeView.class : ComingSoonView.class);
        if (!path.isEmpty()) {
            link.getElement().setAttribute("href", path);
        }
        return new Tab(link);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<Membership.View> selected = business.selected();
        if (selected.isEmpty()) {
            event.forwardTo(ChooseBusinessView.class);
            return;
        }
        businessName.setText(selected.get().tenantName());
        switchBusiness.setVisible(business.memberships().size() > 1);
        userName.setText(business.person().map(p -> p.displayName() + " · " + selected.get().role()).orElse(""));
    }

    private void logout() {
        business.signedOut();
        String contextPath = VaadinServletRequest.getCurrent().getHttpServletRequest().getContextPath();
        getUI().ifPresent(ui -> ui.getPage().setLocation(contextPath + "/login"));
        try {
            VaadinServletRequest.getCurrent().getHttpServletRequest().logout();
        } catch (jakarta.servlet.ServletException ignored) {
            // the session is invalidated below either way
        }
        VaadinSession.getCurrent().getSession().invalidate();
    }
}
