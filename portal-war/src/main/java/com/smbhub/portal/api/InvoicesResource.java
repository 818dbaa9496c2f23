package com.smbhub.portal.api;

import com.smbhub.money.DocumentDraft;
import com.smbhub.invoice.InvoiceService;
import com.smbhub.invoice.InvoiceView;
import com.smbhub.money.LineItem;
import com.smbhub.money.Totals;
import com.smbhub.platform.Jsonp;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.errors.ValidationException.FieldError;
import com.smbhub.platform.idempotency.Idempotency;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
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
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Invoices of the token's business (PRD 2.3, 12.3.5): drafts with computed totals. */
@ApplicationScoped
@Path("/invoices")
@Authenticated
public class InvoicesResource {

    static final Set<String> FIELDS = Set.of("contact_id", "work_item_id", "issue_date", "due_date", "currency", "pricing",
            "tax_code", "line_items", "discount", "notes", "terms");

    @EJB
    InvoiceService invoices;

    @EJB
    com.smbhub.portal.PortalLinks links;

    @EJB
    com.smbhub.invoice.InvoiceSending sending;

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
        var page = invoices.list(blank(status), blank(contactId), first, last, Paging.after(cursor), Paging.limit(limit));
        JsonArrayBuilder data = Jsonp.createArrayBuilder();
        page.items().forEach(i -> data.add(json(i)));
        return Envelope.ok(data.build(), page.nextKey() == null ? null : Paging.encode(page.nextKey()));
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response get(@PathParam("id") String id) {
        return reply(invoices.get(id), Response.Status.OK);
    }

    @GET
    @Path("/{id}/pdf")
    @Produces("application/pdf")
    public Response pdf(@PathParam("id") String id) {
        return FilesResource.pdf(invoices.pdf(id), invoices.get(id).number() + ".pdf");
    }

