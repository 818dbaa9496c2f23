package com.smbhub.expense;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smbhub.contact.ContactDraft;
import com.smbhub.contact.ContactService;
import com.smbhub.extract.ReceiptFields;
import com.smbhub.extract.ReceiptScan;
import com.smbhub.file.FileService;
import com.smbhub.file.FileView;
import com.smbhub.platform.Ids;
import com.smbhub.platform.analytics.Analytics;
import com.smbhub.platform.audit.AuditService;
import com.smbhub.platform.errors.ConflictException;
import com.smbhub.platform.errors.NotFoundException;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.errors.ValidationException.FieldError;
import com.smbhub.platform.security.Access;
import com.smbhub.platform.security.Capability;
import com.smbhub.platform.security.Grant;
import com.smbhub.platform.security.Permissions;
import com.smbhub.platform.tenancy.RequestContext;
import com.smbhub.platform.tenancy.TenantScoped;
import com.smbhub.platform.time.BusinessClock;
import com.smbhub.profile.ProfileRules;
import com.smbhub.profile.ProfileService;
import com.smbhub.tenant.Tenant;
import com.smbhub.workitem.WorkItemService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Expenses (PRD 3.12, issue 15): typed in, or read from a receipt photo or PDF (Tika + tesseract, then the
 * receipt reader) into a draft with what was found filled in and how sure each value is; submitted, then approved
 * (the vendor becomes a contact when new) or rejected. A draft may be incomplete; submitting needs a date and an
 * amount. An AGENT sees and changes only the expenses they entered.
 */
@Stateless
@TenantScoped
public class ExpenseService {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_TEXT = 200;

    @PersistenceContext(unitName = "smbhub") EntityManager em;

    @EJB Access access;

    @EJB AuditService audit;

    @EJB ProfileService profiles;

    @EJB FileService files;

    @EJB ContactService contacts;

    @EJB WorkItemService work;

    /** A page of the list, newest first, with its totals by currency. */
    public record Listing(List<ExpenseView> items, Map<String, BigDecimal> totals) implements Serializable {
    }

    /**
     * {@code status} one of the lifecycle's names or null (all); {@code month} "2026-11" or null (all);
     * {@code workItemId} the work item they were spent on (one the caller sees) or null (any).
     */
    public Listing list(String status, String month, String workItemId, int limit) {
        Grant grant = allowed(Capability.EXPENSES_READ);
        List<FieldError> errors = new ArrayList<>();
        if (status != null && ExpenseStatus.of(status) == null) {
            errors.add(new FieldError("status", "One of DRAFT, SUBMITTED, APPROVED, REJECTED"));
        }
        YearMonth ym = null;
        if (month != null) {
            try {
                ym = YearMonth.parse(month.strip());
            } catch (RuntimeException e) {
                errors.add(new FieldError("month", "A month as 2026-11"));
            }
        }
        ValidationException.throwIfAny(errors);
        Map<String, Object> where = new LinkedHashMap<>();
        if (status != null) {
            where.put("e.status = :status", status);
        }
        if (ym != null) {
            where.put("e.date >= :from", ym.atDay(1));
            where.put("e.date <= :to", ym.atEndOfMonth());
        }
        if (workItemId != null) {
            where.put("e.workItemId = :item", work.get(workItemId).id());
        }
        return listing(where, grant, Math.max(1, limit));
    }

    /** The business's current month, in its time zone. */
    public YearMonth currentMonth() {
        allowed(Capability.EXPENSES_READ);
        return YearMonth.from(BusinessClock.today(tenant().zone()));
    }

    /** What the business spent this month in its zone (every expense but the rejected ones), by currency; for Home. */
    public Map<String, BigDecimal> thisMonth() {
        Grant grant = allowed(Capability.EXPENSES_READ);
        YearMonth ym = currentMonth();
        Map<String, Object> where = new LinkedHashMap<>();
        where.put("e.date >= :from", ym.atDay(1));
        where.put("e.date <= :to", ym.atEndOfMonth());
        return listing(where, grant, 0).totals();
    }

