package com.smbhub.inbox;

import com.smbhub.platform.tenancy.TenantRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** One message of a conversation, in or out; {@code providerMessageId} is its Message-ID (or SMS id). */
@Entity
@Table(name = "messages")
public class InboxMessage extends TenantRecord {

    @Column(name = "conversation_id")
    private String conversationId;
    private String direction;
    @Column(name = "from_address")
    private String fromAddress;
    @Column(name = "from_name")
    private String fromName;
    @Column(name = "to_address")
    private String toAddress;
    private String subject;
    @Column(name = "body_text")
    private String bodyText;
    @Column(name = "body_html")
    private String bodyHtml;
    @Column(name = "attachments_count")
    private int attachmentsCount;
    @Column(name = "provider_message_id")
    private String providerMessageId;
    @Column(name = "in_reply_to")
    private String inReplyTo;
    @Column(name = "references_ids")
    private String referencesIds;
    @Column(name = "sent_at")
    private Instant sentAt;
    @Column(name = "received_at")
    private Instant receivedAt;
    private String state;
    private String error;
    private String automatic;
    @Column(name = "sent_by")
    private String sentBy;

    protected InboxMessage() {
    }

    /** An incoming message as read from its source. */
    static InboxMessage received(String conversationId, MailParser.Parsed p, Instant receivedAt) {
        InboxMessage m = new InboxMessage();
        m.conversationId = conversationId;
        m.direction = "INBOUND";
        m.fromAddress = p.fromAddress();
        m.fromName = p.fromName();
        m.toAddress = p.to().isEmpty() ? null : String.join(", ", p.to());
        m.subject = p.subject();
        m.bodyText = p.text();
        m.bodyHtml = p.html();
        m.attachmentsCount = p.attachments().size();
        m.providerMessageId = p.messageId();
        m.inReplyTo = p.inReplyTo();
        m.referencesIds = p.references().isEmpty() ? null : String.join(" ", p.references());
        m.sentAt = p.date();
        m.receivedAt = receivedAt;
        m.state = (p.readable() ? MessageState.RECEIVED : MessageState.UNREADABLE).name();
        m.error = p.problem();
        m.automatic = p.automatic();
        return m;
    }

    /** An incoming text, as Twilio posted it. */
    static InboxMessage receivedText(String conversationId, String from, String to, String text, String sid, Instant at) {
        InboxMessage m = inbound(conversationId, from, text, at);
        m.toAddress = to;
        m.providerMessageId = sid;
        return m;
    }

    /** A message a client wrote on their invoice or quote page. */
    static InboxMessage fromPortal(String conversationId, String name, String address, String text, Instant at) {
        InboxMessage m = inbound(conversationId, address, text, at);
        m.fromName = name;
        return m;
    }

    private static InboxMessage inbound(String conversationId, String from, String text, Instant at) {
        InboxMessage m = new InboxMessage();
        m.conversationId = conversationId;
        m.direction = "INBOUND";
        m.fromAddress = from;
        m.bodyText = text;
        m.receivedAt = at;
        m.state = MessageState.RECEIVED.name();
        return m;
    }

    /** An outgoing message, queued until the mail server takes it. */
    public static InboxMessage outgoing(String conversationId, String from, String to, String subject, String text, String messageId,
                                 String inReplyTo, String references, String userId) {
        InboxMessage m = new InboxMessage();
        m.conversationId = conversationId;
        m.direction = "OUTBOUND";
        m.fromAddress = from;
        m.toAddress = to;
        m.subject = subject;
        m.bodyText = text;
        m.providerMessageId = messageId;
        m.inReplyTo = inReplyTo;
        m.referencesIds = references;
        m.state = MessageState.QUEUED.name();
        m.sentBy = userId;
        return m;
    }

    void moveTo(MessageState to, String error) {
        if (!getState().canMoveTo(to)) {
            throw new IllegalStateException(getState() + " cannot become " + to);
        }
        state = to.name();
        this.error = error;
        if (to == MessageState.SENT) {
            sentAt = Instant.now();
        }
    }

    /** Twilio took the text under this sid (its later status callbacks name it). */
    void accepted(String sid) {
        providerMessageId = sid;
    }

    /** Adds a line of ours under the text (what became of a picture sent with it). */
    void noted(String note) {
        bodyText = bodyText == null || bodyText.isEmpty() ? note : bodyText + "\n" + note;
    }

    void attachments(int count) {
        attachmentsCount = count;
    }

    /** When it happened: received, else sent, else written. */
    Instant at() {
        return receivedAt != null ? receivedAt : sentAt != null ? sentAt : getCreatedAt() != null ? getCreatedAt() : Instant.now();
    }

    static String snippet(String text) {
        if (text == null) {
            return null;
        }
        String oneLine = text.replaceAll("\\s+", " ").trim();
        return oneLine.length() > 140 ? oneLine.substring(0, 139) + "…" : oneLine;
    }

    public String getConversationId() { return conversationId; }
    public boolean isInbound() { return "INBOUND".equals(direction); }
    public String getFromAddress() { return fromAddress; }
    public String getFromName() { return fromName; }
    public String getToAddress() { return toAddress; }
    public String getSubject() { return subject; }
    public String getBodyText() { return bodyText; }
    public String getBodyHtml() { return bodyHtml; }
    public int getAttachmentsCount() { return attachmentsCount; }
    public String getProviderMessageId() { return providerMessageId; }
    public String getInReplyTo() { return inReplyTo; }
    public String getReferencesIds() { return referencesIds; }
    public Instant getSentAt() { return sentAt; }
    public Instant getReceivedAt() { return receivedAt; }
    public MessageState getState() { return MessageState.valueOf(state); }
    public String getError() { return error; }
    public String getAutomatic() { return automatic; }
    public String getSentBy() { return sentBy; }
}
