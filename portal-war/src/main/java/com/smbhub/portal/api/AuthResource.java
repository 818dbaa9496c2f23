package com.smbhub.portal.api;

import com.smbhub.platform.Jsonp;
import com.smbhub.platform.errors.ValidationException.FieldError;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.security.IdentityService;
import com.smbhub.platform.security.Membership;
import com.smbhub.platform.security.SignIn;
import com.smbhub.platform.security.TokenIssuer;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** POST /api/v1/auth/token: e-mail + password (+ business) for a bearer token. */
@ApplicationScoped
@Path("/auth")
public class AuthResource {

    @EJB IdentityService identity;

    @Inject TokenIssuer tokens;

    @POST
    @Path("/token")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(String body) {
        JsonBody json = JsonBody.parse(body, Set.of("username", "password", "business"));
        List<FieldError> errors = new ArrayList<>();
        String username = json.requiredString("username", errors);
        String password = json.requiredString("password", errors);
        String business = json.string("business", errors);
        ValidationException.throwIfAny(errors);
        SignIn result = identity.authenticate(username, password.toCharArray(), "api");
        if (result instanceof SignIn.Throttled throttled) {
            return Response.fromResponse(Envelope.error(429, "RATE_LIMITED",
                            "Too many failed sign-ins; try again later"))
                    .header("Retry-After", Math.max(1, throttled.retryAfter().toSeconds())).build();
        }
        if (!(result instanceof SignIn.Success user)) {
            return Envelope.error(401, "UNAUTHORIZED", "Wrong e-mail or password");
        }
        List<Membership.View> memberships = identity.memberships(user.userId());
        Membership.View chosen = choose(memberships, business);
        TokenIssuer.Issued issued = tokens.issue(user.userId(), user.email(), chosen.orgId());
        return Envelope.ok(Jsonp.createObjectBuilder()
                .add("access_token", issued.token())
                .add("token_type", "Bearer")
                .add("expires_in", issued.expiresIn())
                .add("business", Jsonp.createObjectBuilder().add("id", chosen.orgId()).add("name", chosen.tenantName()))
                .build());
    }

    private static Membership.View choose(List<Membership.View> memberships, String business) {
        if (memberships.isEmpty()) {
            throw new ValidationException("business", "This account is not a member of any business");
        }
        if (business == null) {
            if (memberships.size() == 1) {
                return memberships.get(0);
            }
            throw new ValidationException("business", "Choose a business: " + ids(memberships));
        }
        return memberships.stream().filter(m -> m.orgId().equals(business)).findFirst()
                .orElseThrow(() -> new ValidationException("business",
                        "Not one of your businesses; choose one of: " + ids(memberships)));
    }

    private static String ids(List<Membership.View> memberships) {
        return memberships.stream().map(Membership.View::orgId).collect(Collectors.joining(", "));
    }
}
