package com.smbhub.platform.db;

import com.smbhub.platform.security.PasswordHasher;
import com.smbhub.sample.SampleDataService;
import com.smbhub.platform.tenancy.CrossTenant;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import com.smbhub.platform.security.Secrets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Seeds the demo businesses and logins (SMBHUB_DEMO=false seeds nothing), the demo businesses filled
 * with sample data the first time. Idempotent: rows that exist are left as they are, so a second run
 * changes nothing.
 */
@Singleton
@Startup
@DependsOn("Migrator")
public class DemoSeeder {

    private static final Logger LOG = Logger.getLogger(DemoSeeder.class.getName());
    private static final List<String> ROLES = List.of("OWNER", "ADMIN", "STAFF", "AGENT", "VIEWER");

    @PersistenceContext(unitName = "smbhub") EntityManager em;

    @Inject @ConfigProperty(name = "smbhub.demo", defaultValue = "true") boolean demo;

    @Inject @ConfigProperty(name = "smbhub.demo.password", defaultValue = "demo") String password;

    /** The development mail server's IMAP port (./smbhub sets it when it runs one): the demo businesses read it. */
    @Inject @ConfigProperty(name = "smbhub.mail.dev-imap-port") Optional<Integer> devImapPort;

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject Secrets secrets;

    @Inject @ConfigProperty(name = "smbhub.twilio.test-mode", defaultValue = "false") boolean twilioTestMode;

    @PostConstruct
    void seed() {
        if (!demo) {
            return;
        }
        CrossTenant.forTransaction(em, CrossTenant.Purpose.SEEDING);
        String hash = PasswordHasher.hash(password.toCharArray());
        String northside = northside("northside", "acct_demo_northside", hash);
        String maple = maple("maple", "acct_demo_maple", hash);
        String both = user("both@demo.test", "Sam Both", null, hash);
        member(northside, both, "STAFF");
        member(maple, both, "STAFF");
        user("ops@smbhub.test", "Ops Reviewer", "OPS", hash);
        SampleDataService.seedDemo(em, northside);
        SampleDataService.seedDemo(em, maple);
        devImapPort.ifPresent(port -> {
            mailbox(northside, "office@northside.test", port);
            mailbox(maple, "shop@maple.test", port);
        });
        if (twilioTestMode) {
            texting(northside, "+14165550100");
            texting(maple, "+16045550100");
        }
        LOG.info("Demo businesses are in place");
    }

    /**
     * A pair of businesses shaped like the demo's, under new slugs, for one test class of a test stack
     * (smbhub.test-support): {@code <role>@northside-<id>.test}, {@code <role>@maple-<id>.test} and
     * {@code both@<id>.test} (STAFF in both), all with the demo password.
     */
    public record World(String id, String northside, String maple, String both) {
    }

    public World world() {
        CrossTenant.forTransaction(em, CrossTenant.Purpose.SEEDING);
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String hash = PasswordHasher.hash(password.toCharArray());
        String northside = northside("northside-" + id, "acct_northside_" + id, hash);
        String maple = maple("maple-" + id, "acct_maple_" + id, hash);
        String both = user("both@" + id + ".test", "Sam Both", null, hash);
        member(northside, both, "STAFF");
        member(maple, both, "STAFF");
        return new World(id, "northside-" + id, "maple-" + id, "both@" + id + ".test");
    }

    /** Northside Plumbing: general profile, Toronto, HST 13 %, a connected Stripe account, a login per role. */
    private String northside(String slug, String stripeAccount, String hash) {
        String tenant = tenant(slug, "Northside Plumbing", "general", "America/Toronto", "CAD", "CA");
        members(tenant, slug, "Northside", hash);
        stripeAccount(tenant, stripeAccount);
        taxCode(tenant, "HST", "HST 13% (Ontario)", "13");
        return tenant;
    }

    /** Maple & Co: retail profile, Vancouver, GST 5 % and PST 7 %, a connected Stripe account, a login per role. */
    private String maple(String slug, String stripeAccount, String hash) {
        String tenant = tenant(slug, "Maple & Co", "retail_pos", "America/Vancouver", "CAD", "CA");
        members(tenant, slug, "Maple & Co", hash);
        stripeAccount(tenant, stripeAccount);
        taxCode(tenant, "GST", "GST 5%", "5");
        taxCode(tenant, "PST", "PST 7% (BC)", "7");
        return tenant;
    }

    private void members(String tenant, String slug, String shortName, String hash) {
        for (String role : ROLES) {
            String lower = role.toLowerCase();
            member(tenant, user(lower + "@" + slug + ".test", title(lower) + " at " + shortName, null, hash), role);
        }
    }

