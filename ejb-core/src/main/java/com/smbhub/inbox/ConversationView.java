package com.smbhub.inbox;

import com.smbhub.contact.ContactChecks;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A conversation as the inbox shows it: who (the contact, else the sender's address as "Unknown"), the
 * latest line, unread count, what was made from it, and what the caller may do; {@code notice} says why it
 * cannot be answered now (a number that texted STOP, texting not set up), on a single conversation; a client
 * portal conversation names the invoice or quote it is about.
 */
public record ConversationView(String id, String channel, String contactId, String contactName, String counterpart,
                               String subject, String snippet, Instant lastMessageAt, String status, String assignedTo,
                               int unreadCount, List<String> workItemIds, long version, List<String> allowedActions,
                               String notice, String documentType, String documentId)
        implements Serializable {

    public boolean is(ConversationStatus s) {
        return s.name().equals(status);
    }

    /** The name a list row shows. */
    public String who() {
        return contactName != null ? contactName : counterpart != null ? ContactChecks.readable(counterpart) + " (Unknown)"
                : "Unknown";
    }
}
