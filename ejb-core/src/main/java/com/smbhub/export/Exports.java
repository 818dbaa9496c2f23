package com.smbhub.export;

import com.smbhub.file.FileStores;
import com.smbhub.job.JobName;
import com.smbhub.job.JobRunStatus;
import com.smbhub.job.JobRunView;
import com.smbhub.job.Jobs;
import com.smbhub.platform.audit.AuditService;
import com.smbhub.platform.errors.ConflictException;
import com.smbhub.platform.errors.NotFoundException;
import com.smbhub.platform.security.Access;
import com.smbhub.platform.security.Capability;
import com.smbhub.platform.tenancy.RequestContext;
import com.smbhub.platform.tenancy.TenantScoped;
import com.smbhub.platform.time.BusinessClock;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;

/** A business's exports (OWNER/ADMIN): the ZIP of a finished export run, for a week, each download audited. */
@Stateless
@TenantScoped
public class Exports {

    /** How long an export can be downloaded after it was made. */
    public static final Duration KEPT = Duration.ofDays(7);

    @EJB Access access;

    @EJB Jobs jobs;

    @EJB AuditService audit;

    @Inject FileStores stores;

    /** The ZIP's bytes and its file name. */
    public record Download(String fileName, InputStream bytes) {
    }

    /** The ZIP of export run {@code runId}: 404 for another job's or business's run, 409 while it is written or when it failed. */
    public Download download(String runId) {
        access.require(Capability.RUN_JOBS);
        JobRunView run = jobs.get(runId);
        if (JobName.of(run.job()) != JobName.EXPORT) {
            throw new NotFoundException("export");
        }
        if (JobRunStatus.valueOf(run.status()) != JobRunStatus.COMPLETED) {
            throw new ConflictException(JobRunStatus.valueOf(run.status()) == JobRunStatus.STARTED
                    ? "This export is still being written" : "This export failed; start a new one", run);
        }
        if (run.finishedAt().plus(KEPT).isBefore(BusinessClock.now())) {
            throw new ConflictException("This export is more than " + KEPT.toDays() + " days old; start a new one", run);
        }
        String tenantId = RequestContext.current().orElseThrow().tenantId();
        try {
            InputStream bytes = stores.current().open(Exporter.key(tenantId, runId));
            audit.record("export.downloaded", "job_run", runId, null, Map.of("job", run.job()));
            return new Download("smbhub-export-" + run.finishedAt().toString().substring(0, 10) + ".zip", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
