package com.smbhub.portal.api;

import com.smbhub.aidraft.AiDraftService;
import com.smbhub.file.FileService;
import com.smbhub.inbox.ConversationView;
import com.smbhub.inbox.InboxService;
import com.smbhub.inbox.MessageView;
import com.smbhub.platform.Jsonp;
import com.smbhub.platform.errors.NotFoundException;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.errors.ValidationException.FieldError;
import com.smbhub.platform.idempotency.Idempotency;
import com.smbhub.workitem.WorkItemDraft;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The inbox of the token's business (PRD 2.3, issue 14): conversations, their messages, replies, "Convert to". */
@ApplicationScoped
@Path("/conversations")
@Authenticated
public class ConversationsResource {

    @EJB InboxService inbox;

    @EJB FileService files;

    @EJB AiDraftService drafts;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@QueryParam("status") String status, @QueryParam("channel") String channel,
                         @QueryParam("assigned_to") String assignedTo, @QueryParam("unread") String unread,
                         @QueryParam("q") String q, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        Boolean onlyUnread = null;
        if (ApiRequest.blank(unread) != null) {
            if (!unread.equals("true") && !unread.equals("false")) {
                throw new ValidationException("unread", "true or false");
            }
            onlyUnread = Boolean.valueOf(unread);
        }
        var page = inbox.list(new InboxService.Filter(ApiRequest.blank(status), ApiRequest.blank(channel),
                ApiRequest.blank(assignedTo), onlyUnread, ApiRequest.blank(q)), Paging.after(cursor), Paging.limit(limit));
        return Paging.reply(page, ConversationsResource::json);
    }

    /** One conversation; reading it through the API marks it read, as opening it in the back office does. */
    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response get(@PathParam("id") String id) {
        ConversationView c = inbox.open(id);
        return Versions.reply(json(c), c.version(), Response.Status.OK);
    }

    /** {@code {"assigned_to": id | null, "status": "OPEN" | "CLOSED"}} with If-Match. */
    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("id") String id, String body, @HeaderParam("If-Match") String ifMatch) {
        JsonBody json = JsonBody.parse(body, Set.of("assigned_to", "status", "contact_id", "if_match_version"));
        List<FieldError> errors = new ArrayList<>();
        Long version = Versions.expected(json, ifMatch, errors);
        String assignTo = null;
        if (json.has("assigned_to")) {
            String raw = json.string("assigned_to", errors);
            assignTo = raw == null ? "" : raw;
        }
        String status = json.has("status") ? json.string("status", errors) : null;
        String contact = json.has("contact_id") ? json.requiredString("contact_id", errors) : null;
        ValidationException.throwIfAny(errors);
        ConversationView c = assignTo != null || status != null ? inbox.update(id, version, assignTo, status) : inbox.get(id);
        if (contact != null) {
            c = inbox.linkContact(id, contact);
        }
        return Versions.reply(json(c), c.version(), Response.Status.OK);
    }

    @GET
    @Path("/{id}/messages")
    @Produces(MediaType.APPLICATION_JSON)
    public Response messages(@PathParam("id") String id) {
        JsonArrayBuilder data = Jsonp.createArrayBuilder();
        inbox.messages(id).forEach(m -> data.add(json(m)));
        return Envelope.ok(data.build());
    }

    /**
     * Sends an answer in the thread: {@code {"text", "attachment_ids"?}} (files of the business the caller may
     * read, e-mailed with it); 201 with the message, SENT or FAILED with the reason.
     */
    @POST
    @Path("/{id}/messages")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response reply(@PathParam("id") String id, String body, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        JsonBody json = JsonBody.parse(body, Set.of("text", "attachment_ids"));
        List<FieldError> errors = new ArrayList<>();
        String text = json.requiredString("text", errors);
        List<String> ids = json.has("attachment_ids") ? json.strings("attachment_ids", errors) : List.of();
        ValidationException.throwIfAny(errors);
        if (ids != null && ids.size() > 10) {
            throw new ValidationException("attachment_ids", "At most 10 files in one message");
        }
        List<InboxService.Attachment> attachments = new ArrayList<>();
        for (String fileId : ids == null ? List.<String>of() : ids) {
            try {
                var download = files.open(fileId);
                try (var content = download.content()) {
                    attachments.add(new InboxService.Attachment(download.file().fileName(), content.readNBytes(25 * 1024 * 1024)));
                }
            } catch (NotFoundException | java.io.IOException e) {
                throw new ValidationException("attachment_ids", "No such file: " + fileId);
            }
        }
        var key = Idempotency.Key.of("POST /conversations/" + id + "/messages", idempotencyKey, ApiRequest.sha256(body));
        return Response.fromResponse(Envelope.ok(json(inbox.reply(id, text, attachments, key))))
                .status(Response.Status.CREATED).build();
    }

    /** Sends a failed message again. */
    @POST
    @Path("/{id}/messages/{messageId}/retry")
    @Produces(MediaType.APPLICATION_JSON)
    public Response retry(@PathParam("id") String id, @PathParam("messageId") String messageId) {
        return Envelope.ok(json(inbox.retry(id, messageId)));
    }

    /** The raw RFC 822 source of an incoming message. */
    @GET
    @Path("/{id}/messages/{messageId}/source")
    @Produces("message/rfc822")
    public Response source(@PathParam("id") String id, @PathParam("messageId") String messageId) {
        return Response.ok(inbox.source(id, messageId)).header("Content-Disposition", "attachment; filename=\"message.eml\"")
                .header("X-Content-Type-Options", "nosniff").build();
    }

    /** "Compose": {@code {"contact_id"? | "to"?, "subject", "text"}} → 201 with the new conversation, its first message sent. */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response compose(String body, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        JsonBody json = JsonBody.parse(body, Set.of("channel", "contact_id", "to", "subject", "text"));
        List<FieldError> errors = new ArrayList<>();
        String channel = json.string("channel", errors);
        String contact = json.string("contact_id", errors);
        String to = json.string("to", errors);
        String subject = json.string("subject", errors);
        String text = json.string("text", errors);
        ValidationException.throwIfAny(errors);
        var key = Idempotency.Key.of("POST /conversations", idempotencyKey, ApiRequest.sha256(body));
        ConversationView c = inbox.compose(channel, contact, to, subject, text, key);
        return Versions.reply(json(c), c.version(), Response.Status.CREATED);
    }

    /**
     * "Convert to": {@code {"target": "WORK_ITEM", "title"?, "description"?}} makes a work item prefilled from
     * the conversation (201); the item links back to it. {@code "QUOTE"} / {@code "INVOICE"}: the draft of the
     * conversation's work item (made first when there is none): 201 new, 200 the existing draft.
     */
    @POST
    @Path("/{id}/convert")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response convert(@PathParam("id") String id, String body, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        JsonBody json = JsonBody.parse(body, Set.of("target", "title", "description"));
        List<FieldError> errors = new ArrayList<>();
        String target = json.requiredString("target", errors);
        if (target != null && !Set.of("WORK_ITEM", "QUOTE", "INVOICE").contains(target)) {
            errors.add(new FieldError("target", "One of WORK_ITEM, QUOTE, INVOICE"));
        }
        String title = json.has("title") ? json.string("title", errors) : null;
        String description = json.has("description") ? json.string("description", errors) : null;
        ValidationException.throwIfAny(errors);
        if (target.equals("INVOICE")) {
            var invoice = inbox.draftInvoice(id);
            return Response.fromResponse(Envelope.ok(InvoicesResource.jsonOf(invoice.document())))
                    .status(invoice.created() ? Response.Status.CREATED : Response.Status.OK).build();
        }
        if (target.equals("QUOTE")) {
            var quote = inbox.draftQuote(id);
            return Response.fromResponse(Envelope.ok(QuotesResource.jsonOf(quote.document())))
                    .status(quote.created() ? Response.Status.CREATED : Response.Status.OK).build();
        }
        WorkItemDraft start = inbox.workItemDraft(id);
        WorkItemDraft draft = new WorkItemDraft(null, title != null ? title : start.title(),
                description != null ? description : start.description(), null, start.contactId(), null, null, null);
        var key = Idempotency.Key.of("POST /conversations/" + id + "/convert", idempotencyKey, ApiRequest.sha256(body));
        var item = inbox.convertToWorkItem(id, draft, key);
        return Versions.reply(WorkItemsResource.json(item), item.version(), Response.Status.CREATED);
    }

    /** The Text-to-Task drafts made from the conversation's messages, newest first. */
    @GET
    @Path("/{id}/ai-drafts")
    @Produces(MediaType.APPLICATION_JSON)
    public Response aiDrafts(@PathParam("id") String id) {
        JsonArrayBuilder data = Jsonp.createArrayBuilder();
        drafts.forConversation(id).forEach(d -> data.add(AiDraftsResource.json(d)));
        return Envelope.ok(data.build());
    }

    static JsonObject json(ConversationView c) {
        JsonObjectBuilder o = Jsonp.createObjectBuilder().add("id", c.id()).add("channel", c.channel())
                .add("status", c.status()).add("unread_count", c.unreadCount()).add("version", c.version())
                .add("display_name", c.who());
        o.add("contact_id", Envelope.nullable(c.contactId()));
        o.add("counterpart", Envelope.nullable(c.counterpart()));
        o.add("subject", Envelope.nullable(c.subject()));
        o.add("snippet", Envelope.nullable(c.snippet()));
        o.add("assigned_to", Envelope.nullable(c.assignedTo()));
        o.add("last_message_at", c.lastMessageAt() == null ? JsonValue.NULL : Jsonp.createValue(c.lastMessageAt().toString()));
        JsonArrayBuilder items = Jsonp.createArrayBuilder();
        c.workItemIds().forEach(items::add);
        o.add("work_item_ids", items);
        JsonArrayBuilder actions = Jsonp.createArrayBuilder();
        c.allowedActions().forEach(actions::add);
        o.add("allowed_actions", actions);
        o.add("notice", Envelope.nullable(c.notice()));
        o.add("document_type", Envelope.nullable(c.documentType()));
        o.add("document_id", Envelope.nullable(c.documentId()));
        return o.build();
    }

    static JsonObject json(MessageView m) {
        JsonObjectBuilder o = Jsonp.createObjectBuilder().add("id", m.id()).add("conversation_id", m.conversationId())
                .add("direction", m.direction()).add("state", m.state()).add("at", m.at().toString());
        o.add("from", Envelope.nullable(m.fromAddress()));
        o.add("from_name", Envelope.nullable(m.fromName()));
        o.add("to", Envelope.nullable(m.to()));
        o.add("subject", Envelope.nullable(m.subject()));
        o.add("text", Envelope.nullable(m.text()));
        o.add("html", Envelope.nullable(m.html()));
        o.add("remote_images", m.remoteImages());
        o.add("files_coming", m.filesComing());
        o.add("error", Envelope.nullable(m.error()));
        o.add("automatic", Envelope.nullable(m.automatic()));
        JsonArrayBuilder files = Jsonp.createArrayBuilder();
        m.attachments().forEach(f -> files.add(FilesResource.json(f)));
        o.add("attachments", files);
        return o.build();
    }
}
