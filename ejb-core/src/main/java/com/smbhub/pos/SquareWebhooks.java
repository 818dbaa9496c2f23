package com.smbhub.pos;

import com.smbhub.job.JobLedger;
import com.smbhub.job.JobName;
import com.smbhub.platform.Jsonp;
import com.smbhub.platform.db.NativeSql;
import com.smbhub.platform.tenancy.CrossTenant;
import com.smbhub.platform.tenancy.TenantEntry;
import com.smbhub.platform.webhook.WebhookEventStatus;
import com.smbhub.platform.webhook.WebhookRefused;
import com.squareup.square.utilities.WebhooksHelper;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code POST /api/v1/webhooks/square}: Square's signed notices (an order, customer or refund created or updated).
 * The signature ({@code x-square-hmacsha256-signature}: base64 HMAC-SHA256, with the webhook subscription's signature
 * key, of the notification URL followed by the raw body) is checked first, by the SDK's {@code WebhooksHelper}; the notice names the merchant, whose
 * business alone gets an incremental sync — the notice itself changes nothing but starting it. Each event is kept
 * once ({@code webhook_events}), so a replayed notice starts nothing.
 */
@Stateless
public class SquareWebhooks {

    /** What came of a notice: kept before ({@code duplicate}), for which business, the sync it started (null: none). */
    public record Receipt(boolean duplicate, String status, String tenantId, String runId) {
    }

    @PersistenceContext(unitName = "smbhub") EntityManager em;

    @EJB TenantEntry entry;

    @EJB JobLedger ledger;

    @EJB PosSync sync;

    @Inject @ConfigProperty(name = "smbhub.square.webhook-signature-key") Optional<String> signatureKey;

    /** The notice at {@code url} (the public URL Square posted to) with this body and signature. */
    public Receipt receive(String url, String body, String signature) {
        String key = signatureKey.filter(k -> !k.isBlank())
                .orElseThrow(() -> new WebhookRefused(WebhookRefused.Reason.NOT_CONFIGURED, "Square notices are not set up on this server"));
        if (signature == null || signature.isBlank() || !WebhooksHelper.verifySignature(body, signature.trim(), key, url)) {
            throw new WebhookRefused(WebhookRefused.Reason.FORGED, "Signature check failed");
        }
        JsonObject event;
        try {
            event = Jsonp.createReader(new StringReader(body)).readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new WebhookRefused(WebhookRefused.Reason.BAD_REQUEST, "The body is not a Square notice (JSON object)");
        }
        String merchant = text(event, "merchant_id");
        String eventId = text(event, "event_id");
        String type = text(event, "type");
        if (merchant == null || eventId == null || type == null || eventId.length() > 200 || type.length() > 200) {
            throw new WebhookRefused(WebhookRefused.Reason.BAD_REQUEST, "A Square notice has merchant_id, event_id and type");
        }
        Optional<String> tenant = owner(merchant);
        WebhookEventStatus status = tenant.isPresent() ? WebhookEventStatus.PROCESSED : WebhookEventStatus.REJECTED;
        List<?> made = NativeSql.query(em, "insert into webhook_events (id, tenant_id, provider, provider_event_id, event_type,"
                        + " payload, status, last_error, processed_at) values (cast(?1 as uuid), cast(?2 as uuid), 'SQUARE', ?3, ?4,"
                        + " cast(?5 as jsonb), ?6, ?7, now()) on conflict (provider, provider_event_id) do nothing returning 1")
                .setParameter(1, UUID.randomUUID().toString()).setParameter(2, tenant.orElse(null)).setParameter(3, eventId)
                .setParameter(4, type).setParameter(5, body).setParameter(6, status.name())
                .setParameter(7, tenant.isPresent() ? null : "No business has connected merchant " + merchant).getResultList();
        if (made.isEmpty()) {
            return new Receipt(true, "DUPLICATE", null, null);
        }
        if (tenant.isEmpty()) {
            return new Receipt(false, status.name(), null, null);
        }
        return entry.asTenant(tenant.get(), TenantEntry.Path.SQUARE_WEBHOOK, "square_event:" + eventId, null, () -> {
            if (!sync.dueNow(tenant.get())) {
                return new Receipt(false, "NOT_SYNCED", null, null);
            }
            String runId = ledger.webhookRun(JobName.POS_SYNC);
            return new Receipt(false, runId == null ? "SYNC_RUNNING" : "SYNC_STARTED", tenant.get(), runId);
        });
    }

    /** Square's signature of a notice, as the test-mode stand-in signs it: base64 HMAC-SHA256 of the notification URL and the body. */
    public static String sign(String key, String url, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal((url + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<String> owner(String merchant) {
        return CrossTenant.run(em, CrossTenant.Purpose.POS_MERCHANTS, () -> NativeSql.query(em, "select cast(tenant_id as text)"
                        + " from integration_connections where provider = 'SQUARE' and status = 'ACTIVE' and deleted_at is null"
                        + " and config_json ->> 'merchant_id' = ?1").setParameter(1, merchant).getResultList().stream()
                .map(Object::toString).findFirst());
    }

    private static String text(JsonObject o, String name) {
        return o.get(name) instanceof JsonString s && !s.getString().isBlank() ? s.getString() : null;
    }
}
