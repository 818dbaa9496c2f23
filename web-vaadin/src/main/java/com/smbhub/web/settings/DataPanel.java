package com.smbhub.web.settings;

import com.smbhub.export.Exports;
import com.smbhub.job.JobName;
import com.smbhub.job.JobRunStatus;
import com.smbhub.job.JobRunView;
import com.smbhub.job.Jobs;
import com.smbhub.platform.errors.ConflictException;
import com.smbhub.platform.errors.NotFoundException;
import com.smbhub.platform.time.BusinessClock;
import com.smbhub.web.shell.Toasts;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Settings → Data: "Export everything" — a ZIP of all the business's records and files, written by the export job
 * while a progress bar counts the items, then downloadable for a week (each download audited).
 */
class DataPanel extends VerticalLayout {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.ENGLISH);

    private final transient Jobs jobs;

    private final transient Exports exports;

    private final transient Consumer<JobRunView> launch;

    private final ZoneId zone;

    /** {@code launch} starts a run {@link Jobs#queue} just made (the batch module's launcher); times shown in {@code zone}. */
    DataPanel(Jobs jobs, Exports exports, Consumer<JobRunView> launch, ZoneId zone) {
        this.jobs = jobs;
        this.exports = exports;
        this.launch = launch;
        this.zone = zone;
        setPadding(false);
        build(null);
    }

    /** How far an export is, in words. */
    static String progress(JobRunView run) {
        if (run.total() == null) {
            return "Counting your records…";
        }
        return String.format(Locale.ENGLISH, "%,d of %,d items written", run.done(), run.total());
    }

    /** One export in the list: when, and whether it can still be downloaded. */
    static String line(JobRunView run, ZoneId zone, Instant now) {
        String when = WHEN.format(run.startedAt().atZone(zone));
        return when + switch (JobRunStatus.valueOf(run.status())) {
            case STARTED -> ": being written…";
            case FAILED -> ": failed" + (run.errors() == null ? "." : " — " + run.errors());
            case COMPLETED -> downloadable(run, now)
                    ? String.format(Locale.ENGLISH, ": %,d items, until %s", run.done(),
                            WHEN.format(run.finishedAt().plus(Exports.KEPT).atZone(zone)))
                    : ": more than " + Exports.KEPT.toDays() + " days old, start a new one";
        };
    }

    static boolean downloadable(JobRunView run, Instant now) {
        return JobRunStatus.valueOf(run.status()) == JobRunStatus.COMPLETED && run.finishedAt().plus(Exports.KEPT).isAfter(now);
    }

    private void build(JobRunView going) {
        removeAll();
        H3 title = new H3("Export everything");
        Paragraph about = new Paragraph("One ZIP of all your records — contacts, work, quotes, invoices, payments, expenses,"
                + " conversations — each as a spreadsheet (CSV) and as JSON lines with every field, your files, and a"
                + " manifest with counts and checksums. It can be downloaded for " + Exports.KEPT.toDays() + " days.");
        Button start = new Button("Export everything", e -> start());
        start.setId("export-start");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.setEnabled(going == null);
        add(title, about, start);
        if (going != null) {
            ProgressBar bar = new ProgressBar();
            bar.setId("export-progress");
            Span words = new Span(progress(going));
            words.setId("export-progress-text");
            if (going.total() == null || going.total() == 0) {
                bar.setIndeterminate(true);
            } else {
                bar.setValue(Math.min(1.0, going.done() / (double) going.total()));
            }
            add(bar, words);
        }
        var recent = jobs.runs(JobName.EXPORT.apiName(), 5);
        if (recent.isEmpty()) {
            Paragraph empty = new Paragraph("No export yet.");
            empty.setId("export-empty");
            add(empty);
            return;
        }
        UnorderedList list = new UnorderedList();
        list.setId("export-runs");
        Instant now = BusinessClock.now();
        for (JobRunView run : recent) {
            ListItem item = new ListItem(new Span(line(run, zone, now)));
            if (downloadable(run, now)) {
                Anchor download = new Anchor(download(run.id()), " Download");
                download.setId("export-download-" + run.id());
                download.getElement().setAttribute("download", true);
                item.add(download);
            }
            list.add(item);
        }
        add(list);
    }

    private DownloadHandler download(String runId) {
        return DownloadHandler.fromInputStream(event -> {
            try {
                Exports.Download zip = exports.download(runId);
                return new DownloadResponse(zip.bytes(), zip.fileName(), "application/zip", -1);
            } catch (NotFoundException | ConflictException e) {
                return DownloadResponse.error(404, "This export cannot be downloaded any more");
            }
        });
    }

    private void start() {
        JobRunView queued = RunWatch.start(jobs, JobName.EXPORT, launch);
        if (queued == null) {
            return;
        }
        build(queued);
        RunWatch.follow(UI.getCurrent(), jobs, queued.id(), this::build, ended -> {
            build(null);
            if (JobRunStatus.valueOf(ended.status()) == JobRunStatus.COMPLETED) {
                Toasts.done("Your export is ready to download");
            } else {
                Toasts.problem("The export failed; start it again");
            }
        }, problem -> build(null));
    }
}
