package com.smbhub.invoice;

import com.smbhub.platform.time.BusinessClock;
import com.smbhub.money.DocumentDraft;
import com.smbhub.contact.Contact;
import com.smbhub.money.BusinessTaxCode;
import com.smbhub.money.Drafts;
import com.smbhub.money.LineItem;
import com.smbhub.money.Numbering;
import com.smbhub.money.TaxCode;
import com.smbhub.money.Totals;
import com.smbhub.platform.Ids;
import com.smbhub.platform.analytics.Analytics;
import com.smbhub.platform.audit.AuditService;
import com.smbhub.platform.errors.ConflictException;
import com.smbhub.platform.errors.NotFoundException;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.idempotency.Idempotency;
import com.smbhub.platform.security.Access;
import com.smbhub.platform.security.Capability;
import com.smbhub.platform.security.Grant;
import com.smbhub.platform.security.Permissions;
import com.smbhub.platform.security.Role;
import com.smbhub.platform.tenancy.RequestContext;
import com.smbhub.platform.tenancy.TenantInterceptor;
import com.smbhub.profile.EffectiveProfile;
import com.smbhub.profile.ProfileRules;
import com.smbhub.profile.ProfileService;
import com.smbhub.tenant.Tenant;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Invoices of the current business: drafts with computed totals and gap-free numbers, lists, edits. */
@Stateless
@Interceptors(TenantInterceptor.class)
public class InvoiceService {


    @PersistenceContext(unitName = "smbhub")
    EntityManager em;

    @EJB
    Access access;

    @EJB
    AuditService audit;

    @EJB
    ProfileService profiles;

    @EJB
    CheckoutLinks checkout;

