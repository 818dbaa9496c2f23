package com.smbhub.inbox;

import static com.smbhub.platform.Ids.isId;

import com.smbhub.contact.Contact;
import com.smbhub.contact.ContactChecks;
import com.smbhub.contact.ContactScope;
import com.smbhub.file.FileService;
import com.smbhub.file.FileView;
import com.smbhub.invoice.InvoiceService;
import com.smbhub.invoice.InvoiceView;
import com.smbhub.money.DocumentService;
import com.smbhub.money.Drafts;
import com.smbhub.money.MoneyDocument;
import com.smbhub.platform.analytics.Analytics;
import com.smbhub.platform.analytics.ViewEvents;
import com.smbhub.platform.audit.AuditService;
import com.smbhub.platform.db.NativeSql;
import com.smbhub.platform.db.Page;
import com.smbhub.platform.errors.ConflictException;
import com.smbhub.platform.errors.NotFoundException;
import com.smbhub.platform.errors.ProviderException;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.errors.ValidationException.FieldError;
import com.smbhub.platform.idempotency.Idempotency;
import com.smbhub.platform.mail.Mailer;
import com.smbhub.platform.security.Access;
import com.smbhub.platform.security.Capability;
import com.smbhub.platform.security.Grant;
import com.smbhub.platform.security.Membership;
import com.smbhub.platform.security.Permissions;
import com.smbhub.platform.security.Secrets;
import com.smbhub.platform.tenancy.RequestContext;
import com.smbhub.platform.tenancy.TenantScoped;
import com.smbhub.portal.PortalLinks;
import com.smbhub.profile.ProfileRules;
import com.smbhub.profile.ProfileService;
import com.smbhub.quote.QuoteService;
import com.smbhub.quote.QuoteView;
import com.smbhub.tenant.Tenant;
import com.smbhub.workitem.WorkItemDraft;
import com.smbhub.workitem.WorkItemService;
import com.smbhub.workitem.WorkItemView;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The inbox of the current business: conversations, their messages, replies, assignment and "Convert to". */
@Stateless
@TenantScoped
public class InboxService {

    static final int MAX_TEXT = 20_000;
    static final long MAX_ATTACHED_BYTES = 20L * 1024 * 1024;

    /** A file sent with an answer (uploaded, or one of the business's files); a copy stays with the message. */
    public record Attachment(String fileName, byte[] bytes) implements Serializable {
    }

    @PersistenceContext(unitName = "smbhub") EntityManager em;

    @EJB Access access;

    @EJB AuditService audit;

    @EJB ProfileService profiles;

    @EJB Mailer mailer;

    @EJB MailboxSettings mailbox;

    @EJB WorkItemService work;

    @EJB FileService files;

    @EJB InvoiceService invoices;

    @EJB QuoteService quotes;

    @Inject TwilioGateway twilio;

    @Inject Secrets secrets;

    @EJB PortalLinks links;

    @Inject @ConfigProperty(name = "smbhub.public-url", defaultValue = "http://localhost:8080") String publicUrl;

    /** The list's filters; null means any. {@code assignedTo}: a user id, "me" or "nobody". */
    public record Filter(String status, String channel, String assignedTo, Boolean unread, String q) {
        public static Filter open() {
            return new Filter(ConversationStatus.OPEN.name(), null, null, null, null);
        }
    }

    /** A page of conversations, latest message first; the first page records "inbox.view". */
    public Page<ConversationView> list(Filter filter, String afterKey, int limit) {
        Grant grant = access.require(Capability.INBOX_READ);
        ProfileRules.requireCapability(profiles.effective(), "inbox");
        ConversationQuery query = ConversationQuery.of(filter, me(), grant == Grant.ASSIGNED);
        List<Conversation> rows = query.rows(em, afterKey, limit);
        if (afterKey == null) {
            ViewEvents.record("inbox.view", profiles.effective().profileId(), "manual");
        }
        Map<String, String> names = contactNames(rows);
        Map<String, List<String>> made = workItems(rows);
        return new Page<>(rows.stream().limit(limit).map(c -> view(c, names, made)).toList(),
                ConversationQuery.nextKey(rows, limit));
    }

