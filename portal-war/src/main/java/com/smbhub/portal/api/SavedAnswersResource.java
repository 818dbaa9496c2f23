package com.smbhub.portal.api;

import com.smbhub.inbox.SavedAnswers;
import com.smbhub.platform.Jsonp;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.errors.ValidationException.FieldError;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The inbox's saved answers: anyone who reads the inbox lists them; owners and admins keep them. */
@ApplicationScoped
@Path("/saved-answers")
@Authenticated
public class SavedAnswersResource {

    @EJB SavedAnswers answers;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list() {
        JsonArrayBuilder data = Jsonp.createArrayBuilder();
        answers.list().forEach(a -> data.add(json(a)));
        return Envelope.ok(data.build());
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response get(@PathParam("id") String id) {
        SavedAnswers.Answer a = answers.get(id);
        return Versions.reply(json(a), a.version(), Response.Status.OK);
    }

    /** {@code {"name","body"}} → 201. */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(String body) {
        JsonBody json = JsonBody.parse(body, Set.of("name", "body"));
        List<FieldError> errors = new ArrayList<>();
        String name = json.string("name", errors);
        String text = json.string("body", errors);
        ValidationException.throwIfAny(errors);
        SavedAnswers.Answer made = answers.create(name, text);
        return Versions.reply(json(made), made.version(), Response.Status.CREATED);
    }

    /** Any of {@code {"name","body"}} with the version edited ({@code if_match_version} or If-Match). */
    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("id") String id, String body, @HeaderParam("If-Match") String ifMatch) {
        JsonBody json = JsonBody.parse(body, Set.of("name", "body", "if_match_version"));
        SavedAnswers.Answer current = answers.get(id);
        List<FieldError> errors = new ArrayList<>();
        Long version = Versions.expected(json, ifMatch, errors);
        String name = json.has("name") ? json.string("name", errors) : current.name();
        String text = json.has("body") ? json.string("body", errors) : current.body();
        ValidationException.throwIfAny(errors);
        SavedAnswers.Answer changed = answers.update(id, version, name, text);
        return Versions.reply(json(changed), changed.version(), Response.Status.OK);
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") String id) {
        answers.delete(id);
        return Response.noContent().build();
    }

    static JsonObject json(SavedAnswers.Answer a) {
        return Jsonp.createObjectBuilder().add("id", a.id()).add("name", a.name()).add("body", a.body())
                .add("version", a.version()).build();
    }
}
