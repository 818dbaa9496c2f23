package com.smbhub.batch;

import com.smbhub.invoice.ArReminders;
import com.smbhub.job.JobLedger;
import com.smbhub.job.JobName;
import com.smbhub.job.JobRunView;
import com.smbhub.platform.tenancy.RequestContext;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starts the batch jobs (issue 16) on Payara's batch runtime, whose job repository is in PostgreSQL (so the admin
 * console's Batch page and {@code asadmin list-batch-job-executions} show every execution): a business's "Run now",
 * and the schedule — every 15 minutes one instance of the cluster claims the slot and starts one execution with a
 * partition for each business whose run is due (reminders: once a day from 09:00 in its zone, caught up after a
 * pause because each run sends the stage due now).
 */
@Stateless
public class JobLauncher {

    private static final Logger LOG = Logger.getLogger(JobLauncher.class.getName());

    /** A business's run to start. */
    public record Run(String tenantId, String runId) {
    }

    @EJB JobLedger ledger;

    @EJB ArReminders reminders;

    @Inject @ConfigProperty(name = "smbhub.jobs.schedule", defaultValue = "on") String schedule;

    /** Starts a run the caller's business just made ({@code Jobs.queue}); answers the run with its execution. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long launch(JobRunView run) {
        String tenantId = RequestContext.current().orElseThrow().tenantId();
        return launch(JobName.runnable(run.job()), List.of(new Run(tenantId, run.id())));
    }

    @Schedule(minute = "*/15", hour = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void scheduled() {
        if (!"on".equals(schedule)) {
            return;
        }
        String slot = Instant.now().truncatedTo(ChronoUnit.MINUTES).toString();
        if (!ledger.claimSlot(JobName.AR_REMINDERS, slot)) {
            return; // another instance has this slot
        }
        List<Run> due = new ArrayList<>();
        for (String tenantId : ledger.businesses()) {
            try {
                String runId = ledger.scheduledRun(tenantId, JobName.AR_REMINDERS, reminders::dueNow);
                if (runId != null) {
                    due.add(new Run(tenantId, runId));
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Reminders of business " + tenantId + " not scheduled", e);
            }
        }
        if (!due.isEmpty()) {
            launch(JobName.AR_REMINDERS, due);
        }
    }

    private long launch(JobName job, List<Run> runs) {
        Properties parameters = new Properties();
        parameters.setProperty("runs", BusinessRuns.parameter(runs));
        JobOperator operator = BatchRuntime.getJobOperator();
        long execution = operator.start(job.jobXml(), parameters);
        for (Run run : runs) {
            ledger.started(run.tenantId(), run.runId(), execution);
        }
        return execution;
    }
}