    /** Unread messages in open conversations the caller sees (Home and the menu badge). */
    public long unread() {
        Grant grant = access.require(Capability.INBOX_READ);
        if (!profiles.effective().capability("inbox")) {
            return 0;
        }
        return ConversationQuery.unread(em, grant == Grant.ASSIGNED ? me() : null);
    }

    /** One conversation; opening it marks it read and records "conversation.opened". */
    public ConversationView open(String id) {
        Conversation c = find(id, access.require(Capability.INBOX_READ));
        if (c.getUnreadCount() > 0) {
            c.read();
            em.flush();
        }
        ViewEvents.record("conversation.opened", profiles.effective().profileId(), "manual");
        return view(c);
    }

    public ConversationView get(String id) {
        return view(find(id, access.require(Capability.INBOX_READ)));
    }

    /** The thread, oldest first, with each message's files. */
    public List<MessageView> messages(String id) {
        Conversation c = find(id, access.require(Capability.INBOX_READ));
        List<InboxMessage> rows = em.createQuery("select m from InboxMessage m where m.conversationId = :id"
                + " and m.deletedAt is null order by m.createdAt", InboxMessage.class).setParameter("id", c.getId())
                .setMaxResults(500).getResultList();
        Map<String, List<FileView>> files = this.files.ofMessages(rows.stream().map(InboxMessage::getId).toList());
        Map<String, Integer> coming = c.getChannel() == Channel.SMS ? SmsMedia.coming(em, c.getId()) : Map.of();
        return rows.stream().map(m -> view(m, files.getOrDefault(m.getId(), List.of()), coming.getOrDefault(m.getId(), 0)))
                .toList();
    }

    /** The raw source of an incoming message (also of one that could not be read). */
    public byte[] source(String conversationId, String messageId) {
        InboxMessage m = message(conversationId, messageId);
        List<?> raw = NativeSql.query(em, "select raw from message_sources where message_id = cast(?1 as uuid)")
                .setParameter(1, m.getId()).getResultList();
        if (raw.isEmpty()) {
            throw new NotFoundException("message source");
        }
        return (byte[]) raw.get(0);
    }

    /** The message's sanitised HTML with its images, for a reader who asked to see them (nothing that runs). */
    public String original(String conversationId, String messageId) {
        InboxMessage m = message(conversationId, messageId);
        if (m.getBodyHtml() == null) {
            throw new NotFoundException("message");
        }
        return m.getBodyHtml();
    }

    /** Whether the caller may read the message a file belongs to (the files API asks). */
    public void requireMessage(String messageId) {
        InboxMessage m = isId(messageId) ? em.find(InboxMessage.class, messageId) : null;
        if (m == null) {
            throw new NotFoundException("message");
        }
        find(m.getConversationId(), access.require(Capability.INBOX_READ));
    }

    /**
     * Assigns ({@code assignTo}: a member's id, or "" for nobody; null leaves it) and opens or closes
     * ({@code status}; null leaves it). Assigning needs STAFF or up; closing, the right to answer.
     */
    public ConversationView update(String id, Long expectedVersion, String assignTo, String status) {
        Grant read = access.require(Capability.INBOX_READ);
        Conversation c = find(id, read);
        ConflictException.checkVersion(c.getVersion(), expectedVersion, "Someone changed this conversation since you opened it",
                () -> view(c));
        List<FieldError> errors = new ArrayList<>();
        ConversationStatus to = null;
        if (status != null) {
            find(id, access.require(Capability.INBOX_RESPOND));
            to = ConversationStatus.of(status);
            if (to == null) {
                errors.add(new FieldError("status", "One of OPEN, CLOSED"));
            }
        }
        String assignee = null;
        if (assignTo != null) {
            access.require(Capability.INBOX_ASSIGN);
            assignee = assignTo.isEmpty() ? null : assignTo;
            if (assignee != null && !(isId(assignee) && Membership.roleHere(em, tenant(), assignee).isPresent())) {
                errors.add(new FieldError("assigned_to", "Assign to an active member of your team"));
            }
        }
        ValidationException.throwIfAny(errors);
        Map<String, Object> before = snapshot(c);
        if (to != null && to != c.getStatus()) {
            c.moveTo(to);
        }
        boolean assigned = assignTo != null && !java.util.Objects.equals(assignee, c.getAssignedTo());
        if (assignTo != null) {
            c.assign(assignee);
        }
        em.flush();
        audit.recordChanges("conversation.updated", "conversation", id, before, snapshot(c));
        if (assigned && assignee != null) {
            Analytics.record(em, "conversation.assigned", profiles.effective().profileId(), "manual",
                    Map.of("conversation_id", id, "assigned_to", assignee));
        }
        return view(c);
    }

