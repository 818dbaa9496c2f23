package com.smbhub.tenant;

import com.smbhub.platform.security.Role;
import com.smbhub.platform.tenancy.TenantRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;

/** A user's membership in the current business, with its role. */
@Entity
@Table(name = "tenant_members")
public class TenantMember extends TenantRecord {

    @Column(name = "user_id")
    private String userId;
    @Enumerated(EnumType.STRING)
    private Role role;
    private String status = "ACTIVE";
    @Column(name = "last_seen_at")
    private Instant lastSeenAt;

    protected TenantMember() {
    }

    public TenantMember(String userId, Role role) {
        this.userId = userId;
        this.role = role;
    }

    public String getUserId() { return userId; }
    public Role getRole() { return role; }
    public void setRole(Role role) { this.role = role; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
}
