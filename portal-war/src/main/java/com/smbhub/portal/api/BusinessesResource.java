package com.smbhub.portal.api;

import com.smbhub.platform.Jsonp;
import com.smbhub.platform.security.IdentityService;
import com.smbhub.platform.security.Membership;
import com.smbhub.platform.tenancy.RequestContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;

/** GET /api/v1/businesses: the businesses the caller may get a token for, with their role. */
@ApplicationScoped
@Path("/businesses")
@Authenticated
public class BusinessesResource {

    @EJB IdentityService identity;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        String userId = RequestContext.current().orElseThrow().userId();
        var sorted = identity.memberships(userId).stream().sorted(Comparator.comparing(Membership.View::orgId)).toList();
        var page = Paging.page(sorted, Membership.View::orgId, cursor, Paging.limit(limit));
        return Paging.reply(page, m -> Jsonp.createObjectBuilder()
                .add("id", m.orgId()).add("name", m.tenantName()).add("profile_id", m.profileId())
                .add("role", m.role().name()).build());
    }
}
