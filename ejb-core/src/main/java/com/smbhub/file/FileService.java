package com.smbhub.file;

import com.smbhub.contact.ContactService;
import com.smbhub.expense.ExpenseService;
import com.smbhub.inbox.InboxService;
import com.smbhub.platform.Ids;
import com.smbhub.platform.analytics.Analytics;
import com.smbhub.platform.audit.AuditService;
import com.smbhub.platform.errors.NotFoundException;
import com.smbhub.platform.errors.ProviderException;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.security.Access;
import com.smbhub.platform.security.Capability;
import com.smbhub.platform.security.PermissionDeniedException;
import com.smbhub.platform.tenancy.RequestContext;
import com.smbhub.platform.tenancy.TenantScoped;
import com.smbhub.profile.ProfileService;
import com.smbhub.workitem.WorkItemService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Files attached to work items and contacts: checked (size, type read from the content, SHA-256),
 * stored under generated keys, listed and opened only by callers who may see what they belong to.
 */
@Stateless
@TenantScoped
public class FileService {

    private static final Logger LOG = Logger.getLogger(FileService.class.getName());

    public static final Set<String> LINKABLE = Set.of("WORK_ITEM", "CONTACT", "EXPENSE");

    @PersistenceContext(unitName = "smbhub") EntityManager em;

    @EJB WorkItemService work;

    @EJB ContactService contacts;

    @EJB InboxService inbox;

    @EJB ExpenseService expenses;

    @EJB AuditService audit;

    @EJB Access access;

    @EJB ProfileService profiles;

    @Inject @ConfigProperty(name = "smbhub.files.max-bytes", defaultValue = "26214400") long maxBytes;

    @Inject FileStores stores;

    /** An open download: the file's record and its bytes (the caller closes the stream). */
    public record Download(FileView file, InputStream content) {
    }

    public long maxBytes() {
        return maxBytes;
    }

    public FileView attach(String linkedType, String linkedId, String fileName, InputStream content) {
        requireLinked(linkedType, linkedId, true);
        StoredFile file = store(linkedType, linkedId, fileName, content, me());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("file_id", file.getId());
        after.put("file_name", file.getFileName());
        after.put("mime_type", file.getMimeType());
        after.put("size_bytes", file.getSizeBytes());
        audit.record("file.attached", entity(linkedType), linkedId, null, after);
        Analytics.record(em, "file.uploaded", profiles.effective().profileId(), "manual", Map.of("file_id", file.getId(),
                "linked_type", linkedType, "mime_type", file.getMimeType(), "size_bytes", file.getSizeBytes()));
        return view(file);
    }

    /**
     * A file that came with an incoming message, kept without a caller (the inbox's ingest); empty when
     * its kind is not accepted or it is empty or too large (the message says how many files it had).
     */
    public Optional<FileView> keepFromMessage(String messageId, String fileName, byte[] content) {
        try {
            return Optional.of(view(store("MESSAGE", messageId, fileName, new ByteArrayInputStream(content), null)));
        } catch (ValidationException e) {
            return Optional.empty();
        }
    }

