package com.smbhub.portal.api;

import com.smbhub.money.DocumentDraft;
import com.smbhub.platform.Jsonp;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.errors.ValidationException.FieldError;
import com.smbhub.platform.idempotency.Idempotency;
import com.smbhub.quote.QuoteService;
import com.smbhub.quote.QuoteView;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
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
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Quotes of the token's business (PRD 2.3, 12.3.4): drafts, send, the client's answer, convert to invoice. */
@ApplicationScoped
@Path("/quotes")
@Authenticated
public class QuotesResource {

    static final Set<String> FIELDS = Set.of("contact_id", "work_item_id", "issue_date", "expiry_date", "currency", "pricing",
            "tax_code", "line_items", "discount", "notes", "terms");

    @EJB
    QuoteService quotes;

    @EJB
    com.smbhub.portal.PortalLinks links;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@QueryParam("status") String status, @QueryParam("contact_id") String contactId,
                         @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        var page = quotes.list(InvoicesResource.blank(status), InvoicesResource.blank(contactId), Paging.after(cursor),
                Paging.limit(limit));
        JsonArrayBuilder data = Jsonp.createArrayBuilder();
        page.items().forEach(q -> data.add(json(q)));
        return Envelope.ok(data.build(), page.nextKey() == null ? null : Paging.encode(page.nextKey()));
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response get(@PathParam("id") String id) {
        return reply(quotes.get(id), Response.Status.OK);
    }

    @GET
    @Path("/{id}/pdf")
    @Produces("application/pdf")
    public Response pdf(@PathParam("id") String id) {
        return FilesResource.pdf(quotes.pdf(id), quotes.get(id).number() + ".pdf");
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(String body, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        JsonBody json = JsonBody.parse(body, FIELDS);
        List<FieldError> errors = new ArrayList<>();
        DocumentDraft draft = InvoicesResource.draft(json, new DocumentDraft(null, null, null, null, null, null, null, null,
                null, null, null), errors, "expiry_date");
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        var key = Idempotency.Key.of("POST /quotes", idempotencyKey, ApiRequest.sha256(body));
        return reply(quotes.create(draft, key), Response.Status.CREATED);
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
        QuoteView current = quotes.get(id);
        DocumentDraft draft = InvoicesResource.draft(json, current.draft(), errors, "expiry_date");
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return reply(quotes.update(id, version == null ? current.version() : version, draft), Response.Status.OK);
    }

    /** E-mails the quote with its PDF and a fresh client link: {@code {"to"?, "message"?}}; 502 PROVIDER_ERROR as for invoices. */
    @POST
    @Path("/{id}/send")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response send(@PathParam("id") String id, String body) {
        MailRequest mail = MailRequest.parse(body);
        return reply(quotes.send(id, mail.to(), mail.message(), mail.templateId()), Response.Status.OK);
    }

    /** The client answered in person: {@code {"note"?}}. */
    @POST
    @Path("/{id}/approve")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response approve(@PathParam("id") String id, String body) {
        return reply(quotes.decide(id, true, note(body)), Response.Status.OK);
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response reject(@PathParam("id") String id, String body) {
        return reply(quotes.decide(id, false, note(body)), Response.Status.OK);
    }

    /** An approved quote becomes a draft invoice (201), or the invoice it already became (200). */
    @POST
    @Path("/{id}/convert-to-invoice")
    @Produces(MediaType.APPLICATION_JSON)
    public Response convert(@PathParam("id") String id) {
        boolean before = quotes.get(id).state() == com.smbhub.quote.QuoteStatus.CONVERTED;
        var invoice = quotes.convertToInvoice(id);
        return InvoicesResource.reply(invoice, before ? Response.Status.OK : Response.Status.CREATED);
    }

    /** A new client link for the quote; every earlier one stops working. */
    @POST
    @Path("/{id}/portal-link")
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.WILDCARD)
    public Response portalLink(@PathParam("id") String id, String body) {
        return Envelope.ok(Jsonp.createObjectBuilder().add("portal_path", links.regenerateQuoteLink(id, null,
                PortalLinkBody.expiresInDays(body))).build());
    }

    private static String note(String body) {
        JsonBody json = JsonBody.parse(body == null || body.isBlank() ? "{}" : body, Set.of("note"));
        List<FieldError> errors = new ArrayList<>();
        String note = json.string("note", errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return note;
    }

    private static Response reply(QuoteView quote, Response.Status status) {
        return Response.fromResponse(Envelope.ok(json(quote))).status(status)
                .header("ETag", Versions.etag(quote.version())).build();
    }

    static JsonObject json(QuoteView q) {
        return Jsonp.createObjectBuilder().add("id", q.id()).add("number", q.number()).add("status", q.status())
                .add("contact_id", InvoicesResource.nullable(q.contactId()))
                .add("contact_name", InvoicesResource.nullable(q.contactName()))
                .add("work_item_id", InvoicesResource.nullable(q.workItemId()))
                .add("issue_date", q.issueDate().toString())
                .add("expiry_date", q.expiryDate() == null ? jakarta.json.JsonValue.NULL : Jsonp.createValue(q.expiryDate().toString()))
                .add("currency", q.currency()).add("pricing", q.pricing().name().toLowerCase())
                .add("tax_code", InvoicesResource.nullable(q.taxCode()))
                .add("line_items", InvoicesResource.linesJson(q.lines(), q.lineTotals()))
                .add("discount", Jsonp.createObjectBuilder().add("type", q.discount().percent() ? "percent" : "amount")
                        .add("value", q.discount().value().toPlainString()))
                .add("subtotal", InvoicesResource.money(q.subtotal(), q.currency()))
                .add("discount_total", InvoicesResource.money(q.discountTotal(), q.currency()))
                .add("tax_total", InvoicesResource.money(q.taxTotal(), q.currency())).add("taxes", InvoicesResource.taxesJson(q.taxes()))
                .add("total", InvoicesResource.money(q.total(), q.currency()))
                .add("notes", InvoicesResource.nullable(q.notes())).add("terms", InvoicesResource.nullable(q.terms()))
                .add("converted_invoice_id", InvoicesResource.nullable(q.convertedInvoiceId()))
                .add("decided_at", q.decidedAt() == null ? jakarta.json.JsonValue.NULL : Jsonp.createValue(q.decidedAt().toString()))
                .add("decision_note", InvoicesResource.nullable(q.decisionNote()))
                .add("version", q.version()).add("created_at", q.createdAt().toString())
                .add("allowed_actions", Jsonp.createArrayBuilder(q.allowedActions())).build();
    }
}
