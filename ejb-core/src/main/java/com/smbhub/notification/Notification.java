package com.smbhub.notification;

import com.smbhub.platform.tenancy.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** Something the business should know, shown in the back office until someone marks it read. */
@Entity
@Table(name = "notifications")
public class Notification extends TenantOwned {

    private String kind;
    private String title;
    @Column(name = "entity_type")
    private String entityType;
    @Column(name = "entity_id")
    private String entityId;
    @Column(name = "read_at")
    private Instant readAt;

    protected Notification() {
    }

    public Notification(String kind, String title, String entityType, String entityId) {
        this.kind = kind;
        this.title = title;
        this.entityType = entityType;
        this.entityId = entityId;
    }

    void markRead(Instant at) {
        if (readAt == null) {
            readAt = at;
        }
    }

    public String getKind() { return kind; }
    public String getTitle() { return title; }
    public String getEntityType() { return entityType; }
    public String getEntityId() { return entityId; }
    public Instant getReadAt() { return readAt; }
}
