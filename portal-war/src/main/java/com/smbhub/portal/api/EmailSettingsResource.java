package com.smbhub.portal.api;

import com.smbhub.inbox.MailboxSettings;
import com.smbhub.platform.Jsonp;
import com.smbhub.platform.errors.ValidationException.FieldError;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.mail.SmtpSettings;
import com.smbhub.platform.mail.Wording;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Settings → Email and Inbox: the business's own SMTP server, its mailbox, the wording of its e-mails (OWNER/ADMIN). */
@ApplicationScoped
@Path("/settings")
@Authenticated
public class EmailSettingsResource {

    @EJB SmtpSettings smtp;

    @EJB Wording wording;

    @EJB MailboxSettings mailbox;

    @GET
    @Path("/inbox")
    @Produces(MediaType.APPLICATION_JSON)
    public Response inbox() {
        return reply(mailbox.get());
    }

    /** {@code {"host","port","security","username","password"?,"folder"?,"address"}}; no password keeps the stored one. */
    @PUT
    @Path("/inbox")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response saveInbox(String body) {
        JsonBody json = JsonBody.parse(body, Set.of("host", "port", "security", "username", "password", "folder", "address"));
        List<FieldError> errors = new ArrayList<>();
        String host = json.string("host", errors);
        Integer port = port(json, "993", errors);
        String security = json.string("security", errors);
        String username = json.string("username", errors);
        String password = json.string("password", errors);
        String folder = json.string("folder", errors);
        String address = json.string("address", errors);
        ValidationException.throwIfAny(errors);
        return reply(mailbox.save(host, port, security, username, password, folder, address));
    }

    /** Logs in and opens the folder: {@code {"result": "Connected: 3 messages in INBOX"}}, or 400 with the field. */
    @POST
    @Path("/inbox/test")
    @Produces(MediaType.APPLICATION_JSON)
    public Response testInbox() {
        return Envelope.ok(Jsonp.createObjectBuilder().add("result", mailbox.test()).build());
    }

    @DELETE
    @Path("/inbox")
    @Produces(MediaType.APPLICATION_JSON)
    public Response clearInbox() {
        return reply(mailbox.clear());
    }

    @GET
    @Path("/email")
    @Produces(MediaType.APPLICATION_JSON)
    public Response email() {
        return reply(smtp.get());
    }

    /** {@code {"host","port","starttls","username","password"?,"from_address"}}; no password keeps the stored one. */
    @PUT
    @Path("/email")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response saveEmail(String body) {
        JsonBody json = JsonBody.parse(body, Set.of("host", "port", "starttls", "username", "password", "from_address"));
        List<FieldError> errors = new ArrayList<>();
        String host = json.string("host", errors);
        Integer port = port(json, "587", errors);
        boolean starttls = json.bool("starttls", true, errors);
        String username = json.string("username", errors);
        String password = json.string("password", errors);
        String from = json.string("from_address", errors);
        ValidationException.throwIfAny(errors);
        return reply(smtp.save(host, port, starttls, username, password, from));
    }

    /** Back to the installation's mail server. */
    @DELETE
    @Path("/email")
    @Produces(MediaType.APPLICATION_JSON)
    public Response clearEmail() {
        return reply(smtp.clear());
    }

    @GET
    @Path("/wording")
    @Produces(MediaType.APPLICATION_JSON)
    public Response wording() {
        JsonArrayBuilder data = Jsonp.createArrayBuilder();
        wording.all().forEach(t -> data.add(json(t)));
        return Envelope.ok(data.build());
    }

    /** {@code {"subject","body"}} with {placeholders}; {link} must stay in the body. */
    @PUT
    @Path("/wording/{name}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response saveWording(@PathParam("name") String name, String body) {
        JsonBody json = JsonBody.parse(body, Set.of("subject", "body"));
        List<FieldError> errors = new ArrayList<>();
        String subject = json.string("subject", errors);
        String text = json.string("body", errors);
        ValidationException.throwIfAny(errors);
        return Envelope.ok(json(wording.save(name, subject, text)));
    }

    @DELETE
    @Path("/wording/{name}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response resetWording(@PathParam("name") String name) {
        return Envelope.ok(json(wording.reset(name)));
    }

    private static JsonObject json(Wording.Text t) {
        return Jsonp.createObjectBuilder().add("name", t.name()).add("subject", t.subject()).add("body", t.body())
                .add("custom", t.custom()).build();
    }

    private static Integer port(JsonBody json, String example, List<FieldError> errors) {
        if (json.raw("port") instanceof JsonNumber n && n.isIntegral() && n.bigDecimalValue().abs().compareTo(
                BigDecimal.valueOf(1_000_000)) < 0) {
            return n.intValue();
        }
        errors.add(new FieldError("port", "A port number, e.g. " + example));
        return null;
    }

    private static Response reply(MailboxSettings.View v) {
        return Envelope.ok(Jsonp.createObjectBuilder().add("connected", v.connected()).add("host", v.host()).add("port", v.port())
                .add("security", v.security()).add("username", v.username()).add("password_set", v.passwordSet())
                .add("folder", v.folder()).add("address", v.address())
                .add("last_polled_at", Envelope.nullable(v.lastPolledAt() == null ? null : v.lastPolledAt().toString()))
                .add("last_success_at", Envelope.nullable(v.lastSuccessAt() == null ? null : v.lastSuccessAt().toString()))
                .add("last_error", Envelope.nullable(v.lastError())).add("pushed", v.pushed()).build());
    }

    private static Response reply(SmtpSettings.View v) {
        return Envelope.ok(Jsonp.createObjectBuilder().add("own_server", v.own()).add("host", v.host()).add("port", v.port())
                .add("starttls", v.starttls()).add("username", v.username()).add("password_set", v.passwordSet())
                .add("from_address", v.fromAddress()).build());
    }
}
