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
import java.math.BigDecimal;
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
        Payment payment = Ids.isId(paymentId) ? em.find(Payment.class, paymentId) : null;
        if (payment == null || payment.getDeletedAt() != null) {
            throw new NotFoundException("payment");
        }
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
