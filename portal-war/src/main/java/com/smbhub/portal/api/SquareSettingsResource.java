package com.smbhub.portal.api;

import com.smbhub.integration.square.SquareGateway;
import com.smbhub.platform.Jsonp;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.errors.ValidationException.FieldError;
import com.smbhub.pos.SquareSettings;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Settings → Point of sale (OWNER/ADMIN, profiles with {@code pos_sync}): the business's Square account. {@code POST
 * /settings/square/locations} lists what an access token reaches; {@code PUT} connects a token and location (the
 * token is kept encrypted and never returned); {@code DELETE} disconnects (what came in stays).
 */
@ApplicationScoped
@Path("/settings/square")
@Authenticated
public class SquareSettingsResource {

    @EJB SquareSettings square;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response get() {
        return reply(square.get());
    }

    /** {@code {"access_token": "EAAA…"}} (absent: the stored one): the account's locations. */
    @POST
    @Path("/locations")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response locations(String body) {
        JsonBody json = JsonBody.parse(body == null || body.isBlank() ? "{}" : body, Set.of("access_token"));
        List<FieldError> errors = new ArrayList<>();
        String token = json.string("access_token", errors);
        ValidationException.throwIfAny(errors);
        JsonArrayBuilder list = Jsonp.createArrayBuilder();
        for (SquareGateway.Location l : square.locations(token)) {
            list.add(Jsonp.createObjectBuilder().add("id", l.id()).add("name", l.name()).add("merchant_id", l.merchantId())
                    .add("currency", Envelope.nullable(l.currency())).add("active", l.active()));
        }
        return Envelope.ok(list.build());
    }

    /** {@code {"access_token": "EAAA…", "location_id": "L…"}}; without a token the stored one is kept. */
    @PUT
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response connect(String body) {
        JsonBody json = JsonBody.parse(body, Set.of("access_token", "location_id"));
        List<FieldError> errors = new ArrayList<>();
        String token = json.string("access_token", errors);
        String location = json.requiredString("location_id", errors);
        ValidationException.throwIfAny(errors);
        return reply(square.connect(token, location));
    }

    @DELETE
    @Produces(MediaType.APPLICATION_JSON)
    public Response disconnect() {
        return reply(square.disconnect());
    }

    private static Response reply(SquareSettings.View v) {
        JsonArrayBuilder recent = Jsonp.createArrayBuilder();
        v.recent().forEach(r -> recent.add(JobsResource.json(r)));
        return Envelope.ok(Jsonp.createObjectBuilder().add("connected", v.connected())
                .add("merchant_id", Envelope.nullable(v.merchantId())).add("location_id", Envelope.nullable(v.locationId()))
                .add("location_name", Envelope.nullable(v.locationName())).add("webhook_url", v.webhookUrl())
                .add("test_mode", v.testMode()).add("recent_runs", recent).build());
    }
}
