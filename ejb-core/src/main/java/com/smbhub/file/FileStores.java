package com.smbhub.file;

import com.smbhub.platform.errors.ProviderException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The installation's file stores: the local directory always (uploads in progress, and files kept
 * there before a move to S3), and an S3-compatible bucket when {@code smbhub.files.store=s3}. New
 * files go to the chosen one; each file is read back from the store recorded with it.
 */
@ApplicationScoped
public class FileStores {

    private static final Logger LOG = Logger.getLogger(FileStores.class.getName());
    /** How old a temporary file in {@link #incoming()} is when it is taken for one a stopped server left behind. */
    static final Duration LEFT_BEHIND = Duration.ofHours(6);

    @Inject @ConfigProperty(name = "smbhub.files.dir") Optional<String> directory;

    @Inject @ConfigProperty(name = "smbhub.files.store", defaultValue = "local") String chosen;

    @Inject @ConfigProperty(name = "smbhub.files.s3.endpoint") Optional<String> endpoint;

    @Inject @ConfigProperty(name = "smbhub.files.s3.bucket") Optional<String> bucket;

    @Inject @ConfigProperty(name = "smbhub.files.s3.region", defaultValue = "us-east-1") String region;

    @Inject @ConfigProperty(name = "smbhub.files.s3.access-key") Optional<String> accessKey;

    @Inject @ConfigProperty(name = "smbhub.files.s3.secret-key") Optional<String> secretKey;

    @Inject @ConfigProperty(name = "smbhub.files.s3.path-style", defaultValue = "true") boolean pathStyle;

    private Path root;
    private LocalFileStore local;
    private S3FileStore s3;
    private String s3Problem;

    @PostConstruct
    void init() {
        root = Path.of(directory.filter(d -> !d.isBlank()).orElseGet(() ->
                System.getProperty("com.sun.aas.instanceRoot", System.getProperty("java.io.tmpdir")) + "/smbhub-files"));
        local = new LocalFileStore(root);
        String store = chosen.trim().toLowerCase(Locale.ROOT);
        if (store.equals("s3")) {
            try {
                URI uri = URI.create(endpoint.filter(e -> !e.isBlank())
                        .orElseThrow(() -> new IllegalArgumentException("no smbhub.files.s3.endpoint")));
                if (uri.getScheme() == null || uri.getHost() == null) {
                    throw new IllegalArgumentException("smbhub.files.s3.endpoint is not a URL: " + uri);
                }
                s3 = new S3FileStore(new S3FileStore.Settings(uri, bucket.orElse(null), region,
                        accessKey.orElse(null), secretKey.orElse(null), pathStyle));
                LOG.info("files are stored in S3 bucket " + bucket.orElse("") + " at " + uri);
            } catch (IllegalArgumentException e) {
                s3Problem = e.getMessage();
                LOG.severe("files: S3 store not usable, uploads are refused: " + s3Problem);
            }
        } else if (!store.equals("local")) {
            s3Problem = "unknown smbhub.files.store '" + chosen + "' (local or s3)";
            LOG.severe("files: " + s3Problem);
        }
    }

    /** The store new files go to. */
    public FileStore current() {
        if (s3Problem != null) {
            throw new ProviderException("File storage is not configured: " + s3Problem);
        }
        return s3 != null ? s3 : local;
    }

    /** The store a file was written to (files.storage_provider). */
    public FileStore of(String provider) {
        if ("S3".equals(provider)) {
            if (s3 == null) {
                throw new ProviderException("This file is in S3 storage, which this installation no longer has");
            }
            return s3;
        }
        return local;
    }

    /** A new file's key: the business, the month it came in, a random id. */
    public static String newKey(String tenantId) {
        return tenantId + "/" + LocalDate.now(ZoneOffset.UTC).toString().substring(0, 7) + "/" + UUID.randomUUID();
    }

    /** Where uploads are written while they are checked, before they go to a store. */
    public Path incoming() {
        return root.resolve(".incoming");
    }

    /**
     * Deletes the temporary files in {@link #incoming()} older than {@link #LEFT_BEHIND} — an upload, an import or an
     * export a server was killed while writing (no upload or export takes that long, so another instance's file being
     * written is never one); answers how many went.
     */
    public int dropLeftBehind() {
        Instant before = Instant.now().minus(LEFT_BEHIND); // the file system's clock, not a business's
        int dropped = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(incoming())) {
            for (Path file : files) {
                if (Files.isRegularFile(file) && Files.getLastModifiedTime(file).toInstant().isBefore(before)) {
                    Files.deleteIfExists(file);
                    dropped++;
                }
            }
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException e) {
            LOG.warning("temporary files in " + incoming() + " not tidied: " + e.getMessage());
        }
        return dropped;
    }
}
