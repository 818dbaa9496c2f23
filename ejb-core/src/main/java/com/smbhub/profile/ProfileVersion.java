package com.smbhub.profile;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One version of a shipped profile (global table; rows are never changed, a new version is added). */
@Entity
@Table(name = "profiles")
public class ProfileVersion {

    @Id
    private String id = UUID.randomUUID().toString();
    @Column(name = "profile_key")
    private String profileKey;
    private int version;
    private String definition;
    @Column(name = "created_at")
    private Instant createdAt = Instant.now();

    protected ProfileVersion() {
    }

    public ProfileVersion(String profileKey, int version, String definition) {
        this.profileKey = profileKey;
        this.version = version;
        this.definition = definition;
    }

    public String getProfileKey() { return profileKey; }
    public int getVersion() { return version; }
    public String getDefinition() { return definition; }
}
