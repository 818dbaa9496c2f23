package com.smbhub.money;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smbhub.contact.Contact;
import com.smbhub.contact.ContactScope;
import com.smbhub.invoice.Invoice;
import com.smbhub.platform.Ids;
import com.smbhub.platform.errors.ValidationException.FieldError;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.security.Access;
import com.smbhub.platform.security.Capability;
import com.smbhub.platform.security.Grant;
import com.smbhub.platform.security.Permissions;
import com.smbhub.platform.tenancy.RequestContext;
import com.smbhub.platform.time.BusinessClock;
import com.smbhub.profile.EffectiveProfile;
import com.smbhub.profile.ProfileRules;
import com.smbhub.quote.Quote;
import com.smbhub.tenant.Tenant;
import com.smbhub.workitem.WorkItem;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules of a draft invoice or quote (PRD 3.10) in one place: client, dates, currency, lines,
 * tax codes, discount, the profile's required fields — every broken rule at its field — and the
 * versioned JSON the lines are stored as.
 */
public final class Drafts {

    public static final int MAX_LINES = 200;
    private static final BigDecimal MAX_QTY = new BigDecimal("1000000");
    private static final BigDecimal MAX_RATE = new BigDecimal("1000000000");
    /** The largest total a document may have (its columns hold 15 digits before the point). */
    static final BigDecimal MAX_TOTAL = new BigDecimal("999999999999.99");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Which document: its profile entity, the name of its second date, that date's default distance, its class. */
    public enum Kind {
        INVOICE("invoice", "due_date", 14, Invoice.class),
        QUOTE("quote", "expiry_date", 30, Quote.class);

        public final String entity;
        public final String dateField;
        public final int defaultDays;
        public final Class<? extends MoneyDocument> type;

        Kind(String entity, String dateField, int defaultDays, Class<? extends MoneyDocument> type) {
            this.entity = entity;
            this.dateField = dateField;
            this.defaultDays = defaultDays;
            this.type = type;
        }

        static Kind of(MoneyDocument document) {
            return Arrays.stream(values()).filter(k -> k.type.isInstance(document)).findFirst().orElseThrow();
        }

        public Numbering.Kind numbering() {
            return Numbering.Kind.valueOf(name());
        }
    }

    /** The cleaned draft (defaults filled, line tax codes resolved) and its totals. */
    public record Checked(DocumentDraft draft, Totals.Result totals) {
    }

    private Drafts() {
    }

    /** Checks a draft inside the business named on {@code em}; {@code codes} are its tax codes in use. */
    public static Checked check(EntityManager em, Access access, Tenant tenant, Map<String, TaxCode> codes, DocumentDraft d,
                                EffectiveProfile profile, ProfileRules.Operation operation, Kind kind) {
        List<FieldError> errors = new ArrayList<>();
        if (d.contactId() == null) {
            errors.add(new FieldError("contact_id", "Choose the client"));
        } else {
            Contact contact = Ids.isId(d.contactId()) ? em.find(Contact.class, d.contactId()) : null;
            boolean seen = Permissions.grant(access.role(), Capability.MONEY_DRAFT) != Grant.ASSIGNED
                    || ContactScope.sees(em, d.contactId(), RequestContext.current().orElseThrow().userId());
            if (contact == null || contact.getDeletedAt() != null || !seen) {
                errors.add(new FieldError("contact_id", "No such contact"));
            }
        }
        if (d.workItemId() != null && (!Ids.isId(d.workItemId())
                || em.find(WorkItem.class, d.workItemId()) == null)) {
            errors.add(new FieldError("work_item_id", "No such work item"));
        }
        LocalDate issue = d.issueDate() == null ? BusinessClock.today(tenant.zone()) : d.issueDate();
        LocalDate until = d.dueDate() == null ? issue.plusDays(kind.defaultDays) : d.dueDate();
        if (until.isBefore(issue)) {
            errors.add(new FieldError(kind.dateField, "On or after the issue date"));
        }
        String currency = d.currency() == null || d.currency().isBlank() ? tenant.getCurrency() : d.currency().trim().toUpperCase();
        if (!currency.equals(tenant.getCurrency()) && !access.permits(Capability.MONEY_OTHER_CURRENCY)) {
            errors.add(new FieldError("currency", "Only owners and admins bill in another currency than " + tenant.getCurrency()));
        }
        if (!MoneyText.isCurrency(currency)) {
            errors.add(new FieldError("currency", MoneyText.NOT_A_CURRENCY));
            currency = tenant.getCurrency();
        }
        String defaultTax = blank(d.taxCode());
        if (defaultTax != null && !codes.containsKey(defaultTax)) {
            errors.add(new FieldError("tax_code", "Not one of your tax codes: " + String.join(", ", codes.keySet())));
        }
        if (d.lines().isEmpty()) {
            errors.add(new FieldError("line_items", "Add at least one line"));
        } else if (d.lines().size() > MAX_LINES) {
            errors.add(new FieldError("line_items", "At most " + MAX_LINES + " lines"));
        }
        List<LineItem> lines = new ArrayList<>();
        for (int i = 0; i < Math.min(d.lines().size(), MAX_LINES); i++) {
            LineItem l = d.lines().get(i);
            String at = "line_items[" + i + "].";
            String name = l.name() == null ? "" : l.name().trim();
            if (name.isEmpty() || name.length() > 200 || name.chars().anyMatch(c -> c < 0x20)) {
                errors.add(new FieldError(at + "name", "Required, at most 200 characters on one line"));
            }
            if (l.qty() == null || l.qty().signum() <= 0 || l.qty().compareTo(MAX_QTY) > 0 || l.qty().stripTrailingZeros().scale() > 4) {
                errors.add(new FieldError(at + "qty", "More than 0, at most 1,000,000, up to 4 decimals"));
            }
            if (l.rate() == null || l.rate().signum() < 0 || l.rate().compareTo(MAX_RATE) > 0 || l.rate().stripTrailingZeros().scale() > 4) {
                errors.add(new FieldError(at + "rate", "0 or more, up to 4 decimals"));
            }
            String own = blank(l.taxCode());
            if (own != null && !codes.containsKey(own)) {
                errors.add(new FieldError(at + "tax_code", "Not one of your tax codes"));
            }
            lines.add(new LineItem(name, l.qty(), l.rate(), own == null ? defaultTax : own));
        }
        Totals.Discount discount = d.discount();
        if (discount.value() == null || discount.value().signum() < 0
                || (discount.percent() && discount.value().compareTo(BigDecimal.valueOf(100)) > 0)) {
            errors.add(new FieldError("discount", "A percent from 0 to 100, or an amount of 0 or more"));
        }
        String notes = text(d.notes(), "notes", errors);
        String terms = text(d.terms(), "terms", errors);
        Map<String, Object> payload = new HashMap<>();
        payload.put("contact_id", d.contactId());
        payload.put("issue_date", issue);
        payload.put(kind.dateField, until);
        payload.put("line_items", d.lines().isEmpty() ? null : d.lines());
        payload.put("tax_code", defaultTax);
        for (FieldError e : ProfileRules.validate(kind.entity, payload, operation, profile)) {
            if (errors.stream().noneMatch(x -> x.field().equals(e.field()))) {
                errors.add(e);
            }
        }
        ValidationException.throwIfAny(errors);
        DocumentDraft clean = new DocumentDraft(d.contactId(), d.workItemId(), issue, until, currency, d.pricing(), defaultTax,
                lines, discount, notes, terms);
        Totals.Result totals = Totals.compute(lines, codes, d.pricing(), discount, currency);
        if (totals.subtotal().compareTo(MAX_TOTAL) > 0 || totals.total().compareTo(MAX_TOTAL) > 0) {
            throw new ValidationException("line_items", "The total may be at most 999,999,999,999.99");
        }
        return new Checked(clean, totals);
    }

