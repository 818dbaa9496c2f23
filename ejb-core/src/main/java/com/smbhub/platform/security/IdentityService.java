package com.smbhub.platform.security;

import com.smbhub.platform.Ids;
import com.smbhub.platform.audit.AuditService;
import com.smbhub.platform.tenancy.RequestContext;
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

    private static final SignInThrottle THROTTLE = new SignInThrottle();

    @PersistenceContext(unitName = "smbhub") EntityManager em;

    @EJB AuditService audit;

    /**
     * Checks an e-mail and password. An unknown e-mail and a wrong password are answered alike, and are
     * slowed down alike ({@link SignInThrottle}), so neither the answer nor its timing says whether an
     * account exists.
     */
    public SignIn authenticate(String email, char[] password, String channel) {
        Instant now = Instant.now();
        String address = RequestContext.current().map(RequestContext::ipAddress).orElse("unknown");
        Optional<Duration> wait = THROTTLE.waitFor(email, address, now);
        Optional<User> found = findByEmail(email);
        if (wait.isPresent()) {
            audit.record("auth.login_throttled", "user", found.map(User::getId).orElse(null), null, Map.of("channel", channel));
            return new SignIn.Throttled(wait.get());
        }
        if (found.isEmpty()) {
            PasswordHasher.burn(password == null ? new char[0] : password);
            THROTTLE.failed(email, address, now);
            audit.record("auth.login_failed", "user", null, null, Map.of("channel", channel, "reason", "unknown"));
            return new SignIn.Rejected();
        }
        User user = found.get();
        if (!"ACTIVE".equals(user.getStatus()) || !PasswordHasher.verify(password, user.getPasswordHash())) {
            THROTTLE.failed(email, address, now);
            audit.record("auth.login_failed", "user", user.getId(), null, Map.of("channel", channel));
            return new SignIn.Rejected();
        }
        THROTTLE.succeeded(email, address);
        waitForCredentialsChange(user.getCredentialsChangedAt());
        user.loginSucceeded(now);
        audit.record("auth.login_completed", "user", user.getId(), null, Map.of("channel", channel));
        return new SignIn.Success(user.getId(), user.getEmail(), user.getDisplayName(),
                "OPS".equals(user.getPlatformRole()));
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
                .map(IdentityService::toPerson);
    }

    public Optional<Person> personByEmail(String email) {
        return findByEmail(email).filter(u -> "ACTIVE".equals(u.getStatus()))
                .map(IdentityService::toPerson);
    }

    /**
     * Whether a session or token begun at {@code since} still stands: the person is active and has not
     * reset their password after it.
     */
    public boolean stillSignedIn(String userId, Instant since) {
        return person(userId).filter(p -> p.credentialsChangedAt() == null || !since.isBefore(p.credentialsChangedAt()))
                .isPresent();
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
        return User.byEmail(em, email);
    }

    /** A sign-in right after a password reset waits for the reset's whole second, so its token outlives the reset. */
    private static void waitForCredentialsChange(Instant changed) {
        long ms = changed == null ? 0 : Duration.between(Instant.now(), changed).toMillis();
        if (ms > 0 && ms <= 1_000) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Person toPerson(User u) {
        return new Person(u.getId(), u.getEmail(), u.getDisplayName(), "OPS".equals(u.getPlatformRole()),
                u.getCredentialsChangedAt());
    }

    /** A signed-in person, without secrets; {@code credentialsChangedAt}: sessions and tokens begun before it no longer count. */
    public record Person(String userId, String email, String displayName, boolean ops, Instant credentialsChangedAt) {
    }
}
