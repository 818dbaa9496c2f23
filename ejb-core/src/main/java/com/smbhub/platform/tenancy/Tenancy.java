package com.smbhub.platform.tenancy;

import com.smbhub.platform.Ids;
import com.smbhub.platform.db.NativeSql;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Binds exactly one non-blank tenant to a transaction, its EntityManager (EclipseLink's tenant) and its
 * database connection ({@code app.tenant_id}, which the row-level security policies read). Called only
 * by {@link TenantInterceptor} (a member's call) and {@link TenantEntry} (no signed-in caller).
 */
final class Tenancy {

    static final String TENANT_PROPERTY = "eclipselink.tenant-id";
    private static final String BOUND = Tenancy.class.getName() + ".tenant";

    private Tenancy() {
    }

    /** The tenant bound to the current transaction, or null. */
    static String bound(TransactionSynchronizationRegistry transaction) {
        return (String) transaction.getResource(BOUND);
    }

    static void bind(EntityManager em, TransactionSynchronizationRegistry transaction, String tenantId) {
        String bound = bound(transaction);
        if (bound != null && !bound.equals(tenantId)) {
            throw new IllegalStateException("A transaction may not switch tenant");
        }
        apply(em, tenantId);
        if (bound == null) {
            NativeSql.query(em, "select set_config('app.tenant_id', ?1, true)").setParameter(1, tenantId).getSingleResult();
        }
        transaction.putResource(BOUND, tenantId);
    }

    /** Sets the tenant on one EntityManager (also a resource-local one, in tests). */
    static void apply(EntityManager em, String tenantId) {
        if (!Ids.isId(tenantId)) {
            throw new TenantMissingException();
        }
        Object current = em.getProperties().get(TENANT_PROPERTY);
        if (current != null && !current.equals(tenantId)) {
            throw new IllegalStateException("A unit of work may not switch tenant");
        }
        em.setProperty(TENANT_PROPERTY, tenantId);
    }
}
