package com.smbhub.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smbhub.platform.errors.ProviderException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStoresTest {

    @TempDir
    Path dir;

    private FileStores stores(String chosen, String endpoint, String bucket) {
        FileStores stores = new FileStores();
        stores.directory = Optional.of(dir.toString());
        stores.chosen = chosen;
        stores.endpoint = Optional.ofNullable(endpoint);
        stores.bucket = Optional.ofNullable(bucket);
        stores.region = "us-east-1";
        stores.accessKey = Optional.of("key");
        stores.secretKey = Optional.of("secret");
        stores.pathStyle = true;
        stores.init();
        return stores;
    }

    @Test
    void localByDefault() {
        FileStores stores = stores("local", null, null);
        assertInstanceOf(LocalFileStore.class, stores.current());
        assertEquals(dir.resolve(".incoming"), stores.incoming());
        ProviderException gone = assertThrows(ProviderException.class, () -> stores.of("S3"));
        assertTrue(gone.getMessage().contains("no longer"));
    }

    @Test
    void s3WhenChosenAndFilesKeepTheirStore() {
        FileStores stores = stores("S3", "http://127.0.0.1:9000", "files");
        assertEquals("S3", stores.current().provider());
        assertEquals("S3", stores.of("S3").provider());
        assertEquals("LOCAL", stores.of("LOCAL").provider(), "files stored before the switch are still read locally");
    }

    @Test
    void aBrokenConfigurationRefusesUploadsWithTheReason() {
        assertTrue(assertThrows(ProviderException.class, () -> stores("s3", null, "files").current())
                .getMessage().contains("smbhub.files.s3.endpoint"));
        assertTrue(assertThrows(ProviderException.class, () -> stores("s3", "http://127.0.0.1:9000", null).current())
                .getMessage().contains("bucket"));
        assertTrue(assertThrows(ProviderException.class, () -> stores("dropbox", null, null).current())
                .getMessage().contains("local or s3"));
    }

    @Test
    void temporaryFilesAStoppedServerLeftAreDeletedAndNewOnesKept() throws Exception {
        FileStores stores = stores("local", null, null);
        assertEquals(0, stores.dropLeftBehind(), "no .incoming/ yet");
        Files.createDirectories(stores.incoming());
        Path left = Files.writeString(stores.incoming().resolve("export-1.zip"), "PK");
        Files.setLastModifiedTime(left, FileTime.from(Instant.now().minus(FileStores.LEFT_BEHIND).minusSeconds(60)));
        Path writing = Files.writeString(stores.incoming().resolve("import-2.zip"), "PK");
        Files.setLastModifiedTime(writing, FileTime.from(Instant.now().minus(FileStores.LEFT_BEHIND).plusSeconds(60)));
        Files.createDirectories(stores.incoming().resolve("sub"));
        assertEquals(1, stores.dropLeftBehind());
        assertFalse(Files.exists(left));
        assertTrue(Files.exists(writing), "a file still being written (younger than six hours) stays");
    }
}
