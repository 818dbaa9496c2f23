package com.smbhub.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The IMAP side against GreenMail: 500 messages of every shape read in batches without marking them read,
 * a reader that dies after any batch resumes from the last stored UID with no gap and no duplicate, a
 * renumbered folder (new UIDVALIDITY) is read again and the Message-IDs keep each message once.
 */
class MailboxReaderTest {

    private GreenMail server;
    private GreenMailUser box;
    private MailboxReader.Account account;

    @BeforeEach
    void start() {
        server = mailServer();
        box = server.getUserManager().getUser("office@northside.test");
        account = account(server);
    }

    /** GreenMail on free ports with one mailbox, office@northside.test (password "secret"). */
    static GreenMail mailServer() {
        GreenMail started = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
        started.start();
        started.setUser("office@northside.test", "office@northside.test", "secret");
        return started;
    }

    static MailboxReader.Account account(GreenMail server) {
        return new MailboxReader.Account("127.0.0.1", server.getImap().getPort(), "NONE", "office@northside.test", "secret",
                "INBOX");
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    /** What the inbox keeps: messages by Message-ID, and the read position committed with each batch. */
    private static final class Store implements MailboxReader.Batches {
        final Map<String, MailParser.Parsed> byId = new LinkedHashMap<>();
        final List<String> seen = new ArrayList<>();
        Long validity;
        long lastUid;
        int batches;
        int dieAfter = -1;

        @Override
        public boolean take(long uidValidity, List<MailboxReader.Fetched> batch) {
            if (dieAfter >= 0 && batches == dieAfter) {
                throw new IllegalStateException("the instance died before this batch committed");
            }
            for (MailboxReader.Fetched f : batch) {
                assertTrue(f.uid() > (validity != null && validity == uidValidity ? lastUid : 0), "UIDs only go up");
                MailParser.Parsed p = MailParser.parse(f.raw());
                seen.add(p.messageId());
                byId.putIfAbsent(p.messageId(), p);
            }
            validity = uidValidity;
            lastUid = batch.stream().mapToLong(MailboxReader.Fetched::uid).max().orElse(lastUid);
            if (!batch.isEmpty()) {
                batches++;
            }
            return true;
        }

        void readFrom(MailboxReader.Account account) throws Exception {
            MailboxReader.read(account, validity, lastUid, this);
        }
    }

    private void deliver(String raw) throws Exception {
        box.deliver(new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8))));
    }

    private void deliverBytes(byte[] raw) throws Exception {
        box.deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw)));
    }

    /** 500 messages: first mails, replies with their References chains, forwards, three charsets, attachments, one broken. */
    private void fill() throws Exception {
        for (int i = 0; i < 500; i++) {
            String id = "m" + i + "@example.com";
            switch (i % 7) {
                case 0 -> deliver("From: Client " + i + " <c" + i + "@example.com>\nTo: office@northside.test\nSubject: Job " + i
                        + "\nMessage-ID: <" + id + ">\nContent-Type: text/plain; charset=UTF-8\n\nPlease fix the tap " + i + ".\n");
                case 1 -> deliver("From: c" + (i - 1) + "@example.com\nSubject: Re: Job " + (i - 1) + "\nMessage-ID: <" + id
                        + ">\nIn-Reply-To: <m" + (i - 1) + "@example.com>\nReferences: <m" + (i - 1) + "@example.com>\n\nThanks!\n");
                case 2 -> deliver("From: c@example.com\nSubject: =?ISO-8859-1?Q?Fwd:_Caf=E9?=\nMessage-ID: <" + id + ">\n"
                        + "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain;"
                        + " charset=ISO-8859-1\nContent-Transfer-Encoding: quoted-printable\n\nVoir ci-dessous, caf=E9.\n"
                        + "--b\nContent-Type: message/rfc822\n\nFrom: x@example.com\nSubject: original\n\nold text\n--b--\n");
                case 3 -> {
                    byte[] body = "水漏れ".getBytes(Charset.forName("ISO-2022-JP"));
                    byte[] head = ("From: taro@example.jp\r\nSubject: leak\r\nMessage-ID: <" + id + ">\r\nContent-Type:"
                            + " text/plain; charset=ISO-2022-JP\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
                    byte[] raw = new byte[head.length + body.length];
                    System.arraycopy(head, 0, raw, 0, head.length);
                    System.arraycopy(body, 0, raw, head.length, body.length);
                    deliverBytes(raw);
                }
                case 4 -> deliver("From: a@example.com\nSubject: Photo\nMessage-ID: <" + id + ">\nMIME-Version: 1.0\n"
                        + "Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\nSee photo\n--b\n"
                        + "Content-Type: image/png; name=leak.png\nContent-Disposition: attachment; filename=leak.png\n"
                        + "Content-Transfer-Encoding: base64\n\niVBORw0KGgo=\n--b--\n");
                case 5 -> deliver("From: broken@example.com\nSubject: Broken " + i + "\nMessage-ID: <" + id + ">\nMIME-Version: 1.0\n"
                        + "Content-Type: multipart/mixed; boundary=\"zz\"\nContent-Transfer-Encoding: base64\n\n--zz\n"
                        + "Content-Type: text/plain; charset=x-no-such\n\n@@@ not base64 @@@\n");
                default -> deliver("From: c" + (i - 6) + "@example.com\nSubject: Job " + (i - 6) + "\nMessage-ID: <" + id
                        + ">\nReferences: <m" + (i - 6) + "@example.com> <m" + (i - 5) + "@example.com>\n\nAnd one more thing.\n");
            }
        }
    }

    @Test
    void fiveHundredMessagesAreReadOnceEachEvenWhenTheReaderDiesAfterAnyBatch() throws Exception {
        fill();
        Store store = new Store();
        for (int dieAt : new int[] {3, 5, 9}) {
            store.dieAfter = dieAt;
            assertThrows(IllegalStateException.class, () -> store.readFrom(account));
        }
        store.dieAfter = -1;
        store.readFrom(account);
        assertEquals(500, store.byId.size());
        assertEquals(500, store.seen.size(), "no message was handed over twice after a committed batch");
        assertEquals(10, store.batches, "50 per batch");
        MailParser.Parsed jp = store.byId.get("m3@example.com");
        assertEquals("水漏れ", jp.text());
        assertEquals("Voir ci-dessous, café.", store.byId.get("m2@example.com").text().strip());
        assertEquals("forwarded.eml", store.byId.get("m2@example.com").attachments().get(0).fileName());
        assertEquals("leak.png", store.byId.get("m4@example.com").attachments().get(0).fileName());
        assertEquals(List.of("m0@example.com"), store.byId.get("m1@example.com").references());
        assertEquals("Broken 5", store.byId.get("m5@example.com").subject());

        // nothing new: nothing handed over; new mail: only it
        store.readFrom(account);
        assertEquals(500, store.seen.size());
        deliver("From: late@example.com\nSubject: Late\nMessage-ID: <late@example.com>\n\nHi\n");
        store.readFrom(account);
        assertEquals(501, store.seen.size());
        assertTrue(server.getReceivedMessages()[0].getFlags().getSystemFlags().length == 0
                || !server.getReceivedMessages()[0].isSet(jakarta.mail.Flags.Flag.SEEN), "nothing is marked read");
    }

    @Test
    void aBigMailboxIsReadInSharesEachOnceOnAFreshConnection() throws Exception {
        fill();
        Store store = new Store();
        int reads = 0;
        MailboxReader.Read read;
        do {
            read = MailboxReader.read(account, store.validity, store.lastUid, store, 120);
            reads++;
        } while (read.more());
        assertEquals(5, reads, "120 messages a read: 4 full shares and the last 20");
        assertEquals(500, store.byId.size());
        assertEquals(500, store.seen.size(), "each message handed over once");
        assertTrue(read.idle(), "GreenMail announces IDLE");
    }

    @Test
    void aRenumberedFolderIsReadAgainAndMessageIdsKeepEachOnce() throws Exception {
        for (int i = 0; i < 5; i++) {
            deliver("From: a@example.com\nSubject: s" + i + "\nMessage-ID: <r" + i + "@example.com>\n\nx\n");
        }
        Store store = new Store();
        store.readFrom(account);
        store.validity = store.validity + 1; // as if the server had renumbered the folder since
        store.readFrom(account);
        assertEquals(10, store.seen.size(), "read again from the start");
        assertEquals(5, store.byId.size(), "still five messages");
    }

    @Test
    void aWrongPasswordSaysSoInWords() {
        MailboxReader.Account wrong = new MailboxReader.Account(account.host(), account.port(), "NONE", account.username(),
                "wrong", "INBOX");
        var e = assertThrows(AuthenticationFailedException.class, () -> MailboxReader.count(wrong));
        assertEquals("The mail server refused the user name or password", MailboxSettings.reason(e));
    }
}
