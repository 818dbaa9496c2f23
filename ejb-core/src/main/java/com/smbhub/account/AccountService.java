package com.smbhub.account;

import com.smbhub.platform.Ids;
import com.smbhub.platform.analytics.Analytics;
import com.smbhub.platform.audit.AuditService;
import com.smbhub.platform.db.NativeSql;
import com.smbhub.platform.errors.NotFoundException;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.errors.ValidationException.FieldError;
import com.smbhub.platform.mail.Mailer;
import com.smbhub.platform.security.CallerCache;
import com.smbhub.platform.security.LinkTokens;
import com.smbhub.platform.security.Membership;
import com.smbhub.platform.security.PasswordHasher;
import com.smbhub.platform.security.PasswordPolicy;
import com.smbhub.platform.security.User;
import com.smbhub.platform.tenancy.RequestContext;
import com.smbhub.tenant.Tenant;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A person's own account, before and beside any business: verifying the e-mail address and resetting a
 * forgotten password through single-use e-mailed links (only their hash is stored). No answer says
 * whether an address has an account.
 */
@Stateless
public class AccountService {

    private static volatile AccountLimits limits;

    @PersistenceContext(unitName = "smbhub") EntityManager em;

    @EJB AuditService audit;

    @EJB Mailer mailer;

    @Inject @ConfigProperty(name = "smbhub.reset.per-address-per-hour", defaultValue = "20") int addressLimit;

    @Inject @ConfigProperty(name = "smbhub.reset.per-email-per-hour", defaultValue = "3") int emailLimit;

    @Inject @ConfigProperty(name = "smbhub.public-url", defaultValue = "http://localhost:8080") String publicUrl;

    @PostConstruct
    void limits() {
        if (limits == null) {
            limits = new AccountLimits("account-mail", addressLimit, emailLimit);
        }
    }

    /** Where a signed-in person stands: whether their address is verified. */
    public boolean emailVerified(String userId) {
        User user = Ids.isId(userId) ? em.find(User.class, userId) : null;
        return user != null && user.getEmailVerifiedAt() != null;
    }

    /** Follows a verification link: the address is proved, and the businesses this person started may send to clients. */
    public String verifyEmail(String token) {
        AccountLink link = use(token, AccountLink.Purpose.VERIFY_EMAIL,
                "This verification link does not work any more: it was used already, or it expired. Sign in and"
                        + " choose \"Resend verification\" for a new one.");
        User user = em.find(User.class, link.getUserId());
        user.verifyEmail(Instant.now());
        for (Membership.View membership : Membership.activeOf(em, user.getId())) {
            Tenant business = em.find(Tenant.class, membership.tenantId());
            if (business.isVerificationPending()) {
                business.ownerVerified();
            }
        }
        AuditService.recordPlatform(em, "auth.email_verified", "user", user.getId(), Map.of());
        Analytics.recordForPerson(em, "auth.email_verified", user.getId(), "email_link");
        return user.getEmail();
    }

    /** A new verification link for the signed-in person (earlier ones stop working). */
    public void resendVerification() {
        String userId = RequestContext.current().map(RequestContext::userId).orElseThrow(() -> new NotFoundException("account"));
        User user = em.find(User.class, userId);
        if (user == null || user.getEmailVerifiedAt() != null) {
            return;
        }
        limit(user.getEmail());
        String business = Membership.activeOf(em, userId).stream().findFirst().map(Membership.View::tenantName)
                .orElse("your business");
        AccountMail.Text mail = AccountMail.verify(base(), user.getDisplayName(), business,
                newLink(userId, AccountLink.Purpose.VERIFY_EMAIL, Instant.now()));
        mailer.sendPlatform("VERIFY_EMAIL", user.getEmail(), mail.subject(), mail.body());
        audit.record("auth.verification_sent", "user", userId, null, Map.of());
    }

    /**
     * "Forgot password?": e-mails a reset link when the address has an active account; the answer is the
     * same either way, and the mail leaves after it, so neither tells.
     */
    public void requestPasswordReset(String address) {
        List<FieldError> errors = new ArrayList<>();
        String email = email(address, errors);
        ValidationException.throwIfAny(errors);
        limit(email);
        Optional<User> user = user(email).filter(u -> "ACTIVE".equals(u.getStatus()));
        if (user.isPresent()) {
            AccountMail.Text mail = AccountMail.reset(base(), user.get().getDisplayName(),
                    newLink(user.get().getId(), AccountLink.Purpose.RESET_PASSWORD, Instant.now()));
            mailer.sendPlatformLater("RESET_PASSWORD", email, mail.subject(), mail.body());
        }
        AuditService.recordPlatform(em, "auth.password_reset_requested", "user", user.map(User::getId).orElse(null),
                Map.of());
    }