    /**
     * Answers the thread on its channel (e-mail, or a text through Twilio): kept in the thread as QUEUED,
     * then SENT, or FAILED with the reason (never lost).
     */
    public MessageView reply(String id, String text, Optional<Idempotency.Key> idempotencyKey) {
        return reply(id, text, List.of(), idempotencyKey);
    }

    /** The same with files: e-mailed as attachments, kept with the message (PDFs, images, text, CSV; 20 MB in all). */
    public MessageView reply(String id, String text, List<Attachment> attachments, Optional<Idempotency.Key> idempotencyKey) {
        Conversation c = find(id, access.require(Capability.INBOX_RESPOND));
        if (idempotencyKey.isPresent()) {
            Optional<String> earlier = Idempotency.replay(em, idempotencyKey.get());
            if (earlier.isPresent()) {
                return view(em.find(InboxMessage.class, earlier.get()), List.of());
            }
        }
        List<FieldError> errors = new ArrayList<>();
        String body = body(text, c.getChannel(), "Write your answer", errors);
        if (c.getChannel() == Channel.WHATSAPP) {
            errors.add(new FieldError("channel", "WhatsApp conversations cannot be answered here yet"));
        }
        String to = recipient(c);
        if (to == null) {
            errors.add(new FieldError("to", c.getChannel() == Channel.SMS
                    ? "This conversation has no number to text; add one to its contact"
                    : "This conversation has no e-mail address to answer; add one to its contact"));
        } else if (c.getChannel() == Channel.SMS) {
            SmsSettings.cannotText(em, to).ifPresent(why -> errors.add(new FieldError("to", why)));
        }
        if (!attachments.isEmpty() && c.getChannel() == Channel.SMS) {
            errors.add(new FieldError("attachments", "Texts cannot carry files here; send them by e-mail"));
        } else if (attachments.stream().mapToLong(a -> a.bytes().length).sum() > MAX_ATTACHED_BYTES) {
            errors.add(new FieldError("attachments", "At most 20 MB of files in one message"));
        } else if (attachments.size() > 10) {
            errors.add(new FieldError("attachments", "At most 10 files in one message"));
        }
        ValidationException.throwIfAny(errors);
        em.find(Tenant.class, tenant()).requireVerified();
        if (c.getChannel() == Channel.SMS) {
            InboxMessage m = InboxMessage.outgoing(c.getId(), SmsSettings.account(em, secrets).orElseThrow().number(), to, null,
                    body, null, null, null, me());
            em.persist(m);
            em.flush();
            idempotencyKey.ifPresent(k -> Idempotency.remember(em, k, m.getId()));
            send(c, m);
            return view(m, List.of());
        }
        InboxMessage last = em.createQuery("select m from InboxMessage m where m.conversationId = :id and m.providerMessageId"
                        + " is not null and m.deletedAt is null order by m.createdAt desc", InboxMessage.class)
                .setParameter("id", c.getId()).setMaxResults(1).getResultStream().findFirst().orElse(null);
        List<String> references = new ArrayList<>();
        if (last != null) {
            if (last.getReferencesIds() != null) {
                references.addAll(List.of(last.getReferencesIds().split(" ")));
            }
            references.add(last.getProviderMessageId());
        }
        while (references.size() > 20) {
            references.remove(1); // the first (the thread's start) and the latest stay
        }
        String replyTo = mailbox.address().orElse(null);
        String subject = c.getSubject() == null || c.getSubject().isBlank() ? "Re: your message"
                : MailParser.PREFIX.matcher(c.getSubject()).lookingAt() ? c.getSubject() : "Re: " + c.getSubject();
        String messageId = UUID.randomUUID() + "@" + domain(replyTo);
        InboxMessage m = InboxMessage.outgoing(c.getId(), replyTo, to, subject, body, messageId,
                last == null ? null : last.getProviderMessageId(), references.isEmpty() ? null : String.join(" ", references),
                me());
        em.persist(m);
        em.flush();
        for (Attachment a : attachments) {
            files.keepFromMessage(m.getId(), a.fileName(), a.bytes()).orElseThrow(() -> new ValidationException("attachments",
                    a.fileName() + ": only PDFs, images, text and CSV files can be sent"));
        }
        m.attachments(attachments.size());
        idempotencyKey.ifPresent(k -> Idempotency.remember(em, k, m.getId()));
        send(c, m);
        return view(m, files.ofMessages(List.of(m.getId())).getOrDefault(m.getId(), List.of()));
    }

