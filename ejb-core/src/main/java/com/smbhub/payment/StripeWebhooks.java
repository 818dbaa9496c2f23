package com.smbhub.payment;

import com.smbhub.platform.InputText;
import com.smbhub.platform.Jsonp;
import com.smbhub.platform.db.NativeSql;
import com.smbhub.platform.metrics.Measures;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.webhook.WebhookEventStatus;
import com.smbhub.platform.webhook.WebhookRefused;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Stripe's webhook (PRD 12.5): the signature is checked on the raw body, the event is stored unique
 * on its id and committed before Stripe is answered (persist first), then processed in its own
 * transaction. A failed attempt is retried with backoff (30 s … 8 h, 8 attempts) and then left
 * FAILED for ops; an event that names an unknown account or another business's invoice is REJECTED.
 */
@Stateless
public class StripeWebhooks {

    private static final Logger LOG = Logger.getLogger(StripeWebhooks.class.getName());
    public static final long TOLERANCE_SECONDS = 300;
    static final Set<String> HANDLED = Set.of("checkout.session.completed", "checkout.session.async_payment_succeeded",
            "checkout.session.async_payment_failed", "charge.refunded");

    /** The stored event: its row, what became of it, and whether Stripe had sent it before. */
    public record Receipt(String id, String status, boolean duplicate) {
    }

    @PersistenceContext(unitName = "smbhub") EntityManager em;

    @EJB StripeEventProcessor processor;

    @EJB PaymentNews news;

    @Inject Measures measures;

    @Inject @ConfigProperty(name = "smbhub.stripe.webhook-secret") Optional<String> secret;

    private static WebhookRefused bad(String message) {
        return new WebhookRefused(WebhookRefused.Reason.BAD_EVENT, message);
    }

    /** Verifies and stores the event; committed when this returns. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Receipt receive(String payload, String signatureHeader) {
        String key = secret.filter(s -> !s.isBlank()).orElseThrow(() -> new WebhookRefused(WebhookRefused.Reason.NOT_CONFIGURED,
                "Stripe webhooks are not set up on this server"));
        if (signatureHeader == null || signatureHeader.isBlank()) {
            throw bad("Missing Stripe-Signature header");
        }
        try {
            InputText.checkDepth(payload);
        } catch (ValidationException e) {
            throw bad("Not a Stripe event: " + e.getMessage());
        }
        if (payload.indexOf('\u0000') >= 0 || payload.contains("\\u0000")) {
            throw bad("Not a Stripe event: it holds a NUL character");
        }
        JsonObject event;
        try {
            Webhook.Signature.verifyHeader(payload, signatureHeader, key, TOLERANCE_SECONDS); // the SDK's check, without its Gson parse
            try (var reader = Jsonp.createReader(new StringReader(payload))) {
                event = reader.readObject();
            }
        } catch (SignatureVerificationException e) {
            throw bad("Signature check failed: " + e.getMessage());
        } catch (RuntimeException e) {
            throw bad("Not a Stripe event: the body is not a JSON object");
        }
        String eventId = text(event, "id");
        String type = text(event, "type");
        if (eventId == null || !eventId.matches("evt_[A-Za-z0-9_]{1,200}") || type == null || type.length() > 200
                || !(event.get("data") instanceof JsonObject data) || !(data.get("object") instanceof JsonObject)) {
            throw bad("Not a Stripe event: id, type and data.object are required");
        }
        String account = text(event, "account");
        String rejected = account == null ? "Not an event of a connected account" : "No business has connected " + account;
        // one statement for a new event and a repeat alike: the business, the row, or the row stored before
        List<?> rows = NativeSql.query(em, "with business as (select id from tenants where stripe_account_id = ?2),"
                        + " made as (insert into webhook_events (id, tenant_id, provider, provider_event_id, event_type, payload,"
                        + " status, last_error, next_attempt_at, processed_at) select cast(?1 as uuid), b.id, 'STRIPE', ?3, ?4,"
                        + " cast(?5 as jsonb), s.status, case when s.status = 'REJECTED' then ?7 end,"
                        + " case when s.status = 'RECEIVED' then now() + interval '60 seconds' end,"
                        + " case when s.status = 'RECEIVED' then null else now() end"
                        + " from (select 1) one left join business b on true cross join lateral (select case when not ?6"
                        + " then 'IGNORED' when b.id is null then 'REJECTED' else 'RECEIVED' end as status) s"
                        + " on conflict (provider, provider_event_id) do nothing returning cast(id as text), status)"
                        + " select id, status, false from made union all select cast(id as text), status, true"
                        + " from webhook_events where provider = 'STRIPE' and provider_event_id = ?3 and not exists (select 1 from made)")
                .setParameter(1, UUID.randomUUID().toString()).setParameter(2, account).setParameter(3, eventId)
                .setParameter(4, type).setParameter(5, payload).setParameter(6, HANDLED.contains(type)).setParameter(7, rejected)
                .getResultList();
        if (rows.isEmpty()) { // the same event stored by a delivery that committed while this statement ran
            rows = NativeSql.query(em, "select cast(id as text), status, true from webhook_events"
                    + " where provider = 'STRIPE' and provider_event_id = ?1").setParameter(1, eventId).getResultList();
        }
        Object[] row = (Object[]) rows.get(0);
        return new Receipt((String) row[0], (String) row[1], (Boolean) row[2]);
    }

    /**
     * One processing attempt, outside the receiving transaction; a failure is recorded for a later
     * attempt and never reaches Stripe's answer. Events that were waiting for this one run after it.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public String deliver(String id) {
        String status;
        List<String> waiting;
        try {
            StripeEventProcessor.Outcome outcome = processor.apply(id);
            status = outcome.status();
            waiting = outcome.waiting();
            if (outcome.paid() != null) {
                news.received(outcome.tenantId(), outcome.paid()); // committed by now
            }
        } catch (RuntimeException e) {
            String reason = reason(e);
            status = processor.failed(id, reason);
            measures.webhookFailed("stripe", WebhookEventStatus.FAILED.name().equals(status));
            if (WebhookEventStatus.FAILED.name().equals(status)) {
                LOG.severe("Stripe event " + id + " failed for good, ops must look at it: " + reason);
            } else {
                LOG.log(Level.INFO, "Stripe event " + id + " will be retried: " + reason);
            }
            return status;
        }
        waiting.forEach(this::deliver);
        return status;
    }

    /** Attempts every event whose retry is due (called by the timer). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int retryDue() {
        List<String> due = processor.due(50);
        due.forEach(this::deliver);
        return due.size();
    }

    /** Puts a failed or waiting event back in line for an attempt now; 0 when there is no such event. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int reopen(String id) {
        return NativeSql.query(em, "update webhook_events set status = 'RECEIVED', next_attempt_at = now()"
                + " where id = cast(?1 as uuid) and status in ('RECEIVED', 'FAILED')").setParameter(1, id).executeUpdate();
    }

    private static String reason(Throwable e) {
        Throwable cause = e;
        while (cause instanceof EJBException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.length() > 500 ? message.substring(0, 500) : message;
    }

    static String text(JsonObject object, String field) {
        JsonValue value = object == null ? null : object.get(field);
        return value instanceof JsonString s ? s.getString() : null;
    }
}
