package com.smbhub.system;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Properties;

/** The development mail server's inbox of one address (GreenMail over IMAP, any password). */
final class Mailbox {

    static final int IMAP_PORT = Integer.parseInt(System.getenv().getOrDefault("SMBHUB_IT_IMAP_PORT",
            String.valueOf(Integer.parseInt(SystemUnderTest.BASE.replaceAll(".*:(\\d+).*", "$1")) - 80 + 43)));

    static final int SMTP_PORT = IMAP_PORT - 43 + 25;

    private Mailbox() {
    }

    /** Hands a message (raw RFC 822 text, CRLF added) to the development server's SMTP for {@code to}. */
    /** Points the business's Settings → Inbox at this server's mailbox {@code address} (any password is taken). */
    static SystemUnderTest.Reply connect(String token, String address) {
        return ContactsIT.send("PUT", "/api/v1/settings/inbox", token, "{\"host\":\"127.0.0.1\",\"port\":" + IMAP_PORT
                + ",\"security\":\"NONE\",\"username\":\"" + address + "\",\"password\":\"any\",\"address\":\"" + address + "\"}");
    }

    static void deliver(String from, String to, String raw) throws Exception {
        deliverAll(SMTP_PORT, to, java.util.List.of(raw));
    }

    /** Hands messages, in order and over one connection, to the SMTP server on this port for {@code to}. */
    static void deliverAll(int smtpPort, String to, java.util.List<String> raws) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(smtpPort));
        Session session = Session.getInstance(props);
        try (jakarta.mail.Transport transport = session.getTransport("smtp")) {
            transport.connect();
            for (String raw : raws) {
                MimeMessage message = new MimeMessage(session, new java.io.ByteArrayInputStream(
                        raw.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
                    @Override
                    protected void updateMessageID() {
                        // keep the Message-ID the text gives
                    }
                };
                message.saveChanges();
                transport.sendMessage(message, new jakarta.mail.Address[] {new jakarta.mail.internet.InternetAddress(to)});
            }
        }
    }

    /** Waits up to 20 s for a message whose subject contains the text; returns it, fully read. */
    static Message await(String address, String subjectPart) throws Exception {
        return await(address, subjectPart, 1);
    }

    /** The same for the {@code nth} such message (1: the first). */
    static Message await(String address, String subjectPart, int nth) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            Store store = Session.getInstance(new Properties()).getStore("imap");
            store.connect("127.0.0.1", IMAP_PORT, address, address);
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                int seen = 0;
                for (Message m : inbox.getMessages()) {
                    if (m.getSubject() != null && m.getSubject().contains(subjectPart) && ++seen == nth) {
                        MimeMessage copy = new MimeMessage((MimeMessage) m);
                        inbox.close(false);
                        return copy;
                    }
                }
                inbox.close(false);
            } finally {
                store.close();
            }
            Thread.sleep(300);
        }
        throw new AssertionError("no message \"" + subjectPart + "\" (" + nth + ") for " + address);
    }

    /** The message's text: its body, or its text/plain part (the first part of a multipart one, looked into). */
    static String text(Part mail) throws Exception {
        Object content = mail.getContent();
        return content instanceof Multipart parts ? text(parts.getBodyPart(0)) : content.toString();
    }

    /** The HTML part of a message (its first part's second alternative), or null when it has none. */
    static String html(Message mail) throws Exception {
        if (mail.getContent() instanceof Multipart parts && parts.getBodyPart(0).getContent() instanceof Multipart alternative
                && alternative.getCount() > 1) {
            return alternative.getBodyPart(1).getContent().toString();
        }
        return null;
    }
}
