package com.smbhub.job;

import com.smbhub.platform.tenancy.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** One run of a scheduled job for one business (issue 16): how it was started, how it ended, what it did. */
@Entity
@Table(name = "job_runs")
public class JobRun extends TenantOwned {

    private String job;
    private String trigger;
    private String status = JobRunStatus.STARTED.name();
    @Column(name = "execution_id")
    private Long executionId;
    @Column(name = "started_by")
    private String startedBy;
    @Column(name = "started_at")
    private Instant startedAt;
    @Column(name = "finished_at")
    private Instant finishedAt;
    private int done;
    private Integer total;
    private int skipped;
    private int failed;
    private String errors;
    @Column(name = "with_pdfs")
    private Boolean withPdfs;

    protected JobRun() {
    }

    public JobRun(JobName job, JobRunStatus.Trigger trigger, String startedBy, Instant at) {
        this.job = job.apiName();
        this.trigger = trigger.name();
        this.startedBy = startedBy;
        this.startedAt = at;
    }

    /** An export's choice: invoice and quote PDFs in the ZIP or not. */
    void withPdfs(boolean pdfs) {
        withPdfs = pdfs;
    }

    void started(long execution) {
        executionId = execution;
    }

    void progress(int done, int total) {
        this.done = done;
        this.total = total;
    }

    void ended(JobRunStatus end, int done, int skipped, int failed, String errors, Instant at) {
        status = end.name();
        this.done = done;
        this.skipped = skipped;
        this.failed = failed;
        this.errors = errors;
        finishedAt = at;
    }

    public String getJob() { return job; }
    public String getTrigger() { return trigger; }
    public JobRunStatus getStatus() { return JobRunStatus.valueOf(status); }
    public Long getExecutionId() { return executionId; }
    public String getStartedBy() { return startedBy; }
    public Instant getStartedAt() { return startedAt; }
    public Instant getFinishedAt() { return finishedAt; }
    public int getDone() { return done; }
    public Integer getTotal() { return total; }
    public int getSkipped() { return skipped; }
    public int getFailed() { return failed; }
    public String getErrors() { return errors; }
    /** Null for a job that is not an export. */
    public Boolean getWithPdfs() { return withPdfs; }
}
