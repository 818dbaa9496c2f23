package com.smbhub.batch;

import com.smbhub.file.FileStores;
import com.smbhub.invoice.ArReminders;
import com.smbhub.job.JobLedger;
import com.smbhub.job.JobName;
import com.smbhub.job.JobRunStatus;
import com.smbhub.job.JobRunView;
import com.smbhub.platform.tenancy.RequestContext;
import com.smbhub.pos.PosSync;
import jakarta.annotation.Resource;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Schedules;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starts the batch jobs (issue 16) on Payara's batch runtime, whose job repository is in PostgreSQL (so the admin
 * console's Batch page and {@code asadmin list-batch-job-executions} show every execution): a business's "Run now",
 * a provider's webhook, and the schedule — every 15 minutes one instance of the cluster claims the slot of each job and
 * starts one execution with a partition for each business whose run is due (reminders: once a day from 09:00 in its
 * zone, caught up after a pause because each run sends the stage due now; POS sync: every quarter hour, from the cursor).
 */
@Stateless
public class JobLauncher {

    private static final Logger LOG = Logger.getLogger(JobLauncher.class.getName());
    /** This instance of the cluster (Payara's name for it). */
    private static final String NODE = System.getProperty("com.sun.aas.instanceName", "server");
    /** This life of the instance's JVM: an execution of an earlier life is not running anymore. */
    private static final String LIFE = ManagementFactory.getRuntimeMXBean().getName() + "@"
            + ManagementFactory.getRuntimeMXBean().getStartTime();

    /** A business's run to start. */
    public record Run(String tenantId, String runId) {
    }

    @EJB JobLedger ledger;

    @EJB ArReminders reminders;

    @EJB PosSync pos;

    @Inject FileStores stores;

    /** The batch runtime's repository (the schema owner's pool, as {@code ./smbhub} configures the runtime). */
    @Resource(lookup = "jdbc/smbhub-owner") DataSource repository;

    @Inject @ConfigProperty(name = "smbhub.jobs.schedule", defaultValue = "on") String schedule;

    /** Starts a run the caller's business just made ({@code Jobs.queue}); answers the run with its execution. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long launch(JobRunView run) {
        String tenantId = RequestContext.current().orElseThrow().tenantId();
        return launch(JobName.runnable(run.job()), List.of(new Run(tenantId, run.id())));
    }

    /** Starts a run a provider's webhook made for business {@code tenantId} ({@code SquareWebhooks}). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long launch(JobName job, String tenantId, String runId) {
        return launch(job, List.of(new Run(tenantId, runId)));
    }

    /**
     * Every quarter hour, twice over: a persistent timer, kept in PostgreSQL ({@code EJB__TIMER__TBL}, the timer
     * service's pool), so after downtime the timer service fires it once at start for the quarters it missed — one for
     * the whole deployment group, owned by the instance that made it — and a timer on every instance, so the schedule
     * goes on while that instance is down. The slot claim lets one of them start each quarter's runs; it also keeps
     * the catch-up and the next quarter from starting a business's run twice.
     */
    @Schedules({@Schedule(minute = "*/15", hour = "*", persistent = true),
            @Schedule(minute = "*/15", hour = "*", persistent = false)})
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void scheduled() {
        dropLeftBehind();
        if (!"on".equals(schedule)) {
            return;
        }
        // the nearest minute: instances whose clocks differ by under 30 s name the quarter alike
        String slot = Instant.now().plusSeconds(30).truncatedTo(ChronoUnit.MINUTES).toString();
        scheduled(JobName.AR_REMINDERS, slot, reminders::dueNow);
        scheduled(JobName.POS_SYNC, slot, pos::dueNow);
    }

