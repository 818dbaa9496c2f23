package com.smbhub.inbox;

import com.smbhub.contact.Contact;
import com.smbhub.file.FileService;
import com.smbhub.platform.analytics.Analytics;
import com.smbhub.platform.db.NativeSql;
import com.smbhub.platform.tenancy.RequestContext;
import com.smbhub.platform.tenancy.TenantEntry;
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
import java.time.Duration;
import java.time.Instant;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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

    @Inject Event<MessagesReceived> received;

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
            if (batch.isEmpty()) {
                return 0;
            }
            List<Parsed> parsed = batch.stream().map(f -> new Parsed(f, MailParser.parse(f.raw()))).toList();
            Lookup lookup = new Lookup(parsed);
            String profile = profiles.effective().profileId();
            List<Object[]> sources = new ArrayList<>();
            int added = 0;
            for (Parsed one : parsed) {
                InboxMessage m = receive(one, lookup, profile);
                if (m != null) {
                    sources.add(new Object[] {m.getId(), one.fetched().raw()});
                    added++;
                }
            }
            em.flush();
            keepSources(sources);
            if (!sources.isEmpty() && em.find(Tenant.class, box.tenantId()).isAiAutoDraft()) {
                received.fire(new MessagesReceived(box.tenantId(), sources.stream().map(s -> (String) s[0]).toList()));
            }
            return added;
        });
    }

    private record Parsed(MailboxReader.Fetched fetched, MailParser.Parsed mail) {
    }

    /**
     * What a batch needs to know, asked once for the whole batch: the Message-IDs already here, the threads
     * of the messages it answers, the senders' recent threads and their contacts. Threads started by the
     * batch itself join as they are made.
     */
    private final class Lookup {
        final Set<String> known = new HashSet<>();
        final Map<String, Conversation> threadOf = new HashMap<>();
        final Map<String, Conversation> bySenderAndSubject = new HashMap<>();
        final Map<String, String> contactOf = new HashMap<>();

        Lookup(List<Parsed> batch) {
            Set<String> ids = new HashSet<>();
            Set<String> answered = new HashSet<>();
            Set<String> senders = new HashSet<>();
            Instant since = Instant.now();
            for (Parsed p : batch) {
                ids.add(p.mail().messageId());
                answered.addAll(p.mail().references());
                if (p.mail().inReplyTo() != null) {
                    answered.add(p.mail().inReplyTo());
                }
                if (p.mail().fromAddress() != null) {
                    senders.add(p.mail().fromAddress());
                }
                Instant at = at(p);
                since = at.isBefore(since) ? at : since;
            }
            known.addAll(em.createQuery("select m.providerMessageId from InboxMessage m where m.providerMessageId in :ids",
                    String.class).setParameter("ids", ids).getResultList());
            if (!answered.isEmpty()) {
                for (Object[] row : em.createQuery("select m.providerMessageId, c from InboxMessage m, Conversation c"
                        + " where m.conversationId = c.id and m.providerMessageId in :ids and c.deletedAt is null",
                        Object[].class).setParameter("ids", answered).getResultList()) {
                    threadOf.put((String) row[0], (Conversation) row[1]);
                }
            }
            if (!senders.isEmpty()) {
                em.createQuery("select c from Conversation c where c.channel = 'EMAIL' and c.counterpart in :senders"
                                + " and c.lastMessageAt >= :since and c.deletedAt is null order by c.lastMessageAt",
                                Conversation.class).setParameter("senders", senders)
                        .setParameter("since", since.minus(SUBJECT_WINDOW)).getResultStream()
                        .forEach(c -> bySenderAndSubject.put(c.getCounterpart() + "\n" + c.getThreadSubject(), c));
                em.createQuery("select k from Contact k where lower(k.email) in :senders and k.deletedAt is null"
                        + " order by k.createdAt desc", Contact.class).setParameter("senders", senders).getResultStream()
                        .forEach(k -> contactOf.put(k.getEmail().toLowerCase(Locale.ROOT), k.getId()));
            }
        }

        /**
         * The thread a message belongs to: the one holding a message it answers (References, In-Reply-To),
         * else a recent one with the same sender and subject, else a new one matched to a contact by e-mail.
         */
        Conversation thread(MailParser.Parsed p, Instant at) {
            List<String> answers = new ArrayList<>(p.references());
            if (p.inReplyTo() != null) {
                answers.add(p.inReplyTo());
            }
            for (int k = answers.size() - 1; k >= 0; k--) {
                Conversation c = threadOf.get(answers.get(k));
                if (c != null) {
                    return c;
                }
            }
            String key = p.fromAddress() + "\n" + MailParser.threadSubject(p.subject());
            Conversation same = p.fromAddress() == null ? null : bySenderAndSubject.get(key);
            if (same != null && same.getLastMessageAt() != null && !same.getLastMessageAt().isBefore(at.minus(SUBJECT_WINDOW))) {
                return same;
            }
            Conversation c = new Conversation(Channel.EMAIL, p.fromAddress(), p.subject());
            if (p.fromAddress() != null) {
                String contact = contactOf.get(p.fromAddress());
                if (contact != null) {
                    c.link(contact);
                }
                bySenderAndSubject.put(key, c);
            }
            em.persist(c);
            return c;
        }
    }

    /** One message of the batch; null when it is here already (the same Message-ID, also twice in one batch). */
    private InboxMessage receive(Parsed one, Lookup lookup, String profile) {
        MailParser.Parsed p = one.mail();
        if (!lookup.known.add(p.messageId())) {
            return null;
        }
        Instant at = one.fetched().receivedAt();
        Conversation c = lookup.thread(p, at(one));
        InboxMessage m = InboxMessage.received(c.getId(), p, at);
        em.persist(m);
        lookup.threadOf.put(p.messageId(), c);
        int kept = 0;
        for (MailParser.Attachment a : p.attachments()) {
            em.flush(); // the file row names its message
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
        return m;
    }

    /** The raw sources, in one JDBC batch on the transaction's connection (after the messages they belong to). */
    private void keepSources(List<Object[]> sources) {
        if (sources.isEmpty()) {
            return;
        }
        String tenant = RequestContext.current().orElseThrow().tenantId();
        Connection connection = em.unwrap(Connection.class);
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into message_sources (message_id, tenant_id, raw) values (cast(? as uuid), cast(? as uuid), ?)")) {
            for (Object[] s : sources) {
                insert.setString(1, (String) s[0]);
                insert.setString(2, tenant);
                insert.setBytes(3, (byte[]) s[1]);
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("message sources could not be stored", e);
        }
    }

    /** When a message was written, as far as it is known: its date, unless that lies after its arrival. */
    private static Instant at(Parsed p) {
        Instant received = p.fetched().receivedAt();
        Instant date = p.mail().date();
        return date == null || date.isAfter(received) ? received : date;
    }
}
