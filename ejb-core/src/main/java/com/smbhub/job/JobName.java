package com.smbhub.job;

import com.smbhub.platform.errors.NotFoundException;
import java.util.Arrays;

/**
 * The jobs a business has (issue 16) by their API names; {@code built} says which exist yet, {@code daily} which the
 * schedule starts once a day (else at every quarter hour it finds them due; an export only on demand).
 */
public enum JobName {
    EXPORT("export", true, true, "export.run_completed"), AR_REMINDERS("ar-reminders", true, true, "ar.run_completed"),
    POS_SYNC("pos-sync", true, false, "pos.run_completed");

    private final String apiName;
    private final boolean built;
    private final boolean daily;
    private final String completedEvent;

    JobName(String apiName, boolean built, boolean daily, String completedEvent) {
        this.apiName = apiName;
        this.built = built;
        this.daily = daily;
        this.completedEvent = completedEvent;
    }

    /** Whether the schedule starts it at most once a day in the business's zone. */
    public boolean daily() {
        return daily;
    }

    /** The analytics event of a business's run that ended. */
    public String completedEvent() {
        return completedEvent;
    }

    public static JobName of(String apiName) {
        return Arrays.stream(values()).filter(j -> j.apiName.equals(apiName)).findFirst().orElseThrow();
    }

    public String apiName() {
        return apiName;
    }

    /** The job XML's name in the batch runtime. */
    public String jobXml() {
        return apiName;
    }

    /** Whether {@code name} names a job (built or not). */
    public static boolean known(String name) {
        return Arrays.stream(values()).anyMatch(j -> j.apiName.equals(name));
    }

    /** The job named {@code name} that can run here; anything else is not found. */
    public static JobName runnable(String name) {
        return Arrays.stream(values()).filter(j -> j.built && j.apiName.equals(name)).findFirst()
                .orElseThrow(() -> new NotFoundException("job"));
    }
}
