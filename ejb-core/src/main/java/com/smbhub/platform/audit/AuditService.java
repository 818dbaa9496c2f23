package com.smbhub.platform.audit;

import static com.smbhub.platform.db.NativeSql.instant;

import com.smbhub.platform.Jsonp;
import com.smbhub.platform.db.NativeSql;
import com.smbhub.platform.tenancy.RequestContext;
import com.smbhub.platform.tenancy.TenantMissingException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.io.StringReader;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Appends to audit_log (the database refuses updates and deletes). Tenant, actor, address and
 * request id come from the server-side {@link RequestContext}.
 */
@Stateless
public class AuditService {

    @PersistenceContext(unitName = "smbhub") EntityManager em;

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
        Map<String, Object> was = new LinkedHashMap<>();
        Map<String, Object> now = new LinkedHashMap<>();
        before.forEach((key, value) -> {
            if (key.equals("version") || !Objects.equals(value, after.get(key))) {
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

    /** One entry of an item's activity: what happened, who did it (display name), when, and the fields on each side. */
    public record Entry(String entityId, String action, String actor, Instant at, Map<String, String> before,
                        Map<String, String> after) implements Serializable {
    }

    /** The current business's entries about one entity, newest first (the caller checks it may see the entity). */
    public List<Entry> history(String entityType, String entityId, int limit) {
        return history(entityType, List.of(entityId), limit);
    }

    /** The same for several entities of one type (the caller checks it may see each of them). */
    public List<Entry> history(String entityType, Collection<String> entityIds, int limit) {
        if (entityIds.isEmpty()) {
            return List.of();
        }
        String tenant = RequestContext.current().map(RequestContext::tenantId).orElseThrow(TenantMissingException::new);
        List<?> rows = NativeSql.query(em, "select a.entity_id, a.action, coalesce(u.display_name, a.actor_user_id),"
                        + " a.created_at, cast(a.before as text), cast(a.after as text) from audit_log a"
                        + " left join users u on u.id::text = a.actor_user_id"
                        + " where a.tenant_id = cast(?1 as uuid) and a.entity_type = ?2"
                        + " and a.entity_id = any(string_to_array(?3, ','))"
                        + " order by a.created_at desc, a.id desc")
                .setParameter(1, tenant).setParameter(2, entityType).setParameter(3, String.join(",", entityIds))
                .setMaxResults(limit).getResultList();
        List<Entry> entries = new ArrayList<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            entries.add(new Entry((String) r[0], (String) r[1], (String) r[2], instant(r[3]), fields((String) r[4]),
                    fields((String) r[5])));
        }
        return entries;
    }

    private static Map<String, String> fields(String json) {
        if (json == null) {
            return Map.of();
        }
        Map<String, String> values = new LinkedHashMap<>();
        try (JsonReader reader = Jsonp.createReader(new StringReader(json))) {
            reader.readObject().forEach((key, value) -> values.put(key, switch (value.getValueType()) {
                case NULL -> null;
                case STRING -> ((JsonString) value).getString();
                default -> value.toString();
            }));
        }
        return values;
    }

    /** A platform entry (no business) inside {@code em}'s transaction, for code outside a bean (the cross-business scope). */
    public static void recordPlatform(EntityManager em, String action, String entityType, String entityId, Map<String, ?> after) {
        insert(em, null, RequestContext.current().map(RequestContext::userId).orElse(null), action, entityType, entityId,
                null, after, null);
    }

    /**
     * Sample history (a business filled with sample data): an entry of {@code tenantId} as it would have been
     * written at {@code at}, marked by the request id {@code sample-data}.
     */
    public static void recordSample(EntityManager em, String tenantId, String actor, String action, String entityType,
                                    String entityId, Map<String, ?> before, Map<String, ?> after, Instant at) {
        insert(em, tenantId, actor, action, entityType, entityId, before, after, at);
    }

    private void insert(String tenantId, String actor, String action, String entityType, String entityId,
                        Map<String, ?> before, Map<String, ?> after) {
        insert(em, tenantId, actor, action, entityType, entityId, before, after, null);
    }

    private static void insert(EntityManager em, String tenantId, String actor, String action, String entityType,
                               String entityId, Map<String, ?> before, Map<String, ?> after, Instant at) {
        RequestContext context = at != null ? null : RequestContext.current().orElse(null);
        NativeSql.query(em, "insert into audit_log (id, tenant_id, actor_user_id, action, entity_type,"
                        + " entity_id, before, after, ip_address, request_id, created_at)"
                        + " values (cast(?1 as uuid), cast(?2 as uuid), ?3, ?4, ?5, ?6,"
                        + " cast(?7 as jsonb), cast(?8 as jsonb), ?9, ?10, coalesce(cast(?11 as timestamptz), now()))")
                .setParameter(1, UUID.randomUUID().toString())
                .setParameter(2, tenantId)
                .setParameter(3, actor)
                .setParameter(4, action)
                .setParameter(5, entityType)
                .setParameter(6, entityId)
                .setParameter(7, json(before))
                .setParameter(8, json(after))
                .setParameter(9, context == null ? null : context.ipAddress())
                .setParameter(10, at != null ? "sample-data" : context == null ? null : context.requestId())
                .setParameter(11, at == null ? null : Timestamp.from(at))
                .executeUpdate();
    }

    static String json(Map<String, ?> values) {
        if (values == null) {
            return null;
        }
        JsonObjectBuilder object = Jsonp.createObjectBuilder();
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
