package com.smbhub.portal.api;

import com.smbhub.platform.Ids;
import com.smbhub.platform.errors.NotFoundException;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.errors.ValidationException.FieldError;
import com.smbhub.platform.security.Role;
import com.smbhub.tenant.TeamService;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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
@Path("/team/members")
@Authenticated
public class TeamResource {

    @EJB
    TeamService team;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        int size = Paging.limit(limit);
        var page = Paging.page(team.members(), TeamService.Member::email, cursor, size);
        JsonArrayBuilder data = Json.createArrayBuilder();
        page.items().forEach(m -> data.add(json(m)));
        return Envelope.ok(data.build(), page.nextCursor());
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response changeRole(@PathParam("id") String id, String body) {
        if (!Ids.isId(id)) {
            throw new NotFoundException("member");
        }
        JsonBody json = JsonBody.parse(body, Set.of("role"));
        List<FieldError> errors = new ArrayList<>();
        String role = json.requiredString("role", errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Role parsed;
        try {
            parsed = Role.valueOf(role);
        } catch (IllegalArgumentException e) {
            throw new ValidationException("role", "One of OWNER, ADMIN, STAFF, AGENT, VIEWER");
        }
        return Envelope.ok(json(team.changeRole(id, parsed)));
    }

    private static JsonObject json(TeamService.Member m) {
        return Json.createObjectBuilder()
                .add("id", m.memberId())
                .add("user", Json.createObjectBuilder().add("id", m.userId()).add("email", m.email())
                        .add("display_name", m.displayName()))
                .add("role", m.role().name())
                .add("status", m.status())
                .add("version", m.version())
                .build();
    }
}
