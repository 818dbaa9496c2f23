package com.smbhub.job;

import static com.smbhub.platform.db.NativeSql.instant;

import com.smbhub.platform.db.NativeSql;
import com.smbhub.platform.security.PlatformOps;
import com.smbhub.platform.tenancy.CrossTenant;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** Platform ops' view of the jobs (issue 16): every business's latest runs, or only those that failed or failed items. */
@Stateless
public class JobsReport {

    /** One business's run as the Command Center lists it. */
    public record Run(String business, String job, String trigger, String status, Instant startedAt, Instant finishedAt,
                      int done, Integer total, int failed, String errors) implements Serializable {
    }

    @PersistenceContext(unitName = "smbhub") EntityManager em;

    /** The newest {@code limit} runs (1–500, by when they were made on the real clock) over every business; {@code problems}: only failed runs and runs with failures. */
    public List<Run> recent(boolean problems, int limit) {
        PlatformOps.require(em);
        return CrossTenant.run(em, CrossTenant.Purpose.OPS_REPORT, () -> {
            List<?> rows = NativeSql.query(em, "select t.name || ' (' || t.external_org_id || ')', r.job, r.trigger, r.status,"
                            + " r.started_at, r.finished_at, r.done, r.total, r.failed, r.errors from job_runs r"
                            + " join tenants t on t.id = r.tenant_id where not ?2 or r.status = ?3 or r.failed > 0"
                            + " order by r.created_at desc limit ?1").setParameter(1, Math.max(1, Math.min(limit, 500)))
                    .setParameter(2, problems).setParameter(3, JobRunStatus.FAILED.name()).getResultList();
            return rows.stream().map(r -> (Object[]) r).map(r -> new Run((String) r[0], (String) r[1], (String) r[2],
                    (String) r[3], instant(r[4]), instant(r[5]), ((Number) r[6]).intValue(),
                    r[7] == null ? null : ((Number) r[7]).intValue(), ((Number) r[8]).intValue(), (String) r[9])).toList();
        });
    }
}
