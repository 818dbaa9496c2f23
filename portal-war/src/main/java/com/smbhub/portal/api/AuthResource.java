package com.smbhub.portal.api;

import com.smbhub.account.AccountService;
import com.smbhub.account.Signup;
import com.smbhub.account.SignupService;
import com.smbhub.platform.Jsonp;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.errors.ValidationException.FieldError;
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

/**
 * POST /api/v1/auth/token: e-mail + password (+ business) for a bearer token; sign-up, e-mail
 * verification and password reset, none of which says whether an address has an account.
 */
@ApplicationScoped
@Path("/auth")
public class AuthResource {

    @EJB IdentityService identity;

    @EJB SignupService signups;

    @EJB AccountService accounts;

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
        if (memberships.isEmpty() && user.ops() && business == null) { // platform ops: their reports, no business
            TokenIssuer.Issued issued = tokens.issue(user.userId(), user.email(), null);
            return Envelope.ok(Jsonp.createObjectBuilder().add("access_token", issued.token()).add("token_type", "Bearer")
                    .add("expires_in", issued.expiresIn()).addNull("business").build());
        }
        Membership.View chosen = choose(memberships, business);
        TokenIssuer.Issued issued = tokens.issue(user.userId(), user.email(), chosen.orgId());
        return Envelope.ok(Jsonp.createObjectBuilder()
                .add("access_token", issued.token())
                .add("token_type", "Bearer")
                .add("expires_in", issued.expiresIn())
                .add("business", Jsonp.createObjectBuilder().add("id", chosen.orgId()).add("name", chosen.tenantName()))
                .build());
    }

    /** Starts a business; the same 202 for a new and a known address (the known one is e-mailed instead). */
    @POST
    @Path("/signup")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response signup(String body) {
        JsonBody json = JsonBody.parse(body, Set.of("name", "email", "password", "business_name", "profile_id",
                "country", "timezone", "currency"));
        List<FieldError> errors = new ArrayList<>();
        String password = json.string("password", errors);
        Signup form = new Signup(json.string("name", errors), json.string("email", errors),
                password == null ? null : password.toCharArray(), json.string("business_name", errors),
                json.string("profile_id", errors), json.string("country", errors), json.string("timezone", errors),
                json.string("currency", errors));
        ValidationException.throwIfAny(errors);
        signups.signup(form);
        return accepted("We e-mailed " + form.email().trim().toLowerCase() + " a link to confirm the address."
                + " Sign in (POST /api/v1/auth/token) to set up your business meanwhile.");
    }

    @POST
    @Path("/verify-email")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response verifyEmail(String body) {
        String email = accounts.verifyEmail(token(body, Set.of("token")).string("token", new ArrayList<>()));
        return Envelope.ok(Jsonp.createObjectBuilder().add("email", email).add("email_verified", true).build());
    }

    @POST
    @Path("/resend-verification")
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    public Response resendVerification() {
        accounts.resendVerification();
        return accepted("If your address still needs confirming, a new link is on its way; earlier links no longer work.");
    }

    @POST
    @Path("/password-reset")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response passwordReset(String body) {
        JsonBody json = JsonBody.parse(body, Set.of("email"));
        List<FieldError> errors = new ArrayList<>();
        String email = json.requiredString("email", errors);
        ValidationException.throwIfAny(errors);
        accounts.requestPasswordReset(email);
        return accepted("If an account uses this address, we e-mailed it a link to choose a new password."
                + " The link works once, for 30 minutes.");
    }

    @POST
    @Path("/password-reset/confirm")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response passwordResetConfirm(String body) {
        JsonBody json = token(body, Set.of("token", "password"));
        List<FieldError> errors = new ArrayList<>();
        String password = json.requiredString("password", errors);
        ValidationException.throwIfAny(errors);
        accounts.resetPassword(json.string("token", errors), password.toCharArray());
        return Envelope.ok(Jsonp.createObjectBuilder().add("message", "Your password is changed; you were signed out"
                + " everywhere. Sign in with the new password.").build());
    }

    /** A body with a required "token". */
    private static JsonBody token(String body, Set<String> allowed) {
        JsonBody json = JsonBody.parse(body, allowed);
        List<FieldError> errors = new ArrayList<>();
        json.requiredString("token", errors);
        ValidationException.throwIfAny(errors);
        return json;
    }

    private static Response accepted(String message) {
        return Response.fromResponse(Envelope.ok(Jsonp.createObjectBuilder().add("message", message).build()))
                .status(202).build();
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
