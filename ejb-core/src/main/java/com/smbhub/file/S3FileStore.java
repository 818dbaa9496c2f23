package com.smbhub.file;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Files in a bucket of an S3-compatible object store (AWS S3, MinIO, Ceph, …): plain HTTPS requests
 * signed with AWS Signature Version 4. Path-style addressing ({@code endpoint/bucket/key}) unless
 * told to use virtual-hosted style ({@code bucket.endpoint/key}, as AWS prefers).
 */
public class S3FileStore implements FileStore {

    /** Where and as whom: the endpoint is the store's base URL, e.g. https://s3.eu-west-1.amazonaws.com. */
    public record Settings(URI endpoint, String bucket, String region, String accessKey, String secretKey,
                           boolean pathStyle) {
    }

    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final Pattern ERROR_CODE = Pattern.compile("<Code>([^<]*)</Code>");

    private final Settings settings;
    private final HttpClient http;

    public S3FileStore(Settings settings) {
        if (settings.bucket() == null || settings.bucket().isBlank()) {
            throw new IllegalArgumentException("S3 file store: no bucket");
        }
        if (settings.accessKey() == null || settings.secretKey() == null) {
            throw new IllegalArgumentException("S3 file store: no access key / secret key");
        }
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    @Override
    public String provider() {
        return "S3";
    }

    @Override
    public void put(String key, Path source) throws IOException {
        HttpResponse<InputStream> response = send("PUT", key, source);
        try (InputStream body = response.body()) {
            if (response.statusCode() / 100 != 2) {
                throw failure("PUT", key, response.statusCode(), body);
            }
        }
        Files.deleteIfExists(source);
    }

    @Override
    public InputStream open(String key) throws IOException {
        HttpResponse<InputStream> response = send("GET", key, null);
        if (response.statusCode() == 200) {
            return response.body();
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() == 404) {
                throw new FileNotFoundException("no object " + key);
            }
            throw failure("GET", key, response.statusCode(), body);
        }
    }

    @Override
    public void delete(String key) throws IOException {
        HttpResponse<InputStream> response = send("DELETE", key, null);
        try (InputStream body = response.body()) {
            if (response.statusCode() / 100 != 2 && response.statusCode() != 404) {
                throw failure("DELETE", key, response.statusCode(), body);
            }
        }
    }

    private HttpResponse<InputStream> send(String method, String key, Path payload) throws IOException {
        if (key.isEmpty() || key.startsWith("/") || key.contains("..") || !key.matches("[A-Za-z0-9/._-]+")) {
            throw new IllegalArgumentException("key outside the store");
        }
        URI endpoint = settings.endpoint();
        String host = endpoint.getHost() + (endpoint.getPort() == -1 ? "" : ":" + endpoint.getPort());
        String base = endpoint.getRawPath() == null ? "" : endpoint.getRawPath().replaceAll("/+$", "");
        String path;
        if (settings.pathStyle()) {
            path = base + "/" + encode(settings.bucket()) + "/" + encode(key);
        } else {
            host = settings.bucket() + "." + host;
            path = base + "/" + encode(key);
        }
        String payloadHash = payload == null ? EMPTY_SHA256 : sha256(payload);
        String stamp = ZonedDateTime.now(ZoneOffset.UTC).format(STAMP);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint.getScheme() + "://" + host + path))
                .timeout(Duration.ofSeconds(60))
                .header("x-amz-content-sha256", payloadHash)
                .header("x-amz-date", stamp)
                .header("Authorization", authorization(method, host, path, payloadHash, stamp))
                .method(method, payload == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofFile(payload));
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** AWS Signature Version 4 over host, x-amz-content-sha256 and x-amz-date. */
    String authorization(String method, String host, String path, String payloadHash, String stamp) {
        String date = stamp.substring(0, 8);
        String scope = date + "/" + settings.region() + "/s3/aws4_request";
        String signedHeaders = "host;x-amz-content-sha256;x-amz-date";
        String canonical = method + "\n" + path + "\n\n"
                + "host:" + host + "\n" + "x-amz-content-sha256:" + payloadHash + "\n" + "x-amz-date:" + stamp + "\n\n"
                + signedHeaders + "\n" + payloadHash;
        String toSign = "AWS4-HMAC-SHA256\n" + stamp + "\n" + scope + "\n"
                + HexFormat.of().formatHex(digest(canonical.getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + settings.secretKey()).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, settings.region());
        key = hmac(key, "s3");
        key = hmac(key, "aws4_request");
        return "AWS4-HMAC-SHA256 Credential=" + settings.accessKey() + "/" + scope + ", SignedHeaders=" + signedHeaders
                + ", Signature=" + HexFormat.of().formatHex(hmac(key, toSign));
    }

    private IOException failure(String method, String key, int status, InputStream body) throws IOException {
        String text = new String(body.readNBytes(4096), StandardCharsets.UTF_8);
        Matcher code = ERROR_CODE.matcher(text);
        return new IOException("object store refused " + method + " " + key + ": HTTP " + status
                + (code.find() ? " " + code.group(1) : ""));
    }

    /** URI-encodes each path segment as SigV4 wants: unreserved characters and '/' stay. */
    static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~' || c == '/') {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest sha = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                sha.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static byte[] digest(byte[] data) {
        return sha256().digest(data);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
