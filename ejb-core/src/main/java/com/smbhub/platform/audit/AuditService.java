package com.smbhub.platform.audit;

import com.smbhub.platform.db.NativeSql;
import com.smbhub.platform.tenancy.RequestContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import java.util.UUID;

/**
 * Appends to audit_log (the database refuses updates and deletes). Tenant, actor, address and
 * request id come from the server-side {@link RequestContext}.
 */
@Stateless
public class AuditService {

    @PersistenceContext(unitName = "smbhub")
    EntityManager em;

    /** Records inside the caller's transaction: the entry stands or falls with the change. */
    public void record(String action, String entityType, String entityId,
                       Map<String, ?> before, Map<String, ?> after) {
        insert(RequestContext.current().map(RequestContext::tenantId).orElse(null),
                RequestContext.current().map(RequestContext::userId).orElse(null),
                action, entityType, entityId, before, after);
    }

    /** Records an update with only the fields that changed (and the version) on each side. */
    public void recordChanges(String action, String entityType, String entityId,
                              Map<String, ?> before, Map<String, ?> after) {
        Map<String, Object> was = new java.util.LinkedHashMap<>();
        Map<String, Object> now = new java.util.LinkedHashMap<>();
        before.forEach((key, value) -> {
            if (key.equals("version") || !java.util.Objects.equals(value, after.get(key))) {
                was.put(key, value);
                now.put(key, after.get(key));
            }
        });
        record(action, entityType, entityId, was, now);
    }

    /** Records in its own transaction: kept even when the caller's work is rolled back (denials). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordAlone(String tenantId, String actorUserId, String action, String entityType,
                            String entityId, Map<String, ?> after) {
        insert(tenantId, actorUserId, action, entityType, entityId, null, after);
    }

    private void insert(String tenantId, String actor, String action, String entityType, String entityId,
                        Map<String, ?> before, Map<String, ?> after) {
        RequestContext context = RequestContext.current().orElse(null);
        NativeSql.query(em, "insert into audit_log (id, tenant_id, actor_user_id, action, entity_type,"
                        + " entity_id, before, after, ip_address, request_id)"
                        + " values (cast(?1 as uuid), cast(?2 as uuid), ?3, ?4, ?5, ?6,"
                        + " cast(?7 as jsonb), cast(?8 as jsonb), ?9, ?10)")
                .setParameter(1, UUID.randomUUID().toString())
                .setParameter(2, tenantId)
                .setParameter(3, actor)
                .setParameter(4, action)
                .setParameter(5, entityType)
                .setParameter(6, entityId)
                .setParameter(7, json(before))
                .setParameter(8, json(after))
                .setParameter(9, context == null ? null : context.ipAddress())
                .setParameter(10, context == null ? null : context.requestId())
                .executeUpdate();
    }

    static String json(Map<String, ?> values) {
        if (values == null) {
            return null;
        }
        JsonObjectBuilder object = Json.createObjectBuilder();
        values.forEach((key, value) -> {
            if (value == null) {
                object.addNull(key);
            } else {
                object.add(key, value.toString());
            }
        });
        return object.build().toString();
    }
}