    private String tenant(String orgId, String name, String profile, String zone, String currency, String country) {
        NativeSql.query(em, "insert into tenants (id, external_org_id, name, profile_id, timezone, currency, country)"
                        + " values (cast(?1 as uuid), ?2, ?3, ?4, ?5, ?6, ?7) on conflict (external_org_id) do nothing")
                .setParameter(1, UUID.randomUUID().toString()).setParameter(2, orgId).setParameter(3, name)
                .setParameter(4, profile).setParameter(5, zone).setParameter(6, currency).setParameter(7, country)
                .executeUpdate();
        return NativeSql.query(em, "select cast(id as text) from tenants where external_org_id = ?1")
                .setParameter(1, orgId).getSingleResult().toString();
    }

    private String user(String email, String name, String platformRole, String hash) {
        NativeSql.query(em, "insert into users (id, email, display_name, password_hash, platform_role)"
                        + " values (cast(?1 as uuid), ?2, ?3, ?4, ?5) on conflict do nothing")
                .setParameter(1, UUID.randomUUID().toString()).setParameter(2, email).setParameter(3, name)
                .setParameter(4, hash).setParameter(5, platformRole)
                .executeUpdate();
        return NativeSql.query(em, "select cast(id as text) from users where lower(email) = ?1")
                .setParameter(1, email).getSingleResult().toString();
    }

    private void member(String tenantId, String userId, String role) {
        NativeSql.query(em, "insert into tenant_members (id, tenant_id, user_id, role, created_by)"
                        + " values (cast(?1 as uuid), cast(?2 as uuid), cast(?3 as uuid), ?4, 'seed')"
                        + " on conflict (tenant_id, user_id) do nothing")
                .setParameter(1, UUID.randomUUID().toString()).setParameter(2, tenantId)
                .setParameter(3, userId).setParameter(4, role)
                .executeUpdate();
    }

    /** The demo businesses' connected Stripe accounts (test mode answers for any account id). */
    private void stripeAccount(String tenantId, String accountId) {
        NativeSql.query(em, "update tenants set stripe_account_id = ?2 where id = cast(?1 as uuid) and stripe_account_id is null"
                        + " and not exists (select 1 from tenants where stripe_account_id = ?2)")
                .setParameter(1, tenantId).setParameter(2, accountId).executeUpdate();
    }

    /** A mailbox on the development mail server (any password opens it there), connected unless the business set its own. */
    private void mailbox(String tenantId, String address, int port) {
        String config = "{\"host\": \"127.0.0.1\", \"port\": " + port + ", \"security\": \"NONE\", \"username\": \""
                + address + "\", \"folder\": \"INBOX\", \"address\": \"" + address + "\"}";
        NativeSql.query(em, "insert into integration_connections (id, tenant_id, provider, config_json, credentials_ref,"
                        + " created_by) values (cast(?1 as uuid), cast(?2 as uuid), 'IMAP', cast(?3 as jsonb), ?4, 'seed')"
                        + " on conflict (tenant_id, provider) do nothing")
                .setParameter(1, UUID.randomUUID().toString()).setParameter(2, tenantId).setParameter(3, config)
                .setParameter(4, secrets.encrypt("development", "password")).executeUpdate();
    }

    private static String randomHex() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** A test-mode Twilio account (its API is the back office's stand-in), so "Simulate an incoming text" works. */
    private void texting(String tenantId, String number) {
        String sid = "AC" + randomHex();
        NativeSql.query(em, "insert into integration_connections (id, tenant_id, provider, config_json, credentials_ref,"
                        + " created_by) values (cast(?1 as uuid), cast(?2 as uuid), 'TWILIO', cast(?3 as jsonb), ?4, 'seed')"
                        + " on conflict do nothing")
                .setParameter(1, UUID.randomUUID().toString()).setParameter(2, tenantId)
                .setParameter(3, "{\"account_sid\": \"" + sid + "\", \"number\": \"" + number + "\"}")
                .setParameter(4, secrets.encrypt(randomHex(), "auth_token")).executeUpdate();
    }

    private void taxCode(String tenantId, String code, String name, String rate) {
        NativeSql.query(em, "insert into tax_codes (id, tenant_id, code, name, rate_percent, created_by)"
                        + " values (cast(?1 as uuid), cast(?2 as uuid), ?3, ?4, cast(?5 as numeric), 'seed')"
                        + " on conflict (tenant_id, code) do nothing")
                .setParameter(1, UUID.randomUUID().toString()).setParameter(2, tenantId).setParameter(3, code)
                .setParameter(4, name).setParameter(5, rate).executeUpdate();
    }

    private static String title(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
