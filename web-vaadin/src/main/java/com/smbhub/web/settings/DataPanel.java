package com.smbhub.web.settings;

import com.smbhub.export.Exports;
import com.smbhub.export.Importer;
import com.smbhub.job.JobName;
import com.smbhub.job.JobRunStatus;
import com.smbhub.job.JobRunView;
import com.smbhub.job.Jobs;
import com.smbhub.platform.errors.ConflictException;
import com.smbhub.platform.errors.NotFoundException;
import com.smbhub.platform.time.BusinessClock;
import com.smbhub.web.shell.Dates;
import com.smbhub.web.shell.Toasts;
import com.smbhub.web.shell.Uploads;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Settings → Data: "Export everything" — a ZIP of all the business's records and files, written by the export job
 * while a progress bar counts the items, then downloadable for a week (each download audited) — and "Bring in an
 * export", which loads such a ZIP into a business that has no records yet.
 */
class DataPanel extends VerticalLayout {


    private final transient Jobs jobs;

    private final transient Exports exports;

    private final transient Importer importer;

    private final transient Consumer<JobRunView> launch;

    private final ZoneId zone;

    /** The export part, rebuilt when an export starts or ends. */
    private final VerticalLayout export = new VerticalLayout();

    /** Whether the next export writes invoice and quote PDFs (kept while the part is rebuilt). */
    private boolean withPdfs = true;

    private ProgressBar bar;

    private Span words;

    /** {@code launch} starts a run {@link Jobs#queue} just made (the batch module's launcher); times shown in {@code zone}. */
    DataPanel(Jobs jobs, Exports exports, Importer importer, Consumer<JobRunView> launch, ZoneId zone) {
        this.jobs = jobs;
        this.exports = exports;
        this.importer = importer;
        this.launch = launch;
        this.zone = zone;
        setPadding(false);
        export.setPadding(false);
        add(export, bringIn());
        build(null);
    }

    /** What an import brought in, in words: the records per kind that has any, and the files. */
    static String brought(Importer.Result result) {
        List<String> parts = new ArrayList<>();
        result.rows().forEach((table, rows) -> {
            if (rows > 0 && !Importer.REPLACED.contains(table)) {
                parts.add(String.format(Locale.ENGLISH, "%,d %s", rows, table.replace('_', ' ')));
            }
        });
        parts.add(result.files() == 1 ? "1 file" : String.format(Locale.ENGLISH, "%,d files", result.files()));
        return "Brought in " + String.join(", ", parts) + ".";
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
        String when = Dates.current().in(zone).dayTime(run.startedAt());
        return when + switch (JobRunStatus.valueOf(run.status())) {
            case STARTED -> ": being written…";
            case FAILED -> ": failed" + (run.errors() == null ? "." : " — " + run.errors());
            case COMPLETED -> downloadable(run, now)
                    ? String.format(Locale.ENGLISH, ": %,d items%s, until %s", run.done(),
                            Boolean.FALSE.equals(run.withPdfs()) ? " (no PDFs)" : "", Dates.current().in(zone).dayTime(run.finishedAt().plus(Exports.KEPT)))
                    : ": more than " + Exports.KEPT.toDays() + " days old, start a new one";
        };
    }

    static boolean downloadable(JobRunView run, Instant now) {
        return JobRunStatus.valueOf(run.status()) == JobRunStatus.COMPLETED && run.finishedAt().plus(Exports.KEPT).isAfter(now);
    }

    private void build(JobRunView going) {
        export.removeAll();
        bar = null;
        words = null;
        H3 title = new H3("Export everything");
        Paragraph about = new Paragraph("One ZIP of all your records — contacts, work, quotes, invoices, payments, expenses,"
                + " conversations — each as a spreadsheet (CSV) and as JSON lines with every field, your files, each"
                + " invoice and quote as a PDF, and a manifest with counts and checksums. It can be downloaded for "
                + Exports.KEPT.toDays() + " days.");
        Checkbox pdfs = new Checkbox("Include invoice and quote PDFs (takes longer with many documents)", withPdfs);
        pdfs.setId("export-pdfs");
        pdfs.addValueChangeListener(e -> withPdfs = e.getValue());
        pdfs.setEnabled(going == null);
        Button start = new Button("Export everything", e -> start());
        start.setId("export-start");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.setEnabled(going == null);
        export.add(title, about, pdfs, start);
        if (going != null) {
            bar = new ProgressBar();
            bar.setId("export-progress");
            words = new Span();
            words.setId("export-progress-text");
            export.add(bar, words);
            show(going);
        }
        var recent = jobs.runs(JobName.EXPORT.apiName(), 5);
        if (recent.isEmpty()) {
            Paragraph empty = new Paragraph("No export yet.");
            empty.setId("export-empty");
            export.add(empty);
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
        export.add(list);
    }

    /** A running export's progress: only the bar and its words change. */
    private void show(JobRunView going) {
        if (bar == null) {
            build(going);
            return;
        }
        words.setText(progress(going));
        bar.setIndeterminate(going.total() == null || going.total() == 0);
        if (!bar.isIndeterminate()) {
            bar.setValue(Math.min(1.0, going.done() / (double) going.total()));
        }
    }

    private VerticalLayout bringIn() {
        H3 title = new H3("Bring in an export");
        Paragraph about = new Paragraph("Moving here from another SMB Hub, or starting again from an export? Upload its ZIP:"
                + " every record, link and file comes into this business, with new ids. Only a business with no records yet"
                + " takes an import; its tax codes, numbering and templates become the export's. Team members are not part of"
                + " an export: work assigned to someone who is not in this business is unassigned.");
        Span error = new Span();
        error.setId("import-error");
        Paragraph done = new Paragraph();
        done.setId("import-done");
        done.setVisible(false);
        Importer.Result[] result = new Importer.Result[1];
        Upload upload = Uploads.of("import-export-upload", error, (name, content) -> result[0] = importer.load(content), name -> {
            done.setText(brought(result[0]));
            done.setVisible(true);
            Toasts.done("Your export is in");
        });
        upload.setUploadButton(new Button("Choose an export ZIP"));
        upload.setAcceptedFileTypes("application/zip", ".zip");
        VerticalLayout part = new VerticalLayout(title, about, upload, error, done);
        part.setPadding(false);
        return part;
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
        JobRunView queued = RunWatch.start(() -> jobs.queue(JobName.EXPORT.apiName(), withPdfs), launch);
        if (queued == null) {
            return;
        }
        build(queued);
        RunWatch.follow(UI.getCurrent(), jobs, queued.id(), this::show, ended -> {
            build(null);
            if (JobRunStatus.valueOf(ended.status()) == JobRunStatus.COMPLETED) {
                Toasts.done("Your export is ready to download");
            } else {
                Toasts.problem("The export failed; start it again");
            }
        }, problem -> build(null));
    }
}
