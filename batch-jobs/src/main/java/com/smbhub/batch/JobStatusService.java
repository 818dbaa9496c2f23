package com.smbhub.batch;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.Stateless;
import java.util.List;

/**
 * The batch module's entry point. The export, AR reminder and POS sync jobs land with their issues;
 * for now it reports which jobs the batch runtime (on the PostgreSQL job repository) knows.
 */
@Stateless
public class JobStatusService {

    public List<String> knownJobs() {
        JobOperator operator = BatchRuntime.getJobOperator();
        return operator.getJobNames().stream().sorted().toList();
    }
}