    /**
     * Newest first with the totals by currency (rejected expenses are not spent: they count only when asked for by
     * status); {@code where} maps each condition to its one parameter's value; {@code limit} 0: the totals alone.
     */
    private Listing listing(Map<String, Object> where, Grant grant, int limit) {
        Map<String, Object> conditions = new LinkedHashMap<>(where);
        if (grant == Grant.ASSIGNED) {
            conditions.put("e.createdBy = :me", me());
        }
        String clause = " where e.deletedAt is null" + conditions.keySet().stream().map(c -> " and " + c)
                .collect(Collectors.joining());
        TypedQuery<Expense> q = em.createQuery("select e from Expense e" + clause + " order by e.date desc, e.createdAt desc",
                Expense.class);
        TypedQuery<Object[]> totals = em.createQuery("select e.currency, sum(e.amount) from Expense e" + clause
                + (where.containsKey("e.status = :status") ? "" : " and e.status <> 'REJECTED'") + " group by e.currency",
                Object[].class);
        conditions.forEach((condition, value) -> {
            String name = condition.substring(condition.indexOf(':') + 1);
            q.setParameter(name, value);
            totals.setParameter(name, value);
        });
        Map<String, BigDecimal> byCurrency = new TreeMap<>();
        totals.getResultList().stream().filter(r -> r[0] != null && r[1] != null)
                .forEach(r -> byCurrency.put((String) r[0], (BigDecimal) r[1]));
        List<ExpenseView> items = limit == 0 ? List.of()
                : q.setMaxResults(Math.min(limit, 500)).getResultStream().map(e -> view(e, grant)).toList();
        return new Listing(items, byCurrency);
    }

    public ExpenseView get(String id) {
        Grant grant = allowed(Capability.EXPENSES_READ);
        return view(find(id, grant), grant);
    }

    /** An expense typed in by hand (a draft; it may be incomplete). */
    public ExpenseView create(ExpenseFields fields) {
        Grant grant = allowed(Capability.EXPENSES_WRITE);
        Expense e = new Expense(Expense.Source.MANUAL, tenant().getCurrency());
        e.fill(clean(fields, e.getCurrency(), grant));
        em.persist(e);
        em.flush();
        audit.record("expense.created", "expense", e.getId(), null, snapshot(e));
        return view(e, grant);
    }

    /**
     * A receipt photo or PDF: kept as the expense's file, read (OCR for pictures), and what was found filled into a
     * new draft with its confidence. A receipt that cannot be read still makes the draft, to be filled in by hand.
     */
    public ExpenseView upload(String fileName, InputStream content) {
        Grant grant = allowed(Capability.EXPENSES_WRITE);
        if (fileName == null || fileName.isBlank()) {
            throw new ValidationException("file_name", "Required");
        }
        byte[] bytes;
        try {
            bytes = content.readNBytes(ReceiptScan.MAX_BYTES + 1);
        } catch (IOException ex) {
            throw new ValidationException("file", "The upload broke off; try again");
        }
        if (bytes.length > ReceiptScan.MAX_BYTES) {
            throw new ValidationException("file", "Larger than the limit of " + ReceiptScan.MAX_BYTES / (1024 * 1024) + " MB");
        }
        if (bytes.length == 0) {
            throw new ValidationException("file", "The file is empty");
        }
        ReceiptScan.Text text = ReceiptScan.read(bytes, fileName);
        if (!text.mediaType().equals("application/pdf") && !text.mediaType().startsWith("image/")) {
            throw new ValidationException("file", "A photo (JPEG or PNG) or a PDF of the receipt, not " + text.mediaType());
        }
        Tenant tenant = tenant();
        Expense e = new Expense(Expense.Source.UPLOAD, tenant.getCurrency());
        em.persist(e);
        em.flush();
        FileView file = files.attach("EXPENSE", e.getId(), fileName, new ByteArrayInputStream(bytes));
        String profile = profiles.effective().profileId();
        Analytics.record(em, "expense.uploaded", profile, "manual", Map.of("expense_id", e.getId(), "mime_type", file.mimeType()));
        if (text.status() == ReceiptScan.Status.READ) {
            ReceiptFields read = ReceiptFields.read(text, BusinessClock.today(tenant.zone()), tenant.getCountry());
            String currency = read.currency() != null && read.currency().matches("[A-Z]{3}") ? read.currency() : e.getCurrency();
            e.fill(new ExpenseFields(trim(read.vendor()), read.date(), positive(read.total()), currency, trim(read.category()),
                    read.tax() == null || read.tax().signum() < 0 ? null : read.tax(), null, null));
            e.scanned(file.id(), text.status().name(), suggested(read), read.confidence());
            Analytics.record(em, "expense.ai_extracted", profile, "manual",
                    Map.of("expense_id", e.getId(), "confidence", read.confidence(), "ocr", text.ocr()));
        } else {
            e.scanned(file.id(), text.status().name(), null, null);
        }
        em.flush();
        audit.record("expense.created", "expense", e.getId(), null, snapshot(e));
        return view(e, grant);
    }

