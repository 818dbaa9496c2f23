package com.smbhub.payment;

import com.smbhub.invoice.CheckoutLinks;
import com.smbhub.invoice.Invoice;
import com.smbhub.invoice.InvoiceStatus;
import com.smbhub.money.Totals;
import com.smbhub.platform.Ids;
import com.smbhub.platform.analytics.Analytics;
import com.smbhub.platform.audit.AuditService;
import com.smbhub.platform.errors.NotFoundException;
import com.smbhub.platform.errors.ValidationException.FieldError;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.security.Access;
import com.smbhub.platform.security.Capability;
import com.smbhub.platform.security.Permissions;
import com.smbhub.platform.tenancy.RequestContext;
import com.smbhub.platform.tenancy.TenantScoped;
import com.smbhub.platform.time.BusinessClock;
import com.smbhub.profile.ProfileService;
import com.smbhub.tenant.Tenant;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import com.smbhub.platform.db.NewestFirst;
import com.smbhub.platform.db.Page;
import jakarta.persistence.TypedQuery;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Objects;
import java.util.stream.Collectors;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Payments recorded by hand (cash, bank transfer, other), partial or whole, and their refunds. The
 * invoice row is locked while its amounts change, so two payments at once cannot overpay it.
 */
@Stateless
@TenantScoped
public class PaymentService {

    static final Set<String> MANUAL = Set.of("CASH", "BANK", "OTHER");

    @PersistenceContext(unitName = "smbhub") EntityManager em;

    @EJB Access access;

    @EJB AuditService audit;

    @EJB ProfileService profiles;

    @EJB CheckoutLinks checkout;

    public List<PaymentView> ofInvoice(String invoiceId) {
        access.require(Capability.PAYMENTS_READ);
        invoice(invoiceId, false);
        return em.createQuery("select p from Payment p where p.invoiceId = :id and p.deletedAt is null"
                        + " order by p.paidAt desc, p.createdAt desc", Payment.class)
                .setParameter("id", invoiceId).getResultStream().map(this::view).toList();
    }

    /** What came in and went back of the payments a filter lets through, per currency. */
    public record PaymentTotal(String currency, BigDecimal received, BigDecimal refunded) implements Serializable {

        public BigDecimal net() {
            return received.subtract(refunded);
        }
    }

    /** Every payment of the business the filter lets through, the last recorded first, a page at a time. */
    public Page<PaymentLine> list(PaymentFilter filter, String afterKey, int limit) {
        access.require(Capability.PAYMENTS_READ);
        Map<String, Object> params = new HashMap<>();
        StringBuilder jpql = new StringBuilder("select p from Payment p where p.deletedAt is null");
        where(filter, jpql, params);
        NewestFirst.continueAfter(afterKey, "p", jpql, params);
        TypedQuery<Payment> query = em.createQuery(jpql.toString(), Payment.class).setMaxResults(limit + 1);
        params.forEach(query::setParameter);
        List<Payment> rows = query.getResultList();
        return new Page<>(lines(rows.stream().limit(limit).toList()), NewestFirst.nextKey(rows, limit));
    }

    /** This month in the business's calendar (the payments list opens on it). */
    public YearMonth currentMonth() {
        access.require(Capability.PAYMENTS_READ);
        return YearMonth.from(BusinessClock.today(tenant().zone()));
    }

    /** The business's time zone, for showing when a payment was made. */
    public ZoneId zone() {
        return tenant().zone();
    }

    /** At most this many payments go into one CSV. */
    public static final int CSV_MAX = 10_000;

    /** The payments the filter lets through as a CSV ({@link PaymentsCsv}), the last recorded first, up to {@link #CSV_MAX}. */
    public String csv(PaymentFilter filter) {
        List<PaymentLine> all = new ArrayList<>();
        String after = null;
        do {
            Page<PaymentLine> page = list(filter, after, 500);
            all.addAll(page.items());
            after = page.nextKey();
        } while (after != null && all.size() < CSV_MAX);
        return PaymentsCsv.of(all.subList(0, Math.min(all.size(), CSV_MAX)), tenant().zone());
    }

