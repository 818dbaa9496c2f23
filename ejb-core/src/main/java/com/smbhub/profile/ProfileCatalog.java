package com.smbhub.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.smbhub.platform.errors.ValidationException;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Loads the shipped profiles (config/profiles) into the versioned profiles table at deployment,
 * each checked against the schema; a broken profile stops the deployment with the field named.
 * A changed profile must carry a new version number.
 */
@Singleton
@Startup
@DependsOn("Migrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ProfileCatalog {

    public static final List<String> SHIPPED = List.of("base", "general", "retail_pos");
    private static final Logger LOG = Logger.getLogger(ProfileCatalog.class.getName());

    @PersistenceContext(unitName = "smbhub") EntityManager em;

    private final Map<String, ProfileVersion> latest = new ConcurrentHashMap<>();

    @PostConstruct
    void load() {
        for (String name : SHIPPED) {
            JsonNode profile = ProfileSchema.shipped(name);
            String key = profile.get("profile_id").asText();
            int version = profile.get("version").asInt();
            if (!key.equals(name)) {
                throw new ValidationException("profile_id", "profiles/" + name + ".json says profile_id " + key);
            }
            ProfileVersion stored = find(key, version);
            if (stored == null) {
                em.persist(new ProfileVersion(key, version, profile.toString()));
                LOG.info(() -> "Profile " + key + " version " + version + " loaded");
            } else if (!parse(stored.getDefinition()).equals(profile)) {
                throw new IllegalStateException("Profile " + key + " version " + version
                        + " changed without a new version number; raise \"version\" in config/profiles/" + name + ".json");
            }
        }
        em.flush();
        for (ProfileVersion row : em.createQuery("select p from ProfileVersion p order by p.version", ProfileVersion.class)
                .getResultList()) {
            latest.put(row.getProfileKey(), row);
        }
    }

    /** The newest version of a profile, or empty for an unknown profile id. */
    public Optional<ProfileVersion> latest(String profileKey) {
        return Optional.ofNullable(latest.get(profileKey));
    }

    public List<String> profileIds() {
        return latest.keySet().stream().filter(k -> !k.equals("base")).sorted().toList();
    }

    private ProfileVersion find(String key, int version) {
        return em.createQuery("select p from ProfileVersion p where p.profileKey = :key and p.version = :version",
                        ProfileVersion.class)
                .setParameter("key", key).setParameter("version", version)
                .getResultStream().findFirst().orElse(null);
    }

    static JsonNode parse(String json) {
        try {
            return ProfileSchema.JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("Stored profile is not JSON", e);
        }
    }
}