    /** Sends a failed message again. */
    public MessageView retry(String conversationId, String messageId) {
        InboxMessage m = message(conversationId, messageId);
        Conversation c = find(conversationId, access.require(Capability.INBOX_RESPOND));
        if (m.getState() != MessageState.FAILED) {
            throw new ValidationException("state", "Only a message that failed to send can be sent again");
        }
        if (c.getChannel() == Channel.SMS) {
            ValidationException.throwIfAny(SmsSettings.cannotText(em, m.getToAddress())
                    .map(why -> List.of(new FieldError("to", why))).orElse(List.of()));
        }
        em.find(Tenant.class, tenant()).requireVerified();
        m.moveTo(MessageState.QUEUED, null);
        send(c, m);
        return view(m, List.of());
    }

    private void send(Conversation c, InboxMessage m) {
        String profile = profiles.effective().profileId();
        Map<String, Object> about = Map.of("conversation_id", c.getId(), "message_id", m.getId(), "channel", c.getChannel().name());
        Analytics.record(em, "message.send_attempted", profile, "manual", about);
        String failure;
        if (c.getChannel() == Channel.SMS) {
            TwilioGateway.Sent sent = twilio.send(SmsSettings.account(em, secrets).orElseThrow(), m.getToAddress(), m.getBodyText());
            if (sent.ok()) {
                m.accepted(sent.sid());
            }
            failure = sent.error();
        } else {
            List<String> refs = m.getReferencesIds() == null ? List.of() : List.of(m.getReferencesIds().split(" "));
            String text = m.getBodyText();
            if (c.getChannel() == Channel.WEB_PORTAL && documentLives(c)) {
                text += "\n\nSee the " + ("QUOTE".equals(c.getDocumentType()) ? "quote" : "invoice") + " and answer on its page: "
                        + publicUrl.replaceAll("/+$", "") + links.forAnswer(c.getDocumentType(), c.getDocumentId());
            }
            failure = mailer.sendInThread(em.find(Tenant.class, tenant()).getName(), m.getToAddress(), m.getSubject(),
                    text, new Mailer.Thread(m.getProviderMessageId(), m.getInReplyTo(), refs, m.getFromAddress()),
                    attached(m));
        }
        m.moveTo(failure == null ? MessageState.SENT : MessageState.FAILED, failure);
        if (failure == null && c.getChannel() == Channel.SMS) {
            SmsWebhooks.applyEarly(em, m);
        }
        c.added(m, false);
        em.flush();
        audit.record(failure == null ? "message.sent" : "message.send_failed", "conversation", c.getId(), null,
                failure == null ? Map.of("message_id", m.getId(), "to", m.getToAddress())
                        : Map.of("message_id", m.getId(), "to", m.getToAddress(), "error", failure));
        Analytics.record(em, failure == null ? "message.sent" : "message.send_failed", profile, "manual", about);
    }

    /** Whether the invoice or quote a portal conversation is about is still there (a deleted one gets no link). */
    private boolean documentLives(Conversation c) {
        if (c.getDocumentId() == null) {
            return false;
        }
        MoneyDocument d = em.find(Drafts.Kind.valueOf(c.getDocumentType()).type, c.getDocumentId());
        return d != null && d.getDeletedAt() == null;
    }

