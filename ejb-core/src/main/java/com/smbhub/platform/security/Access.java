package com.smbhub.platform.security;

import com.smbhub.platform.audit.AuditService;
import com.smbhub.platform.tenancy.RequestContext;
import com.smbhub.platform.tenancy.TenantMissingException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.util.Map;

/** Enforces the permission matrix for the current caller; a denial is audited and thrown. */
@Stateless
public class Access {

    @EJB
    AuditService audit;

    /** The caller's role in the current business (resolved by the tenant interceptor). */
    public Role role() {
        RequestContext context = RequestContext.current().orElseThrow(TenantMissingException::new);
        if (context.role() == null) {
            throw new NotAMemberException();
        }
        return Role.valueOf(context.role());
    }

    public Grant require(Capability capability) {
        Role role = role();
        Grant grant = Permissions.grant(role, capability);
        if (grant == Grant.NONE) {
            RequestContext context = RequestContext.current().orElseThrow();
            audit.recordAlone(context.tenantId(), context.userId(), "security.permission_denied",
                    "capability", capability.name(), Map.of("role", role.name()));
            throw new PermissionDeniedException(capability);
        }
        return grant;
    }
}
