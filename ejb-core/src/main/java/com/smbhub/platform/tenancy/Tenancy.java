package com.smbhub.platform.tenancy;

import jakarta.persistence.EntityManager;
import java.util.regex.Pattern;

/** Applies exactly one non-blank tenant to an EntityManager. */
public final class Tenancy {

    public static final String TENANT_PROPERTY = "eclipselink.tenant-id";
    private static final Pattern UUID_TEXT =
            Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

    private Tenancy() {
    }

    public static void apply(EntityManager em, String tenantId) {
        if (tenantId == null || !UUID_TEXT.matcher(tenantId).matches()) {
            throw new TenantMissingException();
        }
        Object current = em.getProperties().get(TENANT_PROPERTY);
        if (current != null && !current.equals(tenantId)) {
            throw new IllegalStateException("A unit of work may not switch tenant");
        }
        em.setProperty(TENANT_PROPERTY, tenantId);
    }
}