    /** The money received (succeeded or later refunded) and refunded of the payments the filter lets through. */
    public List<PaymentTotal> totals(PaymentFilter filter) {
        access.require(Capability.PAYMENTS_READ);
        Map<String, Object> params = new HashMap<>();
        StringBuilder jpql = new StringBuilder("select p.currency, sum(p.amount), sum(p.amountRefunded) from Payment p"
                + " where p.deletedAt is null and p.status in :received");
        params.put("received", PaymentStatus.names(PaymentStatus.RECEIVED));
        where(filter, jpql, params);
        jpql.append(" group by p.currency order by p.currency");
        TypedQuery<Object[]> query = em.createQuery(jpql.toString(), Object[].class);
        params.forEach(query::setParameter);
        return query.getResultStream().map(r -> new PaymentTotal((String) r[0], (BigDecimal) r[1], (BigDecimal) r[2])).toList();
    }

    private void where(PaymentFilter filter, StringBuilder jpql, Map<String, Object> params) {
        if (filter.month() != null) {
            ZoneId zone = tenant().zone();
            // each side compared with a mapped attribute, so the driver is told the parameter's type
            jpql.append(" and (p.paidAt >= :from and p.paidAt < :to or p.paidAt is null and p.createdAt >= :from"
                    + " and p.createdAt < :to)");
            params.put("from", filter.month().atDay(1).atStartOfDay(zone).toInstant());
            params.put("to", filter.month().plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
        }
        if (filter.method() != null) {
            jpql.append(" and p.provider = :method");
            params.put("method", filter.method());
        }
        if (filter.status() != null) {
            jpql.append(" and p.status = :status");
            params.put("status", filter.status().name());
        }
    }

    /** The payments with their invoice's number and client, read for the page at once. */
    private List<PaymentLine> lines(List<Payment> payments) {
        if (payments.isEmpty()) {
            return List.of();
        }
        Map<String, Invoice> invoices = em.createQuery("select i from Invoice i where i.id in :ids", Invoice.class)
                .setParameter("ids", payments.stream().map(Payment::getInvoiceId).distinct().toList()).getResultStream()
                .collect(Collectors.toMap(Invoice::getId, i -> i));
        List<String> contactIds = invoices.values().stream().map(Invoice::getContactId).filter(Objects::nonNull).distinct().toList();
        Map<String, String> names = contactIds.isEmpty() ? Map.of() : em.createQuery(
                        "select c.id, c.displayName from Contact c where c.id in :ids", Object[].class)
                .setParameter("ids", contactIds).getResultStream().collect(Collectors.toMap(r -> (String) r[0], r -> (String) r[1]));
        return payments.stream().map(p -> {
            Invoice invoice = invoices.get(p.getInvoiceId());
            String contactId = invoice == null ? null : invoice.getContactId();
            return new PaymentLine(view(p), p.getAmountRefunded(), invoice == null ? null : invoice.getNumber(), contactId,
                    contactId == null ? null : names.get(contactId));
        }).toList();
    }

    public PaymentView record(String invoiceId, String provider, BigDecimal amount, Instant paidAt, String label) {
        access.require(Capability.PAYMENTS_RECORD);
        Invoice invoice = invoice(invoiceId, true);
        List<FieldError> errors = new ArrayList<>();
        String kind = provider == null ? "" : provider.trim().toUpperCase();
        if (!MANUAL.contains(kind)) {
            errors.add(new FieldError("provider", "One of CASH, BANK, OTHER (card payments come from Stripe)"));
        }
        boolean payable = invoice.getStatus().allows(InvoiceStatus.Action.PAY);
        if (!payable) {
            errors.add(new FieldError("invoice_id", "Payments are recorded on sent invoices that are not fully paid"));
        }
        int scale = Totals.scale(invoice.getCurrency());
        if (amount == null || amount.signum() <= 0 || amount.stripTrailingZeros().scale() > scale) {
            errors.add(new FieldError("amount", "More than 0, in " + invoice.getCurrency() + " with at most " + scale + " decimals"));
        } else if (payable && amount.compareTo(invoice.getAmountDue()) > 0) {
            errors.add(new FieldError("amount", "More than the " + invoice.getAmountDue().toPlainString() + " due"));
        }
        Instant now = BusinessClock.now();
        Instant at = paidAt == null ? now : paidAt;
        if (at.isAfter(now.plusSeconds(300))) {
            errors.add(new FieldError("paid_at", "Not in the future"));
        }
        String note = label == null || label.isBlank() ? null : label.trim();
        if (note != null && note.length() > 200) {
            errors.add(new FieldError("method_label", "At most 200 characters"));
        }
        ValidationException.throwIfAny(errors);
        Payment payment = new Payment(invoiceId, kind, PaymentStatus.SUCCEEDED, amount.setScale(scale), invoice.getCurrency(), at, note);
        em.persist(payment);
        String before = invoice.getStatus().name();
        invoice.applyPayment(payment.getAmount());
        checkout.close(invoice, tenant());
        em.flush();
        audit.record("payment.recorded", "invoice", invoiceId, Map.of("status", before),
                Map.of("status", invoice.getStatus().name(), "payment_id", payment.getId(), "amount", payment.getAmount().toPlainString(),
                        "provider", kind));
        Analytics.record(em, "payment.succeeded", profiles.effective().profileId(), "manual", Map.of("payment_id",
                payment.getId(), "invoice_id", invoiceId, "amount", payment.getAmount().toPlainString(),
                "currency", payment.getCurrency()));
        return view(payment);
    }

    /** Refunds a payment recorded by hand: the invoice owes that amount again. */
    public PaymentView refund(String paymentId) {
        access.require(Capability.PAYMENTS_RECORD);
        Payment payment = find(paymentId);
        Invoice invoice = invoice(payment.getInvoiceId(), true);
        if (!MANUAL.contains(payment.getProvider()) || !payment.getStatus().allows(PaymentStatus.Action.REFUND)) {
            throw new ValidationException("payment", "Only a received payment recorded by hand is refunded here");
        }
        payment.refund();
        invoice.applyPayment(payment.getAmount().negate());
        checkout.close(invoice, tenant());
        em.flush();
        audit.record("payment.refunded", "invoice", invoice.getId(), Map.of("payment_id", paymentId),
                Map.of("status", invoice.getStatus().name(), "amount", payment.getAmount().toPlainString()));
        Analytics.record(em, "payment.refunded", profiles.effective().profileId(), "manual",
                Map.of("payment_id", paymentId, "invoice_id", invoice.getId()));
        return view(payment);
    }

    /** One payment of the business. */
    public PaymentView get(String paymentId) {
        access.require(Capability.PAYMENTS_READ);
        return view(find(paymentId));
    }

    private Payment find(String paymentId) {
        Payment payment = Ids.isId(paymentId) ? em.find(Payment.class, paymentId) : null;
        if (payment == null || payment.getDeletedAt() != null) {
            throw new NotFoundException("payment");
        }
        return payment;
    }

    private Tenant tenant() {
        return em.find(Tenant.class, RequestContext.current().orElseThrow().tenantId());
    }

    private Invoice invoice(String id, boolean lock) {
        Invoice invoice = Ids.isId(id) ? em.find(Invoice.class, id) : null;
        if (invoice == null || invoice.getDeletedAt() != null) {
            throw new NotFoundException("invoice");
        }
        if (lock) {
            em.lock(invoice, LockModeType.PESSIMISTIC_WRITE);
            em.refresh(invoice);
        }
        return invoice;
    }

    private PaymentView view(Payment p) {
        List<String> actions = Permissions.allows(Access.resolved(), Capability.PAYMENTS_RECORD)
                && MANUAL.contains(p.getProvider()) && p.getStatus().allows(PaymentStatus.Action.REFUND) ? List.of("refund") : List.of();
        return new PaymentView(p.getId(), p.getInvoiceId(), p.getProvider(), p.getStatus().name(), p.getAmount(), p.getCurrency(),
                p.getPaidAt(), p.getMethodLabel(), actions);
    }
}
