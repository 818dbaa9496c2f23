package com.smbhub.inbox;

import com.smbhub.contact.Contact;
import com.smbhub.platform.analytics.Analytics;
import com.smbhub.platform.errors.RateLimitedException;
import com.smbhub.platform.errors.ValidationException;
import jakarta.persistence.EntityManager;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * "Message <business>" on a client's invoice or quote page: one WEB_PORTAL conversation per document, with
 * the document's contact; what the client writes arrives as an unread message, the business's answers are
 * e-mailed with a link back to the page. Runs inside the document's business (the portal entered it).
 */
public final class PortalMessages {

    static final int MAX_TEXT = 2_000;
    /** At most this many messages per document and hour from its page. */
    static final int PER_HOUR = 10;

    /** A message as the client's page shows it. */
    public record Shown(boolean fromClient, String text, Instant at) implements Serializable {
    }

    private PortalMessages() {
    }

    /** The conversation about this document, oldest message first (empty when nobody wrote yet). */
    public static List<Shown> thread(EntityManager em, String documentType, String documentId) {
        return conversation(em, documentType, documentId).map(c -> em.createQuery("select m from InboxMessage m"
                        + " where m.conversationId = :id and m.deletedAt is null and m.state <> 'FAILED' order by m.createdAt",
                        InboxMessage.class).setParameter("id", c.getId()).setMaxResults(200).getResultStream()
                .map(m -> new Shown(m.isInbound(), m.getBodyText() == null ? "" : m.getBodyText(), m.at())).toList())
                .orElse(List.of());
    }

    /**
     * The client's message about the document: into its conversation (made now, linked to the document's
     * contact, when this is the first). Empty or too long → ValidationException on {@code text}; more than
     * {@value #PER_HOUR} in an hour → RateLimitedException.
     */
    public static void receive(EntityManager em, String documentType, String documentId, String number, String contactId,
                               String text, String profileId) {
        String body = text == null ? "" : text.strip();
        if (body.isEmpty()) {
            throw new ValidationException("text", "Write your message");
        }
        if (body.length() > MAX_TEXT) {
            throw new ValidationException("text", "At most 2,000 characters");
        }
        Contact contact = contactId == null ? null : em.find(Contact.class, contactId);
        String address = contact == null || contact.getEmail() == null || contact.getEmail().isBlank() ? null
                : contact.getEmail().trim().toLowerCase(java.util.Locale.ROOT);
        Conversation c = conversation(em, documentType, documentId).orElseGet(() -> {
            Conversation made = new Conversation(Channel.WEB_PORTAL, address,
                    ("INVOICE".equals(documentType) ? "Invoice " : "Quote ") + number);
            made.about(documentType, documentId);
            if (contact != null) {
                made.link(contact.getId());
            }
            em.persist(made);
            return made;
        });
        Instant now = Instant.now();
        long recent = em.createQuery("select count(m) from InboxMessage m where m.conversationId = :id"
                        + " and m.direction = 'INBOUND' and m.createdAt > :since", Long.class).setParameter("id", c.getId())
                .setParameter("since", now.minus(Duration.ofHours(1))).getSingleResult();
        if (recent >= PER_HOUR) {
            throw new RateLimitedException("You sent several messages this hour; please wait a little or call the business",
                    Duration.ofMinutes(10));
        }
        InboxMessage m = InboxMessage.fromPortal(c.getId(), contact == null ? null : contact.getDisplayName(), address, body, now);
        em.persist(m);
        c.added(m, true);
        em.flush();
        Analytics.record(em, "message.received", profileId, "portal", Map.of("message_id", m.getId(),
                "conversation_id", c.getId(), "channel", Channel.WEB_PORTAL.name()));
    }

    private static Optional<Conversation> conversation(EntityManager em, String documentType, String documentId) {
        return em.createQuery("select c from Conversation c where c.documentType = :type and c.documentId = :id"
                        + " and c.deletedAt is null order by c.createdAt", Conversation.class).setParameter("type", documentType)
                .setParameter("id", documentId).setMaxResults(1).getResultStream().findFirst();
    }
}