    @jakarta.inject.Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "smbhub.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    public record Page(List<InvoiceView> items, String nextKey) {
    }

    public List<TaxCode> taxCodes() {
        access.require(Capability.MONEY_READ);
        return em.createQuery("select t from BusinessTaxCode t where t.deletedAt is null order by t.code",
                BusinessTaxCode.class).getResultStream().map(BusinessTaxCode::view).toList();
    }

    public InvoiceView create(DocumentDraft draft, Optional<Idempotency.Key> idempotencyKey) {
        Grant grant = access.require(Capability.MONEY_DRAFT);
        if (grant == Grant.ASSIGNED && !assignedToMe(draft.workItemId())) {
            throw new ValidationException("work_item_id", "Agents draft invoices for work assigned to them");
        }
        EffectiveProfile profile = profiles.effective();
        ProfileRules.requireCapability(profile, "invoices");
        if (idempotencyKey.isPresent()) {
            Optional<String> earlier = Idempotency.replay(em, idempotencyKey.get());
            if (earlier.isPresent()) {
                return view(em.find(Invoice.class, earlier.get()));
            }
        }
        Drafts.Checked checked = check(draft, profile, ProfileRules.Operation.CREATE);
        Invoice invoice = new Invoice(Numbering.next(em, Numbering.Kind.INVOICE));
        invoice.apply(checked.draft(), checked.draft().currency(), Drafts.json(checked.draft()), checked.totals());
        em.persist(invoice);
        em.flush();
        idempotencyKey.ifPresent(k -> Idempotency.remember(em, k, invoice.getId()));
        audit.record("invoice.created", "invoice", invoice.getId(), null, snapshot(invoice));
        Analytics.record(em, "invoice.created", profile.profileId(), "manual", Map.of("invoice_id", invoice.getId(),
                "amount", invoice.getTotal().toPlainString(), "currency", invoice.getCurrency()));
        return view(invoice);
    }

    /** A draft invoice made from an approved quote (the caller checked the quote), linked to it. */
    public InvoiceView createFromQuote(DocumentDraft draft, String quoteId) {
        InvoiceView created = create(draft, Optional.empty());
        Invoice invoice = em.find(Invoice.class, created.id());
        invoice.fromQuote(quoteId);
        em.flush();
        return view(invoice);
    }

    /** The draft invoice of a work item: the existing draft if there is one (never a second), else a new one. */
    public record FromWork(InvoiceView invoice, boolean created) {
    }

    public FromWork draftForWorkItem(String workItemId) {
        Grant grant = access.require(Capability.MONEY_DRAFT);
        EffectiveProfile profile = profiles.effective();
        if (!profile.conversion("work_item_to_invoice")) {
            throw new ValidationException("work_item_id", "Your business does not turn work into invoices");
        }
        com.smbhub.workitem.WorkItem item = Ids.isId(workItemId) ? em.find(com.smbhub.workitem.WorkItem.class, workItemId) : null;
        if (item == null || item.getDeletedAt() != null || (grant == Grant.ASSIGNED && !assignedToMe(workItemId))) {
            throw new NotFoundException("work item");
        }
        Optional<Invoice> existing = em.createQuery("select i from Invoice i where i.workItemId = :w and i.status = :draft"
                + " and i.deletedAt is null order by i.createdAt", Invoice.class).setParameter("w", workItemId)
                .setParameter("draft", InvoiceStatus.DRAFT.name())
                .setMaxResults(1).getResultStream().findFirst();
        if (existing.isPresent()) {
            return new FromWork(view(existing.get()), false);
        }
        if (item.getContactId() == null) {
            throw new ValidationException("contact_id", "Link a contact to this " + profile.label("work_item").toLowerCase()
                    + " first: the invoice needs a client");
        }
        List<TaxCode> codes = taxCodes();
        DocumentDraft draft = new DocumentDraft(item.getContactId(), workItemId, null, null, null, null,
                codes.size() == 1 ? codes.get(0).code() : null,
                List.of(new LineItem(item.getTitle(), BigDecimal.ONE, BigDecimal.ZERO, null)), null, null, null);
        InvoiceView created = create(draft, Optional.empty());
        Analytics.record(em, "work_item.convert_to_invoice", profile.profileId(), "manual",
                Map.of("work_item_id", workItemId, "invoice_id", created.id()));
        return new FromWork(created, true);
    }

    public InvoiceView get(String id) {
        return view(find(id, access.require(Capability.MONEY_READ)));
    }

    /** The invoice's history, newest first: created, changed, sent, reminders, payments, links, void. */
    public List<AuditService.Entry> activity(String id) {
        find(id, access.require(Capability.MONEY_READ));
        return audit.history("invoice", id, 200);
    }

    /** Changes a draft; anything but a draft is refused (send, pay and void have their own actions). */
    public InvoiceView update(String id, long expectedVersion, DocumentDraft draft) {
        Grant grant = access.require(Capability.MONEY_DRAFT);
        EffectiveProfile profile = profiles.effective();
        Invoice invoice = find(id, grant);
        if (grant == Grant.ASSIGNED && !assignedToMe(draft.workItemId())) {
            throw new ValidationException("work_item_id", "Agents draft invoices for work assigned to them");
        }
        if (invoice.getVersion() != expectedVersion) {
            throw new ConflictException("Someone changed this invoice since you opened it", view(invoice));
        }
        if (!invoice.getStatus().allows(InvoiceStatus.Action.UPDATE)) {
            throw new ValidationException("status", "Only a draft can be edited");
        }
        Drafts.Checked checked = check(draft, profile, ProfileRules.Operation.UPDATE);
        Map<String, Object> before = snapshot(invoice);
        invoice.apply(checked.draft(), checked.draft().currency(), Drafts.json(checked.draft()), checked.totals());
        em.flush();
        audit.recordChanges("invoice.updated", "invoice", id, before, snapshot(invoice));
        return view(invoice);
    }

    /** Moves the collection stage on; called by {@link InvoiceSending} once the reminder went out. */
    public InvoiceView markReminded(String id, String recipient) {
        access.require(Capability.MONEY_SEND);
        Invoice invoice = find(id, Grant.ALL);
        String before = invoice.getArStage();
        invoice.reminded();
        em.flush();
        audit.record("invoice.reminder_sent", "invoice", id, Map.of("ar_stage", before),
                Map.of("ar_stage", invoice.getArStage(), "to", recipient));
        Analytics.record(em, "invoice.reminder_sent", profiles.effective().profileId(), "manual",
                Map.of("invoice_id", id, "ar_stage", invoice.getArStage()));
        return view(invoice);
    }

    /** Marks the invoice SENT; called by {@link InvoiceSending} once the mail server took the message. */
    public InvoiceView markSent(String id, String recipient) {
        access.require(Capability.MONEY_SEND);
        Invoice invoice = find(id, Grant.ALL);
        String before = invoice.getStatus().name();
        invoice.markSent(BusinessClock.now());
        em.flush();
        audit.record("invoice.sent", "invoice", id, Map.of("status", before), Map.of("status", invoice.getStatus().name(),
                "to", recipient));
        Analytics.record(em, "invoice.sent", profiles.effective().profileId(), "manual", Map.of("invoice_id", id,
                "amount", invoice.getTotal().toPlainString(), "currency", invoice.getCurrency()));
        return view(invoice);
    }

    /**
     * Cancels a draft or sent invoice (PRD 12.2 C): owners and admins only; the client's page then
     * says it was cancelled and offers nothing to pay. Paid or partly paid invoices are not voided.
     */
    public InvoiceView voidInvoice(String id, long expectedVersion) {
        access.require(Capability.MONEY_VOID);
        Invoice invoice = find(id, Grant.ALL);
        if (invoice.getVersion() != expectedVersion) {
            throw new ConflictException("Someone changed this invoice since you opened it", view(invoice));
        }
        if (!invoice.getStatus().allows(InvoiceStatus.Action.VOID)) {
            throw new ValidationException("status", "Only a draft or sent invoice can be voided");
        }
        String before = invoice.getStatus().name();
        checkout.close(invoice, tenant());
        invoice.markVoid();
        em.flush();
        audit.record("invoice.voided", "invoice", id, Map.of("status", before), Map.of("status", InvoiceStatus.VOID.name()));
        Analytics.record(em, "invoice.voided", profiles.effective().profileId(), "manual", Map.of("invoice_id", id));
        return view(invoice);
    }

    /**
     * The Stripe Checkout page that pays what is due now (PRD 12.3.5 payment-link); the open one is
     * reused while it pays that amount. Stripe's refusal leaves the invoice as it was (PROVIDER_ERROR).
     */
    public InvoiceView paymentLink(String id) {
        access.require(Capability.MONEY_SEND);
        Invoice invoice = find(id, Grant.ALL);
        String thanks = publicUrl.replaceAll("/+$", "") + "/portal/paid";
        checkout.urlFor(invoice, tenant(), thanks, thanks);
        return view(invoice);
    }

    /** Newest first; {@code status} may be OVERDUE (sent and past due in the business's zone). */
    public Page list(String status, String contactId, String afterKey, int limit) {
        return list(status, contactId, null, null, afterKey, limit);
    }

    /** The same, issued between {@code from} and {@code to} (inclusive, either may be null). */
    public Page list(String status, String contactId, LocalDate from, LocalDate to, String afterKey, int limit) {
        Grant grant = access.require(Capability.MONEY_READ);
        StringBuilder jpql = new StringBuilder("select i from Invoice i where i.deletedAt is null");
        Map<String, Object> params = new LinkedHashMap<>();
        if (grant == Grant.ASSIGNED) {
            jpql.append(" and exists (select w.id from WorkItem w where w.id = i.workItemId and w.assignedTo = :me)");
            params.put("me", RequestContext.current().orElseThrow().userId());
        }
        if (status != null) {
            if (status.equals(InvoiceStatus.OVERDUE)) {
                jpql.append(" and i.status in :awaiting and i.dueDate < :today");
                params.put("awaiting", InvoiceStatus.names(InvoiceStatus.AWAITING_PAYMENT));
                params.put("today", BusinessClock.today(zone()));
            } else if (InvoiceStatus.of(status) != null) {
                jpql.append(" and i.status = :status");
                params.put("status", status);
            } else {
                throw new ValidationException("status", "One of DRAFT, SENT, PARTIALLY_PAID, PAID, OVERDUE, VOID");
            }
        }
        if (contactId != null) {
            jpql.append(" and i.contactId = :contact");
            params.put("contact", contactId);
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new ValidationException("to", "On or after the first day");
        }
        if (from != null) {
            jpql.append(" and i.issueDate >= :from");
            params.put("from", from);
        }
        if (to != null) {
            jpql.append(" and i.issueDate <= :to");
            params.put("to", to);
        }
        com.smbhub.platform.db.NewestFirst.continueAfter(afterKey, "i", jpql, params);
        TypedQuery<Invoice> query = em.createQuery(jpql.toString(), Invoice.class)
                .setHint(org.eclipse.persistence.config.QueryHints.READ_ONLY, true);
        params.forEach(query::setParameter);
        List<Invoice> rows = query.setMaxResults(limit + 1).getResultList();
        Map<String, TaxCode> codes = codes();
        LocalDate today = BusinessClock.today(zone());
        return new Page(rows.stream().limit(limit).map(i -> view(i, codes, today)).toList(),
                com.smbhub.platform.db.NewestFirst.nextKey(rows, limit));
    }

    /** Home's money cards, in the business's currency: unpaid, overdue, and payments received today. */
    public record Money(BigDecimal unpaid, BigDecimal overdue, BigDecimal paidToday, String currency)
            implements java.io.Serializable {
    }

    public Money money() {
        Grant grant = access.require(Capability.MONEY_READ);
        String scope = grant == Grant.ASSIGNED
                ? " and exists (select w.id from WorkItem w where w.id = i.workItemId and w.assignedTo = :me)" : "";
        Tenant tenant = tenant();
        LocalDate today = BusinessClock.today(zone());
        TypedQuery<BigDecimal> unpaid = em.createQuery("select coalesce(sum(i.amountDue), 0) from Invoice i where i.deletedAt"
                + " is null and i.status in :awaiting and i.currency = :currency" + scope, BigDecimal.class);
        TypedQuery<BigDecimal> overdue = em.createQuery("select coalesce(sum(i.amountDue), 0) from Invoice i where"
                + " i.deletedAt is null and i.status in :awaiting and i.currency = :currency"
                + " and i.dueDate < :today" + scope, BigDecimal.class).setParameter("today", today);
        for (TypedQuery<BigDecimal> q : List.of(unpaid, overdue)) {
            q.setParameter("currency", tenant.getCurrency())
                    .setParameter("awaiting", InvoiceStatus.names(InvoiceStatus.AWAITING_PAYMENT));
            if (grant == Grant.ASSIGNED) {
                q.setParameter("me", RequestContext.current().orElseThrow().userId());
            }
        }
        java.time.Instant dayStart = today.atStartOfDay(zone()).toInstant();
        Object paid = com.smbhub.platform.db.NativeSql.query(em, "select coalesce(sum(p.amount), 0) from payments p"
                        + " where p.tenant_id = cast(?1 as uuid) and p.status = ?5 and p.currency = ?2"
                        + " and p.paid_at >= ?3 and p.paid_at < ?4 and p.deleted_at is null")
                .setParameter(1, tenant.getId()).setParameter(2, tenant.getCurrency())
                .setParameter(5, com.smbhub.payment.PaymentStatus.SUCCEEDED.name())
                .setParameter(3, java.sql.Timestamp.from(dayStart))
                .setParameter(4, java.sql.Timestamp.from(today.plusDays(1).atStartOfDay(zone()).toInstant())).getSingleResult();
        return new Money(unpaid.getSingleResult(), overdue.getSingleResult(),
                grant == Grant.ASSIGNED ? BigDecimal.ZERO : new BigDecimal(paid.toString()), tenant.getCurrency());
    }

    /** The invoice as a PDF (the same the client will download from the portal). */
    public byte[] pdf(String id) {
        Invoice stored = find(id, access.require(Capability.MONEY_READ));
        InvoiceView invoice = view(stored);
        Contact client = em.find(Contact.class, invoice.contactId());
        Map<String, String> taxNames = new HashMap<>();
        codes().values().forEach(t -> taxNames.put(t.code(), t.name()));
        return InvoicePdf.render(invoice, tenant().getName(), client == null ? null : client.getDisplayName(),
                client == null ? null : client.getEmail(), stored.getPaymentLinkUrl(), taxNames);
    }

    private Drafts.Checked check(DocumentDraft d, EffectiveProfile profile, ProfileRules.Operation operation) {
        Map<String, TaxCode> codes = new LinkedHashMap<>();
        taxCodes().forEach(t -> codes.put(t.code(), t));
        return Drafts.check(em, access, tenant(), codes, d, profile, operation, Drafts.Kind.INVOICE);
    }

    private Invoice find(String id, Grant grant) {
        Invoice invoice = Ids.isId(id) ? em.find(Invoice.class, id) : null;
        if (invoice == null || invoice.getDeletedAt() != null
                || (grant == Grant.ASSIGNED && !assignedToMe(invoice.getWorkItemId()))) {
            throw new NotFoundException("invoice");
        }
        return invoice;
    }

    private boolean assignedToMe(String workItemId) {
        return Drafts.assignedToMe(em, workItemId);
    }

    private InvoiceView view(Invoice i) {
        return view(i, codes(), BusinessClock.today(zone()));
    }

    /** One invoice of a list: the tax codes and the day are looked up once for the whole page. */
    private InvoiceView view(Invoice i, Map<String, TaxCode> codes, LocalDate today) {
        List<String> actions = new ArrayList<>();
        InvoiceStatus status = i.getStatus();
        Role role = Access.resolved();
        for (InvoiceStatus.Action action : InvoiceStatus.Action.values()) {
            if (status.allows(action) && may(action, role, i)) {
                actions.add(action.apiName());
            }
        }
        Contact contact = i.getContactId() == null ? null : em.find(Contact.class, i.getContactId());
        return viewOf(i, codes, contact == null ? null : contact.getDisplayName(), today, actions);
    }

    /** Whether the caller may do what the invoice's state allows (the matrix, and what the action needs). */
    private boolean may(InvoiceStatus.Action action, Role role, Invoice i) {
        return switch (action) {
            case UPDATE -> Permissions.allows(role, Capability.MONEY_DRAFT);
            case SEND, SHARE_LINK -> Permissions.allows(role, Capability.MONEY_SEND);
            case REMIND -> Permissions.allows(role, Capability.MONEY_SEND) && i.getAmountDue().signum() > 0;
            case PAYMENT_LINK -> Permissions.allows(role, Capability.MONEY_SEND) && checkout.payable(i, tenant());
            case VOID -> Permissions.allows(role, Capability.MONEY_VOID);
            case PAY -> false; // recorded through the payments API, which reports its own actions
        };
    }

    /** The business's tax codes by code, including retired ones (old invoices still name them). */
    private Map<String, TaxCode> codes() {
        return Drafts.allTaxCodes(em);
    }

    /** The invoice with its computed lines and the status a reader sees (OVERDUE when sent and past due). */
    public static InvoiceView viewOf(Invoice i, Map<String, TaxCode> codes, String contactName, LocalDate today,
                                     List<String> actions) {
        DocumentDraft stored = parse(i);
        Totals.Result totals = Totals.compute(stored.lines(), codes, stored.pricing(), stored.discount(), i.getCurrency());
        String status = i.getStatus().shown(i.getDueDate(), today);
        return new InvoiceView(i.getId(), i.getNumber(), status, i.getContactId(), contactName, i.getWorkItemId(),
                i.getIssueDate(), i.getDueDate(), i.getCurrency(), stored.pricing(), stored.taxCode(), stored.lines(),
                stored.discount(), totals.lines(), i.getSubtotal(), i.getDiscountTotal(), i.getTaxTotal(), totals.taxes(),
                i.getTotal(), i.getAmountPaid(), i.getAmountDue(), i.getNotes(), i.getTerms(), i.getVersion(),
                i.getCreatedAt(), i.getUpdatedAt(), List.copyOf(actions), i.getPaymentLinkUrl(), i.getArStage(),
                i.getStatus());
    }

    public static DocumentDraft parse(Invoice i) {
        return Drafts.parse(i.getLineItems(), i.getContactId(), i.getWorkItemId(), i.getIssueDate(), i.getDueDate(),
                i.getCurrency(), i.getNotes(), i.getTerms());
    }

    private static Map<String, Object> snapshot(Invoice i) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("number", i.getNumber());
        values.put("status", i.getStatus().name());
        values.put("contact_id", i.getContactId());
        values.put("issue_date", i.getIssueDate());
        values.put("due_date", i.getDueDate());
        values.put("currency", i.getCurrency());
        values.put("total", i.getTotal().toPlainString());
        values.put("line_items", i.getLineItems());
        values.put("version", i.getVersion());
        return values;
    }

    private Tenant tenant() {
        return em.find(Tenant.class, RequestContext.current().orElseThrow().tenantId());
    }

    private ZoneId zone() {
        return tenant().zone();
    }
}
