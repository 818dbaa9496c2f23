package com.smbhub.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A single-use link e-mailed to a person (global table: it belongs to a user, not to a business). The
 * link carries 256 random bits; only their SHA-256 is stored, so the table alone opens nothing.
 */
@Entity
@Table(name = "account_links")
public class AccountLink {

    /** What a link is for, and how long it works. */
    public enum Purpose {
        VERIFY_EMAIL(Duration.ofDays(3)), RESET_PASSWORD(Duration.ofMinutes(30));

        final Duration lifetime;

        Purpose(Duration lifetime) {
            this.lifetime = lifetime;
        }
    }

    @Id
    private String id = UUID.randomUUID().toString();
    @Column(name = "user_id")
    private String userId;
    @Enumerated(EnumType.STRING)
    private Purpose purpose;
    @Column(name = "token_hash")
    private String tokenHash;
    @Column(name = "expires_at")
    private Instant expiresAt;
    @Column(name = "used_at")
    private Instant usedAt;
    @Column(name = "created_at")
    private Instant createdAt;

    protected AccountLink() {
    }

    AccountLink(String userId, Purpose purpose, String tokenHash, Instant now) {
        this.userId = userId;
        this.purpose = purpose;
        this.tokenHash = tokenHash;
        this.createdAt = now;
        this.expiresAt = now.plus(purpose.lifetime);
    }

    boolean usable(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }

    void use(Instant now) {
        usedAt = now;
    }

    String getId() { return id; }
    String getUserId() { return userId; }
    Purpose getPurpose() { return purpose; }
}
