package com.smbhub.account;

import com.smbhub.money.MoneyText;
import com.smbhub.platform.analytics.Analytics;
import com.smbhub.platform.audit.AuditService;
import com.smbhub.platform.db.NativeSql;
import com.smbhub.platform.errors.SignupClosedException;
import com.smbhub.platform.errors.RateLimitedException;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.errors.ValidationException.FieldError;
import com.smbhub.platform.mail.Mailer;
import com.smbhub.platform.security.PasswordHasher;
import com.smbhub.platform.security.PasswordPolicy;
import com.smbhub.platform.security.RequestLimit;
import com.smbhub.platform.security.Role;
import com.smbhub.platform.security.User;
import com.smbhub.platform.tenancy.RequestContext;
import com.smbhub.platform.tenancy.TenantEntry;
import com.smbhub.profile.ProfileCatalog;
import com.smbhub.tenant.Tenant;
import com.smbhub.tenant.TenantMember;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sign-up (PRD 7.3): a newcomer, their business (with a readable unique slug), the OWNER membership and
 * the profile selection, made in one transaction, and the verification e-mail. Whether an address has an
 * account is never told: a known address gets the same answer, and an e-mail saying so instead.
 */
@Stateless
public class SignupService {

    /** The kinds of business a newcomer chooses from, with a line each (the shipped profiles). */
    public static final Map<String, String> KINDS = Map.of(
            "general", "Services and trades: requests, quotes, jobs and invoices (plumbers, cleaners, consultants)",
            "retail_pos", "Shops: orders, returns and exchanges, synced with your point of sale");

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static volatile RequestLimit perAddress;
    private static volatile RequestLimit perEmail;

    @PersistenceContext(unitName = "smbhub") EntityManager em;

    @EJB AuditService audit;

    @EJB Mailer mailer;

    @EJB TenantEntry entry;

    @EJB ProfileCatalog catalog;

    @EJB AccountService accounts;

    @Inject @ConfigProperty(name = "smbhub.signup", defaultValue = "open") String mode;

    @Inject @ConfigProperty(name = "smbhub.signup.per-address-per-hour", defaultValue = "20") int addressLimit;

    @Inject @ConfigProperty(name = "smbhub.signup.per-email-per-hour", defaultValue = "3") int emailLimit;

    @Inject @ConfigProperty(name = "smbhub.public-url", defaultValue = "http://localhost:8080") String publicUrl;

    @PostConstruct
    void limits() {
        if (perAddress == null) {
            perAddress = new RequestLimit(addressLimit, Duration.ofHours(1));
            perEmail = new RequestLimit(emailLimit, Duration.ofHours(1));
        }
    }

    /** Whether newcomers may sign up here ({@code SMBHUB_SIGNUP=open}); else the page says how to start. */
    public boolean open() {
        return "open".equalsIgnoreCase(mode.trim());
    }

