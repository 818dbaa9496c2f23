package com.smbhub.portal.api;

import com.smbhub.platform.Jsonp;
import com.smbhub.platform.errors.ValidationException.FieldError;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.quote.QuoteService;
import com.smbhub.quote.QuoteStatus;
import com.smbhub.quote.QuoteView;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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

    @EJB QuoteService quotes;

    public QuotesResource() {
        super("/quotes", DocumentJson.QUOTE, QuotesResource::jsonOf);
    }

    /** The client answered in person ({@code /approve} or {@code /reject}): {@code {"note"?}}. */
    @POST
    @Path("/{id}/{answer: approve|reject}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response answer(@PathParam("id") String id, @PathParam("answer") String answer, String body) {
        return reply(quotes.decide(id, answer.equals("approve"), note(body)), Response.Status.OK);
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
        ValidationException.throwIfAny(errors);
        return note;
    }

    @Override
    Documents<QuoteView> documents() {
        return new Documents<>(quotes, quotes::send);
    }

    static JsonObject jsonOf(QuoteView q) {
        return DocumentJson.QUOTE.json(q).add("converted_invoice_id", Envelope.nullable(q.convertedInvoiceId()))
                .add("decided_at", q.decidedAt() == null ? JsonValue.NULL : Jsonp.createValue(q.decidedAt().toString()))
                .add("decision_note", Envelope.nullable(q.decisionNote())).build();
    }
}
