package com.smbhub.web.shell;

import com.smbhub.aidraft.AiDraftQueue;
import com.smbhub.account.SignupService;
import com.smbhub.job.JobRunStatus;
import com.smbhub.job.JobsReport;
import com.smbhub.payment.WebhookLog;
import com.smbhub.platform.analytics.Activation;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.tenancy.Background;
import com.smbhub.platform.webhook.WebhookEventStatus;
import com.smbhub.web.aidraft.ReviewQueue;
import com.smbhub.web.security.BusinessFields;
import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
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
import com.vaadin.flow.component.textfield.EmailField;
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
import java.util.HashMap;
import java.util.Map;

/** The platform ops Command Center: incoming webhook events (retry by hand); the QC queue arrives with Text-to-Task. */
@Route("ops")
@PageTitle("Command Center · SMB Hub")
@RolesAllowed("OPS")
@CdiComponent
public class OpsView extends VerticalLayout {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    @EJB WebhookLog webhooks;

    @EJB SignupService signups;

    @EJB Activation activation;

    @EJB AiDraftQueue drafts;

    @EJB Background background;

    @EJB JobsReport jobs;

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
            retry.setVisible(WebhookEventStatus.valueOf(e.status()).retryable());
            return retry;
        }).setAutoWidth(true);
        events.setEmptyStateText("No webhook events need attention.");
        attention.addValueChangeListener(e -> reload());
        Button refresh = new Button("Refresh", e -> reload());
        add(new HorizontalLayout(title, logout), new H3("Webhook events"),
                new Paragraph("Every signed event from Stripe is stored before it is answered, then applied; a failed attempt is"
                        + " retried with backoff (8 attempts) and then stays FAILED here. REJECTED events named an unknown account"
                        + " or another business's invoice."),
                new HorizontalLayout(attention, refresh), events);
        add(new ReviewQueue(drafts, background));
        jobs();
        activation();
        customerBusiness();
        setSizeFull();
        reload();
    }

    private void reload() {
        events.setItems(webhooks.recent(attention.getValue(), 200));
    }

    private static String when(Instant at) {
        return at == null ? "" : WHEN.format(at);
    }

    /** The jobs (issue 16): every business's latest runs, failures first to look at; errors in words. */
    private void jobs() {
        Grid<JobsReport.Run> grid = new Grid<>();
        grid.setId("ops-jobs");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(r -> WHEN.format(r.startedAt())).setHeader("Started").setAutoWidth(true);
        grid.addColumn(JobsReport.Run::business).setHeader("Business").setFlexGrow(2);
        grid.addColumn(r -> r.job() + " (" + JobRunStatus.Trigger.valueOf(r.trigger()).words() + ")").setHeader("Job").setAutoWidth(true);
        grid.addColumn(JobsReport.Run::status).setHeader("Status").setAutoWidth(true);
        grid.addColumn(r -> r.done() + (r.total() == null ? "" : " of " + r.total())).setHeader("Done").setAutoWidth(true);
        grid.addColumn(JobsReport.Run::failed).setHeader("Failed").setAutoWidth(true);
        grid.addColumn(r -> r.errors() == null ? "" : r.errors()).setHeader("Errors").setFlexGrow(4);
        grid.setEmptyStateText("No job runs need attention.");
        Checkbox problems = new Checkbox("Failures only", true);
        problems.setId("ops-jobs-problems");
        problems.addValueChangeListener(e -> grid.setItems(jobs.recent(e.getValue(), 200)));
        grid.setItems(jobs.recent(true, 200));
        add(new H3("Jobs"), new Paragraph("Export, payment reminders and POS sync, one run per business: failed runs and"
                + " runs with items that could not be done (tried again next run). Every execution is also in the Payara"
                + " admin console (Batch) and asadmin list-batch-job-executions."), problems, grid);
    }

    /** Activation (PRD 4.1.2): the funnel, and per business its milestones, time to first value and weekly actions. */
    private void activation() {
        Activation.Report report = activation.report(100);
        Activation.Funnel f = report.funnel();
        Paragraph funnel = new Paragraph(f.businesses() + " businesses · " + f.sentInvoice() + " sent an invoice ("
                + f.sentWithinSevenDays() + " within 7 days of starting, " + percent(f.sentWithinSevenDays(), f.businesses())
                + ") · " + f.receivedPayment() + " got paid · " + f.weeklyActions() + " completed business actions in the last 7 days");
        funnel.setId("ops-funnel");
        DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'").withZone(ZoneOffset.UTC);
        Grid<Activation.Business> grid = new Grid<>();
        grid.setId("ops-activation");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addColumn(b -> b.name() + " (" + b.id() + ")").setHeader("Business").setFlexGrow(3);
        grid.addColumn(b -> day.format(b.signedUpAt())).setHeader("Started").setAutoWidth(true);
        grid.addColumn(b -> b.firstInvoiceSentAt() == null ? "—" : day.format(b.firstInvoiceSentAt()))
                .setHeader("First invoice sent").setAutoWidth(true);
        grid.addColumn(b -> b.firstPaymentAt() == null ? "—" : day.format(b.firstPaymentAt()))
                .setHeader("First payment").setAutoWidth(true);
        grid.addColumn(b -> b.timeToFirstValue() == null ? "—" : Words.took(b.timeToFirstValue()))
                .setHeader("Time to first value").setAutoWidth(true);
        grid.addColumn(Activation.Business::weeklyActions).setHeader("Actions, 7 days").setAutoWidth(true);
        grid.setItems(report.businesses());
        grid.setAllRowsVisible(report.businesses().size() <= 10);
        grid.setEmptyStateText("No businesses yet.");
        add(new H3("Activation"), new Paragraph("Newest 100 businesses. Completed business actions (the north-star"
                + " metric): invoices sent, payments received, work closed, expenses submitted or approved, clients'"
                + " answers in the portal."), funnel, grid);
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "0 %" : Math.round(100.0 * part / whole) + " %";
    }

    /** "Do it for me" (PRD 7.3): ops start a business for a customer and e-mail its owner an invitation. */
    private void customerBusiness() {
        BusinessFields fields = new BusinessFields("ops", "20rem", UI.getCurrent());
        EmailField owner = new EmailField("Owner's e-mail");
        owner.setId("ops-owner-email");
        owner.setWidth("20rem");
        owner.setRequiredIndicatorVisible(true);
        Button start = new Button("Start the business and invite its owner", e -> {
            Map<String, HasValidation> byField = new HashMap<>(fields.byField("name"));
            byField.put("owner_email", owner);
            byField.values().forEach(f -> f.setInvalid(false));
            try {
                String slug = signups.createForCustomer(fields.value(), owner.getValue());
                Toasts.done(fields.name.getValue().trim() + " (" + slug + ") is ready; we e-mailed " + owner.getValue().trim()
                        + " an invitation to own it.");
                fields.name.clear();
                owner.clear();
            } catch (ValidationException ex) {
                FieldErrors.show(ex, byField);
            }
        });
        start.setId("ops-start-business");
        add(new H3("Start a business for a customer"), new Paragraph("The owner gets an e-mailed link (7 days) to choose"
                + " a password and take over; it proves their address, so the business may send to clients at once."),
                fields.name, fields.kind, fields.country, fields.timezone, fields.currency, owner, start);
    }
}
