package com.smbhub.web.shell;

import com.smbhub.home.HomeService;
import com.smbhub.platform.mail.Mailer;
import com.smbhub.platform.security.Access;
import com.smbhub.platform.security.Capability;
import com.smbhub.platform.security.Permissions;
import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;

/** Sent mail (development): what the application handed to the local mail server, for following the loop. */
@Route(value = "sent-mail", layout = MainLayout.class)
@PageTitle("Sent mail (development) · SMB Hub")
@CdiComponent
@PermitAll
public class SentMailView extends VerticalLayout implements BeforeEnterObserver {

    @EJB Mailer mailer;

    @EJB Access access;

    @EJB HomeService home;

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        H2 title = new H2("Sent mail (development)");
        title.setId("page-title");
        add(title);
        if (!mailer.development() || !Permissions.allows(access.role(), Capability.MONEY_SEND)) {
            Paragraph none = new Paragraph("This page exists only while the application sends mail to its local"
                    + " development server, for the people who send invoices.");
            none.setId("page-message");
            add(none);
            return;
        }
        add(new Paragraph("Mail goes to a local development server (no one outside receives it). Newest first."));
        Dates dates = Dates.current();
        Grid<Mailer.Sent> grid = new Grid<>();
        grid.setId("sent-mail-grid");
        grid.addColumn(m -> dates.dayTime(m.at())).setHeader("When").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Mailer.Sent::recipient).setHeader("To");
        grid.addColumn(Mailer.Sent::subject).setHeader("Subject").setFlexGrow(2);
        grid.addColumn(m -> m.error() == null ? "Sent" : "Failed: " + m.error()).setHeader("Result");
        grid.setItems(mailer.recent(200));
        add(grid);
        setSizeFull();
        setFlexGrow(1, grid);
    }
}
