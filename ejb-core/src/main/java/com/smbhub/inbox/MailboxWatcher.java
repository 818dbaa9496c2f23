package com.smbhub.inbox;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One mailbox watched with IMAP IDLE (RFC 2177) over its own connection: whenever the server says
 * something changed (a message arrived), {@code wake} is told, and the poller reads the mailbox at once.
 * It only signals; reading and storing stay with the poller, so exactly-once does not depend on it.
 * {@link #renew} ends the IDLE and starts it again (servers drop an IDLE after 29 minutes); {@link #stop}
 * closes the connection, and the thread ends.
 */
final class MailboxWatcher implements Runnable {

    private static final Logger LOG = Logger.getLogger(MailboxWatcher.class.getName());

    private final String connectionId;
    private final MailboxReader.Account account;
    private final Consumer<String> wake;
    private final Consumer<String> ended;
    private volatile boolean running = true;
    private volatile Folder folder;
    private volatile long idleSince = System.nanoTime();
    private volatile int idles;
    private volatile boolean caughtUp;

    MailboxWatcher(String connectionId, MailboxReader.Account account, Consumer<String> wake, Consumer<String> ended) {
        this.connectionId = connectionId;
        this.account = account;
        this.wake = wake;
        this.ended = ended;
    }

    MailboxReader.Account account() {
        return account;
    }

    @Override
    public void run() {
        Store store = null;
        try {
            store = MailboxReader.connect(account, true);
            Folder f = store.getFolder(account.folder());
            f.open(Folder.READ_ONLY);
            folder = f;
            Method idle = f.getClass().getMethod("idle", boolean.class);
            while (running && f.isOpen()) {
                int before = f.getMessageCount();
                idleSince = System.nanoTime();
                idles++;
                idle.invoke(f, true); // returns on the server's first notification, or when renew() asks
                if (running && f.getMessageCount() != before) {
                    wake.accept(connectionId);
                }
            }
        } catch (InvocationTargetException e) {
            if (running) {
                LOG.log(Level.INFO, "Mailbox " + connectionId + ": IDLE ended, the poller reads it on its schedule",
                        e.getCause() instanceof MessagingException ? null : e.getCause());
            }
        } catch (MessagingException | ReflectiveOperationException | RuntimeException e) {
            if (running) {
                LOG.log(Level.INFO, "Mailbox " + connectionId + " cannot be watched: " + e.getMessage());
            }
        } finally {
            running = false;
            close(store);
            ended.accept(connectionId);
        }
    }

    /** Ends the current IDLE and starts another when it has run for {@code seconds}. */
    void renew(long seconds) {
        Folder f = folder;
        if (f != null && running && System.nanoTime() - idleSince > seconds * 1_000_000_000L) {
            try {
                f.getMessageCount(); // a command from another thread ends the IDLE (sends DONE)
            } catch (MessagingException | RuntimeException e) {
                stop();
            }
        }
    }

    void stop() {
        running = false;
        Folder f = folder;
        if (f != null) {
            close(f.getStore());
        }
    }

    /**
     * True once, when its first IDLE has begun: mail that arrived while the watch was starting (after the
     * poller's read, before the IDLE) is announced by nothing, so the poller reads the mailbox once more then.
     */
    boolean firstIdleBegan() {
        if (idles > 0 && !caughtUp) {
            caughtUp = true;
            return true;
        }
        return false;
    }

    /** How many IDLE commands it has issued (one per notification or renewal, never a busy loop). */
    int idles() {
        return idles;
    }

    boolean running() {
        return running;
    }

    private static void close(Store store) {
        if (store != null) {
            try {
                store.close();
            } catch (MessagingException | RuntimeException e) {
                // closing a connection the server dropped
            }
        }
    }
}
