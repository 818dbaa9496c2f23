package com.smbhub.job;

/** A job run's state: started (running), then completed (whatever it skipped or failed is counted) or failed. */
public enum JobRunStatus {
    STARTED, COMPLETED, FAILED;

    /** What started a run: its schedule or a person's "Run now". */
    public enum Trigger { SCHEDULE, MANUAL }
}
