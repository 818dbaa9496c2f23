package com.smbhub.payment;

import com.smbhub.invoice.Invoice;
import com.smbhub.invoice.InvoiceStatus;
import com.smbhub.money.MoneyText;
import com.smbhub.money.Totals;
import com.smbhub.notification.NotificationService;
import com.smbhub.platform.Ids;
import com.smbhub.platform.Jsonp;
import com.smbhub.platform.analytics.Analytics;
import com.smbhub.platform.audit.AuditService;
import com.smbhub.platform.db.NativeSql;
import com.smbhub.platform.tenancy.RequestContext;
import com.smbhub.platform.tenancy.TenantEntry;
import com.smbhub.platform.webhook.WebhookEventStatus;
import com.smbhub.tenant.Tenant;
import jakarta.ejb.ApplicationException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Applies one stored Stripe event to the books, each in its own transaction, replay-safe: the event
 * row is locked and only a RECEIVED one is applied; the invoice row is locked while its amounts
 * change; one Payment per payment intent per business. Events may come twice, at once, or in any order.
 */
@Stateless
public class StripeEventProcessor {

    static final int MAX_ATTEMPTS = 8;
    private static final long[] BACKOFF_SECONDS = {30, 120, 300, 900, 3600, 7200, 14400, 28800};

    /**
     * What became of the event, the events that were waiting for it (a refund before its payment), and the payment it
     * brought in with its business when that business wants e-mails about it (else null), sent once committed
     * ({@link PaymentNews}).
     */
    public record Outcome(String status, List<String> waiting, String tenantId, String paid) {
        static Outcome only(String status) {
            return new Outcome(status, List.of(), null, null);
        }
    }

    /** The event cannot be applied yet (its payment has not arrived); it is tried again later. */
    @ApplicationException(rollback = true)
    static class NotYetException extends RuntimeException {
        NotYetException(String message) {
            super(message);
        }
    }

    private record Result(String status, String note, String paymentIntent, String paid) {
        static Result processed(String paymentIntent, String paid) {
            return new Result(WebhookEventStatus.PROCESSED.name(), null, paymentIntent, paid);
        }

        static Result rejected(String why) {
            return new Result(WebhookEventStatus.REJECTED.name(), why, null, null);
        }
    }

    @PersistenceContext(unitName = "smbhub") EntityManager em;

    @EJB AuditService audit;

    @EJB TenantEntry entry;

    /** Seconds to wait after the n-th failed attempt (1-based). */
    static long backoff(int attempts) {
        return BACKOFF_SECONDS[Math.min(Math.max(attempts, 1), BACKOFF_SECONDS.length) - 1];
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Outcome apply(String id) {
        List<?> rows = NativeSql.query(em, "select cast(tenant_id as text), event_type, cast(payload as text), status"
                + " from webhook_events where id = cast(?1 as uuid) for update").setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            return Outcome.only("MISSING");
        }
        Object[] row = (Object[]) rows.get(0);
        if (!WebhookEventStatus.RECEIVED.name().equals(row[3])) {
            return Outcome.only((String) row[3]);
        }
        String tenantId = (String) row[0];
        String type = (String) row[1];
        JsonObject event;
        try (var reader = Jsonp.createReader(new StringReader((String) row[2]))) {
            event = reader.readObject();
        }
        JsonObject object = event.getJsonObject("data").getJsonObject("object");
        Result result = entry.asTenant(tenantId, TenantEntry.Path.STRIPE_WEBHOOK, StripeWebhooks.text(event, "id"), null,
                () -> type.startsWith("checkout.session.") ? session(type, object) : refund(object));
        NativeSql.query(em, "update webhook_events set status = ?2, last_error = ?3, attempts = attempts + 1,"
                        + " processed_at = now(), next_attempt_at = null where id = cast(?1 as uuid)")
                .setParameter(1, id).setParameter(2, result.status()).setParameter(3, result.note()).executeUpdate();
        List<String> waiting = result.paymentIntent() == null ? List.of() : NativeSql.query(em,
                        "select cast(id as text) from webhook_events where tenant_id = cast(?1 as uuid) and status = 'RECEIVED'"
                        + " and id <> cast(?2 as uuid) and jsonb_extract_path_text(payload, 'data', 'object', 'payment_intent') = ?3")
                .setParameter(1, tenantId).setParameter(2, id).setParameter(3, result.paymentIntent())
                .getResultStream().map(Object::toString).toList();
        return new Outcome(result.status(), waiting, tenantId, result.paid());
    }

