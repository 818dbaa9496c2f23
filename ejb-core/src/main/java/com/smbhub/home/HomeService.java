package com.smbhub.home;

import com.smbhub.platform.security.Access;
import com.smbhub.platform.security.Role;
import com.smbhub.platform.tenancy.RequestContext;
import com.smbhub.platform.tenancy.TenantInterceptor;
import com.smbhub.tenant.Tenant;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** The Home page's facts about the current business and caller. */
@Stateless
@Interceptors(TenantInterceptor.class)
public class HomeService {

    @PersistenceContext(unitName = "smbhub")
    EntityManager em;

    @EJB
    Access access;

    public record Greeting(String businessName, String profileId, String timezone, String currency, Role role) {
    }

    public Greeting greeting() {
        Tenant tenant = em.find(Tenant.class, RequestContext.current().orElseThrow().tenantId());
        return new Greeting(tenant.getName(), tenant.getProfileId(), tenant.getTimezone(), tenant.getCurrency(),
                access.role());
    }
}
