package com.smbhub.platform.tenancy;

import com.smbhub.platform.Ids;
import jakarta.persistence.EntityManager;

/** Applies exactly one non-blank tenant to an EntityManager. */
public final class Tenancy {

    public static final String TENANT_PROPERTY = "eclipselink.tenant-id";

    private Tenancy() {
    }

    public static void apply(EntityManager em, String tenantId) {
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
