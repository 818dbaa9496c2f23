package com.smbhub.web.settings;

import com.smbhub.job.JobName;
import com.smbhub.job.JobRunStatus;
import com.smbhub.job.JobRunView;
import com.smbhub.job.Jobs;
import com.smbhub.platform.errors.ConflictException;
import com.smbhub.web.shell.Toasts;
import com.smbhub.web.shell.Waiting;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.progressbar.ProgressBar;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/** A job run followed on the page's polls: {@code progress} on each poll while it goes, {@code ended} once it has ended. */
final class RunWatch implements Future<JobRunView> {

    private final Jobs jobs;
    private final String id;
    private final Consumer<JobRunView> progress;
    private JobRunView last;

    private RunWatch(Jobs jobs, String id, Consumer<JobRunView> progress) {
        this.jobs = jobs;
        this.id = id;
        this.progress = progress;
    }

    /** Makes a run of {@code job} and starts it; null (with the reason shown) when one is going already. */
    static JobRunView start(Jobs jobs, JobName job, Consumer<JobRunView> launch) {
        return start(() -> jobs.queue(job.apiName()), launch);
    }

    /** Makes a run with {@code queue} and starts it; null (with the reason shown) when one is going already. */
    static JobRunView start(Supplier<JobRunView> queue, Consumer<JobRunView> launch) {
        JobRunView queued;
        try {
            queued = queue.get();
        } catch (ConflictException ex) {
            Toasts.problem(ex.getMessage());
            return null;
        }
        launch.accept(queued);
        return queued;
    }

    /** The latest runs, one line each ({@code line}), with their errors in words under it. */
    static UnorderedList list(String id, List<JobRunView> runs, Function<JobRunView, String> line) {
        UnorderedList list = new UnorderedList();
        list.setId(id);
        for (JobRunView r : runs) {
            ListItem item = new ListItem(line.apply(r));
            if (r.errors() != null) {
                Div errors = new Div();
                errors.getStyle().set("color", "var(--lumo-error-text-color)").set("white-space", "pre-line");
                errors.setText(r.errors());
                item.add(errors);
            }
            list.add(item);
        }
        return list;
    }

    /** The bar shown while a run goes on (its end is not known ahead). */
    static ProgressBar going(String id) {
        ProgressBar bar = new ProgressBar();
        bar.setIndeterminate(true);
        bar.setId(id);
        return bar;
    }

    static void follow(UI ui, Jobs jobs, String id, Consumer<JobRunView> progress, Consumer<JobRunView> ended,
                       Consumer<Throwable> failed) {
        Waiting.until(ui, new RunWatch(jobs, id, progress), ended, failed);
    }

    @Override
    public boolean isDone() {
        last = jobs.get(id);
        if (JobRunStatus.valueOf(last.status()) == JobRunStatus.STARTED) {
            progress.accept(last);
            return false;
        }
        return true;
    }

    @Override
    public JobRunView get() {
        return last;
    }

    @Override
    public JobRunView get(long timeout, TimeUnit unit) {
        return last;
    }

    @Override
    public boolean cancel(boolean interrupt) {
        return false;
    }

    @Override
    public boolean isCancelled() {
        return false;
    }
}