    /** The temporary files a killed server left in the file store's {@code .incoming/} go (at start, and each quarter). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void dropLeftBehind() {
        int dropped = stores.dropLeftBehind();
        if (dropped > 0) {
            LOG.info(dropped + " temporary files a stopped server left in the file store's .incoming/ were deleted");
        }
    }

    /** One execution of {@code job} with a partition per business {@code due} says wants a run now, if this instance has the slot. */
    private void scheduled(JobName job, String slot, Predicate<String> due) {
        if (!ledger.claimSlot(job, slot)) {
            return; // another instance has this slot
        }
        List<Run> runs = new ArrayList<>();
        for (String tenantId : ledger.businesses()) {
            try {
                String runId = ledger.scheduledRun(tenantId, job, due);
                if (runId != null) {
                    runs.add(new Run(tenantId, runId));
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, job.apiName() + " of business " + tenantId + " not scheduled", e);
            }
        }
        if (!runs.isEmpty()) {
            try {
                launch(job, runs);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, job.apiName() + " could not start in slot " + slot, e);
            }
        }
    }

    /**
     * Runs the server stopped under (kill -9, a power cut) go on when it is back: an execution this instance started
     * in an earlier life and left going is marked failed in the batch runtime's repository, and the business runs it
     * had still open start again in a new execution — a reminder already claimed is not sent again, an export is
     * written afresh — while the runs that ended are not done again. Read from the repository itself: the batch
     * runtime shows a deployment only the executions it started, and this may be the next deployment.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void recover() {
        Map<Long, Properties> left = new LinkedHashMap<>();
        Map<Long, JobName> jobs = new LinkedHashMap<>();
        try (Connection db = repository.getConnection(); ResultSet made = db.createStatement()
                .executeQuery("select to_regclass('executioninstancedata') is not null")) {
            if (made.next() && !made.getBoolean(1)) {
                return; // the batch runtime makes its tables at its first job: none has run here yet
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "The batch runtime's repository could not be read", e);
            return;
        }
        try (Connection db = repository.getConnection(); PreparedStatement going = db.prepareStatement("select e.jobexecid,"
                + " i.name, e.parameters from executioninstancedata e join jobinstancedata i on i.jobinstanceid = e.jobinstanceid"
                + " where e.batchstatus in ('STARTING', 'STARTED', 'STOPPING') and i.name = any (?) order by e.jobexecid")) {
            going.setArray(1, db.createArrayOf("text", Arrays.stream(JobName.values()).map(JobName::jobXml).toArray()));
            try (ResultSet r = going.executeQuery()) {
                while (r.next()) {
                    Properties parameters = properties(r.getBytes(3));
                    if (NODE.equals(parameters.getProperty("node", NODE)) && !LIFE.equals(parameters.getProperty("life"))) {
                        left.put(r.getLong(1), parameters);
                        jobs.put(r.getLong(1), JobName.of(r.getString(2)));
                    }
                }
            }
            for (long execution : left.keySet()) {
                markStopped(db, execution);
            }
        } catch (SQLException | IOException | ClassNotFoundException e) {
            LOG.log(Level.WARNING, "The batch executions left going when the server stopped could not be read", e);
            return;
        }
        left.forEach((execution, parameters) -> {
            List<Run> open = BusinessRuns.runs(parameters.getProperty("runs")).stream().filter(this::open).toList();
            if (open.isEmpty()) {
                return;
            }
            try {
                long again = launch(jobs.get(execution), open, "The server stopped during this run; start it again");
                LOG.info("Batch execution " + execution + " was left going when the server stopped; its " + open.size()
                        + " open runs go on in execution " + again);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "The open runs of batch execution " + execution + " could not start again", e);
            }
        });
    }

    private boolean open(Run run) {
        try {
            return ledger.open(run.tenantId(), run.runId());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Run " + run.runId() + " of business " + run.tenantId() + " not found", e);
            return false;
        }
    }

    /** An execution's parameters as the batch runtime keeps them (a serialized {@code Properties}, nothing else read). */
    private static Properties properties(byte[] stored) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(stored))) {
            in.setObjectInputFilter(ObjectInputFilter.Config.createFilter(
                    "java.util.Properties;java.util.Hashtable;java.util.Map$Entry;!*"));
            return (Properties) in.readObject();
        }
    }

    /** The repository says the execution, its steps and its partitions failed, as the console should show them. */
    private static void markStopped(Connection db, long execution) throws SQLException {
        String executions = "(select e.jobexecid from executioninstancedata e join jobinstancedata i on i.jobinstanceid"
                + " = e.jobinstanceid where e.jobexecid = ? or i.name like ':' || ? || ':%')";
        for (String table : List.of("executioninstancedata", "stepexecutioninstancedata")) {
            try (PreparedStatement update = db.prepareStatement("update " + table + " set batchstatus = 'FAILED',"
                    + " exitstatus = 'SERVER_STOPPED', endtime = localtimestamp where batchstatus in ('STARTING', 'STARTED',"
                    + " 'STOPPING') and jobexecid in " + executions)) {
                update.setLong(1, execution);
                update.setString(2, String.valueOf(execution));
                update.executeUpdate();
            }
        }
    }

    /** An execution's parameters: its runs, and who runs it (this instance, in this life of its JVM). */
    private static Properties parameters(List<Run> runs) {
        Properties parameters = new Properties();
        parameters.setProperty("runs", BusinessRuns.parameter(runs));
        parameters.setProperty("node", NODE);
        parameters.setProperty("life", LIFE);
        return parameters;
    }

    private long launch(JobName job, List<Run> runs) {
        return launch(job, runs, "The job could not start just now; start it again in a minute");
    }

    /** Starts the runs in one execution; if the batch runtime refuses, they end failed with {@code refused}, not "running". */
    private long launch(JobName job, List<Run> runs, String refused) {
        long execution;
        try {
            execution = BatchRuntime.getJobOperator().start(job.jobXml(), parameters(runs));
        } catch (RuntimeException e) {
            for (Run run : runs) {
                try {
                    ledger.ended(run.tenantId(), run.runId(), JobRunStatus.FAILED, 0, 0, 0, List.of(refused));
                } catch (RuntimeException again) {
                    LOG.log(Level.WARNING, "Run " + run.runId() + " of business " + run.tenantId() + " could not be ended", again);
                }
            }
            throw e;
        }
        for (Run run : runs) {
            ledger.started(run.tenantId(), run.runId(), execution);
        }
        return execution;
    }
}