    /** The files kept with an outgoing message, to go with the e-mail (again, on a retry). */
    private List<Mailer.Attachment> attached(InboxMessage m) {
        if (m.getAttachmentsCount() == 0) {
            return List.of();
        }
        List<Mailer.Attachment> out = new ArrayList<>();
        for (FileView f : files.ofMessages(List.of(m.getId())).getOrDefault(m.getId(), List.of())) {
            try (var content = files.open(f.id()).content()) {
                out.add(new Mailer.Attachment(f.fileName(), f.mimeType(), content.readAllBytes()));
            } catch (java.io.IOException e) {
                throw new ProviderException("File storage did not return " + f.fileName() + "; try again later");
            }
        }
        return out;
    }

    /** What "Convert to work item" starts with: the subject (else the first line) as title, the latest message as description. */
    public WorkItemDraft workItemDraft(String id) {
        Conversation c = find(id, access.require(Capability.INBOX_READ));
        InboxMessage first = em.createQuery("select m from InboxMessage m where m.conversationId = :id and m.direction = 'INBOUND'"
                        + " and m.deletedAt is null order by m.createdAt desc", InboxMessage.class).setParameter("id", c.getId())
                .setMaxResults(1).getResultStream().findFirst().orElse(null);
        String body = first == null || first.getBodyText() == null ? "" : first.getBodyText().strip();
        String title = c.getSubject() != null && !c.getSubject().isBlank() ? MailParser.PREFIX.matcher(c.getSubject())
                .replaceFirst("").strip() : body.lines().findFirst().orElse("Message from " + c.getCounterpart());
        if (title.length() > 200) {
            title = title.substring(0, 199) + "…";
        }
        return new WorkItemDraft(null, title, body.length() > 20_000 ? body.substring(0, 20_000) : body, null,
                c.getContactId(), null, null, Map.of());
    }

    /** A work item made from the conversation (source EMAIL, SMS or PORTAL); it links back here. */
    public WorkItemView convertToWorkItem(String id, WorkItemDraft draft, Optional<Idempotency.Key> idempotencyKey) {
        Conversation c = find(id, access.require(Capability.INBOX_READ));
        Analytics.record(em, "convert.clicked", profiles.effective().profileId(), "manual",
                Map.of("conversation_id", c.getId(), "target", "WORK_ITEM"));
        String source = switch (c.getChannel()) {
            case SMS, WHATSAPP -> "SMS";
            case WEB_PORTAL -> "PORTAL";
            default -> "EMAIL";
        };
        return work.createFrom(draft, c.getId(), source, idempotencyKey);
    }

    /**
     * "Draft invoice" / "Draft quote": the conversation's work item (made now, as "Convert to work item"
     * would, when it has none) gets its draft document — the existing draft, never a second. Needs a contact.
     */
    public DocumentService.FromWork<InvoiceView> draftInvoice(String id) {
        return invoices.draftForWorkItem(workItemFor(id, "INVOICE"));
    }

    public DocumentService.FromWork<QuoteView> draftQuote(String id) {
        return quotes.draftForWorkItem(workItemFor(id, "QUOTE"));
    }

    private String workItemFor(String id, String target) {
        Conversation c = find(id, access.require(Capability.INBOX_READ));
        if (c.getContactId() == null) {
            throw new ValidationException("contact_id", "Create the contact first: documents go to a client");
        }
        Analytics.record(em, "convert.clicked", profiles.effective().profileId(), "manual",
                Map.of("conversation_id", c.getId(), "target", target));
        List<String> made = workItems(List.of(c)).getOrDefault(c.getId(), List.of());
        return made.isEmpty() ? convertToWorkItem(id, workItemDraft(id), Optional.empty()).id() : made.get(0);
    }

