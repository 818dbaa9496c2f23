package com.smbhub.profile;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Effective profiles by business, computed once and dropped when the business's profile choice or
 * overrides change. (One JVM; a cluster needs the data grid or a version check — see docs.)
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ProfileCache {

    private final Map<String, EffectiveProfile> byTenant = new ConcurrentHashMap<>();

    public EffectiveProfile get(String tenantId) {
        return byTenant.get(tenantId);
    }

    public void put(String tenantId, EffectiveProfile profile) {
        byTenant.put(tenantId, profile);
    }

    public void invalidate(String tenantId) {
        byTenant.remove(tenantId);
    }
}
