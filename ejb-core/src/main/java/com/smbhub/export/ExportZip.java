package com.smbhub.export;

import com.smbhub.platform.Jsonp;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** An export ZIP being written: one entry at a time, each entry's SHA-256 kept for the manifest written last. */
final class ExportZip {

    static final String MANIFEST = "manifest.json";

    private final ZipOutputStream zip;
    private final Map<String, String> sums = new TreeMap<>();
    private final JsonArrayBuilder missing = Jsonp.createArrayBuilder();
    private String open;
    private MessageDigest digest;

    ExportZip(ZipOutputStream zip) {
        this.zip = zip;
    }

    /** Starts entry {@code name}; write its bytes to the stream answered, then {@link #close} it (not the stream). */
    OutputStream entry(String name) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        open = name;
        digest = sha256();
        return new DigestOutputStream(new FilterOutputStream(zip) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() {
                // the ZIP stays open for the next entry
            }
        }, digest);
    }

    void close(OutputStream entry) throws IOException {
        entry.flush();
        zip.closeEntry();
        sums.put(open, HexFormat.of().formatHex(digest.digest()));
        open = null;
    }

    /** A stored file whose bytes could not be read: listed in the manifest instead. */
    void missing(String name) throws IOException {
        if (open != null) {
            zip.closeEntry();
            open = null;
        }
        missing.add(name);
    }

    /** Writes the manifest ({@code about} plus every entry's SHA-256) and closes the ZIP. */
    void finish(JsonObjectBuilder about) throws IOException {
        JsonObjectBuilder entries = Jsonp.createObjectBuilder();
        sums.forEach(entries::add);
        zip.putNextEntry(new ZipEntry(MANIFEST));
        zip.write(about.add("sha256", entries).add("missing_files", missing).build().toString().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.close();
    }

    /** A file name safe as the last part of a ZIP path (no directories, no control characters). */
    static String safeName(String name) {
        String clean = name == null ? "" : name.replaceAll("[\\\\/\\p{Cntrl}]", "_").replaceAll("^\\.+", "_");
        return clean.isBlank() ? "file" : clean.length() > 150 ? clean.substring(clean.length() - 150) : clean;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
