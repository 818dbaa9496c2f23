package com.smbhub.platform.security;

import com.smbhub.platform.audit.AuditService;
import com.smbhub.platform.tenancy.RequestContext;
import com.smbhub.platform.tenancy.TenantMissingException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;

/** Enforces the permission matrix for the current caller; a denial is audited and thrown. */
@Stateless
public class Access {

    @EJB AuditService audit;

    @PersistenceContext(unitName = "smbhub") EntityManager em;

    /** The caller's role in the current business (resolved once per request, here or by the tenant interceptor). */
    public Role role() {
        RequestContext context = RequestContext.current().orElseThrow(TenantMissingException::new);
        if (context.role() == null) {
            if (context.tenantId() == null || context.userId() == null) {
                throw new TenantMissingException();
            }
            context.resolvedRole(Membership.activeRole(em, context.tenantId(), context.userId())
                    .orElseThrow(NotAMemberException::new));
        }
        return Role.valueOf(context.role());
    }

    /**
     * The role already resolved for this request, without a container call: for per-row checks
     * inside a tenant-intercepted service (the interceptor has resolved it by then).
     */
    public static Role resolved() {
        String role = RequestContext.current().map(RequestContext::role).orElse(null);
        if (role == null) {
            throw new NotAMemberException();
        }
        return Role.valueOf(role);
    }

    /** The caller's grant for the capability; a denial is audited and thrown (403). */
    public Grant require(Capability capability) {
        if (!permits(capability)) {
            throw new PermissionDeniedException(capability);
        }
        return Permissions.grant(role(), capability);
    }

    /**
     * Whether the caller may; a denial is audited. For rules a service reports at a field (e.g. the
     * currency of a draft) rather than as a refusal of the whole request.
     */
    public boolean permits(Capability capability) {
        Role role = role();
        if (Permissions.grant(role, capability) == Grant.NONE) {
            RequestContext context = RequestContext.current().orElseThrow();
            audit.recordAlone(context.tenantId(), context.userId(), "security.permission_denied",
                    "capability", capability.name(), Map.of("role", role.name()));
            return false;
        }
        return true;
    }
}
