package com.smbhub.portal.api;

import com.smbhub.invoice.InvoiceSending;
import com.smbhub.invoice.InvoiceService;
import com.smbhub.invoice.InvoiceView;
import com.smbhub.money.DocumentService;
import com.smbhub.platform.Jsonp;
import com.smbhub.platform.errors.ValidationException.FieldError;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.portal.PortalLinks;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Invoices of the token's business (PRD 2.3, 12.3.5): drafts with computed totals. */
@ApplicationScoped
@Path("/invoices")
@Authenticated
public class InvoicesResource extends DocumentsResource<InvoiceView> {

    @EJB
    InvoiceService invoices;

    @EJB
    PortalLinks links;

    @EJB
    InvoiceSending sending;

    public InvoicesResource() {
        super("/invoices", DocumentJson.INVOICE, InvoicesResource::jsonOf);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@QueryParam("status") String status, @QueryParam("contact_id") String contactId,
                         @QueryParam("from") String from, @QueryParam("to") String to,
                         @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate first = day(from, "from", errors);
        LocalDate last = day(to, "to", errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        var page = invoices.list(ApiRequest.blank(status), ApiRequest.blank(contactId), first, last, Paging.after(cursor), Paging.limit(limit));
        return Paging.reply(page, InvoicesResource::jsonOf);
    }

    /** The invoice's history, newest first: {@code [{"action","actor","at","before","after"}]}. */
    @GET
    @Path("/{id}/activity")
    @Produces(MediaType.APPLICATION_JSON)
    public Response activity(@PathParam("id") String id) {
        return Envelope.ok(WorkItemsResource.activity(invoices.activity(id)));
    }

    /** "Send reminder": {@code {"to"?, "message"?}}; the collection stage (ar_stage) moves on once the mail went out. */
    @POST
    @Path("/{id}/remind")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response remind(@PathParam("id") String id, String body) {
        MailRequest mail = MailRequest.parse(body);
        return reply(sending.remind(id, mail.to(), mail.message(), mail.templateId()), Response.Status.OK);
    }

    /** Voids a draft or sent invoice (owners and admins); body optional: {@code {"if_match_version"}}. */
    @POST
    @Path("/{id}/void")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response voidInvoice(@PathParam("id") String id, String body, @HeaderParam("If-Match") String ifMatch) {
        JsonBody json = JsonBody.parse(body == null || body.isBlank() ? "{}" : body, Set.of("if_match_version"));
        List<FieldError> errors = new ArrayList<>();
        Long version = Versions.expected(json, ifMatch, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        long expected = version == null ? invoices.get(id).version() : version;
        return reply(invoices.voidInvoice(id, expected), Response.Status.OK);
    }

    /**
     * The Stripe Checkout page that pays what is due now (direct charge on the business's connected
     * account); Stripe's refusal is 502 PROVIDER_ERROR with its reason and changes nothing.
     */
    @POST
    @Path("/{id}/payment-link")
    @Produces(MediaType.APPLICATION_JSON)
    public Response paymentLink(@PathParam("id") String id) {
        InvoiceView invoice = invoices.paymentLink(id);
        return Envelope.ok(Jsonp.createObjectBuilder().add("payment_link_url", invoice.paymentLinkUrl())
                .add("invoice", jsonOf(invoice)).build());
    }

    private static LocalDate day(String raw, String field, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.trim());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "A date like 2026-12-01"));
            return null;
        }
    }

    @Override
    DocumentService<?, InvoiceView> documents() {
        return invoices;
    }

    @Override
    InvoiceView mail(String id, MailRequest mail) {
        return sending.send(id, mail.to(), mail.message(), mail.templateId());
    }

    @Override
    String regenerateLink(String id, Integer expiresInDays) {
        return links.regenerateInvoiceLink(id, null, expiresInDays);
    }

    static JsonObject jsonOf(InvoiceView i) {
        return DocumentJson.INVOICE.json(i).add("amount_paid", Envelope.money(i.amountPaid(), i.currency()))
                .add("amount_due", Envelope.money(i.amountDue(), i.currency()))
                .add("payment_link_url", Envelope.nullable(i.paymentLinkUrl())).add("ar_stage", i.arStage()).build();
    }
}