    /**
     * E-mails the invoice with its PDF and a fresh client link: {@code {"to"?, "message"?}}. SENT only
     * once the mail server accepted it; otherwise 502 PROVIDER_ERROR with the reason and nothing changed.
     */
    @POST
    @Path("/{id}/send")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response send(@PathParam("id") String id, String body) {
        MailRequest mail = MailRequest.parse(body);
        return reply(sending.send(id, mail.to(), mail.message(), mail.templateId()), Response.Status.OK);
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
                .add("invoice", json(invoice)).build());
    }

    /** A new client link for the invoice; every earlier one stops working ("Regenerate link"). */
    @POST
    @Path("/{id}/portal-link")
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.WILDCARD)
    public Response portalLink(@PathParam("id") String id, String body) {
        return Envelope.ok(Jsonp.createObjectBuilder().add("portal_path", links.regenerateInvoiceLink(id, null,
                PortalLinkBody.expiresInDays(body))).build());
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(String body, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        JsonBody json = JsonBody.parse(body, FIELDS);
        List<FieldError> errors = new ArrayList<>();
        DocumentDraft draft = draft(json, new DocumentDraft(null, null, null, null, null, null, null, null, null, null, null), errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        var key = Idempotency.Key.of("POST /invoices", idempotencyKey, ApiRequest.sha256(body));
        return reply(invoices.create(draft, key), Response.Status.CREATED);
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
        InvoiceView current = invoices.get(id);
        DocumentDraft draft = draft(json, current.draft(), errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return reply(invoices.update(id, version == null ? current.version() : version, draft), Response.Status.OK);
    }

    private static DocumentDraft draft(JsonBody json, DocumentDraft base, List<FieldError> errors) {
        return draft(json, base, errors, "due_date");
    }

    /** The draft with the fields the body sets; {@code dateField} names the second date (due_date, expiry_date). */
    static DocumentDraft draft(JsonBody json, DocumentDraft base, List<FieldError> errors, String dateField) {
        Totals.Pricing pricing = base.pricing();
        if (json.has("pricing")) {
            String raw = json.string("pricing", errors);
            if ("tax_inclusive".equals(raw)) {
                pricing = Totals.Pricing.TAX_INCLUSIVE;
            } else if (raw == null || "tax_exclusive".equals(raw)) {
                pricing = Totals.Pricing.TAX_EXCLUSIVE;
            } else {
                errors.add(new FieldError("pricing", "tax_exclusive or tax_inclusive"));
            }
        }
        return new DocumentDraft(
                json.has("contact_id") ? json.string("contact_id", errors) : base.contactId(),
                json.has("work_item_id") ? json.string("work_item_id", errors) : base.workItemId(),
                json.has("issue_date") ? date(json, "issue_date", errors) : base.issueDate(),
                json.has(dateField) ? date(json, dateField, errors) : base.dueDate(),
                json.has("currency") ? json.string("currency", errors) : base.currency(),
                pricing,
                json.has("tax_code") ? json.string("tax_code", errors) : base.taxCode(),
                json.has("line_items") ? lines(json.raw("line_items"), errors) : base.lines(),
                json.has("discount") ? discount(json.raw("discount"), errors) : base.discount(),
                json.has("notes") ? json.string("notes", errors) : base.notes(),
                json.has("terms") ? json.string("terms", errors) : base.terms());
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

    private static LocalDate date(JsonBody json, String field, List<FieldError> errors) {
        String raw = json.string(field, errors);
        if (raw == null) {
            return null;
        }
        try {
            return LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "A date like 2026-12-01"));
            return null;
        }
    }

    private static List<LineItem> lines(JsonValue value, List<FieldError> errors) {
        List<LineItem> lines = new ArrayList<>();
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return lines;
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY || value.asJsonArray().size() > 1000) {
            errors.add(new FieldError("line_items", "A list of lines: {\"name\",\"qty\",\"rate\",\"tax_code\"}"));
            return lines;
        }
        int i = 0;
        for (JsonValue item : value.asJsonArray()) {
            String at = "line_items[" + i++ + "].";
            if (item.getValueType() != JsonValue.ValueType.OBJECT) {
                errors.add(new FieldError(at.substring(0, at.length() - 1), "A line object"));
                continue;
            }
            JsonObject line = item.asJsonObject();
            for (String key : line.keySet()) {
                if (!Set.of("name", "qty", "rate", "tax_code").contains(key)) {
                    errors.add(new FieldError(at + key, "Unknown field"));
                }
            }
            lines.add(new LineItem(text(line.get("name"), at + "name", errors), number(line.get("qty"), at + "qty", errors),
                    number(line.get("rate"), at + "rate", errors), text(line.get("tax_code"), at + "tax_code", errors)));
        }
        return lines;
    }

    private static Totals.Discount discount(JsonValue value, List<FieldError> errors) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Totals.Discount.none();
        }
        if (value.getValueType() == JsonValue.ValueType.OBJECT) {
            JsonObject o = value.asJsonObject();
            JsonValue type = o.get("type");
            BigDecimal amount = number(o.get("value"), "discount.value", errors);
            if (type instanceof JsonString s && (s.getString().equals("percent") || s.getString().equals("amount"))
                    && o.keySet().stream().allMatch(k -> k.equals("type") || k.equals("value"))) {
                return new Totals.Discount(s.getString().equals("percent"), amount == null ? BigDecimal.ZERO : amount);
            }
        }
        errors.add(new FieldError("discount", "{\"type\":\"percent\" or \"amount\",\"value\":…}"));
        return Totals.Discount.none();
    }

    private static String text(JsonValue value, String field, List<FieldError> errors) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonString s) {
            return s.getString();
        }
        errors.add(new FieldError(field, "Must be text"));
        return null;
    }

    /** A number, or a decimal string ("12.50"); at most 20 digits either side, so nothing can blow up. */
    private static BigDecimal number(JsonValue value, String field, List<FieldError> errors) {
        BigDecimal n = null;
        if (value instanceof JsonNumber number) {
            n = number.bigDecimalValue();
        } else if (value instanceof JsonString s && s.getString().matches("-?\\d{1,20}(\\.\\d{1,20})?")) {
            n = new BigDecimal(s.getString());
        }
        if (n == null || n.precision() - n.scale() > 20 || n.scale() > 20) {
            errors.add(new FieldError(field, "A number"));
            return null;
        }
        return n;
    }

    static Response reply(InvoiceView invoice, Response.Status status) {
        return Response.fromResponse(Envelope.ok(json(invoice))).status(status)
                .header("ETag", Versions.etag(invoice.version())).build();
    }

    /** The computed lines: name, qty, rate, tax code, and each line's amount, discount share and tax. */
    static JsonArrayBuilder linesJson(List<LineItem> items, List<Totals.Line> totals) {
        JsonArrayBuilder lines = Jsonp.createArrayBuilder();
        for (int n = 0; n < items.size(); n++) {
            LineItem l = items.get(n);
            Totals.Line t = totals.get(n);
            lines.add(Jsonp.createObjectBuilder().add("name", l.name()).add("qty", l.qty().toPlainString())
                    .add("rate", l.rate().toPlainString()).add("tax_code", nullable(l.taxCode()))
                    .add("amount", t.amount().toPlainString()).add("discount", t.discount().toPlainString())
                    .add("tax", t.tax().toPlainString()));
        }
        return lines;
    }

    static JsonObjectBuilder taxesJson(java.util.Map<String, BigDecimal> amounts) {
        JsonObjectBuilder taxes = Jsonp.createObjectBuilder();
        amounts.forEach((code, amount) -> taxes.add(code, amount.toPlainString()));
        return taxes;
    }

    static JsonObject json(InvoiceView i) {
        JsonArrayBuilder lines = linesJson(i.lines(), i.lineTotals());
        JsonObjectBuilder taxes = taxesJson(i.taxes());
        return Jsonp.createObjectBuilder().add("id", i.id()).add("number", i.number()).add("status", i.status())
                .add("contact_id", nullable(i.contactId())).add("contact_name", nullable(i.contactName()))
                .add("work_item_id", nullable(i.workItemId()))
                .add("issue_date", i.issueDate().toString()).add("due_date", i.dueDate().toString())
                .add("currency", i.currency()).add("pricing", i.pricing().name().toLowerCase())
                .add("tax_code", nullable(i.taxCode())).add("line_items", lines)
                .add("discount", Jsonp.createObjectBuilder().add("type", i.discount().percent() ? "percent" : "amount")
                        .add("value", i.discount().value().toPlainString()))
                .add("subtotal", money(i.subtotal(), i.currency())).add("discount_total", money(i.discountTotal(), i.currency()))
                .add("tax_total", money(i.taxTotal(), i.currency())).add("taxes", taxes)
                .add("total", money(i.total(), i.currency())).add("amount_paid", money(i.amountPaid(), i.currency()))
                .add("amount_due", money(i.amountDue(), i.currency()))
                .add("notes", nullable(i.notes())).add("terms", nullable(i.terms()))
                .add("payment_link_url", nullable(i.paymentLinkUrl())).add("ar_stage", i.arStage())
                .add("version", i.version())
                .add("created_at", i.createdAt().toString())
                .add("allowed_actions", Jsonp.createArrayBuilder(i.allowedActions())).build();
    }

    /** Amounts as decimal strings at the currency's scale ("120.00"), never floating point. */
    static String money(BigDecimal amount, String currency) {
        return amount.setScale(Totals.scale(currency), java.math.RoundingMode.HALF_UP).toPlainString();
    }

    static JsonValue nullable(String value) {
        return value == null ? JsonValue.NULL : Jsonp.createValue(value);
    }

    static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
