package com.smbhub.web.home;

import com.vaadin.cdi.annotation.CdiComponent;
import com.smbhub.home.HomeService;
import com.smbhub.web.shell.MainLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;

/** Home: greets the business by name. KPI cards and next actions arrive with issue 3. */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Home · SMB Hub")
@PermitAll
@CdiComponent
public class HomeView extends VerticalLayout implements BeforeEnterObserver {

    @EJB
    HomeService home;

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (event.hasForwardTarget() || event.hasRerouteTarget()) {
            return;
        }
        removeAll();
        HomeService.Greeting greeting = home.greeting();
        H2 title = new H2("Welcome to " + greeting.businessName());
        title.setId("home-title");
        Paragraph role = new Paragraph("You are signed in as " + greeting.role().name().toLowerCase()
                + ". Times are shown in " + greeting.timezone() + "; amounts in " + greeting.currency() + ".");
        add(title, role);
    }
}
