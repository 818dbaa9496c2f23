package com.smbhub.web.shell;

import com.smbhub.payment.WebhookLog;
import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The platform ops Command Center: incoming webhook events (retry by hand); the QC queue arrives with Text-to-Task. */
@Route("ops")
@PageTitle("Command Center · SMB Hub")
@RolesAllowed("OPS")
@CdiComponent
public class OpsView extends VerticalLayout {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    @EJB WebhookLog webhooks;

    private final Grid<WebhookLog.Entry> events = new Grid<>();
    private final Checkbox attention = new Checkbox("Needs attention only", true);

    @PostConstruct
    void build() {
        H2 title = new H2("Command Center");
        title.setId("ops-title");
        Button logout = new Button("Log out", e -> {
            String contextPath = VaadinServletRequest.getCurrent().getHttpServletRequest().getContextPath();
            getUI().ifPresent(ui -> ui.getPage().setLocation(contextPath + "/login"));
            VaadinSession.getCurrent().getSession().invalidate();
        });
        logout.setId("logout");
        events.setId("ops-webhooks");
        events.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        events.addColumn(e -> WHEN.format(e.receivedAt())).setHeader("Received").setAutoWidth(true);
        events.addColumn(e -> e.provider() + " " + e.type()).setHeader("Event").setAutoWidth(true);
        events.addColumn(e -> e.business() == null ? "—" : e.business()).setHeader("Business").setAutoWidth(true);
        events.addColumn(WebhookLog.Entry::status).setHeader("Status").setAutoWidth(true);
        events.addColumn(WebhookLog.Entry::attempts).setHeader("Attempts").setAutoWidth(true);
        events.addColumn(e -> e.lastError() == null ? "" : e.lastError()).setHeader("Last error").setFlexGrow(4);
        events.addColumn(e -> when(e.nextAttemptAt())).setHeader("Next attempt").setAutoWidth(true);
        events.addComponentColumn(e -> {
            Button retry = new Button("Retry now", click -> {
                String status = webhooks.retry(e.id());
                Toasts.done("Event " + e.eventId() + ": " + status);
                reload();
            });
            retry.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            retry.setVisible("FAILED".equals(e.status()) || "RECEIVED".equals(e.status()));
            return retry;
        }).setAutoWidth(true);
        events.setEmptyStateText("No webhook events need attention.");
        attention.addValueChangeListener(e -> reload());
        Button refresh = new Button("Refresh", e -> reload());
        add(new HorizontalLayout(title, logout), new H3("Webhook events"),
                new Paragraph("Every signed event from Stripe is stored before it is answered, then applied; a failed attempt is"
                        + " retried with backoff (8 attempts) and then stays FAILED here. REJECTED events named an unknown account"
                        + " or another business's invoice."),
                new HorizontalLayout(attention, refresh), events,
                new Paragraph("The AI draft QC queue is not available yet; it arrives with Text-to-Task."));
        setSizeFull();
        reload();
    }

    private void reload() {
        events.setItems(webhooks.recent(attention.getValue(), 200));
    }

    private static String when(Instant at) {
        return at == null ? "" : WHEN.format(at);
    }
}
