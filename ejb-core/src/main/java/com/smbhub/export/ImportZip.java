package com.smbhub.export;

import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.Jsonp;
import com.smbhub.tenant.Tenant;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * An export ZIP brought back (issue 16), checked before anything is written: it is an SMB Hub export of the format
 * this server reads, every entry the manifest lists is there with the same SHA-256, and nothing else is. Every
 * refusal is a {@link ValidationException} on field {@code file} that says why in words.
 */
final class ImportZip implements Closeable {

    private static final String FORMAT = "smbhub-export";

    private final ZipFile zip;
    private final JsonObject manifest;
    /** A stored file's ZIP entry by the file's id (the entries are {@code files/<id>/<name>}). */
    private final Map<String, String> files = new HashMap<>();

    private ImportZip(ZipFile zip, JsonObject manifest) {
        this.zip = zip;
        this.manifest = manifest;
    }

    /** Opens and checks {@code path}; closes it again when it is refused. */
    static ImportZip open(Path path) {
        ZipFile zip;
        try {
            zip = new ZipFile(path.toFile(), StandardCharsets.UTF_8);
        } catch (ZipException e) {
            throw refused("This is not a ZIP file, or it is damaged");
        } catch (IOException e) {
            throw refused("The file could not be read; upload it again");
        }
        try {
            ImportZip checked = new ImportZip(zip, manifest(zip));
            checked.verify();
            return checked;
        } catch (RuntimeException e) {
            closeQuietly(zip);
            throw e;
        }
    }

    /** The id of the business the export was made of. */
    String businessId() {
        return text(manifest, "business_id");
    }

    /** The exported business's time zone, currency and profile, as the manifest names them (an older export: none). */
    Optional<Business> business() {
        if (!(manifest.get("business") instanceof JsonObject b)) {
            return Optional.empty();
        }
        Map<String, String> details = new HashMap<>();
        if (b.get("details") instanceof JsonObject d) {
            d.keySet().forEach(key -> details.put(key, text(d, key)));
        }
        return Optional.of(new Business(text(b, "timezone"), text(b, "currency"), text(b, "profile_id"), details,
                b.get("options") instanceof JsonObject o ? options(o) : null));
    }

    /**
     * {@code details}: what the business printed on its documents, by field (an older export: none); {@code options}:
     * its switches (an older export: null).
     */
    record Business(String timezone, String currency, String profileId, Map<String, String> details, Tenant.Options options) {
    }

    private static Tenant.Options options(JsonObject o) {
        for (String name : List.of("payment_mail", "receipt_mail", "ai_auto_draft")) {
            if (!(o.get(name) == JsonValue.TRUE || o.get(name) == JsonValue.FALSE)) {
                throw refused("The export's business options are not readable; the ZIP is damaged");
            }
        }
        JsonValue at = o.get("ai_auto_apply_at");
        if (at != null && at != JsonValue.NULL && !(at instanceof JsonNumber)) {
            throw refused("The export's business options are not readable; the ZIP is damaged");
        }
        return new Tenant.Options(o.getBoolean("payment_mail"), o.getBoolean("receipt_mail"), o.getBoolean("ai_auto_draft"),
                at instanceof JsonNumber n ? n.bigDecimalValue() : null);
    }

    String schemaVersion() {
        return text(manifest, "schema_version");
    }

    /** Rows per table as the manifest counts them. */
    long rows(String table) {
        JsonObject rows = manifest.getJsonObject("rows");
        return rows.containsKey(table) && rows.get(table) instanceof JsonNumber n ? n.longValue() : 0;
    }

    /** The JSON lines of {@code table}, one row per line (an export without the table reads as none). */
    BufferedReader lines(String table) throws IOException {
        ZipEntry entry = zip.getEntry(table + ".jsonl");
        InputStream in = entry == null ? InputStream.nullInputStream() : zip.getInputStream(entry);
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    /** The bytes of stored file {@code fileId}, or null when the export has none (deleted, or listed as missing). */
    InputStream file(String fileId) throws IOException {
        String name = files.get(fileId);
        return name == null ? null : zip.getInputStream(zip.getEntry(name));
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    private static JsonObject manifest(ZipFile zip) {
        ZipEntry entry = zip.getEntry(ExportZip.MANIFEST);
        if (entry == null) {
            throw refused("This ZIP is not an SMB Hub export (it has no " + ExportZip.MANIFEST + ")");
        }
        JsonObject manifest;
        try (JsonReader reader = Jsonp.createReader(new InputStreamReader(zip.getInputStream(entry), StandardCharsets.UTF_8))) {
            manifest = reader.readObject();
        } catch (IOException | JsonException | IllegalStateException e) {
            throw refused("The export's " + ExportZip.MANIFEST + " cannot be read; the ZIP is damaged");
        }
        if (!FORMAT.equals(text(manifest, "format"))) {
            throw refused("This ZIP is not an SMB Hub export");
        }
        if (!(manifest.get("format_version") instanceof JsonNumber version) || version.intValue() != 1) {
            throw refused("This export was made in a format this server does not read (format "
                    + manifest.get("format_version") + "; this server reads format 1)");
        }
        if (text(manifest, "business_id") == null || text(manifest, "schema_version") == null
                || !(manifest.get("sha256") instanceof JsonObject) || !(manifest.get("rows") instanceof JsonObject)) {
            throw refused("The export's " + ExportZip.MANIFEST + " is incomplete; the ZIP is damaged");
        }
        return manifest;
    }

    /** Every entry read once: the manifest's checksums must match, and the ZIP may hold nothing the manifest does not list. */
    private void verify() {
        Map<String, String> expected = new HashMap<>();
        manifest.getJsonObject("sha256").forEach((name, sum) -> expected.put(name, sum instanceof JsonString s ? s.getString() : ""));
        for (ZipEntry entry : Collections.list(zip.entries())) {
            String name = entry.getName();
            if (name.equals(ExportZip.MANIFEST) || entry.isDirectory()) {
                continue;
            }
            String sum = expected.remove(name);
            if (sum == null) {
                throw refused("The export holds " + name + ", which its manifest does not list; it was changed after it was made");
            }
            if (!sum.equalsIgnoreCase(sha256(entry))) {
                throw refused("The export's " + name + " does not match its checksum; the ZIP is damaged or was changed");
            }
            if (name.startsWith("files/")) {
                String[] parts = name.split("/", 3);
                if (parts.length == 3) {
                    files.put(parts[1], name);
                }
            }
        }
        if (!expected.isEmpty()) {
            throw refused("The export is missing " + expected.keySet().iterator().next() + "; the ZIP is incomplete");
        }
    }

    private String sha256(ZipEntry entry) {
        try (DigestInputStream in = new DigestInputStream(zip.getInputStream(entry), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (IOException e) {
            throw refused("The export's " + entry.getName() + " cannot be read; the ZIP is damaged");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(JsonObject object, String key) {
        JsonValue value = object.get(key);
        return value instanceof JsonString s ? s.getString() : null;
    }

    static ValidationException refused(String why) {
        return new ValidationException("file", why);
    }

    private static void closeQuietly(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException ignored) {
            // refused anyway
        }
    }
}
