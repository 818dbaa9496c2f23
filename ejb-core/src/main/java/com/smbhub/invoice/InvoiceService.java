package com.smbhub.invoice;

import com.smbhub.contact.Contact;
import com.smbhub.money.DocumentDraft;
import com.smbhub.money.DocumentService;
import com.smbhub.money.Drafts;
import com.smbhub.money.TaxCode;
import com.smbhub.money.Totals;
import com.smbhub.payment.PaymentStatus;
import com.smbhub.platform.analytics.Analytics;
import com.smbhub.platform.audit.AuditService;
import com.smbhub.platform.db.NativeSql;
import com.smbhub.platform.errors.ConflictException;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.security.Access;
import com.smbhub.platform.security.Capability;
import com.smbhub.platform.security.Grant;
import com.smbhub.platform.security.Permissions;
import com.smbhub.platform.security.Role;
import com.smbhub.platform.tenancy.RequestContext;
import com.smbhub.platform.tenancy.TenantScoped;
import com.smbhub.platform.time.BusinessClock;
import com.smbhub.tenant.BusinessLogo;
import com.smbhub.tenant.Tenant;
import com.smbhub.workitem.WorkItem;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.io.Serializable;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Invoices of the current business: drafts with computed totals and gap-free numbers, lists, edits. */
@Stateless
@TenantScoped
public class InvoiceService extends DocumentService<Invoice, InvoiceView> {

    @EJB CheckoutLinks checkout;

    public InvoiceService() {
        super(Drafts.Kind.INVOICE, Invoice.class, number -> new Invoice(number, null, null, null, null));
    }

    /** A draft invoice made from an approved quote (the caller checked the quote), linked to it. */
    public InvoiceView createFromQuote(DocumentDraft draft, String quoteId) {
        Invoice invoice = createDocument(draft, Optional.empty());
        invoice.fromQuote(quoteId);
        em.flush();
        return view(invoice);
    }

    /** The invoice's history, newest first: created, changed, sent, reminders, payments, links, void. */
    public List<AuditService.Entry> activity(String id) {
        find(id, access.require(Capability.MONEY_READ));
        return audit.history("invoice", id, 200);
    }

