package com.smbhub.web.settings;

import com.smbhub.job.JobName;
import com.smbhub.job.JobRunStatus;
import com.smbhub.job.JobRunView;
import com.smbhub.job.Jobs;
import com.smbhub.web.shell.Dates;
import com.smbhub.web.shell.Toasts;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.ZoneId;
import java.util.function.Consumer;

/**
 * Settings → Reminders: whether the schedule sends payment reminders, its next run, what the latest runs did (errors in
 * words), and "Run now" with progress until the run has ended.
 */
class RemindersPanel extends VerticalLayout {


    private final transient Jobs jobs;

    private final transient Consumer<JobRunView> launch;

    /** {@code launch} starts a run {@link Jobs#queue} just made (the batch module's launcher). */
    RemindersPanel(Jobs jobs, Consumer<JobRunView> launch) {
        this.jobs = jobs;
        this.launch = launch;
        setPadding(false);
        build(false);
    }

    static String state(Jobs.Reminders now) {
        if (!now.on()) {
            return "Payment reminders are off: turn them on under Business, with the days after the due date they go out.";
        }
        return "Each unpaid invoice past its due date gets the reminder due that day, once, by e-mail — from " + now.sendHour()
                + ":00 in your"
                + " time zone (" + now.timezone() + "). A paid or voided invoice gets none.";
    }

    static String next(Jobs.Reminders now) {
        return now.next() == null ? "No run is scheduled." : "Next run: " + Dates.current().in(ZoneId.of(now.timezone())).dayTime(now.next()) + ".";
    }

    /** One run in a line: when, who started it, what it did. */
    static String line(JobRunView run, ZoneId zone) {
        String when = Dates.current().in(zone).dayTime(run.startedAt()) + " (" + JobRunStatus.Trigger.valueOf(run.trigger()).words() + "): ";
        return when + switch (JobRunStatus.valueOf(run.status())) {
            case STARTED -> "sending…";
            case FAILED -> "failed.";
            case COMPLETED -> run.done() + run.skipped() + run.failed() == 0 ? "no reminder was due."
                    : run.done() + (run.done() == 1 ? " reminder" : " reminders") + " sent"
                    + (run.skipped() == 0 ? "" : ", " + run.skipped() + " not needed any more")
                    + (run.failed() == 0 ? "" : ", " + run.failed() + " could not be sent") + ".";
        };
    }

    private void build(boolean running) {
        removeAll();
        Jobs.Reminders now = jobs.reminders();
        ZoneId zone = ZoneId.of(now.timezone());
        H3 title = new H3("Payment reminders");
        Paragraph state = new Paragraph(state(now));
        state.setId("reminders-state");
        Paragraph next = new Paragraph(next(now));
        next.setId("reminders-next");
        add(title, state, next);
        Button run = new Button("Run now", e -> start());
        run.setId("reminders-run");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        run.setEnabled(now.on() && !running);
        if (!now.on()) {
            run.setTooltipText("Turn payment reminders on under Business first");
        }
        add(run);
        if (running) {
            add(RunWatch.going("reminders-running"));
        }
        if (now.recent().isEmpty()) {
            Paragraph empty = new Paragraph("No run yet. The first runs at the next scheduled time, or now if you click Run now.");
            empty.setId("reminders-empty");
            add(empty);
            return;
        }
        add(RunWatch.list("reminders-runs", now.recent(), r -> line(r, zone)));
    }

    private void start() {
        JobRunView queued = RunWatch.start(jobs, JobName.AR_REMINDERS, launch);
        if (queued == null) {
            return;
        }
        build(true);
        RunWatch.follow(UI.getCurrent(), jobs, queued.id(), going -> { }, ended -> {
            build(false);
            Toasts.done(line(ended, ZoneId.of(jobs.reminders().timezone())));
        }, problem -> build(false));
    }
}
