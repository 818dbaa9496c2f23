package com.smbhub.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * IMAP IDLE against GreenMail: the watcher says "something arrived" for each delivery without polling,
 * keeps watching across renewals, and ends (telling so) when stopped or when the server goes away.
 */
class MailboxWatcherTest {

    private GreenMail server;
    private GreenMailUser box;
    private MailboxReader.Account account;
    private final LinkedBlockingQueue<String> woken = new LinkedBlockingQueue<>();
    private final CountDownLatch ended = new CountDownLatch(1);

    @BeforeEach
    void start() {
        server = MailboxReaderTest.mailServer();
        box = server.getUserManager().getUser("office@northside.test");
        account = MailboxReaderTest.account(server);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private void deliver(String subject) throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
        m.setFrom(new InternetAddress("client@example.com"));
        m.setRecipients(MimeMessage.RecipientType.TO, "office@northside.test");
        m.setSubject(subject);
        m.setText("Hello");
        box.deliver(m);
    }

    private MailboxWatcher watcher() throws InterruptedException {
        MailboxWatcher w = new MailboxWatcher("box-1", account, woken::add, id -> ended.countDown());
        Thread t = new Thread(w, "watcher");
        t.setDaemon(true);
        t.start();
        Thread.sleep(500); // connected and idling
        return w;
    }

    @Test
    void theServerSaysWhenMailArrivesAndTheWatchSurvivesRenewals() throws Exception {
        List<Boolean> offers = new java.util.ArrayList<>();
        offers.add(MailboxReader.read(account, null, 0, (validity, batch) -> true).idle());
        assertEquals(List.of(true), offers, "GreenMail announces IDLE");
        MailboxWatcher w = watcher();
        assertTrue(w.firstIdleBegan(), "listening: the poller reads once more for what came while it started");
        assertFalse(w.firstIdleBegan(), "only once");
        Thread.sleep(1500);
        assertTrue(woken.isEmpty(), "nothing arrived, nothing said");
        assertEquals(1, w.idles(), "one IDLE waits; the watcher does not poll");
        deliver("First");
        assertEquals("box-1", woken.poll(10, TimeUnit.SECONDS), "the first delivery wakes the poller");
        w.renew(0); // ends this IDLE and starts another, as every minute
        Thread.sleep(300);
        woken.clear();
        deliver("Second");
        assertEquals("box-1", woken.poll(10, TimeUnit.SECONDS), "still watching after the renewal");
        assertTrue(w.running());
        w.stop();
        assertTrue(ended.await(10, TimeUnit.SECONDS), "a stopped watcher ends and says so");
        assertFalse(w.running());
    }

    @Test
    void readingOnEveryWakeKeepsTheWatch() throws Exception {
        MailboxWatcher w = new MailboxWatcher("box-1", account, id -> {
            try {
                MailboxReader.read(account, null, 0, (validity, batch) -> true);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            woken.add(id);
        }, id -> ended.countDown());
        Thread t = new Thread(w, "watcher");
        t.setDaemon(true);
        t.start();
        Thread.sleep(500);
        deliver("Before");
        assertEquals("box-1", woken.poll(10, TimeUnit.SECONDS));
        Thread.sleep(300);
        deliver("After");
        assertEquals("box-1", woken.poll(10, TimeUnit.SECONDS), "read after the first read");
        w.stop();
    }

    @Test
    void aServerThatGoesAwayEndsTheWatch() throws Exception {
        MailboxWatcher w = watcher();
        server.stop();
        w.renew(0); // the next renewal finds the connection gone, at the latest
        assertTrue(ended.await(20, TimeUnit.SECONDS), "the watch ends; the poller reads the mailbox on its schedule");
        assertFalse(w.running());
        server = MailboxReaderTest.mailServer();
    }
}
