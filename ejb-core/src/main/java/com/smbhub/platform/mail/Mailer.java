package com.smbhub.platform.mail;

import com.smbhub.platform.db.NativeSql;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.metrics.Measures;
import com.smbhub.platform.tenancy.CrossTenant;
import com.smbhub.platform.tenancy.RequestContext;
import jakarta.activation.DataHandler;
import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.Serializable;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends mail over SMTP (Jakarta Mail) and logs every attempt, sent or failed, in its own
 * transaction so a failure stays on record while the caller's change is rolled back.
 */
@Stateless
public class Mailer {

    private static final Logger LOG = Logger.getLogger(Mailer.class.getName());

    /** A file to attach. */
    public record Attachment(String fileName, String contentType, byte[] bytes) {
    }

    /** One logged message for the "Sent mail" page; {@code body}: its text when it went to the development server. */
    public record Sent(String recipient, String subject, String status, String error, Instant at, String body)
            implements Serializable {
    }

    @PersistenceContext(unitName = "smbhub") EntityManager em;

    @Inject Measures measures;

    @Inject @ConfigProperty(name = "smbhub.smtp.host", defaultValue = "localhost") String host;

    @Inject @ConfigProperty(name = "smbhub.smtp.port", defaultValue = "25") int port;

    @Inject @ConfigProperty(name = "smbhub.smtp.starttls", defaultValue = "false") boolean starttls;

    @Inject @ConfigProperty(name = "smbhub.smtp.username") Optional<String> username;

    @Inject @ConfigProperty(name = "smbhub.smtp.password") Optional<String> password;

    @Inject @ConfigProperty(name = "smbhub.mail.from", defaultValue = "no-reply@smbhub.local") String from;

    @Inject @ConfigProperty(name = "smbhub.mail.dev", defaultValue = "false") boolean dev;

    /** The address to send to: {@code to} if given, else the client's; a missing or bad one is a field error on "to". */
    public static String recipient(String to, String clientEmail, List<ValidationException.FieldError> errors) {
        String address = to == null || to.isBlank() ? clientEmail : to.trim().toLowerCase();
        if (address == null) {
            errors.add(new ValidationException.FieldError("to",
                    "The client has no e-mail address; add one or give the address here"));
        } else if (!address.matches("^[^@\\s,;]{1,64}@[^@\\s,;]+\\.[^@\\s,;]{2,}$") || address.length() > 254) {
            errors.add(new ValidationException.FieldError("to", "Not a valid e-mail address"));
        }
        return address;
    }

    /** An optional personal line for the message (at most 2,000 characters). */
    public static String note(String message, List<ValidationException.FieldError> errors) {
        String note = message == null || message.isBlank() ? null : message.trim();
        if (note != null && note.length() > 2000) {
            errors.add(new ValidationException.FieldError("message", "At most 2,000 characters"));
        }
        return note;
    }

    /** Whether mail goes to the local development server (the back office then lists it). */
    public boolean development() {
        return dev;
    }

    /** Hands the message to the SMTP server; throws {@link MailFailedException} with the reason if it refuses. */
    public void send(String kind, String documentId, String senderName, String to, String subject, String text,
                     List<Attachment> attachments) {
        send(kind, documentId, senderName, to, subject, text, attachments, null);
    }

    /**
     * The same with a Message-ID of the caller's (no brackets; null: a new one): a message sent again under the same
     * id after a crash (its sending not yet recorded) is shown once by mail clients.
     */
    public void send(String kind, String documentId, String senderName, String to, String subject, String text,
                     List<Attachment> attachments, String messageId) {
        String failure = sendLogged(kind, documentId, senderName, to, subject, text, attachments,
                messageId == null ? null : new Thread(messageId, null, List.of(), null));
        if (failure != null) {
            throw new MailFailedException("The mail server did not accept the message: " + failure);
        }
    }

    /** A message's place in a thread: its own Message-ID, the one it answers and the chain before it (ids without brackets). */
    public record Thread(String messageId, String inReplyTo, List<String> references, String replyTo) {
    }

    /**
     * A message of a conversation, with the headers that make the client's answer come back to this
     * thread. Returns null when the server took it, else the reason in words (the caller keeps the
     * message as failed; nothing is rolled back).
     */
    public String sendInThread(String senderName, String to, String subject, String text, Thread thread,
                               List<Attachment> attachments) {
        return sendLogged("conversation", null, senderName, to, subject, text, attachments, thread);
    }

