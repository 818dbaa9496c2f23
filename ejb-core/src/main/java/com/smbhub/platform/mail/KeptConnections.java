package com.smbhub.platform.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * SMTP connections a run that sends many messages in a row (a business's payment reminders) keeps open on its thread:
 * one per mail server, checked before each message and opened again if the server dropped it. Outside such a run each
 * message has a connection of its own, as before.
 *
 * <pre>try (KeptConnections kept = KeptConnections.open()) { … Mailer.send … }</pre>
 */
public final class KeptConnections implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(KeptConnections.class.getName());
    private static final ThreadLocal<KeptConnections> CURRENT = new ThreadLocal<>();

    private final Map<String, Transport> open = new HashMap<>();
    private final boolean outer;

    private KeptConnections(boolean outer) {
        this.outer = outer;
    }

    /** Keeps connections open on this thread until closed (inside another such block: that block's connections). */
    public static KeptConnections open() {
        if (CURRENT.get() != null) {
            return new KeptConnections(false);
        }
        KeptConnections kept = new KeptConnections(true);
        CURRENT.set(kept);
        return kept;
    }

    /** Hands the message to the session's server: over a kept connection when this thread keeps them. */
    static void send(Session session, MimeMessage message) throws MessagingException {
        KeptConnections kept = CURRENT.get();
        if (kept == null) {
            Transport.send(message);
            return;
        }
        message.saveChanges();
        kept.transport(session).sendMessage(message, message.getAllRecipients());
    }

    /** The server's kept connection, opened (again) when there is none or the server no longer answers. */
    private Transport transport(Session session) throws MessagingException {
        String server = session.getProperty("mail.smtp.host") + ":" + session.getProperty("mail.smtp.port") + ":"
                + session.getProperty("mail.smtp.starttls.enable") + ":" + session.getProperty("mail.smtp.user");
        Transport transport = open.get(server);
        if (transport != null && transport.isConnected()) { // a NOOP to the server
            return transport;
        }
        if (transport != null) {
            quietlyClose(transport);
        }
        transport = session.getTransport();
        transport.connect();
        open.put(server, transport);
        return transport;
    }

    @Override
    public void close() {
        if (!outer) {
            return;
        }
        CURRENT.remove();
        open.values().forEach(KeptConnections::quietlyClose);
        open.clear();
    }

    private static void quietlyClose(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException e) {
            LOG.log(Level.FINE, "SMTP connection not closed cleanly", e);
        }
    }
}
