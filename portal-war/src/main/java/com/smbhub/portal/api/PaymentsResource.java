package com.smbhub.portal.api;

import com.smbhub.invoice.InvoiceSending;
import com.smbhub.payment.PaymentFilter;
import com.smbhub.payment.PaymentLine;
import com.smbhub.payment.PaymentService;
import com.smbhub.payment.PaymentView;
import com.smbhub.platform.Jsonp;
import com.smbhub.platform.errors.ValidationException.FieldError;
import com.smbhub.platform.errors.ValidationException;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArrayBuilder;
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
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Payments (PRD 12.3.6): those of an invoice, recording one by hand, refunding one recorded by hand. */
@ApplicationScoped
@Path("/payments")
@Authenticated
public class PaymentsResource {

    @EJB PaymentService payments;

    @EJB InvoiceSending sending;

    /**
     * With {@code invoice_id}: that invoice's payments. Without: every payment of the business, the last recorded
     * first, filtered by {@code month} (2026-12, the business's calendar), {@code method} and {@code status}, paged.
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@QueryParam("invoice_id") String invoiceId, @QueryParam("month") String month,
                         @QueryParam("method") String method, @QueryParam("status") String status,
                         @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        if (invoiceId != null) {
            if (invoiceId.isBlank()) {
                throw new ValidationException("invoice_id", "An invoice's id, or leave it out for every payment");
            }
            JsonArrayBuilder data = Jsonp.createArrayBuilder();
            payments.ofInvoice(invoiceId.trim()).forEach(p -> data.add(json(p)));
            return Envelope.ok(data.build());
        }
        PaymentFilter filter = PaymentFilter.of(month, method, status);
        int size = Paging.limit(limit);
        return Paging.reply(payments.list(filter, Paging.after(cursor), size), PaymentsResource::json);
    }

    /** {@code [{"currency","received","refunded","net"}]} of the payments the same filters let through. */
    @GET
    @Path("/totals")
    @Produces(MediaType.APPLICATION_JSON)
    public Response totals(@QueryParam("month") String month, @QueryParam("method") String method,
                           @QueryParam("status") String status) {
        JsonArrayBuilder data = Jsonp.createArrayBuilder();
        payments.totals(PaymentFilter.of(month, method, status)).forEach(t -> data.add(Jsonp.createObjectBuilder()
                .add("currency", t.currency()).add("received", Envelope.money(t.received(), t.currency()))
                .add("refunded", Envelope.money(t.refunded(), t.currency())).add("net", Envelope.money(t.net(), t.currency()))));
        return Envelope.ok(data.build());
    }

    /** The same list as a CSV file to download. */
    @GET
    @Path("/csv")
    @Produces("text/csv")
    public Response csv(@QueryParam("month") String month, @QueryParam("method") String method,
                        @QueryParam("status") String status) {
        PaymentFilter filter = PaymentFilter.of(month, method, status);
        return Response.ok(payments.csv(filter), "text/csv; charset=UTF-8").header("Content-Disposition",
                "attachment; filename=\"payments" + (filter.month() == null ? "" : "-" + filter.month()) + ".csv\"").build();
    }

    static JsonObject json(PaymentLine line) {
        return Jsonp.createObjectBuilder(json(line.payment())).add("refunded", Envelope.money(line.refunded(),
                        line.payment().currency())).add("invoice_number", Envelope.nullable(line.invoiceNumber()))
                .add("contact_id", Envelope.nullable(line.contactId())).add("client_name", Envelope.nullable(line.clientName()))
                .build();
    }

    /** {@code {"invoice_id","provider":"CASH|BANK|OTHER","amount","paid_at"?,"method_label"?}} → 201. */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response record(String body) {
        JsonBody json = JsonBody.parse(body, Set.of("invoice_id", "provider", "amount", "paid_at", "method_label"));
        List<FieldError> errors = new ArrayList<>();
        String invoiceId = json.requiredString("invoice_id", errors);
        String provider = json.requiredString("provider", errors);
        BigDecimal amount = json.decimal("amount", "An amount, e.g. 120.50", errors);
        Instant paidAt = null;
        String raw = json.string("paid_at", errors);
        if (raw != null) {
            try {
                paidAt = OffsetDateTime.parse(raw).toInstant();
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("paid_at", "An ISO-8601 date-time with offset, e.g. 2026-12-01T09:00:00-05:00"));
            }
        }
        String label = json.string("method_label", errors);
        ValidationException.throwIfAny(errors);
        return Response.fromResponse(Envelope.ok(json(payments.record(invoiceId, provider, amount, paidAt, label))))
                .status(Response.Status.CREATED).build();
    }

    @POST
    @Path("/{id}/refund")
    @Produces(MediaType.APPLICATION_JSON)
    public Response refund(@PathParam("id") String id) {
        return Envelope.ok(json(payments.refund(id)));
    }

    /**
     * A receipt for a payment received (by hand or by card), as the invoice's Send receipt: {@code {"to"?, "message"?,
     * "template_id"?}} (to: the client's e-mail when absent); answers the payment.
     */
    @POST
    @Path("/{id}/receipt")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response receipt(@PathParam("id") String id, String body) {
        MailRequest mail = MailRequest.parse(body);
        PaymentView payment = payments.get(id);
        sending.receipt(payment.invoiceId(), id, mail.to(), mail.message(), mail.templateId());
        return Envelope.ok(json(payment));
    }

    static JsonObject json(PaymentView p) {
        return Jsonp.createObjectBuilder().add("id", p.id()).add("invoice_id", p.invoiceId()).add("provider", p.provider())
                .add("status", p.status()).add("amount", Envelope.money(p.amount(), p.currency())).add("currency", p.currency())
                .add("paid_at", p.paidAt() == null ? JsonValue.NULL : Jsonp.createValue(p.paidAt().toString()))
                .add("method_label", p.methodLabel() == null ? JsonValue.NULL : Jsonp.createValue(p.methodLabel()))
                .add("allowed_actions", Jsonp.createArrayBuilder(p.allowedActions())).build();
    }
}
