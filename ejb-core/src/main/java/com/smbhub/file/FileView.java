package com.smbhub.file;

import java.io.Serializable;
import java.time.Instant;

/** What callers see of a stored file (never its storage key). */
public record FileView(String id, String fileName, String mimeType, long sizeBytes, String sha256,
                       String linkedType, String linkedId, String uploadedBy, Instant createdAt) implements Serializable {
}
