package com.smbhub.portal.api;

import com.smbhub.contact.ContactCsv;
import com.smbhub.contact.ContactDraft;
import com.smbhub.contact.ContactService;
import com.smbhub.contact.ContactView;
import com.smbhub.platform.Jsonp;
import com.smbhub.platform.errors.ValidationException.FieldError;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.idempotency.Idempotency;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
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
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Contacts of the token's business (PRD 2.3, 12.3.2). */
@ApplicationScoped
@Path("/contacts")
@Authenticated
public class ContactsResource {

    static final Set<String> FIELDS = Set.of("type", "display_name", "company_name", "email", "phone", "address_line1",
            "address_line2", "city", "region", "postal_code", "country", "tags", "notes");

    static final int MAX_IMPORT_BYTES = 5 * 1024 * 1024;

    @EJB ContactService contacts;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@QueryParam("q") String q, @QueryParam("type") String type,
                         @QueryParam("deleted") String deleted, @QueryParam("limit") String limit,
                         @QueryParam("cursor") String cursor) {
        if (deleted != null && !deleted.equals("true") && !deleted.equals("false")) {
            throw new ValidationException("deleted", "Must be true or false");
        }
        var page = contacts.list(q, type == null || type.isBlank() ? null : type,
                "true".equals(deleted), Paging.after(cursor), Paging.limit(limit));
        return Paging.reply(page, ContactsResource::json);
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response get(@PathParam("id") String id) {
        return withVersion(contacts.get(id), Response.Status.OK);
    }

    /**
     * A contacts CSV or vCard file as the body — or a JSON object {@code {"file": "…", "columns": {"Cell #": "phone",
     * "Ref": null}, "import_anyway": [4]}} to say what columns are and which duplicates to import. {@code ?dry_run=true}
     * answers the preview (every row READY, ERROR with its field errors, or DUPLICATE, and the file's columns) and
     * changes nothing; without it the READY rows are created and the columns chosen kept for the next import.
     */
    @POST
    @Path("/import")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response importFile(byte[] body, @QueryParam("dry_run") String dryRun) {
        if (dryRun != null && !dryRun.equals("true") && !dryRun.equals("false")) {
            throw new ValidationException("dry_run", "Must be true or false");
        }
        if (body.length > MAX_IMPORT_BYTES) {
            throw new ValidationException("file", "At most 5 MB per import; split the file");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            text = new String(body, StandardCharsets.ISO_8859_1);
        }
        ContactService.ImportChoices choices = ContactService.ImportChoices.NONE;
        if (text.stripLeading().startsWith("{")) { // a file never starts so: the JSON form
            List<FieldError> errors = new ArrayList<>();
            JsonBody json = JsonBody.parse(text, Set.of("file", "columns", "import_anyway"));
            text = json.requiredString("file", errors);
            choices = new ContactService.ImportChoices(columns(json, errors), lines(json, errors));
            ValidationException.throwIfAny(errors);
        }
        ContactService.ImportReport report = contacts.importFile(text, choices, !"true".equals(dryRun));
        JsonArrayBuilder rows = Jsonp.createArrayBuilder();
        for (ContactService.ImportRow r : report.rows()) {
            JsonArrayBuilder errors = Jsonp.createArrayBuilder();
            r.errors().forEach(e -> errors.add(Jsonp.createObjectBuilder().add("field", e.field()).add("message", e.message())));
            rows.add(Jsonp.createObjectBuilder().add("line", r.line()).add("display_name", Envelope.nullable(r.displayName()))
                    .add("email", Envelope.nullable(r.email())).add("phone", Envelope.nullable(r.phone())).add("outcome", r.outcome())
                    .add("errors", errors).add("duplicate_of", Envelope.nullable(r.duplicateOf())));
        }
        JsonArrayBuilder columns = Jsonp.createArrayBuilder();
        report.columns().forEach(c -> columns.add(Jsonp.createObjectBuilder().add("column", c.name())
                .add("field", Envelope.nullable(c.field())).add("sample", Envelope.nullable(c.sample()))));
        return Envelope.ok(Jsonp.createObjectBuilder().add("rows", rows).add("ready", report.ready())
                .add("invalid", report.invalid()).add("duplicates", report.duplicates()).add("created", report.created())
                .add("columns", columns).add("ignored_columns", Jsonp.createArrayBuilder(report.ignoredColumns())).build());
    }

    /** {@code columns}: an object of column names to a field name or null. */
    private static Map<String, String> columns(JsonBody json, List<FieldError> errors) {
        Map<String, String> columns = new LinkedHashMap<>();
        if (json.raw("columns") == null || json.raw("columns").getValueType() == JsonValue.ValueType.NULL) {
            return columns;
        }
        if (!(json.raw("columns") instanceof JsonObject object) || !object.values().stream().allMatch(v
                -> v.getValueType() == JsonValue.ValueType.STRING || v.getValueType() == JsonValue.ValueType.NULL)) {
            errors.add(new FieldError("columns", "An object of column names to a field name, or null to leave the column out"));
            return columns;
        }
        object.forEach((column, field) -> columns.put(column, field instanceof JsonString s ? s.getString() : null));
        return columns;
    }

    /** {@code import_anyway}: the lines of duplicates to import. */
    private static Set<Long> lines(JsonBody json, List<FieldError> errors) {
        JsonValue value = json.raw("import_anyway");
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Set.of();
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY || value.asJsonArray().size() > ContactCsv.MAX_ROWS
                || !value.asJsonArray().stream().allMatch(v -> Jsonp.exactLong(v) != null)) {
            errors.add(new FieldError("import_anyway", "A list of the duplicate rows' line numbers, e.g. [4, 9]"));
            return Set.of();
        }
        return value.asJsonArray().stream().map(Jsonp::exactLong).collect(Collectors.toSet());
    }

    @GET
    @Path("/{id}/timeline")
    @Produces(MediaType.APPLICATION_JSON)
    public Response timeline(@PathParam("id") String id) {
        JsonArrayBuilder data = Jsonp.createArrayBuilder();
        contacts.timeline(id).forEach(e -> data.add(Jsonp.createObjectBuilder().add("type", e.type()).add("id", e.id())
                .add("title", e.title()).add("at", e.at().toString())
                .add("work_item_id", e.workItemId() == null ? JsonValue.NULL : Jsonp.createValue(e.workItemId()))));
        return Envelope.ok(data.build());
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(String body, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        Set<String> allowed = new HashSet<>(FIELDS);
        allowed.add("allow_duplicate");
        JsonBody json = JsonBody.parse(body, allowed);
        List<FieldError> errors = new ArrayList<>();
        ContactDraft draft = draft(json, ContactDraft.of(null, null, null), errors);
        boolean allowDuplicate = json.bool("allow_duplicate", false, errors);
        ValidationException.throwIfAny(errors);
        var key = Idempotency.Key.of("POST /contacts", idempotencyKey, ApiRequest.sha256(body));
        return withVersion(contacts.create(draft, allowDuplicate, key), Response.Status.CREATED);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("id") String id, String body, @HeaderParam("If-Match") String ifMatch) {
        Set<String> allowed = new HashSet<>(FIELDS);
        allowed.add("if_match_version");
        JsonBody json = JsonBody.parse(body, allowed);
        List<FieldError> errors = new ArrayList<>();
        Long version = Versions.expected(json, ifMatch, errors);
        ContactView current = contacts.get(id);
        ContactDraft draft = draft(json, current.draft(), errors);
        ValidationException.throwIfAny(errors);
        return withVersion(contacts.update(id, version, draft), Response.Status.OK);
    }

    @DELETE
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response delete(@PathParam("id") String id) {
        return withVersion(contacts.delete(id), Response.Status.OK);
    }

    @POST
    @Path("/{id}/restore")
    @Produces(MediaType.APPLICATION_JSON)
    public Response restore(@PathParam("id") String id) {
        return withVersion(contacts.restore(id), Response.Status.OK);
    }

    /** Other live contacts with the same e-mail or phone. */
    @GET
    @Path("/{id}/duplicates")
    @Produces(MediaType.APPLICATION_JSON)
    public Response duplicates(@PathParam("id") String id) {
        JsonArrayBuilder data = Jsonp.createArrayBuilder();
        contacts.possibleDuplicates(id).forEach(c -> data.add(json(c)));
        return Envelope.ok(data.build());
    }

    /** {@code {"merge_id"}}: that contact is merged into this one (see ContactService.merge). */
    @POST
    @Path("/{id}/merge")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response merge(@PathParam("id") String id, String body, @HeaderParam("If-Match") String ifMatch) {
        JsonBody json = JsonBody.parse(body, Set.of("merge_id", "if_match_version"));
        List<FieldError> errors = new ArrayList<>();
        Long version = Versions.expected(json, ifMatch, errors);
        String mergeId = json.string("merge_id", errors);
        if (mergeId == null && errors.isEmpty()) {
            errors.add(new FieldError("merge_id", "Required"));
        }
        ValidationException.throwIfAny(errors);
        return withVersion(contacts.merge(id, version, mergeId), Response.Status.OK);
    }

    /** The draft from the body: a field that is present replaces the base value, null clears it. */
    private static ContactDraft draft(JsonBody json, ContactDraft base, List<FieldError> errors) {
        Function<String, String> pick = field -> json.has(field) ? json.string(field, errors) : null;
        return new ContactDraft(
                json.has("type") ? pick.apply("type") : base.type(),
                json.has("display_name") ? pick.apply("display_name") : base.displayName(),
                json.has("company_name") ? pick.apply("company_name") : base.companyName(),
                json.has("email") ? pick.apply("email") : base.email(),
                json.has("phone") ? pick.apply("phone") : base.phone(),
                json.has("address_line1") ? pick.apply("address_line1") : base.addressLine1(),
                json.has("address_line2") ? pick.apply("address_line2") : base.addressLine2(),
                json.has("city") ? pick.apply("city") : base.city(),
                json.has("region") ? pick.apply("region") : base.region(),
                json.has("postal_code") ? pick.apply("postal_code") : base.postalCode(),
                json.has("country") ? pick.apply("country") : base.country(),
                json.has("tags") ? json.strings("tags", errors) : base.tags(),
                json.has("notes") ? pick.apply("notes") : base.notes());
    }

    static Response withVersion(ContactView contact, Response.Status status) {
        return Versions.reply(json(contact), contact.version(), status);
    }

    static JsonObject json(ContactView c) {
        JsonObjectBuilder o = Jsonp.createObjectBuilder().add("id", c.id()).add("type", c.type());
        put(o, "display_name", c.displayName());
        put(o, "company_name", c.companyName());
        put(o, "email", c.email());
        put(o, "phone", c.phone());
        put(o, "address_line1", c.addressLine1());
        put(o, "address_line2", c.addressLine2());
        put(o, "city", c.city());
        put(o, "region", c.region());
        put(o, "postal_code", c.postalCode());
        put(o, "country", c.country());
        put(o, "notes", c.notes());
        o.add("tags", Jsonp.createArrayBuilder(c.tags()));
        o.add("deleted", c.deleted());
        o.add("version", c.version());
        put(o, "created_at", c.createdAt() == null ? null : c.createdAt().toString());
        put(o, "updated_at", c.updatedAt() == null ? null : c.updatedAt().toString());
        o.add("allowed_actions", Jsonp.createArrayBuilder(c.allowedActions()));
        return o.build();
    }

    private static void put(JsonObjectBuilder o, String key, String value) {
        if (value == null) {
            o.addNull(key);
        } else {
            o.add(key, value);
        }
    }

}
