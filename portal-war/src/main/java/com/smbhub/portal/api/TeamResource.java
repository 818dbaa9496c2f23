package com.smbhub.portal.api;

import com.smbhub.platform.Ids;
import com.smbhub.platform.Jsonp;
import com.smbhub.platform.errors.NotFoundException;
import com.smbhub.platform.errors.ValidationException.FieldError;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.mail.MailFailedException;
import com.smbhub.platform.security.Role;
import com.smbhub.tenant.TeamService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The team of the token's business: list members, change a role (OWNER/ADMIN; audited). */
@ApplicationScoped
@Path("/team")
@Authenticated
public class TeamResource {

    @EJB TeamService team;

    @GET
    @Path("/members")
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        int size = Paging.limit(limit);
        var page = Paging.page(team.members(), TeamService.Member::email, cursor, size);
        return Paging.reply(page, TeamResource::json);
    }

    @PATCH
    @Path("/members/{id}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response changeRole(@PathParam("id") String id, String body, @HeaderParam("If-Match") String ifMatch) {
        if (!Ids.isId(id)) {
            throw new NotFoundException("member");
        }
        JsonBody json = JsonBody.parse(body, Set.of("role", "if_match_version"));
        List<FieldError> errors = new ArrayList<>();
        Long version = Versions.expected(json, ifMatch, errors);
        String role = json.requiredString("role", errors);
        ValidationException.throwIfAny(errors);
        Role parsed;
        try {
            parsed = Role.valueOf(role);
        } catch (IllegalArgumentException e) {
            throw new ValidationException("role", "One of OWNER, ADMIN, STAFF, AGENT, VIEWER");
        }
        TeamService.Member changed = team.changeRole(id, version, parsed);
        return Versions.reply(json(changed), changed.version(), Response.Status.OK);
    }

    /** {@code /disable}: a member loses access or their invitation is withdrawn (the last owner and yourself excepted); {@code /enable}: back. */
    @POST
    @Path("/members/{id}/{change: disable|enable}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response disableOrEnable(@PathParam("id") String id, @PathParam("change") String change) {
        return Envelope.ok(json(change.equals("disable") ? team.disable(id) : team.enable(id)));
    }

    /** {@code {"email","role"}} → 201 with the member (INVITED) and the link's path, valid 7 days. */
    @POST
    @Path("/invitations")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response invite(String body) {
        JsonBody json = JsonBody.parse(body, Set.of("email", "role"));
        List<FieldError> errors = new ArrayList<>();
        String email = json.requiredString("email", errors);
        String role = json.requiredString("role", errors);
        Role parsed = null;
        if (role != null) {
            try {
                parsed = Role.valueOf(role);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("role", "One of OWNER, ADMIN, STAFF, AGENT, VIEWER"));
            }
        }
        ValidationException.throwIfAny(errors);
        TeamService.Invite invite = team.invite(email, parsed);
        String mailError = null;
        try {
            team.emailInvitation(invite.member().memberId(), invite.link());
        } catch (MailFailedException e) {
            mailError = e.getMessage();
        }
        return Response.fromResponse(Envelope.ok(Jsonp.createObjectBuilder().add("member", json(invite.member()))
                .add("invite_path", "/app/invite/" + invite.token()).add("expires_at", invite.expiresAt().toString())
                .add("emailed", mailError == null)
                .add("email_error", mailError == null ? JsonValue.NULL : Jsonp.createValue(mailError))
                .build())).status(Response.Status.CREATED).build();
    }

    static JsonObject json(TeamService.Member m) {
        return Jsonp.createObjectBuilder()
                .add("id", m.memberId())
                .add("user", Jsonp.createObjectBuilder().add("id", m.userId()).add("email", m.email())
                        .add("display_name", m.displayName()))
                .add("role", m.role().name())
                .add("status", m.status())
                .add("version", m.version())
                .build();
    }
}
