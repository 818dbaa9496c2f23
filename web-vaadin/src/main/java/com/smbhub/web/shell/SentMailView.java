package com.smbhub.web.shell;

import com.smbhub.platform.mail.Mailer;
import com.smbhub.platform.security.Access;
import com.smbhub.platform.security.Capability;
import com.smbhub.platform.security.Permissions;
import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sent mail (development): what the application handed to the local mail server, for following the loop. */
@Route(value = "sent-mail", layout = MainLayout.class)
@PageTitle("Sent mail (development) · SMB Hub")
@CdiComponent
@PermitAll
public class SentMailView extends VerticalLayout implements BeforeEnterObserver {

    @EJB Mailer mailer;

    @EJB Access access;

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
        RowClicks.open(grid, SentMailView::show);
        add(grid);
        setSizeFull();
        setFlexGrow(1, grid);
    }

    /** A sent message as its reader got it: to, subject, when, and the text with its links to follow. */
    static Dialog show(Mailer.Sent m) {
        Dialog dialog = PhoneScreens.fullScreen(new Dialog());
        dialog.setHeaderTitle(m.subject());
        dialog.setWidth("min(48rem, 100vw)");
        Paragraph head = new Paragraph("To " + m.recipient() + " · " + Dates.current().dayTime(m.at())
                + (m.error() == null ? "" : " · failed: " + m.error()));
        head.getStyle().set("color", "var(--lumo-secondary-text-color)");
        Div body = m.body() == null ? new Div(new Span("The text of this message was not kept (it went out before this"
                + " page kept texts, or it is one of SMB Hub's own account mails)."))
                : linked(m.body());
        body.setId("sent-mail-body");
        body.getStyle().set("white-space", "pre-wrap").set("overflow-wrap", "anywhere");
        dialog.add(head, body);
        Button close = new Button("Close", e -> dialog.close());
        close.setId("sent-mail-close");
        dialog.getFooter().add(close);
        dialog.open();
        return dialog;
    }

    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+[^\\s<>\".,;:!?)]");

    /** The text, its web addresses as links that open in a new tab. */
    static Div linked(String text) {
        Div out = new Div();
        Matcher url = URL.matcher(text);
        int at = 0;
        while (url.find()) {
            if (url.start() > at) {
                out.add(new Span(text.substring(at, url.start())));
            }
            Anchor link = new Anchor(url.group(), url.group());
            link.setTarget("_blank");
            out.add(link);
            at = url.end();
        }
        if (at < text.length()) {
            out.add(new Span(text.substring(at)));
        }
        return out;
    }
}
