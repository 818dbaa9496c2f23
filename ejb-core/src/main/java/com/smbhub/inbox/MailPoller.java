package com.smbhub.inbox;

import com.smbhub.platform.errors.ValidationException.FieldError;
import com.smbhub.platform.net.OutboundHosts;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every 5 seconds: reads the mailboxes that are due (each leased in PostgreSQL, so one poller in the
 * whole cluster reads a mailbox at a time) and stores what is new, batch by batch with the read position.
 * A mailbox whose server offers IMAP IDLE is also watched over an open connection (one instance per mailbox,
 * {@link MailboxWatcher}): it is read the moment mail arrives, and otherwise only every few minutes.
 */
@Singleton
public class MailPoller {

    private static final Logger LOG = Logger.getLogger(MailPoller.class.getName());
    /** This instance's name on the leases and watches it holds. */
    private static final String POLLER = "poller-" + UUID.randomUUID();
    /** Seconds between IDLE renewals (RFC 2177 servers drop an IDLE after 29 minutes; dead links show sooner). */
    private static final int RENEW_IDLE_SECONDS = 60;
    /** Seconds before a watcher that ended is tried again for the same mailbox. */
    private static final long RETRY_WATCH_NANOS = 60_000_000_000L;

    @EJB Mailboxes mailboxes;

    @EJB InboxIngest ingest;

    @Resource ManagedThreadFactory threads;

    @Inject @ConfigProperty(name = "smbhub.inbox.poll-seconds", defaultValue = "4") int everySeconds;

    @Inject @ConfigProperty(name = "smbhub.inbox.idle-check-seconds", defaultValue = "60") int watchedSeconds;

    @Inject @ConfigProperty(name = "smbhub.inbox.idle-max", defaultValue = "100") int maxWatchers;

    @Inject @ConfigProperty(name = "smbhub.outbound.allowed-hosts", defaultValue = "") String allowedHosts;

    private final Map<String, MailboxWatcher> watchers = new ConcurrentHashMap<>();
    private final Map<String, Long> watchStarted = new ConcurrentHashMap<>();
    private final Set<String> woken = ConcurrentHashMap.newKeySet();

    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void run() {
        List<Mailboxes.Due> due;
        List<String> wake = List.of();
        try {
            renewWatches();
            wake = List.copyOf(woken);
            woken.removeAll(wake);
            due = mailboxes.lease(POLLER, everySeconds, watchedSeconds, wake, false, 20);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Mailboxes could not be listed", e);
            woken.addAll(wake);
            return;
        }
        wake.stream().filter(id -> due.stream().noneMatch(d -> d.connectionId().equals(id))).forEach(woken::add);
        for (Mailboxes.Due box : due) {
            if (poll(box)) {
                watch(box);
            }
        }
    }

    /** The server said something arrived: read that mailbox now, else (another poller is reading it) at the next tick. */
    private void wake(String connectionId) {
        try {
            List<Mailboxes.Due> due = mailboxes.lease(POLLER, everySeconds, watchedSeconds, List.of(connectionId), true, 1);
            if (due.isEmpty()) {
                woken.add(connectionId);
            }
            due.forEach(this::poll);
        } catch (RuntimeException e) {
            woken.add(connectionId);
            LOG.log(Level.INFO, "Mailbox " + connectionId + " could not be read when woken", e);
        }
    }

    /** Starts an IDLE watcher for a mailbox read just now, unless one runs (anywhere) or one ended a moment ago. */
    private void watch(Mailboxes.Due box) {
        String id = box.connectionId();
        Long started = watchStarted.get(id);
        if (watchers.containsKey(id) || watchers.size() >= maxWatchers
                || started != null && System.nanoTime() - started < RETRY_WATCH_NANOS || !mailboxes.watch(id, POLLER)) {
            return;
        }
        watchStarted.put(id, System.nanoTime());
        MailboxWatcher watcher = new MailboxWatcher(id, box.account(), this::wake, this::ended);
        watchers.put(id, watcher);
        try {
            threads.newThread(watcher).start();
        } catch (RuntimeException e) {
            LOG.log(Level.INFO, "Mailbox " + id + " is read on the schedule: no thread to watch it", e);
            ended(id);
        }
    }

