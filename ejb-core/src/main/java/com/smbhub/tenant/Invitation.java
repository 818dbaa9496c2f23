package com.smbhub.tenant;

import com.smbhub.platform.security.Role;
import com.smbhub.platform.tenancy.TenantRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;

/** An invitation to join the business; the link carries a token of which only the hash is stored. */
@Entity
@Table(name = "invitations")
public class Invitation extends TenantRecord {

    @Column(name = "member_id")
    private String memberId;
    private String email;
    @Enumerated(EnumType.STRING)
    private Role role;
    @Column(name = "token_hash")
    private String tokenHash;
    @Column(name = "expires_at")
    private Instant expiresAt;
    @Column(name = "accepted_at")
    private Instant acceptedAt;
    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected Invitation() {
    }

    public Invitation(String memberId, String email, Role role, String tokenHash, Instant expiresAt) {
        this.memberId = memberId;
        this.email = email;
        this.role = role;
        this.tokenHash = tokenHash;
        this.expiresAt = expiresAt;
    }

    public String getMemberId() { return memberId; }
    public String getEmail() { return email; }
    public Role getRole() { return role; }
    public Instant getExpiresAt() { return expiresAt; }
    public Instant getAcceptedAt() { return acceptedAt; }
    public Instant getRevokedAt() { return revokedAt; }
    void revoke(Instant at) { revokedAt = at; }
}
