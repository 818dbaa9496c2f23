package com.smbhub.home;

import com.smbhub.platform.db.NativeSql;
import com.smbhub.platform.security.Access;
import com.smbhub.platform.security.Capability;
import com.smbhub.platform.security.Permissions;
import com.smbhub.platform.security.Role;
import com.smbhub.platform.tenancy.RequestContext;
import com.smbhub.platform.tenancy.TenantScoped;
import com.smbhub.platform.time.BusinessClock;
import com.smbhub.tenant.Tenant;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** The Home page's facts about the current business and caller. */
@Stateless
@TenantScoped
public class HomeService {

    @PersistenceContext(unitName = "smbhub") EntityManager em;

    @EJB Access access;

    public record Greeting(String businessName, String profileId, String timezone, String currency, Role role,
            LocalDate today) {
    }

    /** One step of the onboarding checklist (PRD 7.3); {@code available} is false for steps whose module has not landed. */
    public record Step(String key, String title, boolean done, boolean available) implements Serializable {
    }

    /**
     * The new-business checklist for owners and admins, each step ticked from what the business has
     * actually done; empty for other roles.
     */
    public List<Step> onboarding() {
        if (!Permissions.allows(access.role(), Capability.MANAGE_SETTINGS)) {
            return List.of();
        }
        String tenant = RequestContext.current().orElseThrow().tenantId();
        long contacts = em.createQuery("select count(c) from Contact c where c.deletedAt is null", Long.class)
                .getSingleResult();
        boolean imported = count("select count(*) from audit_log where tenant_id = cast(?1 as uuid)"
                + " and action = 'contacts.imported'", tenant) > 0;
        boolean profileChosen = count("select count(*) from audit_log where tenant_id = cast(?1 as uuid)"
                + " and action = 'tenant.profile_selected'", tenant) > 0;
        boolean channel = count("select count(*) from integration_connections where tenant_id = cast(?1 as uuid)"
                + " and status = 'ACTIVE' and provider in ('EMAIL', 'IMAP', 'SMS', 'TWILIO')", tenant) > 0;
        long documents = count("select (select count(*) from invoices where tenant_id = cast(?1 as uuid))"
                + " + (select count(*) from quotes where tenant_id = cast(?1 as uuid))", tenant);
        boolean paymentsReady = count("select count(*) from tenants where id = cast(?1 as uuid)"
                + " and stripe_account_id is not null", tenant) > 0;
        boolean sent = count("select count(*) from invoices where tenant_id = cast(?1 as uuid) and status <> 'DRAFT'", tenant) > 0;
        return List.of(
                new Step("business", "Create your business", true, true),
                new Step("profile", "Choose the kind of business (Settings)", profileChosen, true),
                new Step("channel", "Connect your e-mail or SMS", channel, false),
                new Step("contacts", "Import your contacts, or add five", imported || contacts >= 5, true),
                new Step("first_document", "Create your first invoice or quote", documents > 0, true),
                new Step("payments", "Turn on card payments (Settings → Payments)", paymentsReady, true),
                new Step("first_send", "Send your first invoice", sent, true));
    }

    private long count(String sql, String tenant) {
        return ((Number) NativeSql.query(em, sql).setParameter(1, tenant).getSingleResult()).longValue();
    }

    public Greeting greeting() {
        Tenant tenant = em.find(Tenant.class, RequestContext.current().orElseThrow().tenantId());
        return new Greeting(tenant.getName(), tenant.getProfileId(), tenant.getTimezone(), tenant.getCurrency(),
                access.role(), BusinessClock.today(ZoneId.of(tenant.getTimezone())));
    }
}
