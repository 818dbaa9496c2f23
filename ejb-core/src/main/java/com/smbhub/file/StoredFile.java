package com.smbhub.file;

import com.smbhub.platform.tenancy.TenantRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** An uploaded file's record (PRD 2.1 "File"); the bytes live in the {@link FileStore} under {@code objectKey}. */
@Entity
@Table(name = "files")
public class StoredFile extends TenantRecord {

    @Column(name = "storage_provider")
    private String storageProvider;
    private String bucket;
    @Column(name = "object_key")
    private String objectKey;
    @Column(name = "file_name")
    private String fileName;
    @Column(name = "mime_type")
    private String mimeType;
    @Column(name = "size_bytes")
    private long sizeBytes;
    @Column(name = "checksum_sha256")
    private String checksumSha256;
    @Column(name = "linked_entity_type")
    private String linkedEntityType;
    @Column(name = "linked_entity_id")
    private String linkedEntityId;
    @Column(name = "uploaded_by")
    private String uploadedBy;

    protected StoredFile() {
    }

    public StoredFile(String storageProvider, String objectKey, String fileName, String mimeType, long sizeBytes,
               String checksumSha256, String linkedEntityType, String linkedEntityId, String uploadedBy) {
        this.storageProvider = storageProvider;
        this.objectKey = objectKey;
        this.fileName = fileName;
        this.mimeType = mimeType;
        this.sizeBytes = sizeBytes;
        this.checksumSha256 = checksumSha256;
        this.linkedEntityType = linkedEntityType;
        this.linkedEntityId = linkedEntityId;
        this.uploadedBy = uploadedBy;
    }

    public String getStorageProvider() { return storageProvider; }
    public String getBucket() { return bucket; }
    public String getObjectKey() { return objectKey; }
    public String getFileName() { return fileName; }
    public String getMimeType() { return mimeType; }
    public long getSizeBytes() { return sizeBytes; }
    public String getChecksumSha256() { return checksumSha256; }
    public String getLinkedEntityType() { return linkedEntityType; }
    public String getLinkedEntityId() { return linkedEntityId; }
    public String getUploadedBy() { return uploadedBy; }
}
