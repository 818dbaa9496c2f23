package com.smbhub.batch;

import com.smbhub.invoice.ArReminders;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** One business's payment reminders run (a partition of the ar-reminders job). */
@Named("arRemindersBatchlet")
@Dependent
public class ArRemindersBatchlet extends AbstractBatchlet {

    @Inject @BatchProperty(name = "tenantId") String tenantId;

    @Inject @BatchProperty(name = "runId") String runId;

    @EJB ArReminders reminders;

    @Override
    public String process() {
        reminders.run(tenantId, runId);
        return "COMPLETED";
    }
}