    /** Through the business's server (else the installation's), logged either way; the failure reason, or null. */
    private String sendLogged(String kind, String documentId, String senderName, String to, String subject, String text,
                              List<Attachment> attachments, Thread thread) {
        Optional<SmtpSettings.Server> own = smtp.server();
        try {
            if (own.isPresent()) {
                SmtpSettings.Server server = own.get();
                if (!smtp.reachable(server)) {
                    throw new MessagingException("Your mail server " + server.host() + " is not a public mail server;"
                            + " change it in Settings → Email");
                }
                deliver(session(server.host(), server.port(), server.starttls(), Optional.of(server.username()),
                        Optional.of(server.password())), server.from(), senderName, to, subject, text, attachments, thread,
                        MailHtml.button(kind));
            } else {
                deliver(session(host, port, starttls, username, password), from, senderName, to, subject, text, attachments,
                        thread, MailHtml.button(kind));
            }
        } catch (MessagingException | UnsupportedEncodingException e) {
            String reason = own.isPresent() ? reasonForBusiness(e) : reason(e);
            LOG.log(Level.WARNING, "Mail to " + to + " failed: " + reason(e));
            measures.mailFailed(kind);
            log(kind, documentId, to, subject, MailStatus.FAILED, reason, null);
            return reason;
        }
        // the text stays on record only when it went to the development server (the Sent mail page shows it)
        log(kind, documentId, to, subject, MailStatus.SENT, null, dev && own.isEmpty() ? text : null);
        return null;
    }

    /**
     * A message from SMB Hub itself (account links): always through the platform's mail server, never a
     * business's own; logged on the Sent mail page when a business is bound, else in the server log only.
     */
    public void sendPlatform(String kind, String to, String subject, String text) {
        try {
            deliver(session(host, port, starttls, username, password), from, "SMB Hub", to, subject, text, List.of(), null,
                    MailHtml.button(kind));
        } catch (MessagingException | UnsupportedEncodingException e) {
            LOG.log(Level.WARNING, "Mail to " + to + " failed: " + reason(e));
            measures.mailFailed(kind);
            throw new MailFailedException("We could not send the e-mail just now; nothing was changed, try again in a minute");
        }
        RequestContext context = RequestContext.current().orElse(null);
        if (context != null && context.tenantId() != null) {
            // in the caller's transaction: the business may be one this transaction is making
            insertLog(context.tenantId(), context.userId(), kind, null, to, subject, MailStatus.SENT, null, null);
        } else {
            LOG.info(() -> kind + " mail sent");
        }
    }

    /** The same, after the call returns (the caller's answer and its timing do not depend on the mail). */
    @Asynchronous
    public void sendPlatformLater(String kind, String to, String subject, String text) {
        try {
            sendPlatform(kind, to, subject, text);
        } catch (MailFailedException e) {
            // logged by sendPlatform; the person asks again
        }
    }

    /** Builds the message (text, then attachments) and hands it to the session's SMTP server. */
    static void deliver(Session session, String from, String senderName, String to, String subject, String text,
                        List<Attachment> attachments) throws MessagingException, UnsupportedEncodingException {
        deliver(session, from, senderName, to, subject, text, attachments, null, MailHtml.button(null));
    }

