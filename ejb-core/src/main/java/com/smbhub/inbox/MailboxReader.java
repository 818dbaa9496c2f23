package com.smbhub.inbox;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Reads a business's mailbox over IMAP with Jakarta Mail: the messages after the last UID taken, in
 * UID order and in batches, without marking them read. UIDVALIDITY tells when the server renumbered
 * the folder (then everything is read again; the Message-ID keeps each message once).
 */
public final class MailboxReader {

    /** How to reach a mailbox; {@code security} is SSL (usually port 993), STARTTLS or NONE. */
    public record Account(String host, int port, String security, String username, String password, String folder) {
    }

    /** One message as the server keeps it. */
    public record Fetched(long uid, byte[] raw, Instant receivedAt) {
    }

    /** Takes each batch; returns false to stop reading (the rest waits for the next poll). */
    public interface Batches {
        boolean take(long uidValidity, List<Fetched> batch);
    }

    static final int BATCH = 50;
    static final int IDLE_TIMEOUT_SECONDS = 180;

    private MailboxReader() {
    }

    /** Opens the folder and counts its messages: the "Test connection" answer. */
    public static int count(Account account) throws MessagingException {
        Store store = connect(account, false);
        try {
            Folder folder = store.getFolder(account.folder());
            folder.open(Folder.READ_ONLY);
            try {
                return folder.getMessageCount();
            } finally {
                folder.close(false);
            }
        } finally {
            store.close();
        }
    }

    /**
     * Reads every message with a UID above {@code lastUid} (all of them when {@code knownValidity} is not
     * the folder's) and hands them over in batches of at most 50. Returns whether the server offers IDLE.
     */
    public static boolean read(Account account, Long knownValidity, long lastUid, Batches batches)
            throws MessagingException, IOException {
        Store store = connect(account, false);
        try {
            Folder folder = store.getFolder(account.folder());
            folder.open(Folder.READ_ONLY);
            try {
                UIDFolder uids = (UIDFolder) folder;
                long validity = uids.getUIDValidity();
                long from = knownValidity != null && knownValidity == validity ? lastUid + 1 : 1;
                Message[] found = uids.getMessagesByUID(from, UIDFolder.LASTUID);
                FetchProfile ids = new FetchProfile();
                ids.add(UIDFolder.FetchProfileItem.UID);
                folder.fetch(found, ids);
                FetchProfile.Item whole = providerItem(folder, "MESSAGE");
                FetchProfile.Item arrived = providerItem(folder, "INTERNALDATE");
                for (int start = 0; start < found.length; start += BATCH) {
                    Message[] chunk = java.util.Arrays.copyOfRange(found, start, Math.min(found.length, start + BATCH));
                    // one round trip for the batch's sources and arrival times instead of one per message
                    FetchProfile sources = new FetchProfile();
                    sources.add(arrived != null ? arrived : FetchProfile.Item.ENVELOPE);
                    if (whole != null) {
                        sources.add(whole);
                    }
                    folder.fetch(chunk, sources);
                    List<Fetched> batch = new ArrayList<>();
                    for (Message m : chunk) {
                        long uid = uids.getUID(m);
                        if (uid < from) {
                            continue; // "n:*" answers the last message even when no UID is above n
                        }
                        ByteArrayOutputStream raw = new ByteArrayOutputStream();
                        m.writeTo(raw);
                        java.util.Date received = m.getReceivedDate();
                        batch.add(new Fetched(uid, raw.toByteArray(), received == null ? Instant.now() : received.toInstant()));
                    }
                    if (!batch.isEmpty() && !batches.take(validity, batch)) {
                        return offersIdle(store);
                    }
                }
                if (knownValidity == null || knownValidity != validity) {
                    batches.take(validity, List.of()); // the new numbering is recorded even when the folder is empty
                }
                return offersIdle(store);
            } finally {
                folder.close(false);
            }
        } finally {
            store.close();
        }
    }

    /**
     * One of the IMAP provider's own fetch items ({@code MESSAGE}: the whole source; {@code INTERNALDATE}: the
     * arrival time alone), found by name so no provider class is compiled against; null when there is none.
     */
    static FetchProfile.Item providerItem(Folder folder, String name) {
        for (Class<?> k = folder.getClass(); k != null; k = k.getSuperclass()) {
            for (Class<?> inner : k.getDeclaredClasses()) {
                if (inner.getSimpleName().equals("FetchProfileItem")) {
                    try {
                        return (FetchProfile.Item) inner.getField(name).get(null);
                    } catch (ReflectiveOperationException | ClassCastException e) {
                        return null;
                    }
                }
            }
        }
        return null;
    }

    /** Whether the server announced IDLE (asked through the IMAP provider's own store, by name). */
    static boolean offersIdle(Store store) {
        try {
            return (Boolean) store.getClass().getMethod("hasCapability", String.class).invoke(store, "IDLE");
        } catch (ReflectiveOperationException | ClassCastException e) {
            return false;
        }
    }

    /**
     * A connected store; one that will IDLE waits up to {@link #IDLE_TIMEOUT_SECONDS} for the server (the
     * watcher renews its IDLE well within that), every other one 30 seconds.
     */
    static Store connect(Account a, boolean idle) throws MessagingException {
        boolean ssl = "SSL".equals(a.security());
        String protocol = ssl ? "imaps" : "imap";
        Properties p = new Properties();
        p.put("mail.store.protocol", protocol);
        p.put("mail." + protocol + ".connectiontimeout", "10000");
        p.put("mail." + protocol + ".timeout", idle ? String.valueOf(IDLE_TIMEOUT_SECONDS * 1000) : "30000");
        p.put("mail." + protocol + ".writetimeout", "30000");
        p.put("mail." + protocol + ".peek", "true");
        p.put("mail." + protocol + ".partialfetch", "false");
        if ("STARTTLS".equals(a.security())) {
            p.put("mail.imap.starttls.enable", "true");
            p.put("mail.imap.starttls.required", "true");
        }
        if (ssl) {
            p.put("mail.imaps.ssl.checkserveridentity", "true");
        }
        Store store = Session.getInstance(p).getStore(protocol);
        store.connect(a.host(), a.port(), a.username(), a.password());
        return store;
    }
}
