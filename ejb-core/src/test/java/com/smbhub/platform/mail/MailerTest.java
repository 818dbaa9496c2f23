package com.smbhub.platform.mail;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.net.ServerSocket;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MailerTest {

    @Test
    void aServerThatIsNotThereIsAFailureWithAReasonAPersonCanRead() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(port));
        props.put("mail.smtp.connectiontimeout", "2000");
        MessagingException failure = assertThrows(MessagingException.class, () -> Mailer.deliver(Session.getInstance(props),
                "no-reply@smbhub.local", "Northside Plumbing", "client@example.com", "Invoice INV-1001", "Hello",
                List.of(new Mailer.Attachment("INV-1001.pdf", "application/pdf", new byte[] {'%', 'P', 'D', 'F'}))));
        String reason = Mailer.reason(failure);
        assertFalse(reason.isBlank());
        assertTrue(reason.length() <= 300);
    }

    @Test
    void aBadRecipientNeverReachesTheServer() {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", "1");
        assertThrows(MessagingException.class, () -> Mailer.deliver(Session.getInstance(props), "no-reply@smbhub.local",
                "Northside", "not an address@", "x", "y", List.of()));
    }
}
