package com.smbhub.portal.api;

import com.smbhub.invoice.InvoiceSending;
import com.smbhub.invoice.InvoiceService;
import com.smbhub.invoice.InvoiceView;
import com.smbhub.invoice.ReminderHold;
import com.smbhub.platform.Jsonp;
import com.smbhub.platform.errors.ValidationException.FieldError;
import com.smbhub.platform.errors.ValidationException;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Invoices of the token's business (PRD 2.3, 12.3.5): drafts with computed totals. */
@ApplicationScoped
@Path("/invoices")
@Authenticated
public class InvoicesResource extends DocumentsResource<InvoiceView> {

    @EJB InvoiceService invoices;

    @EJB InvoiceSending sending;

    public InvoicesResource() {
        super("/invoices", DocumentJson.INVOICE, InvoicesResource::jsonOf);
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

    /** Voids a draft or sent invoice (owners and admins); {@code {"if_match_version"}} or If-Match. */
    @POST
    @Path("/{id}/void")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response voidInvoice(@PathParam("id") String id, String body, @HeaderParam("If-Match") String ifMatch) {
        return reply(invoices.voidInvoice(id, versionOnly(body, ifMatch)), Response.Status.OK);
    }

    /**
     * Holds the automatic reminders of a sent invoice: {@code {"reason": "DISPUTED"|"OPTED_OUT", "note"?,
     * "if_match_version"}} (or If-Match); a person's "Send reminder" still goes.
     */
    @POST
    @Path("/{id}/reminders/hold")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response holdReminders(@PathParam("id") String id, String body, @HeaderParam("If-Match") String ifMatch) {
        JsonBody json = JsonBody.parse(body == null || body.isBlank() ? "{}" : body, Set.of("reason", "note", "if_match_version"));
        List<FieldError> errors = new ArrayList<>();
        String reason = json.requiredString("reason", errors);
        ReminderHold why = ReminderHold.of(reason);
        if (reason != null && why == null) {
            errors.add(new FieldError("reason", "DISPUTED (the client disputes it) or OPTED_OUT (the client asked for no reminders)"));
        }
        String note = json.string("note", errors);
        Long version = Versions.expected(json, ifMatch, errors);
        ValidationException.throwIfAny(errors);
        return reply(invoices.holdReminders(id, why, note, version), Response.Status.OK);
    }

    /** Lets the automatic reminders of a held invoice go again: {@code {"if_match_version"}} or If-Match. */
    @POST
    @Path("/{id}/reminders/resume")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response resumeReminders(@PathParam("id") String id, String body, @HeaderParam("If-Match") String ifMatch) {
        return reply(invoices.holdReminders(id, null, null, versionOnly(body, ifMatch)), Response.Status.OK);
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

    /** The expected version of a body that holds nothing else ({@code {"if_match_version"}}, or If-Match). */
    private static Long versionOnly(String body, String ifMatch) {
        JsonBody json = JsonBody.parse(body == null || body.isBlank() ? "{}" : body, Set.of("if_match_version"));
        List<FieldError> errors = new ArrayList<>();
        Long version = Versions.expected(json, ifMatch, errors);
        ValidationException.throwIfAny(errors);
        return version;
    }

    @Override
    Documents<InvoiceView> documents() {
        return new Documents<>(invoices, sending::send);
    }

    static JsonObject jsonOf(InvoiceView i) {
        return DocumentJson.INVOICE.json(i).add("amount_paid", Envelope.money(i.amountPaid(), i.currency()))
                .add("amount_due", Envelope.money(i.amountDue(), i.currency()))
                .add("amount_credit", Envelope.money(i.credit(), i.currency()))
                .add("payment_link_url", Envelope.nullable(i.paymentLinkUrl())).add("ar_stage", i.arStage())
                .add("reminder_hold", Envelope.nullable(i.reminderHold() == null ? null : i.reminderHold().name()))
                .add("reminder_hold_note", Envelope.nullable(i.reminderHoldNote())).build();
    }
}