    /**
     * "Compose": a new e-mail conversation (channel EMAIL, the default) with a contact (their address) or an
     * address, or a text (SMS) to a contact's or a typed number, which continues the thread with that
     * number if there is one; the first message is sent at once. An agent's own conversation is assigned to them.
     */
    public ConversationView compose(String channel, String contactId, String to, String subject, String text,
                                    Optional<Idempotency.Key> idempotencyKey) {
        Grant grant = access.require(Capability.INBOX_RESPOND);
        if (idempotencyKey.isPresent()) {
            Optional<String> earlier = Idempotency.replay(em, idempotencyKey.get());
            if (earlier.isPresent()) {
                return view(em.find(Conversation.class, earlier.get()));
            }
        }
        List<FieldError> errors = new ArrayList<>();
        Contact contact = null;
        if (contactId != null) {
            contact = isId(contactId) ? em.find(Contact.class, contactId) : null;
            boolean seen = contact != null && contact.getDeletedAt() == null && (Permissions.grant(Access.resolved(),
                    Capability.CONTACTS_READ) == Grant.ALL || ContactScope.sees(em, contactId, me()));
            if (!seen) {
                errors.add(new FieldError("contact_id", "No such contact"));
                contact = null;
            }
        }
        Channel on = channel == null || channel.isBlank() ? Channel.EMAIL : "SMS".equals(channel) ? Channel.SMS
                : "EMAIL".equals(channel) ? Channel.EMAIL : null;
        if (on == null) {
            errors.add(new FieldError("channel", "One of EMAIL, SMS"));
            ValidationException.throwIfAny(errors);
        }
        if (on == Channel.SMS) {
            return composeText(grant, contact, to, body(text, on, "Write your message", errors), errors, idempotencyKey);
        }
        String address = Mailer.recipient(to, contact == null || contact.getEmail() == null || contact.getEmail().isBlank()
                ? null : contact.getEmail().trim().toLowerCase(Locale.ROOT), errors);
        String title = subject == null ? "" : subject.strip();
        if (title.isEmpty() || title.length() > 300 || title.chars().anyMatch(ch -> ch < 0x20)) {
            errors.add(new FieldError("subject", "A subject on one line, at most 300 characters"));
        }
        String body = body(text, on, "Write your message", errors);
        ValidationException.throwIfAny(errors);
        em.find(Tenant.class, tenant()).requireVerified();
        Conversation c = new Conversation(Channel.EMAIL, address, title);
        if (contact != null) {
            c.link(contact.getId());
        }
        if (grant == Grant.ASSIGNED) {
            c.assign(me());
        }
        em.persist(c);
        String replyTo = mailbox.address().orElse(null);
        InboxMessage m = InboxMessage.outgoing(c.getId(), replyTo, address, title, body,
                UUID.randomUUID() + "@" + domain(replyTo), null, null, me());
        em.persist(m);
        em.flush();
        idempotencyKey.ifPresent(k -> Idempotency.remember(em, k, c.getId()));
        audit.record("conversation.started", "conversation", c.getId(), null, Map.of("to", address));
        send(c, m);
        return view(c);
    }

    private ConversationView composeText(Grant grant, Contact contact, String to, String body, List<FieldError> errors,
                                         Optional<Idempotency.Key> idempotencyKey) {
        String number = null;
        if (to != null && !to.isBlank()) {
            number = ContactChecks.e164(to, em.find(Tenant.class, tenant()).getCurrency()).orElse(null);
            if (number == null) {
                errors.add(new FieldError("to", "A phone number, e.g. +1 416 555 0134"));
            }
        } else if (contact != null && ContactChecks.hasExtension(contact.getPhone())) {
            errors.add(new FieldError("to", "This contact's number has an extension (a desk line); type a mobile number"));
        } else if (contact != null && contact.getPhone() != null && !contact.getPhone().isBlank()) {
            number = contact.getPhone();
        } else {
            errors.add(new FieldError("to", contact == null ? "Choose a contact or type a number" : "This contact has no phone number"));
        }
        if (number != null) {
            SmsSettings.cannotText(em, number).ifPresent(why -> errors.add(new FieldError("to", why)));
        }
        ValidationException.throwIfAny(errors);
        em.find(Tenant.class, tenant()).requireVerified();
        String who = number;
        Conversation c = em.createQuery("select c from Conversation c where c.channel = 'SMS' and c.counterpart = :who"
                        + " and c.deletedAt is null order by c.lastMessageAt desc", Conversation.class).setParameter("who", who)
                .setMaxResults(1).getResultStream().findFirst().orElseGet(() -> {
                    Conversation made = new Conversation(Channel.SMS, who, null);
                    em.persist(made);
                    return made;
                });
        if (contact != null && c.getContactId() == null) {
            c.link(contact.getId());
        }
        if (grant == Grant.ASSIGNED) {
            if (c.getAssignedTo() != null && !me().equals(c.getAssignedTo())) {
                throw new ValidationException("to", "A colleague handles the conversation with this number");
            }
            c.assign(me());
        }
        InboxMessage m = InboxMessage.outgoing(c.getId(), SmsSettings.account(em, secrets).orElseThrow().number(), number, null,
                body, null, null, null, me());
        em.persist(m);
        em.flush();
        idempotencyKey.ifPresent(k -> Idempotency.remember(em, k, c.getId()));
        audit.record("conversation.started", "conversation", c.getId(), null, Map.of("to", number, "channel", "SMS"));
        send(c, m);
        return view(c);
    }

