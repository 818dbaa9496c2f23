package com.smbhub.pos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smbhub.platform.db.NativeSql;
import com.smbhub.platform.tenancy.RequestContext;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * How far a feed of the current business's sync got ({@code sync_cursors}) and what each outside id became
 * ({@code external_entity_map}). A pass reads the window [from, until) a page at a time; the page cursor is kept with
 * each page applied, in its transaction, so a run stopped anywhere goes on from the next page; at the end of a pass
 * the next one starts where it ended, less an overlap (what Square indexes late is read again, and changes nothing).
 */
public final class SyncCursors {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A feed's place: the window of the pass under way ({@code until} null: none) and the page to read next. */
    public record Place(Instant since, Instant from, Instant until, String page) {

        static final Place START = new Place(null, null, null, null);

        boolean passing() {
            return until != null;
        }

        /** A new pass up to {@code now}, from {@code overlap} before where the last one ended. */
        Place pass(Instant now, java.time.Duration overlap) {
            return new Place(since, since == null ? null : since.minus(overlap), now, null);
        }

        /** After a page: the next page, or (none left) the pass done. */
        Place after(String next) {
            return next == null ? new Place(until, null, null, null) : new Place(since, from, until, next);
        }
    }

    private SyncCursors() {
    }

    static Place place(EntityManager em, String provider, String feed) {
        List<?> rows = NativeSql.query(em, "select cursor_value from sync_cursors where tenant_id = cast(?1 as uuid)"
                + " and provider = ?2 and entity_type = ?3").setParameter(1, tenant()).setParameter(2, provider)
                .setParameter(3, feed).getResultList();
        if (rows.isEmpty() || rows.get(0) == null) {
            return Place.START;
        }
        try {
            JsonNode j = JSON.readTree(rows.get(0).toString());
            return new Place(instant(j, "since"), instant(j, "from"), instant(j, "until"), j.path("page").asText(null));
        } catch (IOException | RuntimeException e) {
            return Place.START; // unreadable: read everything again (the map keeps it from changing anything)
        }
    }

    static void keep(EntityManager em, String provider, String feed, Place place) {
        ObjectNode j = JSON.createObjectNode();
        put(j, "since", place.since());
        put(j, "from", place.from());
        put(j, "until", place.until());
        if (place.page() != null) {
            j.put("page", place.page());
        }
        NativeSql.query(em, "insert into sync_cursors (id, tenant_id, provider, entity_type, cursor_value, updated_at)"
                        + " values (cast(?1 as uuid), cast(?2 as uuid), ?3, ?4, ?5, now()) on conflict (tenant_id, provider, entity_type)"
                        + " do update set cursor_value = excluded.cursor_value, updated_at = now()")
                .setParameter(1, java.util.UUID.randomUUID().toString()).setParameter(2, tenant()).setParameter(3, provider).setParameter(4, feed)
                .setParameter(5, j.toString()).executeUpdate();
    }

    static void clear(EntityManager em, String provider) {
        NativeSql.query(em, "delete from sync_cursors where tenant_id = cast(?1 as uuid) and provider = ?2")
                .setParameter(1, tenant()).setParameter(2, provider).executeUpdate();
    }

    /** What these outside ids of this kind became here, those seen (one query for a page). */
    static java.util.Map<String, String> mapped(EntityManager em, String provider, String kind, java.util.Collection<String> externalIds) {
        java.util.Map<String, String> found = new java.util.HashMap<>();
        List<String> ids = externalIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
        if (ids.isEmpty()) {
            return found;
        }
        List<?> rows = NativeSql.query(em, "select external_id, cast(internal_id as text) from external_entity_map"
                        + " where tenant_id = cast(?1 as uuid) and provider = ?2 and entity_type = ?3 and external_id = any (cast(?4 as text[]))")
                .setParameter(1, tenant()).setParameter(2, provider).setParameter(3, kind)
                .setParameter(4, "{" + String.join(",", ids.stream().map(SyncCursors::quoted).toList()) + "}").getResultList();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            found.put((String) r[0], (String) r[1]);
        }
        return found;
    }

    /** A text as an element of a PostgreSQL array literal. */
    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Records what outside id {@code externalId} became (once: a second call changes nothing). */
    static void map(EntityManager em, String provider, String kind, String externalId, String internalId) {
        NativeSql.query(em, "insert into external_entity_map (id, tenant_id, provider, entity_type, external_id, internal_id)"
                        + " values (cast(?1 as uuid), cast(?2 as uuid), ?3, ?4, ?5, cast(?6 as uuid)) on conflict do nothing")
                .setParameter(1, java.util.UUID.randomUUID().toString()).setParameter(2, tenant()).setParameter(3, provider).setParameter(4, kind)
                .setParameter(5, externalId).setParameter(6, internalId).executeUpdate();
    }

    private static void put(ObjectNode j, String name, Instant at) {
        if (at != null) {
            j.put(name, at.toString());
        }
    }

    private static Instant instant(JsonNode j, String name) {
        String v = j.path(name).asText(null);
        return v == null ? null : Instant.parse(v);
    }

    private static String tenant() {
        return RequestContext.current().orElseThrow().tenantId();
    }
}
