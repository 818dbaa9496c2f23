package com.smbhub.portal.api;

import com.smbhub.aidraft.AiDraftService;
import com.smbhub.aidraft.AiDraftView;
import com.smbhub.extract.Extraction;
import com.smbhub.extract.ExtractionJson;
import com.smbhub.platform.Jsonp;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.errors.ValidationException.FieldError;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Text-to-Task drafts of the token's business (issue 15): read one, correct it, apply it (makes the work item,
 * quote or invoice in DRAFT state; again returns the same object), approve, reject, send to the ops team's review.
 */
@ApplicationScoped
@Path("/ai-drafts")
@Authenticated
public class AiDraftsResource {

    @EJB AiDraftService drafts;

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response get(@PathParam("id") String id) {
        AiDraftView d = drafts.get(id);
        return Versions.reply(json(d), d.version(), Response.Status.OK);
    }

    /** {@code {"payload"?: {...the draft's fields...}, "review_notes"?: text}} with If-Match. */
    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("id") String id, String body, @HeaderParam("If-Match") String ifMatch) {
        Edit edit = Edit.parse(body, ifMatch);
        AiDraftView d = drafts.edit(id, edit.version(), edit.payload(), edit.notes());
        return Versions.reply(json(d), d.version(), Response.Status.OK);
    }

    /** A PATCH body: the version it was made against, the corrected payload and notes (null: unchanged; "": none). */
    record Edit(Long version, Extraction payload, String notes) {

        static Edit parse(String body, String ifMatch) {
            JsonBody json = JsonBody.parse(body, Set.of("payload", "review_notes", "if_match_version"));
            List<FieldError> errors = new ArrayList<>();
            Long version = Versions.expected(json, ifMatch, errors);
            String notes = AiDraftsResource.notes(json, errors);
            JsonValue raw = json.raw("payload");
            Extraction payload = null;
            if (raw != null && raw.getValueType() != JsonValue.ValueType.NULL) {
                try {
                    payload = ExtractionJson.read(raw.toString(), "payload");
                } catch (ValidationException e) {
                    errors.addAll(e.errors());
                }
            }
            ValidationException.throwIfAny(errors);
            return new Edit(version, payload, json.has("review_notes") && notes == null ? "" : notes);
        }
    }

    /**
     * "Apply as draft" ({@code {"create_anyway"?: true}} past the warning about similar open work, a 409 whose
     * data lists it): 200 with the draft, whose {@code applied} names what was made.
     */
    @POST
    @Path("/{id}/apply")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response apply(@PathParam("id") String id, String body) {
        AiDraftView d = drafts.apply(id, createAnyway(body));
        return Versions.reply(json(d), d.version(), Response.Status.OK);
    }

    @POST
    @Path("/{id}/approve")
    @Produces(MediaType.APPLICATION_JSON)
    public Response approve(@PathParam("id") String id) {
        AiDraftView d = drafts.approve(id);
        return Versions.reply(json(d), d.version(), Response.Status.OK);
    }

    /** {@code {"review_notes"?}}. */
    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response reject(@PathParam("id") String id, String body) {
        AiDraftView d = drafts.reject(id, rejectNotes(body));
        return Versions.reply(json(d), d.version(), Response.Status.OK);
    }

    @POST
    @Path("/{id}/send-to-qc")
    @Produces(MediaType.APPLICATION_JSON)
    public Response sendToQc(@PathParam("id") String id) {
        AiDraftView d = drafts.sendToQc(id);
        return Versions.reply(json(d), d.version(), Response.Status.OK);
    }

    /** An apply body: {@code {"create_anyway"?: true}} (none: false). */
    static boolean createAnyway(String body) {
        if (body == null || body.isBlank()) {
            return false;
        }
        JsonBody json = JsonBody.parse(body, Set.of("create_anyway"));
        List<FieldError> errors = new ArrayList<>();
        boolean anyway = json.bool("create_anyway", false, errors);
        ValidationException.throwIfAny(errors);
        return anyway;
    }

    /** A reject body: {@code {"review_notes"?}} (none: null). */
    static String rejectNotes(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        JsonBody json = JsonBody.parse(body, Set.of("review_notes"));
        List<FieldError> errors = new ArrayList<>();
        String notes = notes(json, errors);
        ValidationException.throwIfAny(errors);
        return notes;
    }

    private static String notes(JsonBody json, List<FieldError> errors) {
        String notes = json.has("review_notes") ? json.string("review_notes", errors) : null;
        if (notes != null && notes.length() > 2000) {
            errors.add(new FieldError("review_notes", "At most 2000 characters"));
        }
        return notes;
    }

    /**
     * "Turn into…" of a message or a work item: the body is optional ({@code {"intent"?}} to make a chosen kind);
     * 201 with a new draft, 200 with the source's open draft.
     */
    static Response parsed(String body, java.util.function.Function<String, AiDraftService.Parsed> parse) {
        String intent = null;
        if (body != null && !body.isBlank()) {
            JsonBody json = JsonBody.parse(body, Set.of("intent"));
            List<FieldError> errors = new ArrayList<>();
            intent = json.has("intent") ? json.string("intent", errors) : null;
            ValidationException.throwIfAny(errors);
        }
        AiDraftService.Parsed parsed = parse.apply(intent);
        AiDraftView draft = parsed.draft();
        return Versions.reply(json(draft), draft.version(), parsed.created() ? Response.Status.CREATED : Response.Status.OK);
    }

    static JsonObject json(AiDraftView d) {
        JsonObject payload;
        try (var reader = Jsonp.createReader(new StringReader(ExtractionJson.text(d.payload())))) {
            payload = reader.readObject();
        }
        JsonArrayBuilder suggested = Jsonp.createArrayBuilder();
        d.suggestedIntents().forEach(suggested::add);
        JsonArrayBuilder edited = Jsonp.createArrayBuilder();
        d.editedFields().forEach(edited::add);
        JsonArrayBuilder actions = Jsonp.createArrayBuilder();
        d.allowedActions().forEach(actions::add);
        JsonObjectBuilder o = Jsonp.createObjectBuilder().add("id", d.id()).add("source_type", d.sourceType())
                .add("source_id", Envelope.nullable(d.sourceId())).add("conversation_id", Envelope.nullable(d.conversationId()))
                .add("intent", d.intent()).add("status", d.status()).add("payload", payload)
                .add("suggested_intents", suggested).add("confidence", d.confidence())
                .add("confidence_band", d.confidenceBand()).add("edited_fields", edited)
                .add("qc_requested_at", time(d.qcRequestedAt())).add("reviewer_id", Envelope.nullable(d.reviewerId()))
                .add("reviewed_by", Envelope.nullable(d.reviewedBy())).add("reviewed_at", time(d.reviewedAt()))
                .add("review_notes", Envelope.nullable(d.reviewNotes()));
        if (d.appliedEntityId() == null) {
            o.addNull("applied");
        } else {
            o.add("applied", Jsonp.createObjectBuilder().add("type", d.appliedEntityType()).add("id", d.appliedEntityId())
                    .add("at", time(d.appliedAt())).add("automatically", d.autoApplied()));
        }
        if (d.parseMillis() == null) {
            o.addNull("parse_millis");
        } else {
            o.add("parse_millis", d.parseMillis());
        }
        return o.add("created_at", time(d.createdAt())).add("version", d.version()).add("allowed_actions", actions).build();
    }

    private static JsonValue time(Instant at) {
        return Envelope.nullable(at == null ? null : at.toString());
    }
}
