package com.smbhub.profile;

import com.smbhub.platform.grid.Evictions;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Effective profiles by business, computed once per instance and dropped on every instance (through the data grid,
 * {@link Evictions}) when the business's profile choice or overrides change. A plain CDI bean: read on every
 * request, it needs no container call of its own.
 */
@ApplicationScoped
public class ProfileCache {

    private static final String KIND = "profile";

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry") TransactionSynchronizationRegistry transaction;

    private final Map<String, EffectiveProfile> byTenant = new ConcurrentHashMap<>();

    @PostConstruct
    void listen() {
        Evictions.register(KIND, byTenant::remove);
    }

    public EffectiveProfile get(String tenantId) {
        return byTenant.get(tenantId);
    }

    public void put(String tenantId, EffectiveProfile profile) {
        byTenant.put(tenantId, profile);
    }

    /** Drops the business's profile now, and everywhere again once the transaction that changed it has ended. */
    public void invalidate(String tenantId) {
        byTenant.remove(tenantId);
        if (transaction.getTransactionKey() == null) {
            Evictions.evict(KIND, tenantId);
            return;
        }
        transaction.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                Evictions.evict(KIND, tenantId);
            }
        });
    }
}