    /**
     * Claims the reminder of {@code stage} before it goes: false when that stage was already sent (by a person or
     * the reminders job, even at the same moment) or the invoice no longer takes reminders (paid or voided since it
     * was read). The invoice stays locked until the transaction ends, so a payment arriving meanwhile waits for the
     * reminder, or went first and stops it; the claim is undone with the transaction if the mail fails.
     */
    public boolean claimReminder(String id, ArStage stage, boolean automatic, String jobRunId) {
        access.require(Capability.MONEY_SEND);
        Invoice invoice = find(id, Grant.ALL);
        em.lock(invoice, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(invoice);
        if (!invoice.getStatus().allows(InvoiceStatus.Action.REMIND) || automatic && invoice.getReminderHold() != null) {
            return false;
        }
        return NativeSql.query(em, "insert into ar_reminders (tenant_id, invoice_id, stage, automatic, job_run_id)"
                + " values (cast(?1 as uuid), cast(?2 as uuid), ?3, ?4, cast(?5 as uuid)) on conflict do nothing")
                .setParameter(1, invoice.getTenantId()).setParameter(2, id).setParameter(3, stage.name())
                .setParameter(4, automatic).setParameter(5, jobRunId).executeUpdate() == 1;
    }

    /** Moves the collection stage on to {@code stage}; called by {@link InvoiceSending} once the reminder went out. */
    public void markReminded(String id, String recipient, ArStage stage, boolean automatic) {
        access.require(Capability.MONEY_SEND);
        Invoice invoice = find(id, Grant.ALL);
        String before = invoice.getArStage();
        invoice.reminded(stage);
        em.flush();
        audit.record("invoice.reminder_sent", "invoice", id, Map.of("ar_stage", before),
                Map.of("ar_stage", invoice.getArStage(), "to", recipient, "automatic", automatic));
        Analytics.record(em, "invoice.reminder_sent", profiles.effective().profileId(), automatic ? "automatic" : "manual",
                Map.of("invoice_id", id, "ar_stage", invoice.getArStage()));
    }

    /**
     * Holds the automatic reminders of a sent invoice ({@code why}: disputed, or the client opted out; a note of up
     * to 500 characters), or lets them go again ({@code why} null). A person's "Send reminder" is not held. Audited.
     */
    public InvoiceView holdReminders(String id, ReminderHold why, String note, Long expectedVersion) {
        access.require(Capability.MONEY_SEND);
        Invoice invoice = find(id, Grant.ALL);
        ConflictException.checkVersion(invoice.getVersion(), expectedVersion,
                "Someone changed this invoice since you opened it", () -> view(invoice));
        InvoiceStatus.Action action = why == null ? InvoiceStatus.Action.RESUME_REMINDERS : InvoiceStatus.Action.HOLD_REMINDERS;
        if (!invoice.getStatus().allows(action)) {
            throw new ValidationException("status", "Reminders are held or resumed on sent invoices not yet paid");
        }
        String text = note == null || note.isBlank() ? null : note.strip();
        if (text != null && (text.length() > 500 || text.chars().anyMatch(c -> c < 0x20 && c != '\n'))) {
            throw new ValidationException("note", "At most 500 characters");
        }
        Map<String, Object> before = new HashMap<>();
        before.put("reminder_hold", invoice.getReminderHold() == null ? "NONE" : invoice.getReminderHold().name());
        invoice.holdReminders(why, text);
        em.flush();
        Map<String, Object> after = new HashMap<>();
        after.put("reminder_hold", why == null ? "NONE" : why.name());
        if (text != null) {
            after.put("note", text);
        }
        audit.record(why == null ? "invoice.reminders_resumed" : "invoice.reminders_held", "invoice", id, before, after);
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
    public InvoiceView voidInvoice(String id, Long expectedVersion) {
        access.require(Capability.MONEY_VOID);
        Invoice invoice = find(id, Grant.ALL);
        ConflictException.checkVersion(invoice.getVersion(), expectedVersion,
                "Someone changed this invoice since you opened it", () -> view(invoice));
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

    /** OVERDUE: sent, not fully paid and past due in the business's zone. */
    @Override
    protected void filterByStatus(String status, LocalDate today, StringBuilder jpql, Map<String, Object> params) {
        InvoiceStatus wanted = InvoiceStatus.of(status);
        if (wanted == null) {
            throw new ValidationException("status", "One of " + String.join(", ", InvoiceStatus.FILTERS));
        }
        if (wanted == InvoiceStatus.OVERDUE) {
            jpql.append(" and d.status in :awaiting and d.endDate < :today");
            params.put("awaiting", InvoiceStatus.names(InvoiceStatus.AWAITING_PAYMENT));
            params.put("today", today);
        } else {
            jpql.append(" and d.status = :status");
            params.put("status", status);
        }
    }

    /** Home's money cards, in the business's currency: unpaid, overdue, and payments received today. */
    public record Money(BigDecimal unpaid, BigDecimal overdue, BigDecimal paidToday, String currency)
            implements Serializable {
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
                + " and i.endDate < :today" + scope, BigDecimal.class).setParameter("today", today);
        for (TypedQuery<BigDecimal> q : List.of(unpaid, overdue)) {
            q.setParameter("currency", tenant.getCurrency())
                    .setParameter("awaiting", InvoiceStatus.names(InvoiceStatus.AWAITING_PAYMENT));
            if (grant == Grant.ASSIGNED) {
                q.setParameter("me", RequestContext.current().orElseThrow().userId());
            }
        }
        Instant dayStart = today.atStartOfDay(zone()).toInstant();
        Object paid = NativeSql.query(em, "select coalesce(sum(p.amount), 0) from payments p"
                        + " where p.tenant_id = cast(?1 as uuid) and p.status = ?5 and p.currency = ?2"
                        + " and p.paid_at >= ?3 and p.paid_at < ?4 and p.deleted_at is null")
                .setParameter(1, tenant.getId()).setParameter(2, tenant.getCurrency())
                .setParameter(5, PaymentStatus.SUCCEEDED.name())
                .setParameter(3, Timestamp.from(dayStart))
                .setParameter(4, Timestamp.from(today.plusDays(1).atStartOfDay(zone()).toInstant())).getSingleResult();
        return new Money(unpaid.getSingleResult(), overdue.getSingleResult(),
                grant == Grant.ASSIGNED ? BigDecimal.ZERO : new BigDecimal(paid.toString()), tenant.getCurrency());
    }

    /** The invoice as a PDF (the same the client will download from the portal). */
    @Override
    public byte[] pdf(String id) {
        return pdf(id, null);
    }

    /** The same, with the client's page to pay it ({@code pageUrl} may be null: the card payment link, if any). */
    public byte[] pdf(String id, String pageUrl) {
        Invoice stored = find(id, access.require(Capability.MONEY_READ));
        return InvoicePdf.of(stored, client(stored), allCodes(), tenant(), BusinessLogo.of(em, tenant().getId()), pageUrl);
    }

    /** One invoice of a list: the tax codes and the day are looked up once for the whole page. */
    @Override
    protected InvoiceView view(Invoice i, Map<String, TaxCode> codes, LocalDate today) {
        List<String> actions = new ArrayList<>();
        InvoiceStatus status = i.getStatus();
        Role role = Access.resolved();
        for (InvoiceStatus.Action action : InvoiceStatus.Action.values()) {
            if (status.allows(action) && may(action, role, i)) {
                actions.add(action.apiName());
            }
        }
        Contact contact = client(i);
        return viewOf(i, codes, contact == null ? null : contact.getDisplayName(), today, actions);
    }

    /** Whether the caller may do what the invoice's state allows (the matrix, and what the action needs). */
    private boolean may(InvoiceStatus.Action action, Role role, Invoice i) {
        return switch (action) {
            case UPDATE -> Permissions.allows(role, Capability.MONEY_DRAFT);
            case SEND, SHARE_LINK -> Permissions.allows(role, Capability.MONEY_SEND);
            case REMIND -> Permissions.allows(role, Capability.MONEY_SEND) && i.getAmountDue().signum() > 0;
            case HOLD_REMINDERS -> Permissions.allows(role, Capability.MONEY_SEND) && i.getReminderHold() == null;
            case RESUME_REMINDERS -> Permissions.allows(role, Capability.MONEY_SEND) && i.getReminderHold() != null;
            case PAYMENT_LINK -> Permissions.allows(role, Capability.MONEY_SEND) && checkout.payable(i, tenant());
            case VOID -> Permissions.allows(role, Capability.MONEY_VOID);
            case PAY -> false; // recorded through the payments API, which reports its own actions
        };
    }

    /** The invoice with its computed lines and the status a reader sees (OVERDUE when sent and past due). */
    public static InvoiceView viewOf(Invoice i, Map<String, TaxCode> codes, String contactName, LocalDate today,
                                     List<String> actions) {
        DocumentDraft stored = i.stored();
        Totals.Result totals = Totals.compute(stored.lines(), codes, stored.pricing(), stored.discount(), i.getCurrency());
        String status = i.getStatus().effective(i.getDueDate(), today).name();
        return new InvoiceView(i.getId(), i.getNumber(), status, i.getContactId(), contactName, i.getWorkItemId(),
                i.getIssueDate(), i.getDueDate(), i.getCurrency(), stored.pricing(), stored.taxCode(), stored.lines(),
                stored.discount(), totals.lines(), i.getSubtotal(), i.getDiscountTotal(), i.getTaxTotal(), totals.taxes(),
                i.getTotal(), i.getAmountPaid(), i.getAmountDue(), i.getNotes(), i.getTerms(), i.getVersion(),
                i.getCreatedAt(), i.getUpdatedAt(), List.copyOf(actions), i.getPaymentLinkUrl(), i.getArStage(),
                i.getStatus(), i.getViewedAt(), i.getReminderHold(), i.getReminderHoldNote());
    }

    private ZoneId zone() {
        return tenant().zone();
    }
}
