package com.smbhub.platform.db;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

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
}
