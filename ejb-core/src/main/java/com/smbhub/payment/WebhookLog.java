package com.smbhub.payment;

import static com.smbhub.platform.db.NativeSql.instant;

import com.smbhub.platform.Ids;
import com.smbhub.platform.audit.AuditService;
import com.smbhub.platform.db.NativeSql;
import com.smbhub.platform.errors.NotFoundException;
import com.smbhub.platform.security.PlatformOps;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The ops view of incoming webhook events (platform ops only): what arrived, what became of it,
 * the last error and the next attempt; a stuck or failed event can be tried again by hand.
 */
@Stateless
public class WebhookLog {

    /** One stored event as ops see it (no payload: it may hold a client's details). */
    public record Entry(String id, Instant receivedAt, String provider, String eventId, String type, String business,
                        String status, int attempts, String lastError, Instant nextAttemptAt) implements Serializable {
    }

    @PersistenceContext(unitName = "smbhub") EntityManager em;

    @EJB StripeWebhooks webhooks;

    @EJB AuditService audit;

    /** Newest first; {@code attention} keeps only failed, rejected and retrying events. */
    public List<Entry> recent(boolean attention, int limit) {
        PlatformOps.require(em);
        String where = attention ? " where e.status in ('FAILED', 'REJECTED') or (e.status = 'RECEIVED' and e.attempts > 0)" : "";
        List<?> rows = NativeSql.query(em, "select cast(e.id as text), e.received_at, e.provider, e.provider_event_id,"
                        + " e.event_type, t.name, e.status, e.attempts, e.last_error, e.next_attempt_at"
                        + " from webhook_events e left join tenants t on t.id = e.tenant_id" + where
                        + " order by e.received_at desc limit ?1")
                .setParameter(1, Math.max(1, Math.min(limit, 500))).getResultList();
        return rows.stream().map(r -> (Object[]) r).map(r -> new Entry((String) r[0], instant(r[1]), (String) r[2],
                (String) r[3], (String) r[4], (String) r[5], (String) r[6], ((Number) r[7]).intValue(), (String) r[8],
                instant(r[9]))).toList();
    }

    /** Tries a failed or waiting event once more now; answers what became of it. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public String retry(String id) {
        String user = PlatformOps.require(em);
        if (!Ids.isId(id) || webhooks.reopen(id) == 0) {
            throw new NotFoundException("webhook event");
        }
        String status = webhooks.deliver(id);
        audit.recordAlone(null, user, "webhook.retried", "webhook_event", id, Map.of("status", status));
        return status;
    }
}
