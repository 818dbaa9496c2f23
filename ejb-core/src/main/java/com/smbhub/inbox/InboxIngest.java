package com.smbhub.inbox;

import com.smbhub.contact.Contact;
import com.smbhub.file.FileService;
import com.smbhub.platform.analytics.Analytics;
import com.smbhub.platform.db.NativeSql;
import com.smbhub.platform.tenancy.RequestContext;
import com.smbhub.platform.tenancy.TenantEntry;
import com.smbhub.profile.ProfileService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts what a mailbox delivered into the business's inbox: each message's raw source first, then what
 * it says, threaded and matched to a contact. A batch and the mailbox's read position commit together,
 * so a crash anywhere re-reads the batch and the Message-ID keeps each message once.
 */
@Stateless
public class InboxIngest {

    /** Replies without threading headers join a thread with the same subject and sender this recent. */
    static final Duration SUBJECT_WINDOW = Duration.ofDays(14);

    @PersistenceContext(unitName = "smbhub") EntityManager em;

    @EJB TenantEntry entry;

    @EJB FileService files;

    @EJB ProfileService profiles;

    /** Stores one batch of the leased mailbox and moves its read position; returns how many messages were new. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int store(Mailboxes.Due box, String poller, long uidValidity, List<MailboxReader.Fetched> batch) {
        return entry.asTenant(box.tenantId(), TenantEntry.Path.MAILBOX, "mailbox:" + box.connectionId(), null, () -> {
            long last = batch.stream().mapToLong(MailboxReader.Fetched::uid).max().orElse(0);
            int held = NativeSql.query(em, "update mailbox_sync set uid_validity = ?2, last_uid = case when uid_validity = ?2"
                            + " then greatest(last_uid, ?3) else ?3 end, lease_until = now() + make_interval(secs => ?5)"
                            + " where connection_id = cast(?1 as uuid) and leased_by = ?4")
                    .setParameter(1, box.connectionId()).setParameter(2, uidValidity).setParameter(3, last)
                    .setParameter(4, poller).setParameter(5, Mailboxes.LEASE_SECONDS).executeUpdate();
            if (held == 0) {
                throw new IllegalStateException("the lease on mailbox " + box.connectionId() + " passed to another poller");
            }
            int added = 0;
            String profile = batch.isEmpty() ? null : profiles.effective().profileId();
            for (MailboxReader.Fetched f : batch) {
                if (receive(f.raw(), f.receivedAt(), profile)) {
                    added++;
                }
            }
            return added;
        });
    }

    /** One message from its source; false when it is already here (the same Message-ID). */
    boolean receive(byte[] raw, Instant receivedAt, String profile) {
        MailParser.Parsed p = MailParser.parse(raw);
        if (known(p.messageId())) {
            return false;
        }
        Conversation c = thread(p, receivedAt);
        InboxMessage m = InboxMessage.received(c.getId(), p, receivedAt);
        em.persist(m);
        em.flush();
        NativeSql.query(em, "insert into message_sources (message_id, tenant_id, raw) values (cast(?1 as uuid),"
                        + " cast(?2 as uuid), ?3)").setParameter(1, m.getId())
                .setParameter(2, RequestContext.current().orElseThrow().tenantId())
                .setParameter(3, raw).executeUpdate();
        int kept = 0;
        for (MailParser.Attachment a : p.attachments()) {
            if (files.keepFromMessage(m.getId(), a.fileName(), a.bytes()).isPresent()) {
                kept++;
            }
        }
        m.attachments(kept);
        c.added(m, p.automatic() == null);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("message_id", m.getId());
        properties.put("conversation_id", c.getId());
        properties.put("channel", c.getChannel().name());
        properties.put("automatic", p.automatic() == null ? "no" : p.automatic());
        properties.put("readable", p.readable());
        Analytics.record(em, "message.received", profile, "email", properties);
        return true;
    }

    private boolean known(String messageId) {
        return !em.createQuery("select m.id from InboxMessage m where m.providerMessageId = :id", String.class)
                .setParameter("id", messageId).setMaxResults(1).getResultList().isEmpty();
    }

    /**
     * The thread a message belongs to: the one holding a message it answers (References, In-Reply-To),
     * else a recent one with the same sender and subject, else a new one matched to a contact by e-mail.
     */
    private Conversation thread(MailParser.Parsed p, Instant receivedAt) {
        List<String> ids = new ArrayList<>(p.references());
        if (p.inReplyTo() != null) {
            ids.add(p.inReplyTo());
        }
        if (!ids.isEmpty()) {
            List<Conversation> answered = em.createQuery("select c from Conversation c, InboxMessage m"
                            + " where m.conversationId = c.id and m.providerMessageId in :ids and c.deletedAt is null"
                            + " order by m.createdAt desc", Conversation.class).setParameter("ids", ids).setMaxResults(1)
                    .getResultList();
            if (!answered.isEmpty()) {
                return answered.get(0);
            }
        }
        if (p.fromAddress() != null) {
            Instant at = p.date() == null || p.date().isAfter(receivedAt) ? receivedAt : p.date();
            List<Conversation> same = em.createQuery("select c from Conversation c where c.channel = 'EMAIL'"
                            + " and c.counterpart = :from and c.threadSubject = :subject and c.lastMessageAt >= :since"
                            + " and c.deletedAt is null order by c.lastMessageAt desc", Conversation.class)
                    .setParameter("from", p.fromAddress()).setParameter("subject", MailParser.threadSubject(p.subject()))
                    .setParameter("since", at.minus(SUBJECT_WINDOW)).setMaxResults(1).getResultList();
            if (!same.isEmpty()) {
                return same.get(0);
            }
        }
        Conversation c = new Conversation(Channel.EMAIL, p.fromAddress(), p.subject());
        if (p.fromAddress() != null) {
            em.createQuery("select k from Contact k where lower(k.email) = :email and k.deletedAt is null"
                            + " order by k.createdAt", Contact.class).setParameter("email", p.fromAddress()).setMaxResults(1)
                    .getResultStream().findFirst().ifPresent(k -> c.link(k.getId()));
        }
        em.persist(c);
        return c;
    }
}