    /** Records a failed attempt: retried after the backoff, or FAILED for good after the last attempt. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public String failed(String id, String reason) {
        List<?> attempts = NativeSql.query(em, "select attempts from webhook_events where id = cast(?1 as uuid)"
                + " and status = 'RECEIVED' for update").setParameter(1, id).getResultList();
        if (attempts.isEmpty()) {
            return "GONE";
        }
        int made = ((Number) attempts.get(0)).intValue() + 1;
        WebhookEventStatus status = made >= MAX_ATTEMPTS ? WebhookEventStatus.FAILED : WebhookEventStatus.RECEIVED;
        NativeSql.query(em, "update webhook_events set attempts = ?2, last_error = ?3, status = ?4,"
                        + " next_attempt_at = case when ?4 = 'RECEIVED' then now() + make_interval(secs => ?5) end"
                        + " where id = cast(?1 as uuid)")
                .setParameter(1, id).setParameter(2, made).setParameter(3, reason).setParameter(4, status.name())
                .setParameter(5, (double) backoff(made)).executeUpdate();
        return status.name();
    }

    /** Events whose next attempt is due, oldest first. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<String> due(int limit) {
        return NativeSql.query(em, "select cast(id as text) from webhook_events where status = 'RECEIVED'"
                        + " and next_attempt_at <= now() order by next_attempt_at limit ?1")
                .setParameter(1, limit).getResultStream().map(Object::toString).toList();
    }

    /** checkout.session.completed / async_payment_succeeded / async_payment_failed. */
    private Result session(String type, JsonObject session) {
        String invoiceId = metadata(session);
        Invoice invoice = invoiceId == null ? null : lockedInvoice(invoiceId);
        if (invoice == null) {
            return Result.rejected("metadata.invoice_id names no invoice of this business");
        }
        String currency = StripeWebhooks.text(session, "currency");
        if (currency == null || !currency.equalsIgnoreCase(invoice.getCurrency())) {
            return Result.rejected("The session's currency " + currency + " is not the invoice's " + invoice.getCurrency());
        }
        Long total = Jsonp.exactLong(session.get("amount_total"));
        long minor = total == null ? 0 : total;
        if (minor <= 0) {
            return Result.rejected("The session has no amount_total");
        }
        String intent = paymentIntent(session);
        String key = intent != null ? intent : StripeWebhooks.text(session, "id");
        PaymentStatus wanted = switch (type) {
            case "checkout.session.async_payment_failed" -> PaymentStatus.FAILED;
            case "checkout.session.async_payment_succeeded" -> PaymentStatus.SUCCEEDED;
            default -> "paid".equals(StripeWebhooks.text(session, "payment_status")) ? PaymentStatus.SUCCEEDED
                    : PaymentStatus.PENDING;
        };
        Payment payment = payment(key);
        String paid = null;
        if (payment == null) {
            if (invoice.getStatus() == InvoiceStatus.VOID) {
                return Result.rejected("Invoice " + invoice.getNumber() + " is void: refund this payment in Stripe");
            }
            payment = Payment.stripe(invoice.getId(), key, wanted, Totals.fromMinorUnits(minor, invoice.getCurrency()),
                    invoice.getCurrency());
            em.persist(payment);
            if (wanted == PaymentStatus.SUCCEEDED) {
                paid = received(invoice, payment);
            }
        } else if (payment.getStatus().allows(PaymentStatus.Action.SETTLE) && wanted != PaymentStatus.PENDING) {
            payment.settle(wanted);
            if (wanted == PaymentStatus.SUCCEEDED) {
                paid = received(invoice, payment);
            }
        }
        em.flush();
        return Result.processed(key, paid);
    }

