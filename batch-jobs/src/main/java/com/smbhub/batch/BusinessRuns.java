package com.smbhub.batch;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.api.partition.PartitionPlanImpl;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/** One partition per business run named in the job's "runs" parameter ("<business id>:<run id>,…"). */
@Named("businessRuns")
@Dependent
public class BusinessRuns implements PartitionMapper {

    /** How many business runs work at once in one server (2 cores: more only wait on the database and each other). */
    static final int AT_ONCE = 4;

    @Inject @BatchProperty(name = "runs") String runs;

    /** The parameter for these runs. */
    static String parameter(List<JobLauncher.Run> runs) {
        return String.join(",", runs.stream().map(r -> r.tenantId() + ":" + r.runId()).toList());
    }

    /** The runs a parameter names. */
    static List<JobLauncher.Run> runs(String parameter) {
        return parameter == null || parameter.isBlank() ? List.of() : Arrays.stream(parameter.split(","))
                .map(pair -> pair.split(":", 2)).map(pair -> new JobLauncher.Run(pair[0], pair[1])).toList();
    }

    @Override
    public PartitionPlan mapPartitions() {
        List<JobLauncher.Run> each = runs(runs);
        Properties[] partitions = new Properties[each.size()];
        for (int i = 0; i < partitions.length; i++) {
            partitions[i] = new Properties();
            partitions[i].setProperty("tenantId", each.get(i).tenantId());
            partitions[i].setProperty("runId", each.get(i).runId());
        }
        PartitionPlanImpl plan = new PartitionPlanImpl();
        plan.setPartitions(partitions.length);
        plan.setThreads(Math.max(1, Math.min(partitions.length, AT_ONCE)));
        plan.setPartitionProperties(partitions);
        return plan;
    }
}