    /** A person's changes (every field as given; null empties it); a rejected expense becomes a draft again. */
    public ExpenseView update(String id, Long expectedVersion, ExpenseFields fields) {
        Grant grant = allowed(Capability.EXPENSES_WRITE);
        Expense e = find(id, grant);
        ConflictException.checkVersion(e.getVersion(), expectedVersion, "Someone changed this expense since you opened it",
                () -> view(e, grant));
        require(e, ExpenseStatus.Action.EDIT, grant);
        Map<String, Object> before = snapshot(e);
        e.fill(clean(fields, e.getCurrency(), grant));
        if (e.getStatus() == ExpenseStatus.REJECTED) {
            e.act(ExpenseStatus.Action.EDIT, me(), BusinessClock.now());
        }
        em.flush();
        audit.recordChanges("expense.updated", "expense", e.getId(), before, snapshot(e));
        return view(e, grant);
    }

    /** Hands the expense to be approved; it needs a date and an amount. */
    public ExpenseView submit(String id) {
        Grant grant = allowed(Capability.EXPENSES_WRITE);
        Expense e = locked(id, grant);
        require(e, ExpenseStatus.Action.SUBMIT, grant);
        List<FieldError> errors = new ArrayList<>();
        if (e.getDate() == null) {
            errors.add(new FieldError("expense_date", "Required before submitting"));
        }
        if (e.getAmount() == null) {
            errors.add(new FieldError("amount", "Required before submitting"));
        }
        ValidationException.throwIfAny(errors);
        return act(e, ExpenseStatus.Action.SUBMIT, null, grant, "submitted");
    }

    /** Approves a submitted expense; a vendor named but not yet a contact becomes one (a VENDOR). */
    public ExpenseView approve(String id) {
        allowed(Capability.EXPENSES_APPROVE);
        Grant grant = allowed(Capability.EXPENSES_READ);
        Expense e = locked(id, grant);
        require(e, ExpenseStatus.Action.APPROVE, grant);
        if (e.getVendorContactId() == null && e.getVendorName() != null) {
            e.vendorContact(vendor(e.getVendorName()));
        }
        return act(e, ExpenseStatus.Action.APPROVE, null, grant, "approved");
    }

    public ExpenseView reject(String id, String notes) {
        allowed(Capability.EXPENSES_APPROVE);
        Grant grant = allowed(Capability.EXPENSES_READ);
        if (notes != null && notes.length() > 2000) {
            throw new ValidationException("review_notes", "At most 2000 characters");
        }
        Expense e = locked(id, grant);
        require(e, ExpenseStatus.Action.REJECT, grant);
        return act(e, ExpenseStatus.Action.REJECT, notes == null || notes.isBlank() ? null : notes.strip(), grant, "rejected");
    }

    /** Removes a draft or rejected expense (its receipt stays in the files of the business). */
    public void delete(String id) {
        Grant grant = allowed(Capability.EXPENSES_WRITE);
        Expense e = locked(id, grant);
        require(e, ExpenseStatus.Action.DELETE, grant);
        Map<String, Object> before = snapshot(e);
        e.setDeletedAt(BusinessClock.now());
        em.flush();
        audit.record("expense.deleted", "expense", e.getId(), before, null);
    }

    private ExpenseView act(Expense e, ExpenseStatus.Action action, String notes, Grant grant, String event) {
        Map<String, Object> before = snapshot(e);
        e.act(action, me(), BusinessClock.now());
        if (notes != null) {
            e.reviewNotes(notes);
        }
        em.flush();
        audit.recordChanges("expense." + event, "expense", e.getId(), before, snapshot(e));
        Map<String, Object> props = new HashMap<>();
        props.put("expense_id", e.getId());
        props.put("amount", e.getAmount() == null ? "" : e.getAmount().toPlainString());
        props.put("currency", e.getCurrency());
        Analytics.record(em, "expense." + event, profiles.effective().profileId(), "manual", props);
        return view(e, grant);
    }