    /** charge.refunded: Stripe's running refunded total, so a repeat or an older event changes nothing. */
    private Result refund(JsonObject charge) {
        String intent = paymentIntent(charge);
        Payment payment = intent == null ? null : payment(intent);
        if (payment == null) {
            throw new NotYetException("The payment this refund belongs to has not arrived yet");
        }
        String invoiceId = metadata(charge);
        if (invoiceId != null && !invoiceId.equals(payment.getInvoiceId())) {
            return Result.rejected("metadata.invoice_id is not the invoice of payment " + intent);
        }
        Invoice invoice = lockedInvoice(payment.getInvoiceId());
        Long refunded = Jsonp.exactLong(charge.get("amount_refunded"));
        long minor = refunded == null ? 0 : refunded;
        BigDecimal total = Totals.fromMinorUnits(minor, payment.getCurrency()).min(payment.getAmount());
        BigDecimal more = total.subtract(payment.getAmountRefunded());
        if (payment.getStatus().allows(PaymentStatus.Action.REFUND) && more.signum() > 0) {
            String before = invoice.getStatus().name();
            payment.refunded(total);
            invoice.applyPayment(more.negate());
            em.flush();
            audit.record("payment.refunded", "invoice", invoice.getId(), Map.of("status", before),
                    Map.of("status", invoice.getStatus().name(), "payment_id", payment.getId(), "amount", more.toPlainString(),
                            "provider", "STRIPE"));
            Analytics.record(em, "payment.refunded", profile(), "stripe",
                    Map.of("payment_id", payment.getId(), "invoice_id", invoice.getId()));
        }
        return Result.processed(null, null);
    }

    /** Puts the payment on the invoice; answers its id when the business wants e-mails about it (PaymentNews), else null. */
    private String received(Invoice invoice, Payment payment) {
        String before = invoice.getStatus().name();
        BigDecimal creditBefore = invoice.credit();
        invoice.applyPayment(payment.getAmount());
        invoice.forgetPaymentLink();
        em.flush();
        audit.record("payment.recorded", "invoice", invoice.getId(), Map.of("status", before),
                Map.of("status", invoice.getStatus().name(), "payment_id", payment.getId(), "amount", payment.getAmount().toPlainString(),
                        "provider", "STRIPE"));
        NotificationService.add(em, "payment.received", PaymentNews.headline(invoice, payment), "invoice", invoice.getId());
        if (invoice.credit().compareTo(creditBefore) > 0) {
            String over = MoneyText.format(invoice.credit(), invoice.getCurrency());
            audit.record("invoice.overpaid", "invoice", invoice.getId(), null,
                    Map.of("credit", invoice.credit().toPlainString(), "payment_id", payment.getId()));
            NotificationService.add(em, "invoice.overpaid", invoice.getNumber() + " was overpaid by " + over
                    + " by card: refund the difference in Stripe or keep it as credit", "invoice", invoice.getId());
        }
        Analytics.record(em, "payment.succeeded", profile(), "stripe", Map.of("payment_id", payment.getId(),
                "invoice_id", invoice.getId(), "amount", payment.getAmount().toPlainString(), "currency", payment.getCurrency()));
        Tenant business = em.find(Tenant.class, invoice.getTenantId());
        return business.isPaymentMail() || business.isReceiptMail() ? payment.getId() : null;
    }

    private Invoice lockedInvoice(String id) {
        if (!Ids.isId(id)) {
            return null;
        }
        return em.createQuery("select i from Invoice i where i.id = :id and i.deletedAt is null", Invoice.class)
                .setParameter("id", id).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst()
                .orElse(null);
    }

    private Payment payment(String providerPaymentId) {
        return em.createQuery("select p from Payment p where p.provider = 'STRIPE' and p.providerPaymentId = :key",
                Payment.class).setParameter("key", providerPaymentId).getResultStream().findFirst().orElse(null);
    }

    private String profile() {
        return em.find(Tenant.class, RequestContext.current().orElseThrow().tenantId()).getProfileId();
    }

    private static String metadata(JsonObject object) {
        return object.get("metadata") instanceof JsonObject m ? StripeWebhooks.text(m, "invoice_id") : null;
    }

    /** The payment intent's id (a string, or an expanded object). */
    private static String paymentIntent(JsonObject object) {
        JsonValue value = object.get("payment_intent");
        return value instanceof JsonObject expanded ? StripeWebhooks.text(expanded, "id")
                : StripeWebhooks.text(object, "payment_intent");
    }
}
