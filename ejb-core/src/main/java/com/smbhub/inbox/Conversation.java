package com.smbhub.inbox;

import com.smbhub.platform.tenancy.TenantRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** A thread with one counterpart on one channel (PRD 2.1): e-mail, SMS, or the client portal (about one document). */
@Entity
@Table(name = "conversations")
public class Conversation extends TenantRecord {

    private String channel;
    @Column(name = "contact_id")
    private String contactId;
    private String subject;
    @Column(name = "thread_subject")
    private String threadSubject;
    private String counterpart;
    private String snippet;
    @Column(name = "last_message_at")
    private Instant lastMessageAt;
    private String status = ConversationStatus.OPEN.name();
    @Column(name = "assigned_to")
    private String assignedTo;
    @Column(name = "unread_count")
    private int unreadCount;
    @Column(name = "document_type")
    private String documentType;
    @Column(name = "document_id")
    private String documentId;

    protected Conversation() {
    }

    public Conversation(Channel channel, String counterpart, String subject) {
        this.channel = channel.name();
        this.counterpart = counterpart;
        this.subject = subject;
        this.threadSubject = MailParser.threadSubject(subject);
    }

    /**
     * A message joined the thread: the list's time, snippet and (for an incoming one) unread count follow.
     * A mail server's arrival times have whole seconds, so one that arrived in the same minute still counts
     * as the latest; older mail read late (a mailbox's history) leaves the snippet alone.
     */
    void added(InboxMessage m, boolean unread) {
        if (lastMessageAt == null || m.at().isAfter(lastMessageAt.minusSeconds(60))) {
            snippet = InboxMessage.snippet(m.getBodyText());
        }
        if (lastMessageAt == null || m.at().isAfter(lastMessageAt)) {
            lastMessageAt = m.at();
        }
        if (unread) {
            unreadCount++;
        }
        if (unread && status.equals(ConversationStatus.CLOSED.name())) {
            status = ConversationStatus.OPEN.name();
        }
    }

    void read() {
        unreadCount = 0;
    }

    void moveTo(ConversationStatus to) {
        status = to.name();
    }

    void assign(String userId) {
        assignedTo = userId;
    }

    /** The invoice or quote a client's portal message is about. */
    void about(String type, String id) {
        documentType = type;
        documentId = id;
    }

    void link(String contactId) {
        this.contactId = contactId;
    }

    public Channel getChannel() { return Channel.valueOf(channel); }
    public String getContactId() { return contactId; }
    public String getSubject() { return subject; }
    public String getThreadSubject() { return threadSubject; }
    public String getCounterpart() { return counterpart; }
    public String getSnippet() { return snippet; }
    public Instant getLastMessageAt() { return lastMessageAt; }
    public ConversationStatus getStatus() { return ConversationStatus.valueOf(status); }
    public String getAssignedTo() { return assignedTo; }
    public int getUnreadCount() { return unreadCount; }
    public String getDocumentType() { return documentType; }
    public String getDocumentId() { return documentId; }
}