    /**
     * Keeps this instance's watches; stops those whose mailbox was disconnected or changed; reads once more
     * each mailbox whose watch has just begun to listen.
     */
    private void renewWatches() {
        Map<String, MailboxReader.Account> ours = mailboxes.renewWatches(POLLER);
        watchers.forEach((id, watcher) -> {
            if (!watcher.account().equals(ours.get(id))) {
                watcher.stop();
            } else {
                watcher.renew(RENEW_IDLE_SECONDS);
                if (watcher.firstIdleBegan()) {
                    woken.add(id);
                }
            }
        });
        ours.keySet().stream().filter(id -> !watchers.containsKey(id)).forEach(id -> mailboxes.unwatch(id, POLLER));
    }

    private void ended(String connectionId) {
        watchers.remove(connectionId);
        try {
            mailboxes.unwatch(connectionId, POLLER);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "watch not released (it lapses by itself)", e);
        }
    }

    private static long last(List<MailboxReader.Fetched> batch) {
        return batch.stream().mapToLong(MailboxReader.Fetched::uid).max().orElse(0);
    }

    /** Lets go of this instance's watches at once (a redeploy, a shutdown), so other pollers read those mailboxes as usual. */
    @PreDestroy
    void stop() {
        watchers.values().forEach(MailboxWatcher::stop);
        try {
            mailboxes.unwatchAll(POLLER);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "watches not released (they lapse by themselves)", e);
        }
    }

    /**
     * Reads one leased mailbox to its end; a failure is kept in words for Settings → Inbox. True when it was
     * read and its server offers IDLE.
     */
    boolean poll(Mailboxes.Due box) {
        try {
            List<FieldError> refused = new ArrayList<>();
            OutboundHosts.check(box.account().host(), box.account().port(), MailboxSettings.IMAP_PORTS,
                    OutboundHosts.allowList(allowedHosts), refused);
            if (!refused.isEmpty()) {
                mailboxes.failed(box.connectionId(), POLLER, "The mail server is not a public one; change it in Settings → Inbox");
                return false;
            }
            long started = System.nanoTime();
            long[] stored = {0, 0};
            Long[] validity = {box.uidValidity()};
            long[] lastUid = {box.lastUid()};
            MailboxReader.Read read;
            do {
                read = MailboxReader.read(box.account(), validity[0], lastUid[0], (folderValidity, batch) -> {
                    if (!batch.isEmpty() || validity[0] == null || validity[0] != folderValidity) {
                        long t = System.nanoTime();
                        stored[0] += ingest.store(box, POLLER, folderValidity, batch);
                        stored[1] += System.nanoTime() - t;
                        lastUid[0] = validity[0] != null && validity[0] == folderValidity ? Math.max(lastUid[0], last(batch))
                                : last(batch);
                        validity[0] = folderValidity;
                    }
                    return true;
                });
            } while (read.more());
            mailboxes.succeeded(box.connectionId(), POLLER);
            if (stored[0] > 0) {
                long total = (System.nanoTime() - started) / 1_000_000;
                LOG.info(() -> "Mailbox " + box.connectionId() + ": " + stored[0] + " new messages in " + total + " ms ("
                        + stored[1] / 1_000_000 + " ms storing, the rest reading the mail server)");
            }
            return read.idle();
        } catch (Exception e) {
            boolean server = e instanceof MessagingException || e instanceof IOException;
            LOG.log(server ? Level.INFO : Level.WARNING, "Mailbox " + box.connectionId() + " could not be read", server ? null : e);
            try {
                mailboxes.failed(box.connectionId(), POLLER, server ? MailboxSettings.reason(e)
                        : "Some messages could not be stored; they are read again at the next try");
            } catch (RuntimeException again) {
                LOG.log(Level.WARNING, "Mailbox state could not be saved", again);
            }
            return false;
        }
    }
}