    /** The VENDOR contact with this name (any case), else a new one. */
    private String vendor(String name) {
        List<String> found = em.createQuery("select c.id from Contact c where lower(c.displayName) = :n and c.deletedAt is null"
                + " and c.type = 'VENDOR' order by c.createdAt", String.class).setParameter("n", name.toLowerCase(Locale.ROOT))
                .setMaxResults(1).getResultList();
        if (!found.isEmpty()) {
            return found.get(0);
        }
        ContactDraft draft = new ContactDraft("VENDOR", name, null, null, null, null, null, null, null, null, null, List.of(), null);
        return contacts.create(draft, true, Optional.empty()).id();
    }

    /** Checks a person's fields: every error at once, at its field. */
    private ExpenseFields clean(ExpenseFields f, String fallbackCurrency, Grant grant) {
        List<FieldError> errors = new ArrayList<>();
        String vendor = text(f.vendor(), "vendor", errors);
        String category = text(f.category(), "category", errors);
        String notes = f.notes() == null || f.notes().isBlank() ? null : f.notes().strip();
        if (notes != null && notes.length() > 2000) {
            errors.add(new FieldError("notes", "At most 2000 characters"));
        }
        if (f.amount() != null && (f.amount().signum() <= 0 || f.amount().scale() > 4 || f.amount().precision() - f.amount().scale() > 15)) {
            errors.add(new FieldError("amount", "An amount above zero, at most 4 decimals"));
        }
        if (f.tax() != null && (f.tax().signum() < 0 || f.tax().scale() > 4 || f.tax().precision() - f.tax().scale() > 15)) {
            errors.add(new FieldError("tax_total", "Zero or more, at most 4 decimals"));
        } else if (f.tax() != null && f.amount() != null && f.tax().compareTo(f.amount()) > 0) {
            errors.add(new FieldError("tax_total", "More than the amount"));
        }
        String currency = f.currency() == null || f.currency().isBlank() ? fallbackCurrency : f.currency().strip().toUpperCase(Locale.ROOT);
        if (!currency.matches("[A-Z]{3}")) {
            errors.add(new FieldError("currency", "A three-letter currency code, such as CAD"));
        }
        LocalDate today = BusinessClock.today(tenant().zone());
        if (f.date() != null && (f.date().isAfter(today.plusDays(1)) || f.date().isBefore(today.minusYears(10)))) {
            errors.add(new FieldError("expense_date", "A date in the last ten years, not in the future"));
        }
        String workItem = f.workItemId() == null || f.workItemId().isBlank() ? null : f.workItemId().strip();
        if (workItem != null) {
            try {
                work.get(workItem);
            } catch (NotFoundException ex) {
                errors.add(new FieldError("work_item_id", "No such work item"));
            }
        }
        ValidationException.throwIfAny(errors);
        return new ExpenseFields(vendor, f.date(), f.amount(), currency, category, f.tax(), notes, workItem);
    }

    private static String text(String value, String field, List<FieldError> errors) {
        String v = value == null || value.isBlank() ? null : value.strip();
        if (v != null && v.length() > MAX_TEXT) {
            errors.add(new FieldError(field, "At most " + MAX_TEXT + " characters"));
        }
        return v;
    }

    private static String trim(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        return v.length() > MAX_TEXT ? v.substring(0, MAX_TEXT) : v;
    }

    private static BigDecimal positive(BigDecimal value) {
        return value == null || value.signum() <= 0 || value.precision() - value.scale() > 15 ? null : value;
    }

    private static String suggested(ReceiptFields read) {
        ObjectNode o = JSON.createObjectNode();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("vendor", read.vendor());
        values.put("expense_date", read.date());
        values.put("amount", read.total());
        values.put("tax_total", read.tax());
        values.put("currency", read.currency());
        values.put("category", read.category());
        Map<String, String> confidenceKey = Map.of("vendor", "vendor", "expense_date", "date", "amount", "total",
                "tax_total", "tax", "currency", "currency", "category", "category");
        values.forEach((field, value) -> {
            if (value != null) {
                ObjectNode v = o.putObject(field);
                v.put("value", value instanceof BigDecimal b ? b.toPlainString() : value.toString());
                v.put("confidence", read.fieldConfidence().getOrDefault(confidenceKey.get(field), read.confidence()));
            }
        });
        return o.toString();
    }

