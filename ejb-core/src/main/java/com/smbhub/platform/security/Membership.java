package com.smbhub.platform.security;

import com.smbhub.platform.db.NativeSql;
import com.smbhub.platform.tenancy.CrossTenant;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/**
 * Membership look-ups that cross tenants by design (sign-in, business switcher). Native SQL with
 * explicit tenant and user parameters; nothing else may read tenant_members across tenants.
 */
public final class Membership {

    private Membership() {
    }

    /** The caller's business as a view: no entity leaves the service layer. */
    public record View(String tenantId, String tenantName, String orgId, String profileId, Role role) {
    }

    /** The user's active role in a business, from anywhere (outside that business: the cross-business scope). */
    public static Optional<String> activeRole(EntityManager em, String tenantId, String userId) {
        return CrossTenant.run(em, CrossTenant.Purpose.MEMBERSHIPS, () -> roleHere(em, tenantId, userId));
    }

    /**
     * The same inside a transaction already bound to {@code tenantId}, where row-level security shows
     * that business's members: no scope to enter (the tenant interceptor's look-up on every request).
     */
    public static Optional<String> roleHere(EntityManager em, String tenantId, String userId) {
        if (userId == null) {
            return Optional.empty();
        }
        List<?> rows = NativeSql.query(em,
                        "select m.role from tenant_members m join users u on u.id = m.user_id"
                                + " join tenants t on t.id = m.tenant_id"
                                + " where m.tenant_id = cast(?1 as uuid) and m.user_id = cast(?2 as uuid)"
                                + " and m.status = 'ACTIVE' and m.deleted_at is null"
                                + " and u.status = 'ACTIVE' and t.deleted_at is null")
                .setParameter(1, tenantId)
                .setParameter(2, userId)
                .getResultList();
        return rows.stream().findFirst().map(Object::toString);
    }

    public static List<View> activeOf(EntityManager em, String userId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = CrossTenant.run(em, CrossTenant.Purpose.MEMBERSHIPS, () -> NativeSql.query(em,
                        "select cast(t.id as text), t.name, t.external_org_id, t.profile_id, m.role"
                                + " from tenant_members m join tenants t on t.id = m.tenant_id"
                                + " where m.user_id = cast(?1 as uuid) and m.status = 'ACTIVE'"
                                + " and m.deleted_at is null and t.deleted_at is null order by t.name")
                .setParameter(1, userId)
                .getResultList());
        return rows.stream()
                .map(r -> new View((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                        Role.valueOf((String) r[4])))
                .toList();
    }
}