    /** Whether a reset link still works (the page asks before showing the form). */
    public boolean resetLinkWorks(String token) {
        return find(token, AccountLink.Purpose.RESET_PASSWORD).filter(l -> l.usable(Instant.now())).isPresent();
    }

    /** Sets the new password from a reset link: every session and API token of the person stops working at once. */
    public void resetPassword(String token, char[] password) {
        AccountLink found = find(token, AccountLink.Purpose.RESET_PASSWORD).filter(l -> l.usable(Instant.now()))
                .orElseThrow(() -> new ValidationException("token", EXPIRED_RESET));
        User user = em.find(User.class, found.getUserId());
        String weak = PasswordPolicy.problem(password, user.getEmail(), user.getDisplayName());
        if (weak != null) {
            throw new ValidationException("password", weak);
        }
        use(token, AccountLink.Purpose.RESET_PASSWORD, EXPIRED_RESET);
        Instant now = Instant.now();
        user.changePassword(PasswordHasher.hash(password), now);
        user.verifyEmail(now);
        CallerCache.evictUser(user.getId());
        AuditService.recordPlatform(em, "auth.password_reset", "user", user.getId(), Map.of());
        Analytics.recordForPerson(em, "auth.password_reset", user.getId(), "email_link");
    }

    private static final String EXPIRED_RESET = "This reset link does not work any more: it was used already, or its"
            + " 30 minutes are over. Ask for a new one.";

    /** A new single-use link for the person (their earlier unused links of the same kind stop working); the token. */
    public String newLink(String userId, AccountLink.Purpose purpose, Instant now) {
        NativeSql.query(em, "update account_links set used_at = ?3 where user_id = cast(?1 as uuid) and purpose = ?2"
                        + " and used_at is null").setParameter(1, userId).setParameter(2, purpose.name())
                .setParameter(3, java.sql.Timestamp.from(now)).executeUpdate();
        String token = LinkTokens.newToken();
        em.persist(new AccountLink(userId, purpose, LinkTokens.hash(token), now));
        return token;
    }

    /** Whether an address (lower-case) has an account; only for code that never tells the caller. */
    public boolean hasAccount(String email) {
        return user(email).isPresent();
    }

    private Optional<User> user(String email) {
        return User.byEmail(em, email);
    }

    /** An e-mail address as given in a form, lower-cased; a missing or malformed one is a field error. */
    static String email(String value, List<FieldError> errors) {
        String email = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        if (email.length() > 254 || !email.matches("^[^@\\s,;\"<>()\\[\\]\\\\]{1,64}@[^@\\s,;\"<>()\\[\\]\\\\]+\\.[^@\\s,;\"<>()\\[\\]\\\\]{2,}$")) {
            errors.add(new FieldError("email", "Enter your e-mail address, e.g. sam@example.com"));
        }
        return email;
    }

    /** Marks a link used, exactly once even when two requests race; refuses a used, expired or unknown one. */
    private AccountLink use(String token, AccountLink.Purpose purpose, String gone) {
        AccountLink link = find(token, purpose).orElseThrow(() -> new ValidationException("token", gone));
        int used = NativeSql.query(em, "update account_links set used_at = now() where id = cast(?1 as uuid)"
                        + " and used_at is null and expires_at > now()").setParameter(1, link.getId()).executeUpdate();
        if (used != 1) {
            throw new ValidationException("token", gone);
        }
        return link;
    }

    private Optional<AccountLink> find(String token, AccountLink.Purpose purpose) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            return Optional.empty();
        }
        return em.createQuery("select l from AccountLink l where l.tokenHash = :hash and l.purpose = :purpose",
                        AccountLink.class).setParameter("hash", LinkTokens.hash(token)).setParameter("purpose", purpose)
                .getResultStream().findFirst();
    }

    private void limit(String email) {
        Instant now = Instant.now();
        String address = RequestContext.current().map(RequestContext::ipAddress).orElse("unknown");
        limits.address(address, now, "Too many requests for account e-mails from your network; try again later");
        limits.email(email, now, "Too many requests for account e-mails to this address; try again later");
    }

    private String base() {
        return publicUrl.replaceAll("/+$", "");
    }
}
