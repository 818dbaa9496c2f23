package com.smbhub.portal.api;

import com.smbhub.account.NewBusiness;
import com.smbhub.account.SignupService;
import com.smbhub.platform.Jsonp;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.errors.ValidationException.FieldError;
import com.smbhub.platform.security.IdentityService;
import com.smbhub.platform.security.Membership;
import com.smbhub.platform.tenancy.RequestContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * GET /api/v1/businesses: the businesses the caller may get a token for, with their role; POST starts
 * another one with the caller as its owner ("Add a business").
 */
@ApplicationScoped
@Path("/businesses")
@Authenticated
public class BusinessesResource {

    @EJB IdentityService identity;

    @EJB SignupService signups;

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

    /** {@code {"name","profile_id","country","timezone","currency"}} → 201 with the new business (get a token for it with its id). */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response add(String body) {
        JsonBody json = JsonBody.parse(body, Set.of("name", "profile_id", "country", "timezone", "currency"));
        List<FieldError> errors = new ArrayList<>();
        NewBusiness wanted = new NewBusiness(json.string("name", errors), json.string("profile_id", errors),
                json.string("country", errors), json.string("timezone", errors), json.string("currency", errors));
        ValidationException.throwIfAny(errors);
        String slug = signups.addBusiness(wanted);
        String userId = RequestContext.current().orElseThrow().userId();
        Membership.View made = identity.membershipByOrg(userId, slug).orElseThrow();
        return Response.fromResponse(Envelope.ok(Jsonp.createObjectBuilder().add("id", made.orgId())
                .add("name", made.tenantName()).add("profile_id", made.profileId()).add("role", made.role().name())
                .build())).status(201).build();
    }
}
