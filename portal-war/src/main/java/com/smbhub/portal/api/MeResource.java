package com.smbhub.portal.api;

import com.smbhub.account.AccountService;
import com.smbhub.home.HomeService;
import com.smbhub.platform.Jsonp;
import com.smbhub.platform.security.IdentityService;
import com.smbhub.platform.tenancy.RequestContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** GET /api/v1/me: the caller, the business of the token, and the caller's role there. */
@ApplicationScoped
@Path("/me")
@Authenticated
public class MeResource {

    @EJB IdentityService identity;

    @EJB HomeService home;

    @EJB AccountService accounts;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response me() {
        RequestContext context = RequestContext.current().orElseThrow();
        IdentityService.Person person = identity.person(context.userId()).orElseThrow();
        HomeService.Greeting business = home.greeting();
        String orgId = identity.membership(context.userId(), context.tenantId()).orElseThrow().orgId();
        return Envelope.ok(Jsonp.createObjectBuilder()
                .add("user", Jsonp.createObjectBuilder()
                        .add("id", person.userId())
                        .add("email", person.email())
                        .add("display_name", person.displayName())
                        .add("email_verified", accounts.emailVerified(person.userId())))
                .add("business", Jsonp.createObjectBuilder()
                        .add("id", orgId)
                        .add("name", business.businessName())
                        .add("profile_id", business.profileId())
                        .add("timezone", business.timezone())
                        .add("currency", business.currency()))
                .add("role", business.role().name())
                .build());
    }
}
