package com.smbhub.platform.db;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * The one way to run native SQL. EclipseLink disables native queries in a multitenant unit because
 * the tenant filter does not reach them; each caller opts in here and filters by tenant itself
 * (the tenant isolation suite covers every such query).
 */
public final class NativeSql {

    private NativeSql() {
    }

    public static Query query(EntityManager em, String sql) {
        return em.createNativeQuery(sql).setHint("eclipselink.jdbc.allow-native-sql-query", true);
    }

    /** A timestamp column's value as the driver answers it (Timestamp, OffsetDateTime, Instant), as an instant; null stays null. */
    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return value instanceof Timestamp t ? t.toInstant() : value instanceof Instant i ? i : Instant.parse(value.toString());
    }
}
