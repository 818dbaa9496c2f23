package com.smbhub.file;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MimeTypes;

/** Content-based type detection (Apache Tika) and the types a business may upload. */
public final class FileTypes {

    /** Accepted types and the words a user sees for them. */
    public static final Map<String, String> ALLOWED = Map.of(
            "application/pdf", "PDF",
            "image/jpeg", "JPEG image",
            "image/png", "PNG image",
            "image/gif", "GIF image",
            "image/webp", "WebP image",
            "image/heic", "HEIC photo",
            "text/plain", "text",
            "text/csv", "CSV");

    private static final MimeTypes DETECTOR = MimeTypes.getDefaultMimeTypes();

    private FileTypes() {
    }

    /**
     * The type read from the bytes alone; the name only tells CSV from other plain text. An
     * executable named "invoice.pdf" stays an executable, and unknown bytes stay unknown.
     */
    public static String detect(Path file, String fileName) throws IOException {
        String type;
        try (TikaInputStream in = TikaInputStream.get(file)) {
            type = DETECTOR.detect(in, new Metadata()).getBaseType().toString();
        }
        if (type.equals("text/plain") && fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".csv")) {
            return "text/csv";
        }
        return type;
    }

    public static boolean allowed(String mimeType) {
        return ALLOWED.containsKey(mimeType);
    }

    /** "PDF, JPEG image, …" for messages. */
    public static String allowedWords() {
        return String.join(", ", new TreeSet<>(ALLOWED.values()));
    }
}
