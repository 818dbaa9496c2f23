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
import java.util.Arrays;
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

    /** What a read did: whether the server offers IDLE, and whether messages are left for another read. */
    public record Read(boolean idle, boolean more) {
    }

    /** Messages per stored batch (one transaction with the read position). */
    static final int BATCH = 50;
    static final int FETCH_MAX = 2_000;
    static final long FETCH_BYTES = 10L * 1024 * 1024;
    static final int READ_MAX = 10_000;
    static final long READ_BYTES = 50L * 1024 * 1024;
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
     * Reads the messages with a UID above {@code lastUid} (all of them when {@code knownValidity} is not the
     * folder's) and hands them over in batches of at most 50 — at most 10,000 messages or 50 MB on one
     * connection ({@code more} says the rest waits; read again at once from where the batches stopped).
     * Messages are asked for 2,000 (or 10 MB) to a FETCH, since a round trip costs more than a message.
     */
    public static Read read(Account account, Long knownValidity, long lastUid, Batches batches)
            throws MessagingException, IOException {
        return read(account, knownValidity, lastUid, batches, READ_MAX);
    }

    static Read read(Account account, Long knownValidity, long lastUid, Batches batches, int readMax)
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
                ids.add(FetchProfile.Item.SIZE);
                folder.fetch(found, ids);
                int share = take(found, 0, found.length, readMax, READ_BYTES);
                FetchProfile sources = new FetchProfile();
                FetchProfile.Item arrived = providerItem(folder, "INTERNALDATE");
                FetchProfile.Item whole = providerItem(folder, "MESSAGE");
                sources.add(arrived != null ? arrived : FetchProfile.Item.ENVELOPE);
                if (whole != null) {
                    sources.add(whole);
                }
                List<Fetched> batch = new ArrayList<>();
                for (int start = 0; start < share; ) {
                    int end = take(found, start, share, FETCH_MAX, FETCH_BYTES);
                    folder.fetch(Arrays.copyOfRange(found, start, end), sources);
                    for (int i = start; i < end; i++) {
                        Message m = found[i];
                        long uid = uids.getUID(m);
                        if (uid < from) {
                            continue; // "n:*" answers the last message even when no UID is above n
                        }
                        ByteArrayOutputStream raw = new ByteArrayOutputStream();
                        m.writeTo(raw);
                        java.util.Date received = m.getReceivedDate();
                        batch.add(new Fetched(uid, raw.toByteArray(), received == null ? Instant.now() : received.toInstant()));
                        if (batch.size() == BATCH) {
                            if (!batches.take(validity, batch)) {
                                return new Read(offersIdle(store), false);
                            }
                            batch = new ArrayList<>();
                        }
                    }
                    start = end;
                }
                if (!batch.isEmpty() && !batches.take(validity, batch)) {
                    return new Read(offersIdle(store), false);
                }
                if (knownValidity == null || knownValidity != validity) {
                    batches.take(validity, List.of()); // the new numbering is recorded even when the folder is empty
                }
                return new Read(offersIdle(store), share < found.length);
            } finally {
                folder.close(false);
            }
        } finally {
            store.close();
        }
    }

    /** The end of the run of messages from {@code start} holding at most {@code max} of them and {@code bytes} (at least one). */
    private static int take(Message[] found, int start, int limit, int max, long bytes) throws MessagingException {
        int end = start;
        long sum = 0;
        while (end < limit && end - start < max) {
            long size = Math.max(0, found[end].getSize());
            if (end > start && sum + size > bytes) {
                break;
            }
            sum += size;
            end++;
        }
        return end;
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
