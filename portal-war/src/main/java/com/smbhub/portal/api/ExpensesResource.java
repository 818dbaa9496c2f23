package com.smbhub.portal.api;

import com.smbhub.expense.ExpenseFields;
import com.smbhub.expense.ExpenseService;
import com.smbhub.expense.ExpenseView;
import com.smbhub.platform.Jsonp;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.errors.ValidationException.FieldError;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
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
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Expenses of the token's business (PRD 3.12, issue 15): list by status and month with totals, enter one by hand,
 * upload a receipt (read into a draft with suggestions), correct, submit, approve or reject, delete a draft.
 */
@ApplicationScoped
@Path("/expenses")
@Authenticated
public class ExpensesResource {

    private static final Set<String> FIELDS = Set.of("vendor", "expense_date", "amount", "currency", "category", "tax_total",
            "notes", "work_item_id", "if_match_version");

    @EJB ExpenseService expenses;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@QueryParam("status") String status, @QueryParam("month") String month,
                         @QueryParam("work_item_id") String workItemId, @QueryParam("limit") String limit) {
        ExpenseService.Listing listing = expenses.list(ApiRequest.blank(status), ApiRequest.blank(month),
                ApiRequest.blank(workItemId), Paging.limit(limit));
        JsonArrayBuilder data = Jsonp.createArrayBuilder();
        listing.items().forEach(e -> data.add(json(e)));
        JsonObjectBuilder totals = Jsonp.createObjectBuilder();
        listing.totals().forEach((currency, sum) -> totals.add(currency, Envelope.money(sum, currency)));
        return Envelope.ok(Jsonp.createObjectBuilder().add("expenses", data).add("totals", totals).build());
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(String body) {
        JsonBody json = JsonBody.parse(body, FIELDS);
        ExpenseView e = expenses.create(fields(json, null));
        return Versions.reply(json(e), e.version(), Response.Status.CREATED);
    }

    /** The receipt's bytes as the body, its name in {@code ?file_name=}: 201 with the draft read from it. */
    @POST
    @Path("/upload")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response upload(@QueryParam("file_name") String fileName, InputStream body) {
        ExpenseView e = expenses.upload(fileName, body);
        return Versions.reply(json(e), e.version(), Response.Status.CREATED);
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response get(@PathParam("id") String id) {
        ExpenseView e = expenses.get(id);
        return Versions.reply(json(e), e.version(), Response.Status.OK);
    }

    /** The fields given change (null empties one); the others stay. If-Match or {@code if_match_version}. */
    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("id") String id, String body, @HeaderParam("If-Match") String ifMatch) {
        JsonBody json = JsonBody.parse(body, FIELDS);
        List<FieldError> errors = new ArrayList<>();
        Long version = Versions.expected(json, ifMatch, errors);
        ValidationException.throwIfAny(errors);
        ExpenseView e = expenses.update(id, version, fields(json, expenses.get(id)));
        return Versions.reply(json(e), e.version(), Response.Status.OK);
    }

    @POST
    @Path("/{id}/submit")
    @Produces(MediaType.APPLICATION_JSON)
    public Response submit(@PathParam("id") String id) {
        ExpenseView e = expenses.submit(id);
        return Versions.reply(json(e), e.version(), Response.Status.OK);
    }

    @POST
    @Path("/{id}/approve")
    @Produces(MediaType.APPLICATION_JSON)
    public Response approve(@PathParam("id") String id) {
        ExpenseView e = expenses.approve(id);
        return Versions.reply(json(e), e.version(), Response.Status.OK);
    }

    /** {@code {"review_notes"?}}. */
    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response reject(@PathParam("id") String id, String body) {
        ExpenseView e = expenses.reject(id, AiDraftsResource.rejectNotes(body));
        return Versions.reply(json(e), e.version(), Response.Status.OK);
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") String id) {
        expenses.delete(id);
        return Response.noContent().build();
    }

    /** The body's fields over {@code base} (null: a new expense, absent fields empty). */
    private static ExpenseFields fields(JsonBody json, ExpenseView base) {
        List<FieldError> errors = new ArrayList<>();
        String vendor = json.has("vendor") ? json.string("vendor", errors) : base == null ? null : base.vendor();
        LocalDate date = json.has("expense_date") ? DocumentJson.date(json, "expense_date", errors) : base == null ? null : base.date();
        BigDecimal amount = json.has("amount") ? decimal(json, "amount", errors) : base == null ? null : base.amount();
        String currency = json.has("currency") ? json.string("currency", errors) : base == null ? null : base.currency();
        String category = json.has("category") ? json.string("category", errors) : base == null ? null : base.category();
        BigDecimal tax = json.has("tax_total") ? decimal(json, "tax_total", errors) : base == null ? null : base.tax();
        String notes = json.has("notes") ? json.string("notes", errors) : base == null ? null : base.notes();
        String workItem = json.has("work_item_id") ? json.string("work_item_id", errors) : base == null ? null : base.workItemId();
        ValidationException.throwIfAny(errors);
        return new ExpenseFields(vendor, date, amount, currency, category, tax, notes, workItem);
    }

    private static BigDecimal decimal(JsonBody json, String field, List<FieldError> errors) {
        JsonValue raw = json.raw(field);
        return raw == null || raw.getValueType() == JsonValue.ValueType.NULL ? null
                : json.decimal(field, "An amount such as 42.50", errors);
    }

    static JsonObject json(ExpenseView e) {
        JsonObjectBuilder suggested = Jsonp.createObjectBuilder();
        e.suggested().forEach((field, s) -> suggested.add(field, Jsonp.createObjectBuilder().add("value", s.value())
                .add("confidence", s.confidence())));
        JsonArrayBuilder actions = Jsonp.createArrayBuilder();
        e.allowedActions().forEach(actions::add);
        JsonObjectBuilder o = Jsonp.createObjectBuilder().add("id", e.id()).add("status", e.status()).add("source", e.source())
                .add("vendor", Envelope.nullable(e.vendor())).add("vendor_contact_id", Envelope.nullable(e.vendorContactId()))
                .add("expense_date", Envelope.nullable(e.date() == null ? null : e.date().toString()))
                .add("amount", Envelope.nullable(e.amount() == null ? null : Envelope.money(e.amount(), e.currency())))
                .add("currency", e.currency()).add("category", Envelope.nullable(e.category()))
                .add("tax_total", Envelope.nullable(e.tax() == null ? null : Envelope.money(e.tax(), e.currency())))
                .add("notes", Envelope.nullable(e.notes())).add("work_item_id", Envelope.nullable(e.workItemId()))
                .add("receipt_file_id", Envelope.nullable(e.receiptFileId())).add("scan_status", Envelope.nullable(e.scanStatus()))
                .add("suggested", suggested).add("submitted_at", time(e.submittedAt())).add("reviewed_at", time(e.reviewedAt()))
                .add("review_notes", Envelope.nullable(e.reviewNotes())).add("created_at", time(e.createdAt()))
                .add("version", e.version()).add("allowed_actions", actions);
        if (e.confidence() == null) {
            o.addNull("confidence");
        } else {
            o.add("confidence", e.confidence());
        }
        return o.build();
    }

    private static JsonValue time(Instant at) {
        return Envelope.nullable(at == null ? null : at.toString());
    }
}
