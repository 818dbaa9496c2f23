package com.smbhub.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The S3 store against a real S3-compatible server (S3Proxy, which checks every SigV4 signature). */
class S3FileStoreTest {

    private static final String BUCKET = "smbhub-files";
    private static final String SECRET = "local-secret-" + UUID.randomUUID();

    @TempDir
    static Path work;

    static Process server;
    static URI endpoint;

    @BeforeAll
    static void startServer() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        endpoint = URI.create("http://127.0.0.1:" + port);
        Files.createDirectories(work.resolve("objects").resolve(BUCKET));
        Path conf = Files.writeString(work.resolve("s3proxy.conf"), String.join("\n",
                "s3proxy.endpoint=" + endpoint, "s3proxy.authorization=aws-v2-or-v4", "s3proxy.identity=local-access",
                "s3proxy.credential=" + SECRET, "jclouds.provider=filesystem",
                "jclouds.filesystem.basedir=" + work.resolve("objects")));
        Path jar = Path.of("target/test-tools/s3proxy.jar");
        assertTrue(Files.exists(jar), "S3Proxy is copied by the build (maven-dependency-plugin)");
        server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m",
                "-jar", jar.toString(), "--properties", conf.toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("s3proxy.log").toFile()).start();
        long deadline = System.currentTimeMillis() + 60_000;
        while (true) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                if (System.currentTimeMillis() > deadline || !server.isAlive()) {
                    throw new IllegalStateException("S3Proxy did not start: " + Files.readString(work.resolve("s3proxy.log")));
                }
                Thread.sleep(200);
            }
        }
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.destroy();
        }
    }

    private static S3FileStore store(String secret) {
        return new S3FileStore(new S3FileStore.Settings(endpoint, BUCKET, "us-east-1", "local-access", secret, true));
    }

    private static Path upload(byte[] content) throws IOException {
        return Files.write(Files.createTempFile(work, "upload-", ".part"), content);
    }

    private static String key() {
        return UUID.randomUUID() + "/2026-11/" + UUID.randomUUID();
    }

    @Test
    void storesReadsAndDeletesAnObject() throws Exception {
        byte[] content = new byte[1_500_000];
        new Random(7).nextBytes(content);
        Path source = upload(content);
        String key = key();
        S3FileStore store = store(SECRET);
        store.put(key, source);
        assertFalse(Files.exists(source), "the checked upload is removed once stored");
        assertTrue(Files.exists(work.resolve("objects").resolve(BUCKET).resolve(key)), "the server holds the object");
        try (InputStream in = store.open(key)) {
            assertArrayEquals(content, in.readAllBytes());
        }
        store.delete(key);
        assertThrows(FileNotFoundException.class, () -> store.open(key));
        store.delete(key); // deleting what is gone is fine
    }

    @Test
    void aMissingObjectIsNotFound() {
        assertThrows(FileNotFoundException.class, () -> store(SECRET).open(key()));
    }

    @Test
    void aWrongSecretIsRefusedAndNothingIsStored() throws Exception {
        String key = key();
        Path source = upload("hello".getBytes());
        IOException refused = assertThrows(IOException.class, () -> store("not-the-secret").put(key, source));
        assertTrue(refused.getMessage().contains("403"), refused.getMessage());
        assertTrue(Files.exists(source), "the upload stays for the caller to clean up");
        assertThrows(FileNotFoundException.class, () -> store(SECRET).open(key));
    }

    @Test
    void keysOutsideTheNamingSchemeAreRefused() {
        S3FileStore store = store(SECRET);
        assertThrows(IllegalArgumentException.class, () -> store.open("../other-bucket/x"));
        assertThrows(IllegalArgumentException.class, () -> store.open("/absolute"));
        assertThrows(IllegalArgumentException.class, () -> store.open("a b?c"));
    }

    @Test
    void aServerThatIsNotThereIsAnIoError() {
        S3FileStore gone = new S3FileStore(new S3FileStore.Settings(URI.create("http://127.0.0.1:1"), BUCKET,
                "us-east-1", "local-access", SECRET, true));
        assertThrows(IOException.class, () -> gone.open(key()));
    }
}
