package com.smbhub.platform.security;

import com.smbhub.platform.Ids;
import com.smbhub.platform.audit.AuditService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sign-in and membership look-ups. Runs before a business is chosen, so it reads only the global
 * tables and the explicit cross-tenant membership queries of {@link Membership}.
 */
@Stateless
public class IdentityService {

    static final int FREE_FAILURES = 5;
    static final Duration FIRST_DELAY = Duration.ofSeconds(30);
    static final Duration MAX_DELAY = Duration.ofMinutes(15);

    @PersistenceContext(unitName = "smbhub") EntityManager em;

    @EJB AuditService audit;

    public SignIn authenticate(String email, char[] password, String channel) {
        Instant now = Instant.now();
        Optional<User> found = findByEmail(email);
        if (found.isEmpty()) {
            PasswordHasher.burn(password == null ? new char[0] : password);
            audit.record("auth.login_failed", "user", null, null, Map.of("channel", channel, "reason", "unknown"));
            return new SignIn.Rejected();
        }
        User user = found.get();
        if (user.getLockedUntil() != null && user.getLockedUntil().isAfter(now)) {
            audit.record("auth.login_throttled", "user", user.getId(), null, Map.of("channel", channel));
            return new SignIn.Throttled(Duration.between(now, user.getLockedUntil()));
        }
        if (!"ACTIVE".equals(user.getStatus()) || !PasswordHasher.verify(password, user.getPasswordHash())) {
            user.loginFailed(now, lockUntil(now, user.getFailedLogins() + 1));
            audit.record("auth.login_failed", "user", user.getId(), null,
                    Map.of("channel", channel, "failures", user.getFailedLogins()));
            return new SignIn.Rejected();
        }
        user.loginSucceeded(now);
        audit.record("auth.login_completed", "user", user.getId(), null, Map.of("channel", channel));
        return new SignIn.Success(user.getId(), user.getEmail(), user.getDisplayName(),
                "OPS".equals(user.getPlatformRole()));
    }

    /** After five failures in a row each further one locks the account for 30 s, doubling up to 15 min. */
    static Instant lockUntil(Instant now, int failures) {
        if (failures < FREE_FAILURES) {
            return null;
        }
        int doublings = Math.min(failures - FREE_FAILURES, 10);
        Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
        return now.plus(delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay);
    }

    public void recordLogout(String userId) {
        audit.record("auth.logout", "user", userId, null, Map.of());
    }

    public void recordSwitch(String userId, String tenantId) {
        audit.recordAlone(tenantId, userId, "auth.business_selected", "tenant", tenantId, Map.of());
    }

    public Optional<Person> person(String userId) {
        if (!Ids.isId(userId)) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(User.class, userId))
                .filter(u -> "ACTIVE".equals(u.getStatus()))
                .map(u -> new Person(u.getId(), u.getEmail(), u.getDisplayName(), "OPS".equals(u.getPlatformRole())));
    }

    public Optional<Person> personByEmail(String email) {
        return findByEmail(email).filter(u -> "ACTIVE".equals(u.getStatus()))
                .map(u -> new Person(u.getId(), u.getEmail(), u.getDisplayName(), "OPS".equals(u.getPlatformRole())));
    }

    public List<Membership.View> memberships(String userId) {
        return Membership.activeOf(em, userId);
    }

    public Optional<Membership.View> membership(String userId, String tenantId) {
        return memberships(userId).stream().filter(m -> m.tenantId().equals(tenantId)).findFirst();
    }

    public Optional<Membership.View> membershipByOrg(String userId, String orgId) {
        return memberships(userId).stream().filter(m -> m.orgId().equals(orgId)).findFirst();
    }

    private Optional<User> findByEmail(String email) {
        if (email == null || email.isBlank() || email.length() > 254 || email.chars().anyMatch(c -> c < 0x20)) {
            return Optional.empty();
        }
        return em.createQuery("select u from User u where lower(u.email) = :email", User.class)
                .setParameter("email", email.trim().toLowerCase())
                .getResultStream()
                .findFirst();
    }

    /** A signed-in person, without secrets. */
    public record Person(String userId, String email, String displayName, boolean ops) {
    }
}