    /** The message's text: required, at most 20,000 characters (1,600 for a text), no NUL. */
    private static String body(String text, Channel channel, String missing, List<FieldError> errors) {
        String body = text == null ? "" : text.strip();
        int max = channel == Channel.SMS ? SmsWebhooks.MAX_BODY : MAX_TEXT;
        if (body.isEmpty()) {
            errors.add(new FieldError("text", missing));
        } else if (body.length() > max || body.indexOf('\u0000') >= 0) {
            errors.add(new FieldError("text", channel == Channel.SMS ? "A text is at most 1,600 characters"
                    : "At most 20,000 characters"));
        }
        return body;
    }

    /** Links the conversation (and the sender's other unlinked ones) to a contact the caller sees. */
    public ConversationView linkContact(String id, String contactId) {
        Grant grant = access.require(Capability.INBOX_RESPOND);
        Conversation c = find(id, grant);
        Contact contact = isId(contactId) ? em.find(Contact.class, contactId) : null;
        boolean seen = contact != null && contact.getDeletedAt() == null
                && (Permissions.grant(Access.resolved(), Capability.CONTACTS_READ) == Grant.ALL
                || ContactScope.sees(em, contactId, me()));
        if (!seen) {
            throw new ValidationException("contact_id", "No such contact");
        }
        c.link(contactId);
        if (c.getCounterpart() != null) {
            em.createQuery("update Conversation v set v.contactId = :contact where v.contactId is null and v.counterpart = :who")
                    .setParameter("contact", contactId).setParameter("who", c.getCounterpart()).executeUpdate();
        }
        em.flush();
        audit.record("conversation.contact_linked", "conversation", id, null, Map.of("contact_id", contactId));
        em.refresh(c);
        return view(c);
    }

    /** Where an answer goes: the number texted from (a text), else the contact's address, else the sender's. */
    private String recipient(Conversation c) {
        if (c.getChannel() == Channel.SMS) {
            return c.getCounterpart();
        }
        if (c.getContactId() != null) {
            Contact k = em.find(Contact.class, c.getContactId());
            if (k != null && k.getEmail() != null && !k.getEmail().isBlank()) {
                return k.getEmail().trim().toLowerCase(Locale.ROOT);
            }
        }
        return c.getChannel() == Channel.WHATSAPP ? null : c.getCounterpart();
    }

    private InboxMessage message(String conversationId, String messageId) {
        Conversation c = find(conversationId, access.require(Capability.INBOX_READ));
        InboxMessage m = isId(messageId) ? em.find(InboxMessage.class, messageId) : null;
        if (m == null || m.getDeletedAt() != null || !m.getConversationId().equals(c.getId())) {
            throw new NotFoundException("message");
        }
        return m;
    }

    /** The conversation if the caller sees it: all of them, or (an agent) those assigned to them; the inbox must be on. */
    private Conversation find(String id, Grant grant) {
        ProfileRules.requireCapability(profiles.effective(), "inbox");
        Conversation c = isId(id) ? em.find(Conversation.class, id) : null;
        if (c == null || c.getDeletedAt() != null || (grant == Grant.ASSIGNED && !me().equals(c.getAssignedTo()))) {
            throw new NotFoundException("conversation");
        }
        return c;
    }

