package com.smbhub.platform.analytics;

import com.smbhub.platform.Jsonp;
import com.smbhub.platform.db.NativeSql;
import com.smbhub.platform.tenancy.CrossTenant;
import com.smbhub.platform.tenancy.RequestContext;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Map;

/** Records an analytics event in the caller's transaction, with the base properties of PRD 4.1.3. */
public final class Analytics {

    private Analytics() {
    }

    public static void record(EntityManager em, String eventName, String profileId, String source, Map<String, ?> properties) {
        RequestContext context = RequestContext.current().orElseThrow();
        JsonObjectBuilder json = Jsonp.createObjectBuilder();
        properties.forEach((key, value) -> {
            if (value == null) {
                json.addNull(key);
            } else if (value instanceof Number n) {
                json.add(key, n.toString());
            } else {
                json.add(key, value.toString());
            }
        });
        em.persist(new AnalyticsEvent(eventName, Instant.now(), context.userId(), context.role(), profileId,
                context.platform(), source, context.requestId(), json.build().toString()));
    }

    /**
     * A person's event (verified their address, reset their password) in each business they belong to,
     * written in the caller's transaction; the rows name their business (the cross-business scope).
     */
    public static void recordForPerson(EntityManager em, String eventName, String userId, String source) {
        RequestContext context = RequestContext.current().orElse(null);
        CrossTenant.run(em, CrossTenant.Purpose.ANALYTICS, () -> NativeSql.query(em, "insert into analytics_events (id,"
                        + " tenant_id, event_name, occurred_at, user_id, role, profile_id, platform, source, request_id)"
                        + " select gen_random_uuid(), m.tenant_id, ?1, now(), ?2, m.role, t.profile_id, ?3, ?4, ?5"
                        + " from tenant_members m join tenants t on t.id = m.tenant_id"
                        + " where m.user_id = cast(?2 as uuid) and m.status = 'ACTIVE' and m.deleted_at is null")
                .setParameter(1, eventName).setParameter(2, userId)
                .setParameter(3, context == null ? null : context.platform()).setParameter(4, source)
                .setParameter(5, context == null ? null : context.requestId()).executeUpdate());
    }
}
