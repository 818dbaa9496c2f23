package com.smbhub.account;

import com.smbhub.money.MoneyText;
import com.smbhub.platform.analytics.Analytics;
import com.smbhub.platform.audit.AuditService;
import com.smbhub.platform.db.NativeSql;
import com.smbhub.platform.errors.NotFoundException;
import com.smbhub.platform.errors.SignupClosedException;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.errors.ValidationException.FieldError;
import com.smbhub.platform.mail.Mailer;
import com.smbhub.platform.security.Membership;
import com.smbhub.platform.security.PasswordHasher;
import com.smbhub.platform.security.PasswordPolicy;
import com.smbhub.platform.security.PlatformOps;
import com.smbhub.platform.security.Role;
import com.smbhub.platform.security.User;
import com.smbhub.platform.tenancy.RequestContext;
import com.smbhub.platform.tenancy.TenantEntry;
import com.smbhub.profile.ProfileCatalog;
import com.smbhub.tenant.Invitations;
import com.smbhub.tenant.Tenant;
import com.smbhub.tenant.TenantMember;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.text.Normalizer;
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
    private static final int MAX_BUSINESSES = 20;
    private static volatile AccountLimits limits;

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
        if (limits == null) {
            limits = new AccountLimits("signup", addressLimit, emailLimit);
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
        limits.address(address, now, "Too many sign-ups from your network; try again later");
        List<FieldError> errors = new ArrayList<>();
        String name = line(form.name(), "name", 100, errors);
        String email = AccountService.email(form.email(), errors);
        String business = form.businessName() == null ? "" : form.businessName().trim();
        String weak = PasswordPolicy.problem(form.password(), email, name, business);
        if (weak != null) {
            errors.add(new FieldError("password", weak));
        }
        NewBusiness wanted = new NewBusiness(business, form.profileId(), form.country(), form.timezone(), form.currency());
        check(wanted, "business_name", errors);
        ValidationException.throwIfAny(errors);
        limits.email(email, now, "Too many sign-ups for this e-mail address; try again later");
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
        em.flush();
        create(wanted, user.getId(), true, tenant -> {
            em.persist(new TenantMember(user.getId(), Role.OWNER));
            audit.record("auth.signup_completed", "user", user.getId(), null, Map.of("email", email));
            Analytics.record(em, "auth.signup_completed", wanted.profileId(), "signup", Map.of());
            AccountMail.Text mail = AccountMail.verify(base, name, business, accounts.newLink(user.getId(),
                    AccountLink.Purpose.VERIFY_EMAIL, now));
            mailer.sendPlatform("VERIFY_EMAIL", email, mail.subject(), mail.body());
        });
    }

    /** "Add a business": the signed-in person starts another one, as its owner; their slug, for a token or the switcher. */
    public String addBusiness(NewBusiness wanted) {
        String userId = RequestContext.current().map(RequestContext::userId).orElseThrow(() -> new NotFoundException("account"));
        List<FieldError> errors = new ArrayList<>();
        check(wanted, "name", errors);
        ValidationException.throwIfAny(errors);
        if (Membership.activeOf(em, userId).size() >= MAX_BUSINESSES) {
            throw new ValidationException("name", "You belong to " + MAX_BUSINESSES + " businesses already; ask us for more");
        }
        boolean verified = accounts.emailVerified(userId);
        return create(wanted, userId, !verified, tenant -> em.persist(new TenantMember(userId, Role.OWNER)))
                .getExternalOrgId();
    }

    /**
     * Platform ops start a business for a customer ("Do it for me", PRD 7.3) and invite its owner, who
     * joins through the e-mailed link (which proves the address, so the business may send at once).
     */
    public String createForCustomer(NewBusiness wanted, String ownerEmail) {
        String opsUser = PlatformOps.require(em);
        List<FieldError> errors = new ArrayList<>();
        check(wanted, "name", errors);
        String owner = AccountService.email(ownerEmail, errors);
        errors.replaceAll(e -> e.field().equals("email") ? new FieldError("owner_email", e.message()) : e);
        ValidationException.throwIfAny(errors);
        String base = publicUrl.replaceAll("/+$", "");
        return create(wanted, opsUser, false, tenant -> {
            Invitations.Made made = Invitations.make(em, owner, Role.OWNER);
            audit.record("tenant.member_invited", "tenant_member", made.member().getId(), null,
                    Map.of("email", owner, "role", Role.OWNER.name(), "by", "platform_ops"));
            mailer.sendPlatform("INVITATION", owner, "Your business " + wanted.name().trim() + " is ready on SMB Hub",
                    "Hello,\n\nWe set up " + wanted.name().trim() + " on SMB Hub for you. Choose your password and start"
                            + " here (the link works once, for 7 days):\n\n" + base + "/app/invite/" + made.token()
                            + "\n\nIf you did not ask for this, ignore this message.\n");
        }).getExternalOrgId();
    }

    /** The business fields, each error at its field ({@code nameField}: what the form calls the name). */
    private void check(NewBusiness wanted, String nameField, List<FieldError> errors) {
        line(wanted.name(), nameField, 200, errors);
        if (wanted.profileId() == null || !KINDS.containsKey(wanted.profileId()) || !catalog.profileIds().contains(wanted.profileId())) {
            errors.add(new FieldError("profile_id", "Choose the kind of business: " + String.join(" or ", KINDS.keySet())));
        }
        if (!COUNTRIES.contains(wanted.country() == null ? "" : wanted.country().trim().toUpperCase(Locale.ROOT))) {
            errors.add(new FieldError("country", "Choose a country (two letters, e.g. CA)"));
        }
        if (wanted.timezone() == null || !ZoneId.getAvailableZoneIds().contains(wanted.timezone().trim())) {
            errors.add(new FieldError("timezone", "Choose a time zone from the list, e.g. America/Toronto"));
        }
        if (!MoneyText.isCurrency(wanted.currency() == null ? "" : wanted.currency().trim().toUpperCase(Locale.ROOT))) {
            errors.add(new FieldError("currency", MoneyText.NOT_A_CURRENCY));
        }
    }

    /**
     * Makes the business (checked already), enters it through the audited scope as {@code actor}, records
     * its creation and profile, and runs {@code inside} there (its first member, mail).
     */
    private Tenant create(NewBusiness wanted, String actor, boolean pending, java.util.function.Consumer<Tenant> inside) {
        String name = wanted.name().trim();
        String country = wanted.country().trim().toUpperCase(Locale.ROOT);
        String currency = wanted.currency().trim().toUpperCase(Locale.ROOT);
        Tenant tenant = Tenant.signedUp(slug(name), name, wanted.profileId(), wanted.timezone().trim(), currency, country,
                pending);
        em.persist(tenant);
        em.flush();
        String address = RequestContext.current().map(RequestContext::ipAddress).orElse("unknown");
        String platform = RequestContext.current().map(RequestContext::platform).orElse("web");
        String requestId = RequestContext.current().map(RequestContext::requestId).orElse(UUID.randomUUID().toString());
        entry.asTenant(tenant.getId(), TenantEntry.Path.SIGNUP, "user:" + actor, address, () -> {
            try (RequestContext.Scope scope = RequestContext.open(actor, tenant.getId(), requestId, address, platform)) {
                RequestContext.current().orElseThrow().resolvedRole(Role.OWNER.name());
                Map<String, Object> made = new LinkedHashMap<>();
                made.put("slug", tenant.getExternalOrgId());
                made.put("name", name);
                made.put("profile_id", wanted.profileId());
                made.put("country", country);
                made.put("timezone", tenant.getTimezone());
                made.put("currency", currency);
                audit.record("tenant.created", "tenant", tenant.getId(), null, made);
                audit.record("tenant.profile_selected", "tenant", tenant.getId(), null, Map.of("profile_id", wanted.profileId()));
                Analytics.record(em, "tenant.created", wanted.profileId(), "signup", Map.of("country", country));
                Analytics.record(em, "tenant.profile_selected", wanted.profileId(), "signup",
                        Map.of("profile_id", wanted.profileId()));
                inside.accept(tenant);
                em.flush();
                return null;
            }
        });
        return tenant;
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
