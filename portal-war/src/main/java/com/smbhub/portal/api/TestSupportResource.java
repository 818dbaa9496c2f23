package com.smbhub.portal.api;

import com.smbhub.platform.Jsonp;
import com.smbhub.platform.db.DemoSeeder;
import com.smbhub.platform.errors.ValidationException.FieldError;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.time.TestSupport;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * /api/v1/test-support: businesses of a test's own and their clocks, only on a system-test stack
 * (smbhub.test-support=true); 404 everywhere else. docs/operations.md, "Testing".
 */
@ApplicationScoped
@Path("/test-support")
public class TestSupportResource {

    @EJB TestSupport support;

    @POST
    @Path("/worlds")
    @Produces(MediaType.APPLICATION_JSON)
    public Response world() {
        DemoSeeder.World world = support.world();
        return Response.fromResponse(Envelope.ok(Jsonp.createObjectBuilder().add("id", world.id())
                .add("northside", world.northside()).add("maple", world.maple()).add("both", world.both()).build()))
                .status(201).build();
    }

    /** {"at": "2027-01-15T03:30:00Z"} runs the business's clock from that instant; {"at": null} puts it back. */
    @PUT
    @Path("/businesses/{business}/clock")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response clock(@PathParam("business") String business, String body) {
        if (!support.enabled()) {
            return Envelope.error(404, "NOT_FOUND", "No such resource");
        }
        JsonBody json = JsonBody.parse(body, Set.of("at"));
        List<FieldError> errors = new ArrayList<>();
        String text = json.string("at", errors);
        Instant at = null;
        if (text != null) {
            try {
                at = OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("at", "An ISO-8601 date-time with an offset, or null"));
            }
        }
        ValidationException.throwIfAny(errors);
        support.setClock(business, at);
        return Envelope.ok(Jsonp.createObjectBuilder().add("business", business)
                .add("at", at == null ? "real" : at.toString()).build());
    }
}
