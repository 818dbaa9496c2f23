package com.smbhub.inbox;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import com.smbhub.platform.errors.ValidationException.FieldError;
import com.smbhub.platform.net.OutboundHosts;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every 5 seconds: reads the mailboxes that are due (each leased in PostgreSQL, so one poller in the
 * whole cluster reads a mailbox at a time) and stores what is new, batch by batch with the read position.
 */
@Singleton
public class MailPoller {

    private static final Logger LOG = Logger.getLogger(MailPoller.class.getName());
    /** This instance's name on the leases it holds. */
    private static final String POLLER = "poller-" + UUID.randomUUID();

    @EJB Mailboxes mailboxes;

    @EJB InboxIngest ingest;

    @Inject @ConfigProperty(name = "smbhub.inbox.poll-seconds", defaultValue = "4") int everySeconds;

    @Inject @ConfigProperty(name = "smbhub.outbound.allowed-hosts", defaultValue = "") String allowedHosts;

    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void run() {
        List<Mailboxes.Due> due;
        try {
            due = mailboxes.lease(POLLER, everySeconds, 20);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Mailboxes could not be listed", e);
            return;
        }
        for (Mailboxes.Due box : due) {
            poll(box);
        }
    }

    /** Reads one leased mailbox to its end; a failure is kept in words for Settings → Inbox. */
    void poll(Mailboxes.Due box) {
        try {
            List<FieldError> refused = new ArrayList<>();
            OutboundHosts.check(box.account().host(), box.account().port(), MailboxSettings.IMAP_PORTS,
                    OutboundHosts.allowList(allowedHosts), refused);
            if (!refused.isEmpty()) {
                mailboxes.failed(box.connectionId(), POLLER, "The mail server is not a public one; change it in Settings → Inbox");
                return;
            }
            long started = System.nanoTime();
            long[] stored = {0, 0};
            MailboxReader.read(box.account(), box.uidValidity(), box.lastUid(), (validity, batch) -> {
                if (!batch.isEmpty() || box.uidValidity() == null || box.uidValidity() != validity) {
                    long t = System.nanoTime();
                    stored[0] += ingest.store(box, POLLER, validity, batch);
                    stored[1] += System.nanoTime() - t;
                }
                return true;
            });
            mailboxes.succeeded(box.connectionId(), POLLER);
            if (stored[0] > 0) {
                long total = (System.nanoTime() - started) / 1_000_000;
                LOG.info(() -> "Mailbox " + box.connectionId() + ": " + stored[0] + " new messages in " + total + " ms ("
                        + stored[1] / 1_000_000 + " ms storing, the rest reading the mail server)");
            }
        } catch (Exception e) {
            boolean server = e instanceof MessagingException || e instanceof IOException;
            LOG.log(server ? Level.INFO : Level.WARNING, "Mailbox " + box.connectionId() + " could not be read", server ? null : e);
            try {
                mailboxes.failed(box.connectionId(), POLLER, server ? MailboxSettings.reason(e)
                        : "Some messages could not be stored; they are read again at the next try");
            } catch (RuntimeException again) {
                LOG.log(Level.WARNING, "Mailbox state could not be saved", again);
            }
        }
    }
}
