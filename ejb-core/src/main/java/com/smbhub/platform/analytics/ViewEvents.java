package com.smbhub.platform.analytics;

import com.smbhub.platform.tenancy.CrossTenant;
import com.smbhub.platform.tenancy.RequestContext;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Events that record a look, not a change ("work.view"): queued and written every two seconds as
 * one JDBC batch, so reading a list never waits for an insert. Changes keep recording their events
 * in their own transaction ({@link Analytics#record}). Queuing is a static call (no container call
 * per list request); this singleton's timer writes the queue.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ViewEvents {

    static final int MAX_QUEUED = 50_000;
    /** The platform of the server's own warm-up requests at deployment: no one viewed anything. */
    public static final String WARM_UP = "warm-up";
    private static final int BATCH = 1000;

    private record Pending(UUID id, UUID tenantId, String name, Instant at, String userId, String role,
                           String profileId, String platform, String source, String requestId) {
    }

    @Resource(lookup = "jdbc/smbhub") DataSource dataSource;

    /** Bounded: when full, offer drops the event (views are not worth memory); size is O(1). */
    private static final LinkedBlockingQueue<Pending> QUEUE = new LinkedBlockingQueue<>(MAX_QUEUED);

    /** Queues a view event for the current caller. */
    public static void record(String eventName, String profileId, String source) {
        RequestContext context = RequestContext.current().orElseThrow();
        if (WARM_UP.equals(context.platform())) {
            return;
        }
        QUEUE.offer(new Pending(UUID.randomUUID(), UUID.fromString(context.tenantId()), eventName, Instant.now(),
                context.userId(), context.role(), profileId, context.platform(), source, context.requestId()));
    }

    /**
     * Writes what is queued in one transaction of its own (the events of several businesses: the
     * cross-business scope); a batch the database refuses is logged and dropped (views are not worth a retry).
     */
    @Schedule(second = "*/2", minute = "*", hour = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void flush() {
        List<Pending> batch = new ArrayList<>();
        while (QUEUE.drainTo(batch, BATCH) > 0) {
            try {
                write(batch);
            } catch (SQLException e) {
                Logger.getLogger(ViewEvents.class.getName()).warning(batch.size() + " view events not written: " + e);
            }
            batch.clear();
        }
    }

    private void write(List<Pending> batch) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            CrossTenant.forTransaction(c, CrossTenant.Purpose.ANALYTICS);
            insert(c, batch);
        }
    }

    private static void insert(Connection c, List<Pending> batch) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into analytics_events (id, tenant_id, event_name,"
                     + " occurred_at, user_id, role, profile_id, platform, source, request_id, properties)"
                     + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '{}'::jsonb)")) {
            for (Pending p : batch) {
                ps.setObject(1, p.id());
                ps.setObject(2, p.tenantId());
                ps.setString(3, p.name());
                ps.setObject(4, OffsetDateTime.ofInstant(p.at(), ZoneOffset.UTC));
                ps.setString(5, p.userId());
                ps.setString(6, p.role());
                ps.setString(7, p.profileId());
                ps.setString(8, p.platform());
                ps.setString(9, p.source());
                ps.setString(10, p.requestId());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @PreDestroy
    void drain() {
        flush();
    }
}
