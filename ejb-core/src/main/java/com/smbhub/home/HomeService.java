package com.smbhub.home;

import static com.smbhub.platform.db.NativeSql.instant;

import com.smbhub.platform.audit.AuditService;
import com.smbhub.platform.db.NativeSql;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.security.Access;
import com.smbhub.platform.security.Capability;
import com.smbhub.platform.security.Permissions;
import com.smbhub.platform.security.Role;
import com.smbhub.platform.tenancy.RequestContext;
import com.smbhub.platform.tenancy.TenantScoped;
import com.smbhub.platform.time.BusinessClock;
import com.smbhub.profile.ProfileService;
import com.smbhub.sample.SampleDataService;
import com.smbhub.tenant.Tenant;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The Home page's facts about the current business and caller. */
@Stateless
@TenantScoped
public class HomeService {

    @PersistenceContext(unitName = "smbhub") EntityManager em;

    @EJB Access access;

    @EJB AuditService audit;
    @EJB ProfileService profiles;

    public record Greeting(String businessName, String profileId, String timezone, String currency, Role role,
            LocalDate today, String country) {
    }

    /** One step of the onboarding checklist (PRD 7.3): done from real data, or skipped; {@code link}: the screen that does it. */
    public record Step(String key, String title, String link, boolean done, boolean skipped) implements Serializable {
    }

    /** The checklist; {@code timeToFirstValue}: from the business's start to its first payment, once there is one. */
    public record Onboarding(List<Step> steps, Duration timeToFirstValue, boolean hidden) implements Serializable {

        /** Shown while a step is open, and once all are done until the owner hides it. */
        public boolean visible() {
            return !steps.isEmpty() && !hidden;
        }

        public boolean finished() {
            return steps.stream().allMatch(st -> st.done() || st.skipped());
        }
    }

    static final List<String> STEPS = List.of("details", "numbers", "payments", "contact", "first_send", "first_payment");

    /**
     * The new-business checklist for owners and admins (empty for other roles): business details, numbering
     * and taxes, card payments, the first client, the first invoice sent, the first payment received. Sample
     * data does not tick a step: only the business's own records do.
     */
    public Onboarding onboarding() {
        if (!Permissions.allows(access.role(), Capability.MANAGE_SETTINGS)) {
            return new Onboarding(List.of(), null, true);
        }
        String tenant = RequestContext.current().orElseThrow().tenantId();
        boolean details = audited(tenant, "tenant.settings_changed") || audited(tenant, "tenant.logo_changed");
        boolean numbers = audited(tenant, "tenant.numbering_changed")
                || count("select count(*) from tax_codes where tenant_id = cast(?1 as uuid)", tenant) > 0;
        boolean payments = count("select count(*) from tenants where id = cast(?1 as uuid)"
                + " and stripe_account_id is not null", tenant) > 0;
        long contacts = count("select count(*) from contacts c where c.tenant_id = cast(?1 as uuid) and c.deleted_at is null"
                + SampleDataService.own("c", "contact"), tenant);
        boolean sent = count("select count(*) from invoices i where i.tenant_id = cast(?1 as uuid) and i.status <> 'DRAFT'"
                + SampleDataService.own("i", "invoice"), tenant) > 0;
        Object[] started = (Object[]) NativeSql.query(em, "select t.created_at, (select min(p.paid_at) from payments p"
                        + " where p.tenant_id = t.id and p.status in ('SUCCEEDED', 'REFUNDED')" + SampleDataService.own("p", "payment") + "),"
                        + " cast(t.settings_json -> 'onboarding_skipped' as text), coalesce(t.settings_json ->> 'onboarding_hidden', 'false')"
                        + " from tenants t where t.id = cast(?1 as uuid)").setParameter(1, tenant).getSingleResult();
        Instant firstPayment = instant(started[1]);
        String skipped = started[2] == null ? "" : started[2].toString();
        boolean invoicing = profiles.effective().capability("invoices");
        List<Step> steps = new ArrayList<>();
        steps.add(step("details", "Check your business details (name, time zone, currency) and add your logo", "settings?tab=business", details, skipped));
        if (invoicing) {
            steps.add(step("numbers", "Set your invoice numbering and taxes", "settings?tab=numbers", numbers, skipped));
            steps.add(step("payments", "Take card payments: connect Stripe (test mode works too)", "settings?tab=payments", payments, skipped));
        }
        steps.add(step("contact", "Add your first client", "contacts?new=1", contacts > 0, skipped));
        // a step that cannot be done yet is not listed: an invoice needs a client, a payment a sent invoice
        if (invoicing && (contacts > 0 || sent)) {
            steps.add(step("first_send", "Send your first invoice", "invoices?new=1", sent, skipped));
        }
        if (invoicing && (sent || firstPayment != null)) {
            steps.add(step("first_payment", "Get your first payment", "invoices?status=SENT", firstPayment != null, skipped));
        }
        Duration ttfv = firstPayment == null ? null : Duration.between(instant(started[0]), firstPayment);
        return new Onboarding(List.copyOf(steps), ttfv == null || ttfv.isNegative() ? null : ttfv, Boolean.parseBoolean(started[3].toString()));
    }

    /** Skips a step ("later"), or with {@code "all"} hides the finished checklist; audited. */
    public void skipOnboarding(String key) {
        access.require(Capability.MANAGE_SETTINGS);
        String tenant = RequestContext.current().orElseThrow().tenantId();
        if ("all".equals(key)) {
            NativeSql.query(em, "update tenants set settings_json = settings_json || '{\"onboarding_hidden\": true}'::jsonb"
                    + " where id = cast(?1 as uuid)").setParameter(1, tenant).executeUpdate();
        } else if (STEPS.contains(key)) {
            NativeSql.query(em, "update tenants set settings_json = jsonb_set(settings_json, '{onboarding_skipped}',"
                            + " coalesce(settings_json -> 'onboarding_skipped', '[]'::jsonb) || to_jsonb(cast(?2 as text)))"
                            + " where id = cast(?1 as uuid)").setParameter(1, tenant).setParameter(2, key).executeUpdate();
        } else {
            throw new ValidationException("step", "One of " + String.join(", ", STEPS) + ", or all");
        }
        audit.record("onboarding.step_skipped", "tenant", tenant, null, Map.of("step", key));
    }

    private static Step step(String key, String title, String link, boolean done, String skipped) {
        return new Step(key, title, link, done, !done && skipped.contains("\"" + key + "\""));
    }

    private boolean audited(String tenant, String action) {
        return ((Number) NativeSql.query(em, "select count(*) from audit_log where tenant_id = cast(?1 as uuid) and action = ?2")
                .setParameter(1, tenant).setParameter(2, action).getSingleResult()).longValue() > 0;
    }

    private long count(String sql, String tenant) {
        return ((Number) NativeSql.query(em, sql).setParameter(1, tenant).getSingleResult()).longValue();
    }

    public Greeting greeting() {
        Tenant tenant = em.find(Tenant.class, RequestContext.current().orElseThrow().tenantId());
        return new Greeting(tenant.getName(), tenant.getProfileId(), tenant.getTimezone(), tenant.getCurrency(),
                access.role(), BusinessClock.today(ZoneId.of(tenant.getTimezone())), tenant.getCountry());
    }
}
