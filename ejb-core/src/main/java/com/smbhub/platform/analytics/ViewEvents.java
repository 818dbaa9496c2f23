package com.smbhub.platform.analytics;

import com.smbhub.platform.db.NativeSql;
import com.smbhub.platform.tenancy.RequestContext;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Events that record a look, not a change ("work.view"): queued and written every two seconds in
 * one transaction, so reading a list never waits for an insert. Changes keep recording their
 * events in their own transaction ({@link Analytics#record}).
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ViewEvents {

    static final int MAX_QUEUED = 50_000;

    private record Pending(String id, String tenantId, String name, Instant at, String userId, String role,
                           String profileId, String platform, String source, String requestId) {
    }

    @PersistenceContext(unitName = "smbhub")
    EntityManager em;

    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();

    /** Queues a view event for the current caller (dropped when the queue is full: views are not worth memory). */
    public void record(String eventName, String profileId, String source) {
        RequestContext context = RequestContext.current().orElseThrow();
        if (queue.size() < MAX_QUEUED) {
            queue.add(new Pending(UUID.randomUUID().toString(), context.tenantId(), eventName, Instant.now(),
                    context.userId(), context.role(), profileId, context.platform(), source, context.requestId()));
        }
    }

    @Schedule(second = "*/2", minute = "*", hour = "*", persistent = false)
    public void flush() {
        List<Pending> batch = new ArrayList<>();
        for (Pending p; batch.size() < 1000 && (p = queue.poll()) != null; ) {
            batch.add(p);
        }
        for (Pending p : batch) {
            NativeSql.query(em, "insert into analytics_events (id, tenant_id, event_name, occurred_at, user_id, role,"
                            + " profile_id, platform, source, request_id, properties) values (cast(?1 as uuid),"
                            + " cast(?2 as uuid), ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, '{}'::jsonb)")
                    .setParameter(1, p.id()).setParameter(2, p.tenantId()).setParameter(3, p.name())
                    .setParameter(4, java.sql.Timestamp.from(p.at())).setParameter(5, p.userId()).setParameter(6, p.role())
                    .setParameter(7, p.profileId()).setParameter(8, p.platform()).setParameter(9, p.source())
                    .setParameter(10, p.requestId()).executeUpdate();
        }
    }

    @PreDestroy
    void drain() {
        while (!queue.isEmpty()) {
            flush();
        }
    }
}
