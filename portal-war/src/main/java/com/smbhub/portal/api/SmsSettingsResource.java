package com.smbhub.portal.api;

import com.smbhub.inbox.SmsSettings;
import com.smbhub.platform.Jsonp;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.errors.ValidationException.FieldError;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
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
 * Settings → Inbox → Text messages (OWNER/ADMIN): the business's Twilio account and number, "Test
 * connection", and in test mode a simulated incoming text ({@code POST /settings/sms/simulate}, for anyone who answers).
 */
@ApplicationScoped
@Path("/settings/sms")
@Authenticated
public class SmsSettingsResource {

    @EJB SmsSettings sms;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response get() {
        return reply(sms.get());
    }

    @PUT
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response save(String body) {
        JsonBody json = JsonBody.parse(body, Set.of("account_sid", "auth_token", "number"));
        List<FieldError> errors = new ArrayList<>();
        String sid = json.string("account_sid", errors);
        String token = json.string("auth_token", errors);
        String number = json.string("number", errors);
        ValidationException.throwIfAny(errors);
        return reply(sms.save(sid, token, number));
    }

    @POST
    @Path("/test")
    @Produces(MediaType.APPLICATION_JSON)
    public Response test() {
        return Envelope.ok(Jsonp.createObjectBuilder().add("result", sms.test()).build());
    }

    @POST
    @Path("/simulate")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response simulate(String body) {
        JsonBody json = JsonBody.parse(body, Set.of("from", "text"));
        List<FieldError> errors = new ArrayList<>();
        String from = json.requiredString("from", errors);
        String text = json.requiredString("text", errors);
        ValidationException.throwIfAny(errors);
        return Envelope.ok(Jsonp.createObjectBuilder().add("webhook_status", sms.simulateIncoming(from, text)).build());
    }

    @DELETE
    @Produces(MediaType.APPLICATION_JSON)
    public Response clear() {
        return reply(sms.clear());
    }

    private static Response reply(SmsSettings.View v) {
        return Envelope.ok(Jsonp.createObjectBuilder().add("connected", v.connected()).add("account_sid", v.accountSid())
                .add("number", v.number()).add("auth_token_set", v.tokenSet()).add("incoming_url", v.incomingUrl())
                .add("status_url", v.statusUrl()).add("test_mode", v.testMode()).build());
    }
}
