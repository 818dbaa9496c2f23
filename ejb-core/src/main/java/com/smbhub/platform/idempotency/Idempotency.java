package com.smbhub.platform.idempotency;

import com.smbhub.platform.errors.ConflictException;
import com.smbhub.platform.errors.ValidationException;
import jakarta.persistence.EntityManager;
import java.util.Optional;

/**
 * Idempotency-Key handling for creates (PRD 12.1), used inside the creating service's transaction:
 * a replay returns the object made the first time; the same key with another body is a conflict.
 * The unique (tenant, endpoint, key) constraint settles two concurrent first attempts.
 */
public final class Idempotency {

    private Idempotency() {
    }

    /** A valid key, or empty when the client sent none. */
    public record Key(String endpoint, String value, String requestHash) {
        public static Optional<Key> of(String endpoint, String value, String requestHash) {
            if (value == null || value.isBlank()) {
                return Optional.empty();
            }
            if (value.length() > 200 || !value.matches("[A-Za-z0-9._:-]+")) {
                throw new ValidationException("Idempotency-Key", "Use up to 200 letters, digits, '.', '_', ':' or '-'");
            }
            return Optional.of(new Key(endpoint, value, requestHash));
        }
    }

    /** The object a previous call with this key created, if any. */
    public static Optional<String> replay(EntityManager em, Key key) {
        return em.createQuery("select r from IdempotencyRecord r where r.endpoint = :endpoint and r.key = :key",
                        IdempotencyRecord.class)
                .setParameter("endpoint", key.endpoint()).setParameter("key", key.value())
                .getResultStream().findFirst()
                .map(r -> {
                    if (!r.getRequestHash().equals(key.requestHash())) {
                        throw new ConflictException("This Idempotency-Key was used with a different request", null);
                    }
                    return r.getObjectId();
                });
    }

    public static void remember(EntityManager em, Key key, String objectId) {
        em.persist(new IdempotencyRecord(key.endpoint(), key.value(), key.requestHash(), objectId));
    }
}