    private Map<String, ExpenseView.Suggestion> suggestions(String json) {
        Map<String, ExpenseView.Suggestion> out = new LinkedHashMap<>();
        if (json == null) {
            return out;
        }
        try {
            JSON.readTree(json).fields().forEachRemaining(f -> out.put(f.getKey(),
                    new ExpenseView.Suggestion(f.getValue().path("value").asText(), f.getValue().path("confidence").asDouble())));
        } catch (IOException ex) {
            // a stored suggestion that does not read is shown as none
        }
        return out;
    }

    private Expense find(String id, Grant grant) {
        Expense e = Ids.isId(id) ? em.find(Expense.class, id) : null;
        if (e == null || e.getDeletedAt() != null || grant == Grant.ASSIGNED && !me().equals(e.getCreatedBy())) {
            throw new NotFoundException("expense");
        }
        return e;
    }

    private Expense locked(String id, Grant grant) {
        Expense e = find(id, grant);
        em.lock(e, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(e);
        return e;
    }

    private void require(Expense e, ExpenseStatus.Action action, Grant grant) {
        if (!e.getStatus().allows(action)) {
            throw new ConflictException("This expense is " + e.getStatus().name().toLowerCase() + "; it cannot be "
                    + past(action) + " now", view(e, grant));
        }
    }

    private static String past(ExpenseStatus.Action action) {
        return switch (action) {
            case EDIT -> "changed";
            case SUBMIT -> "submitted";
            case APPROVE -> "approved";
            case REJECT -> "rejected";
            case DELETE -> "deleted";
        };
    }

    private ExpenseView view(Expense e, Grant grant) {
        List<String> actions = new ArrayList<>();
        boolean approver = Permissions.allows(Access.resolved(), Capability.EXPENSES_APPROVE);
        boolean writer = grant != Grant.NONE && Permissions.allows(Access.resolved(), Capability.EXPENSES_WRITE);
        for (ExpenseStatus.Action a : ExpenseStatus.Action.values()) {
            boolean may = a == ExpenseStatus.Action.APPROVE || a == ExpenseStatus.Action.REJECT ? approver : writer;
            if (may && e.getStatus().allows(a)) {
                actions.add(a.apiName());
            }
        }
        return new ExpenseView(e.getId(), e.getStatus().name(), e.getSource().name(), e.getVendorName(), e.getVendorContactId(),
                e.getDate(), e.getAmount(), e.getCurrency(), e.getCategory(), e.getTax(), e.getNotes(), e.getWorkItemId(),
                e.getReceiptFileId(), e.getScanStatus(), e.getAiConfidence(), suggestions(e.getSuggested()), e.getSubmittedAt(),
                e.getReviewedAt(), e.getReviewNotes(), e.getCreatedAt(), e.getVersion(), actions);
    }

    private static Map<String, Object> snapshot(Expense e) {
        Map<String, Object> values = new HashMap<>();
        values.put("status", e.getStatus().name());
        values.put("vendor", e.getVendorName());
        values.put("expense_date", e.getDate() == null ? null : e.getDate().toString());
        values.put("amount", e.getAmount() == null ? null : e.getAmount().toPlainString());
        values.put("currency", e.getCurrency());
        values.put("category", e.getCategory());
        values.put("tax_total", e.getTax() == null ? null : e.getTax().toPlainString());
        values.put("notes", e.getNotes());
        values.put("work_item_id", e.getWorkItemId());
        values.put("review_notes", e.getReviewNotes());
        values.put("version", e.getVersion());
        return values;
    }

    /** The caller's grant; the matrix and the business's profile (expenses on) must both allow it. */
    private Grant allowed(Capability capability) {
        Grant grant = access.require(capability);
        ProfileRules.requireCapability(profiles.effective(), "expenses");
        return grant;
    }

    private Tenant tenant() {
        return em.find(Tenant.class, RequestContext.current().orElseThrow().tenantId());
    }

    private static String me() {
        return RequestContext.current().orElseThrow().userId();
    }
}