    /**
     * Starts a business. Returns normally for a new address and for a known one alike (the known one is
     * e-mailed instead); the caller signs in with the password to go on.
     */
    public void signup(Signup form) {
        if (!open()) {
            throw new SignupClosedException("invite".equalsIgnoreCase(mode.trim())
                    ? "Sign-up is by invitation here: ask us to set up your business, or ask its owner to invite you"
                    : "Sign-up is closed here");
        }
        Instant now = Instant.now();
        String address = RequestContext.current().map(RequestContext::ipAddress).orElse("unknown");
        perAddress.attempt(address, now).ifPresent(wait -> {
            throw new RateLimitedException("Too many sign-ups from your network; try again later", wait);
        });
        List<FieldError> errors = new ArrayList<>();
        String name = line(form.name(), "name", 100, errors);
        String email = AccountService.email(form.email(), errors);
        String business = line(form.businessName(), "business_name", 200, errors);
        String weak = PasswordPolicy.problem(form.password(), email, name, business);
        if (weak != null) {
            errors.add(new FieldError("password", weak));
        }
        if (form.profileId() == null || !KINDS.containsKey(form.profileId()) || !catalog.profileIds().contains(form.profileId())) {
            errors.add(new FieldError("profile_id", "Choose the kind of business: " + String.join(" or ", KINDS.keySet())));
        }
        String country = form.country() == null ? "" : form.country().trim().toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(country)) {
            errors.add(new FieldError("country", "Choose a country (two letters, e.g. CA)"));
        }
        if (form.timezone() == null || !ZoneId.getAvailableZoneIds().contains(form.timezone().trim())) {
            errors.add(new FieldError("timezone", "Choose a time zone from the list, e.g. America/Toronto"));
        }
        String currency = form.currency() == null ? "" : form.currency().trim().toUpperCase(Locale.ROOT);
        if (!MoneyText.isCurrency(currency)) {
            errors.add(new FieldError("currency", MoneyText.NOT_A_CURRENCY));
        }
        ValidationException.throwIfAny(errors);
        perEmail.attempt(email, now).ifPresent(wait -> {
            throw new RateLimitedException("Too many sign-ups for this e-mail address; try again later", wait);
        });
        String base = publicUrl.replaceAll("/+$", "");
        if (accounts.hasAccount(email)) {
            PasswordHasher.burn(form.password());
            AuditService.recordPlatform(em, "auth.signup_existing_email", "user", null, Map.of());
            AccountMail.Text mail = AccountMail.alreadyRegistered(base);
            mailer.sendPlatform("ACCOUNT", email, mail.subject(), mail.body());
            return;
        }
        User user = new User(email, name, PasswordHasher.hash(form.password()), null);
        em.persist(user);
        Tenant tenant = Tenant.signedUp(slug(business), business, form.profileId(), form.timezone().trim(), currency, country);
        em.persist(tenant);
        em.flush();
        String platform = RequestContext.current().map(RequestContext::platform).orElse("web");
        String requestId = RequestContext.current().map(RequestContext::requestId).orElse(UUID.randomUUID().toString());
        entry.asTenant(tenant.getId(), TenantEntry.Path.SIGNUP, "user:" + user.getId(), address, () -> {
            try (RequestContext.Scope scope = RequestContext.open(user.getId(), tenant.getId(), requestId, address, platform)) {
                RequestContext.current().orElseThrow().resolvedRole(Role.OWNER.name());
                TenantMember owner = new TenantMember(user.getId(), Role.OWNER);
                em.persist(owner);
                Map<String, Object> made = new LinkedHashMap<>();
                made.put("slug", tenant.getExternalOrgId());
                made.put("name", business);
                made.put("profile_id", form.profileId());
                made.put("country", country);
                made.put("timezone", tenant.getTimezone());
                made.put("currency", currency);
                audit.record("tenant.created", "tenant", tenant.getId(), null, made);
                audit.record("tenant.profile_selected", "tenant", tenant.getId(), null, Map.of("profile_id", form.profileId()));
                audit.record("auth.signup_completed", "user", user.getId(), null, Map.of("email", email));
                Analytics.record(em, "auth.signup_completed", form.profileId(), "signup", Map.of());
                Analytics.record(em, "tenant.created", form.profileId(), "signup", Map.of("country", country));
                Analytics.record(em, "tenant.profile_selected", form.profileId(), "signup", Map.of("profile_id", form.profileId()));
                AccountMail.Text mail = AccountMail.verify(base, name, business, accounts.newLink(user.getId(),
                        AccountLink.Purpose.VERIFY_EMAIL, now));
                mailer.sendPlatform("VERIFY_EMAIL", email, mail.subject(), mail.body());
                return null;
            }
        });
    }

    /** A readable, unique id for the business from its name ("Northside Plumbing" → northside-plumbing, -2, …). */
    String slug(String business) {
        String base = slugBase(business);
        for (int n = 1; n < 50; n++) {
            String candidate = n == 1 ? base : base + "-" + n;
            if (!taken(candidate)) {
                return candidate;
            }
        }
        return base + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Lower-case letters and digits of the name, accents dropped, words joined by "-", at most 40 characters. */
    static String slugBase(String business) {
        String base = Normalizer.normalize(business, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return base.isEmpty() ? "business" : base.length() > 40 ? base.substring(0, 40).replaceAll("-+$", "") : base;
    }

    private boolean taken(String slug) {
        return !NativeSql.query(em, "select 1 from tenants where external_org_id = ?1").setParameter(1, slug)
                .getResultList().isEmpty();
    }

    /** One line of text, required, at most {@code max} characters. */
    static String line(String value, String field, int max, List<FieldError> errors) {
        String text = value == null ? "" : value.trim();
        if (text.isEmpty() || text.length() > max || text.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            errors.add(new FieldError(field, "Required, at most " + max + " characters on one line"));
        }
        return text;
    }
}
