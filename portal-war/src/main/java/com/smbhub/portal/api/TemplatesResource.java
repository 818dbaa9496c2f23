package com.smbhub.portal.api;

import com.smbhub.platform.Jsonp;
import com.smbhub.platform.errors.ValidationException.FieldError;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.mail.Wording;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

/**
 * E-mail templates (PRD "Settings / Templates"): the shipped ones and the business's own, each
 * kind's default marked. Anyone in the business lists them; owners and admins change them.
 */
@ApplicationScoped
@Path("/templates")
@Authenticated
public class TemplatesResource {

    @EJB Wording wording;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@QueryParam("kind") String kind) {
        JsonArrayBuilder data = Jsonp.createArrayBuilder();
        wording.templates(kind == null || kind.isBlank() ? null : kind.trim()).forEach(t -> data.add(json(t)));
        return Envelope.ok(data.build());
    }

    /** {@code {"kind","name","subject","body"}} → 201. */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(String body) {
        JsonBody json = JsonBody.parse(body, Set.of("kind", "name", "subject", "body"));
        List<FieldError> errors = new ArrayList<>();
        String kind = json.string("kind", errors);
        String name = json.string("name", errors);
        String subject = json.string("subject", errors);
        String text = json.string("body", errors);
        ValidationException.throwIfAny(errors);
        return Response.fromResponse(Envelope.ok(json(wording.create(kind, name, subject, text)))).status(201).build();
    }

    /**
     * Any of {@code {"name","subject","body"}} with the version edited ({@code if_match_version} or
     * If-Match); a shipped template is changed through /settings/wording.
     */
    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("id") String id, String body, @HeaderParam("If-Match") String ifMatch) {
        JsonBody json = JsonBody.parse(body, Set.of("name", "subject", "body", "if_match_version"));
        Wording.Template current = wording.get(id);
        List<FieldError> errors = new ArrayList<>();
        Long version = Versions.expected(json, ifMatch, errors);
        String name = json.has("name") ? json.string("name", errors) : current.name();
        String subject = json.has("subject") ? json.string("subject", errors) : current.subject();
        String text = json.has("body") ? json.string("body", errors) : current.body();
        ValidationException.throwIfAny(errors);
        Wording.Template changed = wording.update(id, version, name, subject, text);
        return Versions.reply(json(changed), changed.version(), Response.Status.OK);
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") String id) {
        wording.delete(id);
        return Response.noContent().build();
    }

    static JsonObject json(Wording.Template t) {
        return Jsonp.createObjectBuilder().add("id", t.id()).add("kind", t.kind()).add("name", t.name())
                .add("subject", t.subject()).add("body", t.body()).add("shipped", t.shipped()).add("default", t.isDefault())
                .add("version", t.version()).build();
    }
}
