package com.smbhub.portal;

import com.smbhub.platform.tenancy.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** A client link to one document: 256 random bits of which only the SHA-256 is stored; revocable, may expire. */
@Entity
@Table(name = "portal_tokens")
public class PortalToken extends TenantOwned {

    @Column(name = "document_type")
    private String documentType;
    @Column(name = "document_id")
    private String documentId;
    private String recipient;
    @Column(name = "token_hash")
    private String tokenHash;
    @Column(name = "expires_at")
    private Instant expiresAt;
    @Column(name = "revoked_at")
    private Instant revokedAt;
    @Column(name = "last_used_at")
    private Instant lastUsedAt;
    @Column(name = "created_by")
    private String createdBy;

    protected PortalToken() {
    }

    public PortalToken(String documentType, String documentId, String recipient, String tokenHash, Instant expiresAt,
                       String createdBy) {
        this.documentType = documentType;
        this.documentId = documentId;
        this.recipient = recipient;
        this.tokenHash = tokenHash;
        this.expiresAt = expiresAt;
        this.createdBy = createdBy;
    }

    public String getDocumentType() { return documentType; }
    public String getDocumentId() { return documentId; }
    public Instant getRevokedAt() { return revokedAt; }
    void revoke(Instant at) { revokedAt = at; }
}
