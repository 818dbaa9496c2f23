package com.smbhub.web.settings;

import com.smbhub.integration.square.SquareGateway;
import com.smbhub.job.JobName;
import com.smbhub.job.JobRunStatus;
import com.smbhub.job.JobRunView;
import com.smbhub.job.Jobs;
import com.smbhub.platform.errors.ProviderException;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.pos.SquareSettings;
import com.smbhub.web.shell.Dates;
import com.smbhub.web.shell.FieldErrors;
import com.smbhub.web.shell.Toasts;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Settings → Point of sale (profiles with {@code pos_sync}): connect a Square account — paste the access token, find
 * its locations, pick the one whose sales come in — then "Sync now" with progress, and what the latest syncs did.
 */
class PointOfSalePanel extends VerticalLayout {


    private final transient SquareSettings square;
    private final transient Jobs jobs;
    private final transient Consumer<JobRunView> launch;
    private final ZoneId zone;

    PointOfSalePanel(SquareSettings square, Jobs jobs, Consumer<JobRunView> launch, ZoneId zone) {
        this.square = square;
        this.jobs = jobs;
        this.launch = launch;
        this.zone = zone;
        setPadding(false);
        build(false);
    }

    /** One sync in a line: when, what started it, what it did. */
    static String line(JobRunView run, ZoneId zone) {
        String when = Dates.current().in(zone).dayTime(run.startedAt()) + " (" + JobRunStatus.Trigger.valueOf(run.trigger()).words() + "): ";
        String did = run.done() == 0 ? "nothing new" : run.done() + (run.done() == 1 ? " sale, customer or refund" : " sales, customers and refunds")
                + " brought in or updated";
        return when + switch (JobRunStatus.valueOf(run.status())) {
            case STARTED -> "syncing…";
            case FAILED -> "stopped: " + did + "; the next sync goes on from there.";
            case COMPLETED -> did + (run.failed() == 0 ? "" : ", " + run.failed() + " could not be brought in") + ".";
        };
    }

    private void build(boolean running) {
        removeAll();
        SquareSettings.View now = square.get();
        H3 title = new H3("Point of sale (Square)");
        HorizontalLayout heading = new HorizontalLayout(title);
        heading.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        if (now.testMode()) {
            Span badge = new Span("Test mode: Square is a stand-in on this server");
            badge.setId("pos-test-mode");
            badge.getElement().getThemeList().add("badge contrast");
            heading.add(badge);
        }
        Paragraph state = new Paragraph(now.connected()
                ? "Sales at " + now.locationName() + " come in as orders every 15 minutes, and at once when Square tells us of"
                + " a change: customers become contacts (matched by e-mail or phone), refunds land in Orders / Issues to look at."
                : "Connect your Square account and your sales come in as orders, your customers as contacts and refunds as"
                + " issues to look at. Nothing is ever charged or changed in Square from here.");
        state.setId("pos-status");
        add(heading, state);

        PasswordField token = new PasswordField("Square access token");
        token.setId("pos-token");
        token.setHelperText("Square Developer Dashboard → your application → Credentials (starts with EAAA)");
        token.setPlaceholder(now.connected() ? "•••••••• (kept unless you type a new one)" : "EAAA…");
        token.setWidthFull();
        ComboBox<SquareGateway.Location> location = new ComboBox<>("Location");
        location.setId("pos-location");
        location.setItemLabelGenerator(l -> l.name() + (l.active() ? "" : " (closed)"));
        location.setHelperText(now.connected() ? "Now: " + now.locationName() : "Find your locations first");
        Button find = new Button("Find locations", e -> {
            try {
                List<SquareGateway.Location> found = square.locations(token.getValue().isEmpty() ? null : token.getValue());
                location.setItems(found);
                found.stream().filter(l -> l.id().equals(now.locationId())).findFirst()
                        .or(() -> found.stream().filter(SquareGateway.Location::active).findFirst()).ifPresent(location::setValue);
                token.setInvalid(false);
                if (found.isEmpty()) {
                    Toasts.problem("This Square account has no locations");
                }
            } catch (ValidationException ex) {
                FieldErrors.show(ex, Map.of("access_token", token));
            } catch (ProviderException ex) {
                Toasts.problem(ex.getMessage());
            }
        });
        find.setId("pos-find");
        Button connect = new Button(now.connected() ? "Save" : "Connect Square", e -> {
            try {
                square.connect(token.getValue().isEmpty() ? null : token.getValue(),
                        location.getValue() == null ? null : location.getValue().id());
                Toasts.done("Square connected: the first sync starts now");
                sync();
            } catch (ValidationException ex) {
                FieldErrors.show(ex, Map.of("access_token", token, "location_id", location));
            } catch (ProviderException ex) {
                Toasts.problem(ex.getMessage());
            }
        });
        connect.setId("pos-connect");
        connect.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout actions = new HorizontalLayout(find, connect);
        if (now.connected()) {
            Button run = new Button("Sync now", e -> sync());
            run.setId("pos-sync-now");
            run.setEnabled(!running);
            Button disconnect = new Button("Disconnect", e -> {
                ConfirmDialog confirm = new ConfirmDialog("Disconnect Square?", "New sales stop coming in. The orders, contacts"
                        + " and issues already here stay, and are not made twice if you connect again.", "Disconnect", ok -> {
                            square.disconnect();
                            Toasts.done("Square disconnected");
                            build(false);
                        });
                confirm.setCancelable(true);
                confirm.setConfirmButtonTheme("error primary");
                confirm.open();
            });
            disconnect.setId("pos-disconnect");
            actions.add(run, disconnect);
        }
        FormLayout form = new FormLayout(token, location);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        Paragraph notices = new Paragraph("In Square's Developer Dashboard, subscribe " + now.webhookUrl() + " to order, customer"
                + " and refund events (created and updated): a change then comes in at once.");
        notices.setId("pos-webhook-url");
        notices.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)")
                .set("overflow-wrap", "anywhere");
        add(form, actions, notices);
        if (running) {
            add(RunWatch.going("pos-running"));
        }
        if (now.recent().isEmpty()) {
            if (now.connected()) {
                Paragraph empty = new Paragraph("No sync yet: the first runs within 15 minutes, or now with Sync now.");
                empty.setId("pos-empty");
                add(empty);
            }
            return;
        }
        add(RunWatch.list("pos-runs", now.recent(), r -> line(r, zone)));
    }

    private void sync() {
        JobRunView queued = RunWatch.start(jobs, JobName.POS_SYNC, launch);
        if (queued == null) {
            build(false);
            return;
        }
        build(true);
        RunWatch.follow(UI.getCurrent(), jobs, queued.id(), going -> { }, ended -> {
            build(false);
            Toasts.done(line(ended, zone));
        }, problem -> build(false));
    }
}
