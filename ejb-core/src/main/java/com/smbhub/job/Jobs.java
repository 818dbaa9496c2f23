package com.smbhub.job;

import com.smbhub.invoice.ArReminders;
import com.smbhub.platform.Ids;
import com.smbhub.platform.audit.AuditService;
import com.smbhub.platform.db.NativeSql;
import com.smbhub.platform.errors.ConflictException;
import com.smbhub.platform.errors.NotFoundException;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.security.Access;
import com.smbhub.platform.security.Capability;
import com.smbhub.platform.tenancy.RequestContext;
import com.smbhub.platform.tenancy.TenantScoped;
import com.smbhub.platform.time.BusinessClock;
import com.smbhub.pos.SquareSettings;
import com.smbhub.profile.EffectiveProfile;
import com.smbhub.profile.ProfileRules;
import com.smbhub.profile.ProfileService;
import com.smbhub.tenant.Tenant;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A business's own job runs (issue 16, OWNER/ADMIN): "Run now" makes a run, the batch module starts it
 * ({@code JobLauncher}), and the business sees its runs with what each did.
 */
@Stateless
@TenantScoped
public class Jobs {

    /** A run still going after this long is taken for dead (the server stopped under it), so another may start. */
    static final Duration STALE = Duration.ofMinutes(30);

    @PersistenceContext(unitName = "smbhub") EntityManager em;

    @EJB Access access;

    @EJB AuditService audit;

    @EJB ProfileService profiles;

    /** The business's payment reminders as Settings shows them: on or off, the next scheduled run, the latest runs. */
    public record Reminders(boolean on, String timezone, int sendHour, Instant next, List<JobRunView> recent)
            implements Serializable {
    }

    /** A new run of job {@code name} for the caller's business, to be started right after; one at a time per job. */
    public JobRunView queue(String name) {
        return queue(name, true);
    }

    /** As {@link #queue(String)}; {@code withPdfs}: whether an export writes invoice and quote PDFs (other jobs ignore it). */
    public JobRunView queue(String name, boolean withPdfs) {
        access.require(Capability.RUN_JOBS);
        JobName job = JobName.runnable(name);
        if (job == JobName.POS_SYNC) {
            ProfileRules.requireCapability(profiles.effective(), SquareSettings.CAPABILITY);
        }
        going(em, job).ifPresent(r -> {
            throw new ConflictException("This job is running already", JobRunView.of(r));
        });
        JobRun run = new JobRun(job, JobRunStatus.Trigger.MANUAL, RequestContext.current().orElseThrow().userId(), BusinessClock.now());
        if (job == JobName.EXPORT) {
            run.withPdfs(withPdfs);
        }
        em.persist(run);
        em.flush();
        audit.record("job.started", "job_run", run.getId(), null, Map.of("job", job.apiName(), "trigger", "MANUAL"));
        return JobRunView.of(run);
    }

    /**
     * The business's run of {@code job} still going, if one is (one at a time per business and job). Takes the
     * business's lock on starting that job first, held to the end of the transaction, so two requests at once (a
     * double click, two webhook notices) cannot both find none going and both start one.
     */
    static java.util.Optional<JobRun> going(EntityManager em, JobName job) {
        lockStarts(em, job);
        return em.createQuery("select r from JobRun r where r.job = :job and r.status = :started and r.startedAt > :since"
                        + " order by r.startedAt desc", JobRun.class).setParameter("job", job.apiName())
                .setParameter("started", JobRunStatus.STARTED.name()).setParameter("since", BusinessClock.now().minus(STALE))
                .setMaxResults(1).getResultStream().findFirst();
    }

    /** The current business's lock on starting a run of {@code job}, held to the end of the transaction. */
    public static void lockStarts(EntityManager em, JobName job) {
        NativeSql.query(em, "select pg_advisory_xact_lock(hashtext(?1))").setParameter(1, "job_runs:"
                + RequestContext.current().orElseThrow().tenantId() + ":" + job.apiName()).getSingleResult();
    }

    /** The business's runs, newest first, of one job or of all ({@code job} null). */
    public List<JobRunView> runs(String job, int limit) {
        access.require(Capability.RUN_JOBS);
        if (job != null && !JobName.known(job)) {
            throw new ValidationException("job", "No such job: export, ar-reminders or pos-sync");
        }
        TypedQuery<JobRun> query = job == null
                ? em.createQuery("select r from JobRun r order by r.startedAt desc, r.id", JobRun.class)
                : em.createQuery("select r from JobRun r where r.job = :job order by r.startedAt desc, r.id", JobRun.class)
                        .setParameter("job", job);
        return query.setMaxResults(Math.max(1, Math.min(limit, 200))).getResultList().stream().map(JobRunView::of).toList();
    }

    public Reminders reminders() {
        access.require(Capability.RUN_JOBS);
        Tenant business = em.find(Tenant.class, RequestContext.current().orElseThrow().tenantId());
        EffectiveProfile profile = profiles.effective();
        boolean on = profile.arRemindersEnabled();
        Instant next = on ? ArReminders.nextRun(BusinessClock.now(), business.zone(), profile.arSendHour(),
                JobLedger.scheduledToday(em, JobName.AR_REMINDERS, business.zone())) : null;
        return new Reminders(on, business.zone().getId(), profile.arSendHour(), next, runs(JobName.AR_REMINDERS.apiName(), 5));
    }

    public JobRunView get(String id) {
        access.require(Capability.RUN_JOBS);
        JobRun run = Ids.isId(id) ? em.find(JobRun.class, id) : null;
        if (run == null) {
            throw new NotFoundException("job run");
        }
        return JobRunView.of(run);
    }
}
