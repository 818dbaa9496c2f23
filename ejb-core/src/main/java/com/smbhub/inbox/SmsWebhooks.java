package com.smbhub.inbox;

import com.smbhub.contact.Contact;
import com.smbhub.platform.analytics.Analytics;
import com.smbhub.platform.db.NativeSql;
import com.smbhub.platform.security.Secrets;
import com.smbhub.platform.tenancy.CrossTenant;
import com.smbhub.platform.tenancy.TenantEntry;
import com.smbhub.platform.webhook.WebhookRefused;
import com.smbhub.profile.ProfileService;
import com.smbhub.tenant.Tenant;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Twilio's webhooks: an incoming text ({@link SmsSettings#INBOUND_PATH}) and the fate of one sent
 * ({@link SmsSettings#STATUS_PATH}). The business is the one whose number the text names; the
 * {@code X-Twilio-Signature} is checked with that business's auth token against the public URL before
 * anything is read or stored. Idempotent on {@code MessageSid}; STOP / START keywords kept per number.
 */
@Stateless
public class SmsWebhooks {

    private static final Logger LOG = Logger.getLogger(SmsWebhooks.class.getName());
    static final int MAX_BODY = 1600;
    /** Twilio's default opt-out and opt-in keywords (a text that is exactly one of them). */
    static final Set<String> STOP = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "OPTOUT", "REVOKE");
    static final Set<String> START = Set.of("START", "YES", "UNSTOP", "OPTIN");

    private record Owner(String tenantId, TwilioGateway.Account account) {
    }

    @PersistenceContext(unitName = "smbhub") EntityManager em;

    @EJB TenantEntry entry;

    @EJB ProfileService profiles;

    @EJB SmsMedia smsMedia;

    @Inject Event<MessagesReceived> received;

    @Inject Secrets secrets;

    /** Stores an incoming text (once per MessageSid); returns RECEIVED, or DUPLICATE when it was here already. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public String receive(String url, Map<String, String> params, String signature) {
        Owner owner = verified(url, params, signature, "To");
        String sid = required(params, "MessageSid", "(SM|MM)[0-9a-fA-F]{32}");
        String from = required(params, "From", "\\+[1-9][0-9]{6,14}");
        String body = params.getOrDefault("Body", "");
        if (body.length() > MAX_BODY || body.indexOf('\u0000') >= 0) {
            throw new WebhookRefused(WebhookRefused.Reason.BAD_REQUEST, "Body: at most 1,600 characters and no NUL");
        }
        List<String[]> media = media(params, owner.account().sid());
        return entry.asTenant(owner.tenantId(), TenantEntry.Path.SMS_WEBHOOK, "sms:" + sid, null, () -> {
            lock(em, sid);
            if (!em.createQuery("select m.id from InboxMessage m where m.providerMessageId = :sid", String.class)
                    .setParameter("sid", sid).getResultList().isEmpty()) {
                return "DUPLICATE";
            }
            String keyword = body.strip().toUpperCase(Locale.ROOT).replaceAll("[.!]+$", "");
            if (STOP.contains(keyword)) {
                NativeSql.query(em, "insert into sms_opt_outs (tenant_id, phone, keyword) values (cast(?1 as uuid), ?2, ?3)"
                                + " on conflict (tenant_id, phone) do update set keyword = excluded.keyword, opted_out_at = now()")
                        .setParameter(1, owner.tenantId()).setParameter(2, from).setParameter(3, keyword).executeUpdate();
            } else if (START.contains(keyword)) {
                NativeSql.query(em, "delete from sms_opt_outs where phone = ?1").setParameter(1, from).executeUpdate();
            }
            Conversation c = conversationWith(from);
            String text = media.isEmpty() ? body : body + (body.isEmpty() ? "" : "\n")
                    + "(" + media.size() + (media.size() == 1 ? " picture or file" : " pictures or files") + " sent by MMS)";
            InboxMessage m = InboxMessage.receivedText(c.getId(), from, owner.account().number(), text, sid, Instant.now());
            em.persist(m);
            c.added(m, true);
            em.flush();
            smsMedia.expect(owner.tenantId(), m.getId(), media);
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("message_id", m.getId());
            properties.put("conversation_id", c.getId());
            properties.put("channel", Channel.SMS.name());
            properties.put("keyword", STOP.contains(keyword) ? "stop" : START.contains(keyword) ? "start" : "none");
            Analytics.record(em, "message.received", profiles.effective().profileId(), "sms", properties);
            if (em.find(Tenant.class, owner.tenantId()).isAiAutoDraft()) {
                received.fire(new MessagesReceived(owner.tenantId(), List.of(m.getId())));
            }
            return "RECEIVED";
        });
    }

    /**
     * A status callback: the message moves forward (SENT, DELIVERED, or FAILED with Twilio's error) only
     * where its lifecycle allows, so callbacks arriving late or twice change nothing. One that arrives before
     * the sending transaction has stored Twilio's sid waits in {@code sms_early_statuses} and is applied when
     * it does ({@link #applyEarly}); both sides hold the sid's lock, so neither misses the other. Returns the
     * message's state, or WAITING.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public String status(String url, Map<String, String> params, String signature) {
        Owner owner = verified(url, params, signature, "From");
        String sid = required(params, "MessageSid", "(SM|MM)[0-9a-fA-F]{32}");
        String status = required(params, "MessageStatus", "[a-z_]{1,30}");
        String code = params.get("ErrorCode");
        return entry.asTenant(owner.tenantId(), TenantEntry.Path.SMS_WEBHOOK, "sms-status:" + sid, null, () -> {
            lock(em, sid);
            List<InboxMessage> found = em.createQuery("select m from InboxMessage m where m.providerMessageId = :sid"
                    + " and m.direction = 'OUTBOUND'", InboxMessage.class).setParameter("sid", sid).getResultList();
            if (found.isEmpty()) {
                NativeSql.query(em, "delete from sms_early_statuses where received_at < now() - interval '1 day'").executeUpdate();
                NativeSql.query(em, "insert into sms_early_statuses (tenant_id, message_sid, status, error_code)"
                                + " values (cast(?1 as uuid), ?2, ?3, cast(?4 as text)) on conflict do nothing")
                        .setParameter(1, owner.tenantId()).setParameter(2, sid).setParameter(3, status)
                        .setParameter(4, code).executeUpdate();
                LOG.info(() -> "status " + status + " for a text not (yet) known here, kept for a day: " + sid);
                return "WAITING";
            }
            InboxMessage m = found.get(0);
            apply(m, status, code);
            em.flush();
            return m.getState().name();
        });
    }

    /** Applies the callbacks that arrived for this text before its sid was stored (the caller has just stored it). */
    static void applyEarly(EntityManager em, InboxMessage m) {
        lock(em, m.getProviderMessageId());
        List<?> early = NativeSql.query(em, "with gone as (delete from sms_early_statuses where message_sid = ?1"
                + " returning status, error_code, received_at) select status, error_code from gone order by received_at")
                .setParameter(1, m.getProviderMessageId()).getResultList();
        early.stream().map(r -> (Object[]) r).forEach(r -> apply(m, (String) r[0], (String) r[1]));
    }

    private static void apply(InboxMessage m, String status, String code) {
        MessageState to = switch (status) {
            case "sent" -> MessageState.SENT;
            case "delivered", "read" -> MessageState.DELIVERED;
            case "failed", "undelivered", "canceled" -> MessageState.FAILED;
            default -> null;
        };
        if (to != null && m.getState().canMoveTo(to)) {
            m.moveTo(to, to == MessageState.FAILED ? undelivered(code) : null);
        }
    }

    /** One text's lock, held to the end of the transaction (incoming texts and status callbacks alike). */
    private static void lock(EntityManager em, String sid) {
        NativeSql.query(em, "select pg_advisory_xact_lock(hashtext(?1))").setParameter(1, sid).getSingleResult();
    }

    /** Whether another business texts from this number. */
    static boolean numberTaken(EntityManager em, String number, String tenantId) {
        return CrossTenant.run(em, CrossTenant.Purpose.SMS_NUMBERS, () -> !NativeSql.query(em, "select 1 from integration_connections"
                        + " where provider = 'TWILIO' and config_json ->> 'number' = ?1 and tenant_id <> cast(?2 as uuid)")
                .setParameter(1, number).setParameter(2, tenantId).getResultList().isEmpty());
    }

    private Owner verified(String url, Map<String, String> params, String signature, String ourNumberParam) {
        if (signature == null || signature.isBlank()) {
            throw new WebhookRefused(WebhookRefused.Reason.FORGED, "Missing X-Twilio-Signature header");
        }
        String number = params.get(ourNumberParam);
        Optional<Owner> owner = number == null ? Optional.empty() : owner(number);
        if (owner.isEmpty() || !owner.get().account().sid().equals(params.get("AccountSid"))
                || !TwilioSignature.valid(owner.get().account().token(), url, params, signature)) {
            LOG.info(() -> "Twilio webhook refused for " + number + " at " + url);
            throw new WebhookRefused(WebhookRefused.Reason.FORGED, "Signature check failed");
        }
        return owner.get();
    }

    private Optional<Owner> owner(String number) {
        List<?> rows = CrossTenant.run(em, CrossTenant.Purpose.SMS_NUMBERS, () -> NativeSql.query(em,
                        "select cast(tenant_id as text), cast(config_json as text), credentials_ref from integration_connections"
                                + " where provider = 'TWILIO' and status = 'ACTIVE' and config_json ->> 'number' = ?1")
                .setParameter(1, number).getResultList());
        return rows.stream().map(r -> (Object[]) r).findFirst()
                .map(r -> new Owner((String) r[0], SmsSettings.account((String) r[1], (String) r[2], secrets)));
    }

    /** The open (else latest) text conversation with this number, or a new one matched to a contact by phone. */
    private Conversation conversationWith(String from) {
        Optional<Conversation> known = em.createQuery("select c from Conversation c where c.channel = 'SMS'"
                        + " and c.counterpart = :who and c.deletedAt is null order by c.lastMessageAt desc", Conversation.class)
                .setParameter("who", from).setMaxResults(1).getResultStream().findFirst();
        if (known.isPresent()) {
            return known.get();
        }
        Conversation c = new Conversation(Channel.SMS, from, null);
        em.createQuery("select k from Contact k where k.phone = :phone and k.deletedAt is null order by k.createdAt desc",
                Contact.class).setParameter("phone", from).setMaxResults(1).getResultStream().findFirst()
                .ifPresent(k -> c.link(k.getId()));
        em.persist(c);
        return c;
    }

    private static String required(Map<String, String> params, String name, String pattern) {
        String value = params.get(name);
        if (value == null || !value.matches(pattern)) {
            throw new WebhookRefused(WebhookRefused.Reason.BAD_REQUEST, name + " is missing or not as Twilio sends it");
        }
        return value;
    }

    /** The pictures and files a text names (at most 10, each one of this account's media on Twilio): url and type. */
    private static List<String[]> media(Map<String, String> params, String accountSid) {
        String count = params.get("NumMedia");
        if (count == null || count.isEmpty()) {
            return List.of();
        }
        if (!count.matches("[0-9]{1,2}") || Integer.parseInt(count) > 10) {
            throw new WebhookRefused(WebhookRefused.Reason.BAD_REQUEST, "NumMedia is not as Twilio sends it");
        }
        List<String[]> media = new ArrayList<>();
        for (int i = 0; i < Integer.parseInt(count); i++) {
            String url = params.get("MediaUrl" + i);
            if (!TwilioGateway.isMediaOf(accountSid, url)) {
                throw new WebhookRefused(WebhookRefused.Reason.BAD_REQUEST, "MediaUrl" + i + " is missing or not this account's media on Twilio");
            }
            String type = params.get("MediaContentType" + i);
            media.add(new String[] {url, type != null && type.matches("[a-zA-Z0-9.+-]{1,60}/[a-zA-Z0-9.+-]{1,60}") ? type : null});
        }
        return media;
    }

    private static String undelivered(String code) {
        String c = code != null && code.matches("[0-9]{1,6}") ? code : null;
        return "Not delivered" + (c == null ? "" : " (Twilio error " + c + ")");
    }
}
