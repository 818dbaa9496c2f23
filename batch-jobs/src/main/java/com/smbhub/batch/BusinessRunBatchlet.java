package com.smbhub.batch;

import com.smbhub.export.Exporter;
import com.smbhub.invoice.ArReminders;
import com.smbhub.job.JobLedger;
import com.smbhub.job.JobName;
import com.smbhub.pos.PosSync;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.concurrent.Semaphore;

/**
 * One business's run of a job (a partition): the job's service does the work and keeps the run's counts. At most
 * {@link BusinessRuns#AT_ONCE} runs work at once in this server, whatever the number of executions: each holds
 * database connections (a reminder's transaction and its mail log's), and a hundred businesses pressing "Run now"
 * together must queue here rather than take the whole pool and wait on one another.
 */
@Named("businessRunBatchlet")
@Dependent
public class BusinessRunBatchlet extends AbstractBatchlet {

    @Inject @BatchProperty(name = "job") String job;

    @Inject @BatchProperty(name = "tenantId") String tenantId;

    @Inject @BatchProperty(name = "runId") String runId;

    @EJB Exporter exporter;

    @EJB ArReminders reminders;

    @EJB PosSync pos;

    @EJB JobLedger ledger;

    private static final Semaphore WORKING = new Semaphore(BusinessRuns.AT_ONCE, true);

    @Override
    public String process() throws InterruptedException {
        WORKING.acquire();
        try {
            if (!ledger.open(tenantId, runId)) {
                return "COMPLETED"; // ended before the execution was restarted
            }
            switch (JobName.of(job)) {
                case EXPORT -> exporter.run(tenantId, runId);
                case AR_REMINDERS -> reminders.run(tenantId, runId);
                case POS_SYNC -> pos.run(tenantId, runId);
            }
            return "COMPLETED";
        } finally {
            WORKING.release();
        }
    }
}
