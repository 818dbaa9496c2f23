package com.smbhub.platform.tenancy;

import com.smbhub.platform.security.Membership;
import com.smbhub.platform.security.NotAMemberException;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Runs inside the service's container transaction: checks that the caller is an active member of
 * the business named by the server-side {@link RequestContext}, then sets that tenant on the
 * transaction's EntityManager. No context, no member, or a second tenant in one transaction: fail.
 * A transaction whose business was entered by {@link TenantEntry} (no signed-in caller) is already bound.
 */
@TenantScoped
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class TenantInterceptor {

    @PersistenceContext(unitName = "smbhub") EntityManager em;

    @Resource TransactionSynchronizationRegistry transaction;

    @AroundInvoke
    public Object applyTenant(InvocationContext invocation) throws Exception {
        RequestContext context = RequestContext.current().orElseThrow(TenantMissingException::new);
        String tenantId = context.tenantId();
        if (Tenancy.bound(transaction) == null) {
            Tenancy.bind(em, transaction, tenantId);
            if (context.role() == null) {
                String role = Membership.roleHere(em, tenantId, context.userId())
                        .orElseThrow(NotAMemberException::new);
                context.resolvedRole(role);
            }
        } else {
            Tenancy.bind(em, transaction, tenantId);
        }
        return invocation.proceed();
    }
}