    /** line_items as stored: {"v":1,"pricing","tax_code","discount":{"percent","value"},"lines":[…]}. */
    public static String json(DocumentDraft d) {
        ObjectNode root = JSON.createObjectNode().put("v", 1).put("pricing", d.pricing().name());
        root.put("tax_code", d.taxCode());
        root.putObject("discount").put("percent", d.discount().percent()).put("value", d.discount().value().toPlainString());
        ArrayNode lines = root.putArray("lines");
        for (LineItem l : d.lines()) {
            lines.addObject().put("name", l.name()).put("qty", l.qty().toPlainString()).put("rate", l.rate().toPlainString())
                    .put("tax_code", l.taxCode());
        }
        return root.toString();
    }

    /** A stored document back as a draft: its lines JSON and its columns. */
    public static DocumentDraft parse(String lineItems, String contactId, String workItemId, LocalDate issue, LocalDate until,
                                      String currency, String notes, String terms) {
        try {
            JsonNode root = JSON.readTree(lineItems);
            List<LineItem> lines = new ArrayList<>();
            root.path("lines").forEach(l -> lines.add(new LineItem(l.path("name").asText(), new BigDecimal(l.path("qty").asText()),
                    new BigDecimal(l.path("rate").asText()), l.path("tax_code").isNull() ? null : l.path("tax_code").asText(null))));
            JsonNode discount = root.path("discount");
            return new DocumentDraft(contactId, workItemId, issue, until, currency,
                    Totals.Pricing.valueOf(root.path("pricing").asText("TAX_EXCLUSIVE")),
                    root.path("tax_code").isNull() ? null : root.path("tax_code").asText(null), lines,
                    new Totals.Discount(discount.path("percent").asBoolean(false), new BigDecimal(discount.path("value").asText("0"))),
                    notes, terms);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Stored line items are unreadable", e);
        }
    }

    /** The business's tax codes by code, including retired ones (stored documents still name them). */
    public static Map<String, TaxCode> allTaxCodes(EntityManager em) {
        Map<String, TaxCode> codes = new LinkedHashMap<>();
        em.createQuery("select t from BusinessTaxCode t order by t.code", BusinessTaxCode.class).getResultStream()
                .map(BusinessTaxCode::view).forEach(t -> codes.put(t.code(), t));
        return codes;
    }

    /** Whether the work item is assigned to the caller (an agent drafts only for such work). */
    public static boolean assignedToMe(EntityManager em, String workItemId) {
        WorkItem item = workItemId != null && Ids.isId(workItemId)
                ? em.find(WorkItem.class, workItemId) : null;
        return item != null && RequestContext.current().orElseThrow().userId()
                .equals(item.getAssignedTo());
    }

    private static String text(String value, String field, List<FieldError> errors) {
        String v = blank(value);
        if (v != null && (v.length() > 10_000 || v.indexOf('\u0000') >= 0)) {
            errors.add(new FieldError(field, "At most 10,000 characters"));
        }
        return v;
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
