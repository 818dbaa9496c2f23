package com.smbhub.inbox;

import com.smbhub.file.FileService;
import com.smbhub.platform.db.NativeSql;
import com.smbhub.platform.security.Secrets;
import com.smbhub.platform.tenancy.CrossTenant;
import com.smbhub.platform.tenancy.TenantEntry;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The pictures and files of incoming MMS: named by Twilio's webhook ({@link #expect}), fetched by
 * {@link SmsMediaFetcher} and kept as the message's files. Each row is leased while fetched, so one instance
 * fetches it; a failure is tried again later (5 tries in all, waits doubling from 10 s). Each call is its own
 * transaction.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class SmsMedia {

    /** One picture to fetch, with the business's Twilio account. */
    public record Due(String tenantId, String messageId, int position, String url, String contentType,
                      TwilioGateway.Account account, int attempts) {
    }

    static final int MAX_ATTEMPTS = 5;
    private static final Map<String, String> EXTENSIONS = Map.of("image/jpeg", ".jpg", "image/png", ".png",
            "image/gif", ".gif", "image/webp", ".webp", "image/heic", ".heic", "application/pdf", ".pdf",
            "text/plain", ".txt", "text/vcard", ".vcf", "text/x-vcard", ".vcf");

    @PersistenceContext(unitName = "smbhub") EntityManager em;

    @EJB TenantEntry entry;

    @EJB FileService files;

    @Inject Secrets secrets;

    /** Notes the media of a text just stored, in the caller's transaction and business. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void expect(String tenantId, String messageId, List<String[]> media) {
        for (int i = 0; i < media.size(); i++) {
            NativeSql.query(em, "insert into sms_media (tenant_id, message_id, position, url, content_type)"
                            + " values (cast(?1 as uuid), cast(?2 as uuid), ?3, ?4, cast(?5 as text))")
                    .setParameter(1, tenantId).setParameter(2, messageId).setParameter(3, i).setParameter(4, media.get(i)[0])
                    .setParameter(5, media.get(i)[1]).executeUpdate();
        }
    }

    /** How many pictures of each message of a conversation are still being fetched. */
    static Map<String, Integer> coming(EntityManager em, String conversationId) {
        Map<String, Integer> coming = new java.util.HashMap<>();
        List<?> rows = NativeSql.query(em, "select cast(s.message_id as text), count(*) from sms_media s join messages m"
                + " on m.id = s.message_id where m.conversation_id = cast(?1 as uuid) and s.state = 'PENDING'"
                + " group by s.message_id").setParameter(1, conversationId).getResultList();
        rows.stream().map(r -> (Object[]) r).forEach(r -> coming.put((String) r[0], ((Number) r[1]).intValue()));
        return coming;
    }

    /** Leases up to {@code max} pictures due for fetching (2 minutes), across businesses. */
    public List<Due> lease(int max) {
        return CrossTenant.run(em, CrossTenant.Purpose.SMS_MEDIA, () -> {
            List<?> rows = NativeSql.query(em, "update sms_media s set lease_until = now() + interval '2 minutes',"
                            + " attempts = s.attempts + 1 from integration_connections c"
                            + " where c.tenant_id = s.tenant_id and c.provider = 'TWILIO' and c.status = 'ACTIVE'"
                            + " and (s.tenant_id, s.message_id, s.position) in (select d.tenant_id, d.message_id, d.position"
                            + " from sms_media d where d.state = 'PENDING' and d.next_try_at <= now()"
                            + " and (d.lease_until is null or d.lease_until < now()) order by d.next_try_at limit ?1"
                            + " for update skip locked)"
                            + " returning cast(s.tenant_id as text), cast(s.message_id as text), s.position, s.url, s.content_type,"
                            + " cast(c.config_json as text), c.credentials_ref, s.attempts")
                    .setParameter(1, max).getResultList();
            return rows.stream().map(r -> (Object[]) r).map(r -> new Due((String) r[0], (String) r[1], ((Number) r[2]).intValue(),
                    (String) r[3], (String) r[4], SmsSettings.account((String) r[5], (String) r[6], secrets),
                    ((Number) r[7]).intValue())).toList();
        });
    }

    /** Keeps a fetched picture as the message's file; one of a kind not kept here fails in words. */
    public void store(Due due, TwilioGateway.Media media) {
        entry.asTenant(due.tenantId(), TenantEntry.Path.SMS_MEDIA, "sms-media:" + due.messageId(), null, () -> {
            InboxMessage m = em.find(InboxMessage.class, due.messageId());
            String type = media.contentType() == null ? due.contentType() : media.contentType();
            String name = "mms-" + (due.position() + 1) + extension(type);
            if (m == null || files.keepFromMessage(due.messageId(), name, media.bytes()).isEmpty()) {
                finish(due, "FAILED", m == null ? "the message is gone" : "not a kind of file kept here (" + type + ")");
                if (m != null) {
                    m.noted("(" + name + " sent by MMS is not a kind of file kept here)");
                }
                return null;
            }
            m.attachments(m.getAttachmentsCount() + 1);
            finish(due, "STORED", null);
            return null;
        });
    }

    /** Fetching failed: tried again later, or given up after the last try (the message says so). */
    public void failed(Due due, String reason) {
        entry.asTenant(due.tenantId(), TenantEntry.Path.SMS_MEDIA, "sms-media:" + due.messageId(), null, () -> {
            boolean last = due.attempts() >= MAX_ATTEMPTS;
            finish(due, last ? "FAILED" : "PENDING", reason);
            InboxMessage m = em.find(InboxMessage.class, due.messageId());
            if (last && m != null) {
                m.noted("(A picture sent by MMS could not be fetched from Twilio: " + reason + ")");
            }
            return null;
        });
    }

    private void finish(Due due, String state, String error) {
        NativeSql.query(em, "update sms_media set state = ?4, last_error = cast(?5 as text), lease_until = null,"
                        + " next_try_at = now() + make_interval(secs => 10 * power(2, attempts))"
                        + " where message_id = cast(?1 as uuid) and position = ?2 and tenant_id = cast(?3 as uuid)")
                .setParameter(1, due.messageId()).setParameter(2, due.position()).setParameter(3, due.tenantId())
                .setParameter(4, state).setParameter(5, error).executeUpdate();
    }

    private static String extension(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).split(";")[0].strip();
        return EXTENSIONS.getOrDefault(type, "");
    }
}
