package com.smbhub.batch;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.api.partition.PartitionPlanImpl;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Properties;

/** One partition per business run named in the job's "runs" parameter ("<business id>:<run id>,…"). */
@Named("businessRuns")
@Dependent
public class BusinessRuns implements PartitionMapper {

    @Inject @BatchProperty(name = "runs") String runs;

    /** The parameter for these runs. */
    static String parameter(List<JobLauncher.Run> runs) {
        return String.join(",", runs.stream().map(r -> r.tenantId() + ":" + r.runId()).toList());
    }

    @Override
    public PartitionPlan mapPartitions() {
        String[] pairs = runs == null || runs.isBlank() ? new String[0] : runs.split(",");
        Properties[] each = new Properties[pairs.length];
        for (int i = 0; i < pairs.length; i++) {
            String[] pair = pairs[i].split(":", 2);
            each[i] = new Properties();
            each[i].setProperty("tenantId", pair[0]);
            each[i].setProperty("runId", pair[1]);
        }
        PartitionPlanImpl plan = new PartitionPlanImpl();
        plan.setPartitions(pairs.length);
        plan.setThreads(Math.max(1, Math.min(pairs.length, 4)));
        plan.setPartitionProperties(each);
        return plan;
    }
}
