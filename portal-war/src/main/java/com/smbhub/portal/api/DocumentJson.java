package com.smbhub.portal.api;

import com.smbhub.money.DocumentDraft;
import com.smbhub.money.DocumentView;
import com.smbhub.money.LineItem;
import com.smbhub.money.Totals;
import com.smbhub.platform.Jsonp;
import com.smbhub.platform.errors.ValidationException.FieldError;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.tenant.BusinessDetails;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one JSON mapping of a money document (invoice, quote): the body of POST and PATCH read into a
 * draft, every broken field at once, and the fields every document answers with. Each resource
 * names its second date ({@code due_date}, {@code expiry_date}) and adds only what it alone has.
 */
final class DocumentJson {

    static final DocumentJson INVOICE = new DocumentJson("due_date");
    static final DocumentJson QUOTE = new DocumentJson("expiry_date");

    private final String dateField;
    private final Set<String> fields;

    private DocumentJson(String dateField) {
        this.dateField = dateField;
        this.fields = Set.of("contact_id", "work_item_id", "issue_date", dateField, "currency", "pricing", "tax_code",
                "line_items", "discount", "notes", "terms");
    }

    /** The draft a POST body describes; without notes or terms it takes the business's default ones. */
    DocumentDraft forCreate(String body, BusinessDetails.Defaults words) {
        JsonBody json = JsonBody.parse(body, fields);
        List<FieldError> errors = new ArrayList<>();
        DocumentDraft draft = draft(json, new DocumentDraft(null, null, null, null, null, null, null, null, null, words.notes(),
                words.terms()), errors);
        refuse(errors);
        return draft;
    }

    /** A PATCH: the current document with the fields the body sets, and the version the caller expects. */
    record Patch(DocumentDraft draft, Long version) {
    }

    Patch forUpdate(String body, String ifMatch, DocumentView current) {
        Set<String> allowed = new HashSet<>(fields);
        allowed.add("if_match_version");
        JsonBody json = JsonBody.parse(body, allowed);
        List<FieldError> errors = new ArrayList<>();
        Long version = Versions.expected(json, ifMatch, errors);
        DocumentDraft draft = draft(json, current.draft(), errors);
        refuse(errors);
        return new Patch(draft, version);
    }

    /** What every document answers with; the resource adds its own fields and builds it. */
    JsonObjectBuilder json(DocumentView d) {
        return Jsonp.createObjectBuilder().add("id", d.id()).add("number", d.number()).add("status", d.status())
                .add("contact_id", Envelope.nullable(d.contactId())).add("contact_name", Envelope.nullable(d.contactName()))
                .add("work_item_id", Envelope.nullable(d.workItemId()))
                .add("issue_date", d.issueDate().toString())
                .add(dateField, d.endDate() == null ? JsonValue.NULL : Jsonp.createValue(d.endDate().toString()))
                .add("currency", d.currency()).add("pricing", d.pricing().name().toLowerCase())
                .add("tax_code", Envelope.nullable(d.taxCode())).add("line_items", lines(d.lines(), d.lineTotals()))
                .add("discount", Jsonp.createObjectBuilder().add("type", d.discount().percent() ? "percent" : "amount")
                        .add("value", d.discount().value().toPlainString()))
                .add("subtotal", Envelope.money(d.subtotal(), d.currency()))
                .add("discount_total", Envelope.money(d.discountTotal(), d.currency()))
                .add("tax_total", Envelope.money(d.taxTotal(), d.currency())).add("taxes", taxes(d.taxes()))
                .add("total", Envelope.money(d.total(), d.currency()))
                .add("notes", Envelope.nullable(d.notes())).add("terms", Envelope.nullable(d.terms()))
                .add("version", d.version()).add("created_at", d.createdAt().toString())
                .add("viewed_at", d.viewedAt() == null ? JsonValue.NULL : Jsonp.createValue(d.viewedAt().toString()))
                .add("allowed_actions", Jsonp.createArrayBuilder(d.allowedActions()));
    }

    private static void refuse(List<FieldError> errors) {
        ValidationException.throwIfAny(errors);
    }

    /** The computed lines: name, qty, rate, tax code, and each line's amount, discount share and tax. */
    private static JsonArrayBuilder lines(List<LineItem> items, List<Totals.Line> totals) {
        JsonArrayBuilder lines = Jsonp.createArrayBuilder();
        for (int n = 0; n < items.size(); n++) {
            LineItem l = items.get(n);
            Totals.Line t = totals.get(n);
            lines.add(Jsonp.createObjectBuilder().add("name", l.name()).add("qty", l.qty().toPlainString())
                    .add("rate", l.rate().toPlainString()).add("tax_code", Envelope.nullable(l.taxCode()))
                    .add("amount", t.amount().toPlainString()).add("discount", t.discount().toPlainString())
                    .add("tax", t.tax().toPlainString()));
        }
        return lines;
    }

    private static JsonObjectBuilder taxes(Map<String, BigDecimal> amounts) {
        JsonObjectBuilder taxes = Jsonp.createObjectBuilder();
        amounts.forEach((code, amount) -> taxes.add(code, amount.toPlainString()));
        return taxes;
    }

    /** The draft with the fields the body sets. */
    private DocumentDraft draft(JsonBody json, DocumentDraft base, List<FieldError> errors) {
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

    static LocalDate date(JsonBody json, String field, List<FieldError> errors) {
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
}
