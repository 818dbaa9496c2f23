package com.smbhub.job;

import java.io.Serializable;
import java.time.Instant;

/** A run as the API and the back office show it. */
public record JobRunView(String id, String job, String trigger, String status, Long executionId, String startedBy,
        Instant startedAt, Instant finishedAt, int done, Integer total, int skipped, int failed, String errors,
        Boolean withPdfs)
        implements Serializable {

    public static JobRunView of(JobRun r) {
        return new JobRunView(r.getId(), r.getJob(), r.getTrigger(), r.getStatus().name(), r.getExecutionId(), r.getStartedBy(),
                r.getStartedAt(), r.getFinishedAt(), r.getDone(), r.getTotal(), r.getSkipped(), r.getFailed(), r.getErrors(),
                r.getWithPdfs());
    }
}
