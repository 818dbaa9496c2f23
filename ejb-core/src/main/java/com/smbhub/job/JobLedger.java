package com.smbhub.job;

import com.smbhub.platform.analytics.Analytics;
import com.smbhub.platform.audit.AuditService;
import com.smbhub.platform.db.NativeSql;
import com.smbhub.platform.metrics.Measures;
import com.smbhub.platform.tenancy.TenantEntry;
import com.smbhub.platform.time.BusinessClock;
import com.smbhub.profile.ProfileService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The batch module's bookkeeping of runs, for work with no signed-in caller: the schedule's slot (claimed by one
 * instance of a cluster), a scheduled run per business, the batch execution of a run and how it ended. Each call
 * is its own transaction and enters the business through {@link TenantEntry} (audited), never across businesses.
 */
@Stateless
public class JobLedger {

    @PersistenceContext(unitName = "smbhub") EntityManager em;

    @EJB TenantEntry entry;

    @EJB AuditService audit;

    @EJB ProfileService profiles;

    @Inject Measures measures;

    /** True for the one instance that claims {@code slot} of {@code job} (e.g. the hour); every other gets false. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean claimSlot(JobName job, String slot) {
        return NativeSql.query(em, "insert into job_slots (job, slot) values (?1, ?2) on conflict do nothing")
                .setParameter(1, job.apiName()).setParameter(2, slot).executeUpdate() == 1;
    }

    /** Every business (the schedule asks each whether its run is due; the tenants table is not a business's). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<String> businesses() {
        return NativeSql.query(em, "select cast(id as text) from tenants where deleted_at is null order by id").getResultList()
                .stream().map(Object::toString).toList();
    }

    /**
     * A scheduled run of {@code job} for business {@code tenantId} when {@code due} says the business wants one now
     * (asked inside the business), none is going, and — for a daily job — none started today in its zone; else null.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public String scheduledRun(String tenantId, JobName job, Predicate<String> due) {
        return entry.asTenant(tenantId, TenantEntry.Path.JOB, "job:" + job.apiName(), null, () -> {
            if (!due.test(tenantId)) {
                return null;
            }
            if (job.daily() && scheduledToday(em, job, em.find(com.smbhub.tenant.Tenant.class, tenantId).zone())) {
                return null;
            }
            return queued(job, JobRunStatus.Trigger.SCHEDULE);
        });
    }

    /** A run of {@code job} a provider's webhook asked for (inside the caller's entry into the business); null while one is going. */
    public String webhookRun(JobName job) {
        return queued(job, JobRunStatus.Trigger.WEBHOOK);
    }

    private String queued(JobName job, JobRunStatus.Trigger trigger) {
        if (Jobs.going(em, job).isPresent()) {
            return null;
        }
        JobRun run = new JobRun(job, trigger, null, BusinessClock.now());
        em.persist(run);
        em.flush();
        audit.record("job.started", "job_run", run.getId(), null, Map.of("job", job.apiName(), "trigger", trigger.name()));
        return run.getId();
    }

    /** Whether the schedule started {@code job} for the business of {@code em} today in its zone. */
    static boolean scheduledToday(EntityManager em, JobName job, java.time.ZoneId zone) {
        return em.createQuery("select count(r) from JobRun r where r.job = :job and r.trigger = :schedule"
                        + " and r.startedAt >= :since", Long.class).setParameter("job", job.apiName())
                .setParameter("schedule", JobRunStatus.Trigger.SCHEDULE.name())
                .setParameter("since", BusinessClock.startOfToday(zone)).getSingleResult() > 0;
    }

    /** The batch runtime's execution of run {@code runId}. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void started(String tenantId, String runId, long execution) {
        entry.asTenant(tenantId, TenantEntry.Path.JOB, "job_run:" + runId, null, () -> {
            find(runId).started(execution);
            return null;
        });
    }

    /** Whether run {@code runId} is still going: an execution restarted after a crash skips the runs that ended. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean open(String tenantId, String runId) {
        return entry.asTenant(tenantId, TenantEntry.Path.JOB, "job_run:" + runId, null,
                () -> find(runId).getStatus() == JobRunStatus.STARTED);
    }

    /** How far run {@code runId} got: {@code done} of {@code total} items. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void progress(String tenantId, String runId, int done, int total) {
        entry.asTenant(tenantId, TenantEntry.Path.JOB, "job_run:" + runId, null, () -> {
            find(runId).progress(done, total);
            return null;
        });
    }

    /** How run {@code runId} ended: what it did, skipped and could not do (in words, one line each). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void ended(String tenantId, String runId, JobRunStatus end, int done, int skipped, int failed, List<String> errors) {
        entry.asTenant(tenantId, TenantEntry.Path.JOB, "job_run:" + runId, null, () -> {
            JobRun run = find(runId);
            Instant now = BusinessClock.now();
            run.ended(end, done, skipped, failed, errors.isEmpty() ? null : String.join("\n", errors.stream().limit(50).toList()),
                    now);
            measures.jobRun(run.getJob(), end.name(), Duration.between(run.getStartedAt(), now).abs());
            Map<String, Object> what = Map.of("run_id", runId, "job", run.getJob(), "status", end.name(), "done", done,
                    "skipped", skipped, "failed", failed);
            audit.record("job.completed", "job_run", runId, null, what);
            Analytics.record(em, JobName.of(run.getJob()).completedEvent(), profiles.effective().profileId(),
                    JobRunStatus.Trigger.valueOf(run.getTrigger()).source(), what);
            return null;
        });
    }

    private JobRun find(String runId) {
        JobRun run = em.find(JobRun.class, runId);
        if (run == null) {
            throw new IllegalStateException("no job run " + runId + " in this business");
        }
        return run;
    }
}
