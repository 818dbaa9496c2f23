package com.smbhub.platform.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** A sign-in identity (global table): memberships say which businesses it may work in. */
@Entity
@Table(name = "users")
public class User {

    @Id
    private String id = UUID.randomUUID().toString();
    private String email;
    @Column(name = "display_name")
    private String displayName;
    @Column(name = "password_hash")
    private String passwordHash;
    @Column(name = "platform_role")
    private String platformRole;
    private String status = "ACTIVE";
    @Column(name = "failed_logins")
    private int failedLogins;
    @Column(name = "locked_until")
    private Instant lockedUntil;
    @Column(name = "last_login_at")
    private Instant lastLoginAt;
    @Column(name = "email_verified_at")
    private Instant emailVerifiedAt;
    @Column(name = "credentials_changed_at")
    private Instant credentialsChangedAt;
    @Column(name = "created_at")
    private Instant createdAt = Instant.now();
    @Column(name = "updated_at")
    private Instant updatedAt = Instant.now();
    @Version
    private long version;

    protected User() {
    }

    /** The account of an address (any case), if there is one. */
    public static Optional<User> byEmail(EntityManager em, String email) {
        return em.createQuery("select u from User u where lower(u.email) = :email", User.class)
                .setParameter("email", email.trim().toLowerCase(Locale.ROOT)).getResultStream().findFirst();
    }

    public User(String email, String displayName, String passwordHash, String platformRole) {
        this.email = email;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.platformRole = platformRole;
    }

    /** Completes an invited account: its name and first password (the e-mailed invitation proved the address). */
    public void complete(String displayName, String passwordHash) {
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.updatedAt = Instant.now();
        verifyEmail(updatedAt);
    }

    public void verifyEmail(Instant now) {
        if (emailVerifiedAt == null) {
            emailVerifiedAt = now;
            updatedAt = now;
        }
    }

    /**
     * A new password: every session and API token begun before now stops working. Kept to the next whole
     * second, since tokens say when they were issued in whole seconds (a sign-in waits for it, see
     * IdentityService).
     */
    public void changePassword(String passwordHash, Instant now) {
        this.passwordHash = passwordHash;
        this.credentialsChangedAt = now.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        this.failedLogins = 0;
        this.lockedUntil = null;
        this.updatedAt = now;
    }

    public String getId() { return id; }
    public String getEmail() { return email; }
    public String getDisplayName() { return displayName; }
    public String getPasswordHash() { return passwordHash; }
    public String getPlatformRole() { return platformRole; }
    public String getStatus() { return status; }
    public Instant getEmailVerifiedAt() { return emailVerifiedAt; }
    public Instant getCredentialsChangedAt() { return credentialsChangedAt; }

    public void loginSucceeded(Instant now) {
        failedLogins = 0;
        lockedUntil = null;
        lastLoginAt = now;
        updatedAt = now;
    }
}
