package com.smbhub.portal.api;

import com.smbhub.money.DocumentService;
import com.smbhub.platform.Jsonp;
import com.smbhub.platform.errors.ValidationException.FieldError;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.portal.PortalLinks;
import com.smbhub.quote.QuoteService;
import com.smbhub.quote.QuoteStatus;
import com.smbhub.quote.QuoteView;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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

/** Quotes of the token's business (PRD 2.3, 12.3.4): drafts, send, the client's answer, convert to invoice. */
@ApplicationScoped
@Path("/quotes")
@Authenticated
public class QuotesResource extends DocumentsResource<QuoteView> {

    @EJB
    QuoteService quotes;

    @EJB
    PortalLinks links;

    public QuotesResource() {
        super("/quotes", DocumentJson.QUOTE, QuotesResource::jsonOf);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@QueryParam("status") String status, @QueryParam("contact_id") String contactId,
                         @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        var page = quotes.list(ApiRequest.blank(status), ApiRequest.blank(contactId), Paging.after(cursor),
                Paging.limit(limit));
        return Paging.reply(page, QuotesResource::jsonOf);
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
        boolean before = quotes.get(id).state() == QuoteStatus.CONVERTED;
        var invoice = quotes.convertToInvoice(id);
        return Versions.reply(InvoicesResource.jsonOf(invoice), invoice.version(), before ? Response.Status.OK : Response.Status.CREATED);
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

    @Override
    DocumentService<?, QuoteView> documents() {
        return quotes;
    }

    @Override
    QuoteView mail(String id, MailRequest mail) {
        return quotes.send(id, mail.to(), mail.message(), mail.templateId());
    }

    @Override
    String regenerateLink(String id, Integer expiresInDays) {
        return links.regenerateQuoteLink(id, null, expiresInDays);
    }

    static JsonObject jsonOf(QuoteView q) {
        return DocumentJson.QUOTE.json(q).add("converted_invoice_id", Envelope.nullable(q.convertedInvoiceId()))
                .add("decided_at", q.decidedAt() == null ? JsonValue.NULL : Jsonp.createValue(q.decidedAt().toString()))
                .add("decision_note", Envelope.nullable(q.decisionNote())).build();
    }
}
