package com.smbhub.portal.api;

import com.smbhub.aidraft.AiDraftService;
import com.smbhub.invoice.InvoiceService;
import com.smbhub.platform.Jsonp;
import com.smbhub.platform.audit.AuditService;
import com.smbhub.platform.errors.ValidationException.FieldError;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.idempotency.Idempotency;
import com.smbhub.quote.QuoteService;
import com.smbhub.workitem.WorkItemDraft;
import com.smbhub.workitem.WorkItemService;
import com.smbhub.workitem.WorkItemView;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Work items of the token's business (PRD 2.3, 12.3.3). */
@ApplicationScoped
@Path("/work-items")
@Authenticated
public class WorkItemsResource {

    static final Set<String> FIELDS = Set.of("type", "title", "description", "priority", "contact_id", "due_at",
            "assigned_to", "labels_json");

    @EJB WorkItemService work;

    @EJB InvoiceService invoices;

    @EJB QuoteService quotes;

    @EJB AiDraftService drafts;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@QueryParam("status") String status, @QueryParam("type") String type,
                         @QueryParam("priority") String priority, @QueryParam("assigned_to") String assignedTo,
                         @QueryParam("due") String due, @QueryParam("limit") String limit,
                         @QueryParam("cursor") String cursor) {
        var page = work.list(new WorkItemService.Filter(ApiRequest.blank(status), ApiRequest.blank(type), ApiRequest.blank(priority), ApiRequest.blank(assignedTo),
                ApiRequest.blank(due)), Paging.after(cursor), Paging.limit(limit));
        return Paging.reply(page, WorkItemsResource::json);
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response get(@PathParam("id") String id) {
        return reply(work.get(id), Response.Status.OK);
    }

    /** "Draft invoice": the item's draft invoice, made if there is none (201) or the existing one (200). */
    @POST
    @Path("/{id}/invoice")
    @Produces(MediaType.APPLICATION_JSON)
    public Response draftInvoice(@PathParam("id") String id) {
        var result = invoices.draftForWorkItem(id);
        return Response.fromResponse(Envelope.ok(InvoicesResource.jsonOf(result.document())))
                .status(result.created() ? Response.Status.CREATED : Response.Status.OK).build();
    }

    /** "Draft quote": the item's draft quote, the existing one or a new one. */
    @POST
    @Path("/{id}/quote")
    @Produces(MediaType.APPLICATION_JSON)
    public Response draftQuote(@PathParam("id") String id) {
        return Envelope.ok(QuotesResource.jsonOf(quotes.draftForWorkItem(id).document()));
    }

    /** The item's activity, newest first: who did what, with the changed fields before and after. */
    /** Its title and description read into a draft quote, invoice or expense of this work item (docs/text-to-task.md). */
    @POST
    @Path("/{id}/ai/parse")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response parse(@PathParam("id") String id, String body) {
        return AiDraftsResource.parsed(body, intent -> drafts.parseWorkItem(id, intent));
    }

    @GET
    @Path("/{id}/activity")
    @Produces(MediaType.APPLICATION_JSON)
    public Response activity(@PathParam("id") String id) {
        return Envelope.ok(activity(work.activity(id)));
    }

    /** Audit entries as the API shows them: action, actor (display name), when, fields before and after. */
    static JsonArray activity(List<AuditService.Entry> entries) {
        JsonArrayBuilder data = Jsonp.createArrayBuilder();
        for (AuditService.Entry e : entries) {
            data.add(Jsonp.createObjectBuilder().add("action", e.action())
                    .add("actor", e.actor() == null ? JsonValue.NULL : Jsonp.createValue(e.actor()))
                    .add("at", e.at().toString()).add("before", fields(e.before())).add("after", fields(e.after())));
        }
        return data.build();
    }

    private static JsonObject fields(Map<String, String> values) {
        JsonObjectBuilder o = Jsonp.createObjectBuilder();
        values.forEach((k, v) -> o.add(k, v == null ? JsonValue.NULL : Jsonp.createValue(v)));
        return o.build();
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(String body, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        JsonBody json = JsonBody.parse(body, FIELDS);
        List<FieldError> errors = new ArrayList<>();
        WorkItemDraft draft = draft(json, WorkItemDraft.titled(null), errors);
        if (draft.title() == null && errors.stream().noneMatch(e -> e.field().equals("title"))) {
            errors.add(new FieldError("title", "Required"));
        }
        ValidationException.throwIfAny(errors);
        var key = Idempotency.Key.of("POST /work-items", idempotencyKey, ApiRequest.sha256(body));
        return reply(work.create(draft, key), Response.Status.CREATED);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("id") String id, String body, @HeaderParam("If-Match") String ifMatch) {
        Set<String> allowed = new HashSet<>(FIELDS);
        allowed.add("status");
        allowed.add("if_match_version");
        JsonBody json = JsonBody.parse(body, allowed);
        List<FieldError> errors = new ArrayList<>();
        Long version = Versions.expected(json, ifMatch, errors);
        WorkItemView current = work.get(id);
        WorkItemDraft draft = draft(json, current.draft(), errors);
        String status = json.string("status", errors);
        ValidationException.throwIfAny(errors);
        return reply(work.update(id, version, draft, status), Response.Status.OK);
    }

    private static WorkItemDraft draft(JsonBody json, WorkItemDraft base, List<FieldError> errors) {
        Instant due = base.dueAt();
        if (json.has("due_at")) {
            String raw = json.string("due_at", errors);
            due = null;
            if (raw != null) {
                try {
                    due = OffsetDateTime.parse(raw).toInstant();
                } catch (DateTimeParseException e) {
                    errors.add(new FieldError("due_at", "An ISO-8601 date-time with offset, e.g. 2026-12-01T09:00:00-05:00"));
                }
            }
        }
        Map<String, Object> labels = base.labels();
        if (json.has("labels_json")) {
            labels = json.flatObject("labels_json", errors);
        }
        return new WorkItemDraft(
                json.has("type") ? json.string("type", errors) : base.type(),
                json.has("title") ? json.string("title", errors) : base.title(),
                json.has("description") ? json.string("description", errors) : base.description(),
                json.has("priority") ? json.string("priority", errors) : base.priority(),
                json.has("contact_id") ? json.string("contact_id", errors) : base.contactId(),
                due,
                json.has("assigned_to") ? json.string("assigned_to", errors) : base.assignedTo(),
                labels);
    }

    private static Response reply(WorkItemView item, Response.Status status) {
        return Versions.reply(json(item), item.version(), status);
    }

    static JsonObject json(WorkItemView w) {
        JsonObjectBuilder o = Jsonp.createObjectBuilder()
                .add("id", w.id()).add("type", w.type()).add("title", w.title()).add("status", w.status())
                .add("priority", w.priority()).add("source", w.source()).add("version", w.version());
        o.add("description", w.description() == null ? JsonValue.NULL : Jsonp.createValue(w.description()));
        o.add("contact_id", w.contactId() == null ? JsonValue.NULL : Jsonp.createValue(w.contactId()));
        o.add("assigned_to", w.assignedTo() == null ? JsonValue.NULL : Jsonp.createValue(w.assignedTo()));
        o.add("conversation_id", w.conversationId() == null ? JsonValue.NULL : Jsonp.createValue(w.conversationId()));
        o.add("due_at", w.dueAt() == null ? JsonValue.NULL : Jsonp.createValue(w.dueAt().toString()));
        JsonObjectBuilder labels = Jsonp.createObjectBuilder();
        w.labels().forEach((k, v) -> {
            if (v == null) {
                labels.addNull(k);
            } else if (v instanceof Boolean b) {
                labels.add(k, b);
            } else if (v instanceof Number n) {
                labels.add(k, Jsonp.createValue(new BigDecimal(n.toString())));
            } else {
                labels.add(k, v.toString());
            }
        });
        o.add("labels_json", labels);
        o.add("created_at", w.createdAt().toString());
        o.add("updated_at", w.updatedAt() == null ? JsonValue.NULL : Jsonp.createValue(w.updatedAt().toString()));
        o.add("allowed_actions", Jsonp.createArrayBuilder(w.allowedActions()));
        o.add("next_statuses", Jsonp.createArrayBuilder(w.nextStatuses()));
        return o.build();
    }

}