    private static void deliver(Session session, String from, String senderName, String to, String subject, String text,
                                List<Attachment> attachments, Thread thread, String button)
            throws MessagingException, UnsupportedEncodingException {
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                if (thread == null) {
                    super.updateMessageID();
                } else {
                    setHeader("Message-ID", "<" + thread.messageId() + ">");
                }
            }
        };
        message.setFrom(new InternetAddress(from, senderName, StandardCharsets.UTF_8.name()));
        if (thread != null) {
            if (thread.inReplyTo() != null) {
                message.setHeader("In-Reply-To", "<" + thread.inReplyTo() + ">");
            }
            if (!thread.references().isEmpty()) {
                message.setHeader("References", MimeUtility.fold(12, String.join(" ",
                        thread.references().stream().map(id -> "<" + id + ">").toList())));
            }
            if (thread.replyTo() != null) {
                message.setReplyTo(InternetAddress.parse(thread.replyTo(), true));
            }
        }
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to, true));
        message.setSubject(subject, StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        MimeMultipart parts = new MimeMultipart();
        parts.addBodyPart(textAndHtml(text, button));
        for (Attachment a : attachments) {
            MimeBodyPart file = new MimeBodyPart();
            file.setDataHandler(new DataHandler(new ByteArrayDataSource(a.bytes(), a.contentType())));
            file.setFileName(a.fileName());
            parts.addBodyPart(file);
        }
        message.setContent(parts);
        KeptConnections.send(session, message);
    }

    /** The text as written and, for mail clients that show HTML, the same with a button (multipart/alternative). */
    private static MimeBodyPart textAndHtml(String text, String button) throws MessagingException {
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(text, StandardCharsets.UTF_8.name());
        MimeBodyPart html = new MimeBodyPart();
        html.setText(MailHtml.of(text, button), StandardCharsets.UTF_8.name(), "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(plain);
        alternative.addBodyPart(html);
        MimeBodyPart both = new MimeBodyPart();
        both.setContent(alternative);
        return both;
    }

    /** The business's latest messages, newest first. */
    public List<Sent> recent(int limit) {
        String tenant = RequestContext.current().orElseThrow().tenantId();
        List<?> rows = CrossTenant.run(em, CrossTenant.Purpose.MAIL_LOG, () -> NativeSql.query(em,
                        "select recipient, subject, status, error, created_at, body from mail_log"
                        + " where tenant_id = cast(?1 as uuid) order by created_at desc").setParameter(1, tenant)
                .setMaxResults(limit).getResultList());
        return rows.stream().map(r -> (Object[]) r).map(r -> new Sent((String) r[0], (String) r[1], (String) r[2],
                (String) r[3], r[4] instanceof Timestamp t ? t.toInstant() : ((OffsetDateTime) r[4]).toInstant(), (String) r[5]))
                .toList();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void logAlone(String tenantId, String userId, String kind, String documentId, String to, String subject,
                         MailStatus status, String error, String body) {
        insertLog(tenantId, userId, kind, documentId, to, subject, status, error, body);
    }

    private void insertLog(String tenantId, String userId, String kind, String documentId, String to, String subject,
                           MailStatus status, String error, String body) {
        CrossTenant.run(em, CrossTenant.Purpose.MAIL_LOG, () -> NativeSql.query(em, "insert into mail_log (id, tenant_id,"
                        + " kind, document_id, recipient, subject, status, error, created_by, body)"
                        + " values (cast(?1 as uuid), cast(?2 as uuid), ?3, cast(?4 as uuid), ?5, ?6, ?7, ?8, ?9, ?10)")
                .setParameter(1, UUID.randomUUID().toString()).setParameter(2, tenantId).setParameter(3, kind)
                .setParameter(4, documentId).setParameter(5, to).setParameter(6, subject).setParameter(7, status.name())
                .setParameter(8, error).setParameter(9, userId).setParameter(10, body).executeUpdate());
    }

    /** In a transaction of its own: what was handed to the server stays on record whatever the caller does next. */
    private void log(String kind, String documentId, String to, String subject, MailStatus status, String error, String body) {
        RequestContext context = RequestContext.current().orElseThrow();
        ejb.getBusinessObject(Mailer.class).logAlone(context.tenantId(), context.userId(), kind, documentId, to, subject,
                status, error, body);
    }

    @Resource SessionContext ejb;

    @EJB SmtpSettings smtp;

    private static Session session(String host, int port, boolean starttls, Optional<String> username, Optional<String> password) {
        Properties props = new Properties();
        props.put("mail.transport.protocol", "smtp");
        props.put("mail.smtp.host", host);
        props.put("mail.smtp.port", String.valueOf(port));
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "15000");
        props.put("mail.smtp.writetimeout", "15000");
        if (starttls) {
            props.put("mail.smtp.starttls.enable", "true");
            props.put("mail.smtp.starttls.required", "true");
        }
        if (username.isPresent() && !username.get().isBlank()) {
            props.put("mail.smtp.auth", "true");
            props.put("mail.smtp.user", username.get());
            return Session.getInstance(props, new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(username.get(), password.orElse(""));
                }
            });
        }
        return Session.getInstance(props);
    }

    /**
     * What a business is told of its own server's failure: the server's own reply when it answered;
     * when it could not be reached, only that (whether the port refused, timed out or spoke another
     * protocol stays in the server log, so the setting cannot map a network).
     */
    static String reasonForBusiness(Exception e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof IOException && !(t instanceof UnsupportedEncodingException)) {
                return "Could not reach your mail server; check its host, port and STARTTLS in Settings → Email";
            }
        }
        return reason(e);
    }

    static String reason(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String text = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return text.length() > 300 ? text.substring(0, 300) : text;
    }
}