    private StoredFile store(String linkedType, String linkedId, String fileName, InputStream content, String uploadedBy) {
        String name = cleanName(fileName);
        Path upload = null;
        try {
            Files.createDirectories(stores.incoming());
            upload = Files.createTempFile(stores.incoming(), "upload-", ".part");
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            long size;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(upload), sha256)) {
                size = copyAtMost(content, out, maxBytes);
            }
            if (size < 0) {
                throw new ValidationException("file", "Larger than the limit of " + megabytes(maxBytes));
            }
            if (size == 0) {
                throw new ValidationException("file", "The file is empty");
            }
            String type = FileTypes.detect(upload, name);
            if (!FileTypes.allowed(type)) {
                throw new ValidationException("file", "This kind of file (" + type + ") is not accepted. Accepted: "
                        + FileTypes.allowedWords());
            }
            String key = FileStores.newKey(tenant());
            FileStore store = stores.current();
            StoredFile file = new StoredFile(store.provider(), key, name, type, size,
                    HexFormat.of().formatHex(sha256.digest()), linkedType, linkedId, uploadedBy);
            store.put(key, upload);
            try {
                em.persist(file);
                em.flush();
            } catch (RuntimeException e) {
                store.delete(key);
                throw e;
            }
            return file;
        } catch (IOException e) {
            // a full disk or a broken store while the upload was written: its part file goes below, nothing is kept
            LOG.warning("an upload could not be stored: " + e);
            throw new ProviderException("File storage did not take the file; try again later");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            if (upload != null) {
                try {
                    Files.deleteIfExists(upload);
                } catch (IOException ignored) {
                    // a leftover part file is harmless
                }
            }
        }
    }

    /** The files of a work item or contact the caller may see, newest first. */
    public List<FileView> list(String linkedType, String linkedId) {
        requireLinked(linkedType, linkedId, false);
        return em.createQuery("select f from StoredFile f where f.linkedEntityType = :type and f.linkedEntityId = :id"
                        + " and f.deletedAt is null order by f.createdAt desc", StoredFile.class)
                .setParameter("type", linkedType).setParameter("id", linkedId)
                .setMaxResults(500).getResultStream().map(FileService::view).toList();
    }

    /** The file's record, if the caller may see what it is attached to. */
    public FileView get(String id) {
        StoredFile file = find(id);
        requireLinked(file.getLinkedEntityType(), file.getLinkedEntityId(), false);
        return view(file);
    }

    public Download open(String id) {
        StoredFile file = find(id);
        requireLinked(file.getLinkedEntityType(), file.getLinkedEntityId(), false);
        try {
            return new Download(view(file), stores.of(file.getStorageProvider()).open(file.getObjectKey()));
        } catch (FileNotFoundException | NoSuchFileException e) {
            throw new NotFoundException("file");
        } catch (IOException e) {
            LOG.warning("file store did not return " + file.getObjectKey() + ": " + e.getMessage());
            throw new ProviderException("File storage did not return the file; try again later");
        }
    }

    /** Removes the file from its item (soft delete; the bytes stay for the retention period). */
    public void remove(String id) {
        StoredFile file = find(id);
        requireLinked(file.getLinkedEntityType(), file.getLinkedEntityId(), true);
        file.setDeletedAt(Instant.now());
        audit.record("file.removed", entity(file.getLinkedEntityType()), file.getLinkedEntityId(),
                Map.of("file_id", file.getId(), "file_name", file.getFileName()), null);
    }

    private StoredFile find(String id) {
        StoredFile file = Ids.isId(id) ? em.find(StoredFile.class, id) : null;
        if (file == null || file.getDeletedAt() != null) {
            throw new NotFoundException("file");
        }
        return file;
    }

    /** The files of messages the caller was shown already (the inbox asks, after its own check), by message. */
    public Map<String, List<FileView>> ofMessages(List<String> messageIds) {
        Map<String, List<FileView>> files = new LinkedHashMap<>();
        if (!messageIds.isEmpty()) {
            em.createQuery("select f from StoredFile f where f.linkedEntityType = 'MESSAGE' and f.linkedEntityId in :ids"
                            + " and f.deletedAt is null order by f.createdAt", StoredFile.class).setParameter("ids", messageIds)
                    .getResultStream().forEach(f -> files.computeIfAbsent(f.getLinkedEntityId(), k -> new ArrayList<>()).add(view(f)));
        }
        return files;
    }

    /** Reading needs read access to the linked item; changing needs the right to edit it. A message's files are read only. */
    private void requireLinked(String type, String id, boolean change) {
        if ("MESSAGE".equals(type) && !change) {
            inbox.requireMessage(id);
            return;
        }
        if (type == null || !LINKABLE.contains(type)) {
            throw new ValidationException("linked_type", "One of WORK_ITEM, CONTACT, EXPENSE");
        }
        Capability write = switch (type) {
            case "WORK_ITEM" -> Capability.WORK_WRITE;
            case "EXPENSE" -> Capability.EXPENSES_WRITE;
            default -> Capability.CONTACTS_WRITE;
        };
        if (change) {
            access.require(write);
        }
        List<String> actions = switch (type) {
            case "WORK_ITEM" -> work.get(id).allowedActions();
            case "EXPENSE" -> expenses.get(id).allowedActions().stream().map(a -> a.equals("edit") ? "update" : a).toList();
            default -> contacts.get(id).allowedActions();
        };
        if (change && !actions.contains("update")) {
            throw new PermissionDeniedException(write);
        }
    }

    private static long copyAtMost(InputStream in, OutputStream out, long limit) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer)) >= 0; ) {
            total += n;
            if (total > limit) {
                return -1;
            }
            out.write(buffer, 0, n);
        }
        return total;
    }

    static String cleanName(String fileName) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").trim();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            name = "file";
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    private static String megabytes(long bytes) {
        return (bytes / (1024 * 1024)) + " MB";
    }

    private static String entity(String linkedType) {
        return linkedType.toLowerCase(Locale.ROOT);
    }

    static FileView view(StoredFile f) {
        return new FileView(f.getId(), f.getFileName(), f.getMimeType(), f.getSizeBytes(), f.getChecksumSha256(),
                f.getLinkedEntityType(), f.getLinkedEntityId(), f.getUploadedBy(), f.getCreatedAt());
    }

    private static String tenant() {
        return RequestContext.current().orElseThrow().tenantId();
    }

    private static String me() {
        return RequestContext.current().orElseThrow().userId();
    }
}