    private ConversationView view(Conversation c) {
        String notice = c.getChannel() == Channel.SMS ? SmsSettings.cannotText(em, recipient(c)).orElse(null) : null;
        return view(c, contactNames(List.of(c)), workItems(List.of(c)), notice);
    }

    private ConversationView view(Conversation c, Map<String, String> names, Map<String, List<String>> made) {
        return view(c, names, made, null);
    }

    private ConversationView view(Conversation c, Map<String, String> names, Map<String, List<String>> made, String notice) {
        List<String> actions = new ArrayList<>();
        Grant respond = Permissions.grant(Access.resolved(), Capability.INBOX_RESPOND);
        if (respond == Grant.ALL || respond == Grant.ASSIGNED && me().equals(c.getAssignedTo())) {
            if (c.getChannel() == Channel.EMAIL || c.getChannel() == Channel.WEB_PORTAL
                    || c.getChannel() == Channel.SMS && notice == null) {
                actions.add("reply");
            }
            actions.add(c.getStatus() == ConversationStatus.OPEN ? "close" : "reopen");
            if (c.getContactId() == null && Permissions.allows(Access.resolved(), Capability.CONTACTS_WRITE)) {
                actions.add("create_contact");
            }
        }
        if (Permissions.allows(Access.resolved(), Capability.INBOX_ASSIGN)) {
            actions.add("assign");
        }
        if (Permissions.allows(Access.resolved(), Capability.WORK_WRITE)) {
            actions.add("convert");
        }
        return new ConversationView(c.getId(), c.getChannel().name(), c.getContactId(), names.get(c.getContactId()),
                c.getCounterpart(), c.getSubject(), c.getSnippet(), c.getLastMessageAt(), c.getStatus().name(),
                c.getAssignedTo(), c.getUnreadCount(), made.getOrDefault(c.getId(), List.of()), c.getVersion(),
                List.copyOf(actions), notice, c.getDocumentType(), c.getDocumentId());
    }

    private static MessageView view(InboxMessage m, List<FileView> files) {
        return view(m, files, 0);
    }

    private static MessageView view(InboxMessage m, List<FileView> files, int filesComing) {
        return new MessageView(m.getId(), m.getConversationId(), m.isInbound() ? "INBOUND" : "OUTBOUND", m.getFromAddress(),
                m.getFromName(), m.getToAddress(), m.getSubject(),
                m.getState() == MessageState.UNREADABLE ? "This message could not be read; download its source to see it."
                        : m.getBodyText(), MailParser.withoutImages(m.getBodyHtml()), m.getState().name(), m.getError(),
                m.getAutomatic(), m.at(), files, MailParser.hasImages(m.getBodyHtml()), filesComing);
    }

    private Map<String, String> contactNames(List<Conversation> rows) {
        List<String> ids = rows.stream().map(Conversation::getContactId).filter(java.util.Objects::nonNull).distinct().toList();
        Map<String, String> names = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery("select k from Contact k where k.id in :ids", Contact.class).setParameter("ids", ids)
                    .getResultStream().forEach(k -> names.put(k.getId(), k.getDisplayName()));
        }
        return names;
    }

    private Map<String, List<String>> workItems(List<Conversation> rows) {
        Map<String, List<String>> made = new LinkedHashMap<>();
        if (!rows.isEmpty()) {
            List<Object[]> found = em.createQuery("select w.conversationId, w.id from WorkItem w where w.conversationId in :ids"
                    + " and w.deletedAt is null", Object[].class).setParameter("ids", rows.stream().map(Conversation::getId)
                    .toList()).getResultList();
            found.forEach(r -> made.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add((String) r[1]));
        }
        return made;
    }

    private static Map<String, Object> snapshot(Conversation c) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("status", c.getStatus().name());
        values.put("assigned_to", c.getAssignedTo());
        values.put("contact_id", c.getContactId());
        return values;
    }

    private static String domain(String address) {
        return address != null && address.contains("@") ? address.substring(address.indexOf('@') + 1) : "smbhub.local";
    }

    private static String tenant() {
        return RequestContext.current().orElseThrow().tenantId();
    }

    private static String me() {
        return RequestContext.current().orElseThrow().userId();
    }
}
