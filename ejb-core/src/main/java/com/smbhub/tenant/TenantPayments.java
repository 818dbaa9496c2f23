package com.smbhub.tenant;

import com.smbhub.platform.db.NativeSql;
import jakarta.persistence.EntityManager;
import java.util.Optional;

/** Which business connected a Stripe account (incoming events name the account). */
public final class TenantPayments {

    private TenantPayments() {
    }

    /** The business that connected this account, if any. */
    public static Optional<String> tenantOf(EntityManager em, String accountId) {
        if (accountId == null) {
            return Optional.empty();
        }
        return NativeSql.query(em, "select cast(id as text) from tenants where stripe_account_id = ?1")
                .setParameter(1, accountId).getResultStream().findFirst().map(Object::toString);
    }
}
