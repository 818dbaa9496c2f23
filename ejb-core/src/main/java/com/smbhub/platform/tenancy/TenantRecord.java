package com.smbhub.platform.tenancy;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Version;
import java.time.Instant;

/** A tenant-owned, editable business record: audit columns, soft delete, optimistic locking. */
@MappedSuperclass
public abstract class TenantRecord extends TenantOwned {

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "created_by", updatable = false)
    private String createdBy;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    @Version
    @Column(name = "version")
    private long version;

    @PrePersist
    void stampCreate() {
        updatedAt = Instant.now();
        if (createdBy == null) {
            createdBy = RequestContext.current().map(RequestContext::userId).orElse("system");
        }
    }

    @PreUpdate
    void stampUpdate() {
        updatedAt = Instant.now();
    }

    public Instant getUpdatedAt() { return updatedAt; }
    public String getCreatedBy() { return createdBy; }
    public Instant getDeletedAt() { return deletedAt; }
    public void setDeletedAt(Instant deletedAt) { this.deletedAt = deletedAt; }
    public long getVersion() { return version; }
}
