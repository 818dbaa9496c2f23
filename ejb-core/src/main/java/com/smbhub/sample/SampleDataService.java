package com.smbhub.sample;

import com.smbhub.platform.audit.AuditService;
import com.smbhub.platform.db.NativeSql;
import com.smbhub.platform.security.Access;
import com.smbhub.platform.security.Capability;
import com.smbhub.platform.tenancy.RequestContext;
import com.smbhub.platform.tenancy.TenantScoped;
import com.smbhub.platform.time.BusinessClock;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.util.Map;

/**
 * "Fill with sample data" and "Remove sample data" (issue 13): a new business can look around a business
 * in its third month before entering its own, and clear it again; the demo businesses start filled.
 * Owners and admins; audited; nothing is sent and no activation event is recorded.
 */
@Stateless
@TenantScoped
public class SampleDataService {

    @PersistenceContext(unitName = "smbhub") EntityManager em;

    @EJB Access access;

    @EJB AuditService audit;

    /** What was made or removed; {@code present}: whether the business shows sample records afterwards. */
    public record Summary(boolean present, int contacts, int workItems, int quotes, int invoices, int payments)
            implements Serializable {

        static Summary of(boolean present, SampleBook.Counts c) {
            return new Summary(present, c.contacts(), c.workItems(), c.quotes(), c.invoices(), c.payments());
        }

        Map<String, Object> facts() {
            return Map.of("contacts", contacts, "work_items", workItems, "quotes", quotes, "invoices", invoices,
                    "payments", payments);
        }
    }

    /** Whether the business shows sample records now (anyone in it may know). */
    public boolean present() {
        return SampleBook.present(em, tenant());
    }

    /** Fills the business once; while its sample records are there a second fill changes nothing. */
    public Summary fill() {
        access.require(Capability.MANAGE_SETTINGS);
        String tenant = tenant();
        if (SampleBook.present(em, tenant)) {
            return new Summary(true, 0, 0, 0, 0, 0);
        }
        Summary made = Summary.of(true, SampleBook.fill(em, tenant, BusinessClock.now()));
        audit.record("sample_data.filled", "tenant", tenant, null, made.facts());
        return made;
    }

    /** Removes the sample records; what the business's own work refers to stays as its own. */
    public Summary remove() {
        access.require(Capability.MANAGE_SETTINGS);
        String tenant = tenant();
        Summary removed = Summary.of(false, SampleBook.remove(em, tenant));
        audit.record("sample_data.removed", "tenant", tenant, null, removed.facts());
        return removed;
    }

    /** The demo seed: fills a demo business the first time only (its owner may remove the samples for good). */
    public static void seedDemo(EntityManager em, String tenant) {
        int marked = NativeSql.query(em, "update tenants set settings_json = settings_json"
                        + " || '{\"demo_sample_data\": true}'::jsonb where id = cast(?1 as uuid)"
                        + " and settings_json -> 'demo_sample_data' is null").setParameter(1, tenant).executeUpdate();
        if (marked > 0) {
            SampleBook.fill(em, tenant, BusinessClock.now(tenant));
        }
    }

    /** SQL: the row {@code alias} of an entity {@code type} is the business's own, not a sample ("and not exists …"). */
    public static String own(String alias, String type) {
        return " and not exists (select 1 from sample_records s where s.tenant_id = " + alias + ".tenant_id"
                + " and s.entity_type = '" + type + "' and s.entity_id = " + alias + ".id)";
    }

    private static String tenant() {
        return RequestContext.current().orElseThrow().tenantId();
    }
}
