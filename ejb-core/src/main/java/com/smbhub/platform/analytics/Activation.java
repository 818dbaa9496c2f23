package com.smbhub.platform.analytics;

import static com.smbhub.platform.db.NativeSql.instant;

import com.smbhub.platform.db.NativeSql;
import com.smbhub.platform.security.PlatformOps;
import com.smbhub.platform.tenancy.CrossTenant;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Platform ops' view of activation (PRD 4.1.2): per business when it started, sent its first invoice and
 * received its first payment, its time to first value, and its Weekly Completed Business Actions; over
 * all businesses the activation funnel. Everything is computed from the analytics events.
 */
@Stateless
public class Activation {

    /**
     * What counts as a completed business action (WCBA): an invoice sent, a payment received, a work item
     * closed, an expense submitted or approved, and a client's answer in the portal.
     */
    static final String WCBA = "(e.event_name in ('invoice.sent', 'payment.succeeded', 'work_item.closed',"
            + " 'expense.submitted', 'expense.approved') or (e.event_name in ('quote.approved', 'quote.rejected')"
            + " and e.platform = 'portal'))";

    /** One business: {@code timeToFirstValue} from its start to its first payment (null until then). */
    public record Business(String id, String name, Instant signedUpAt, Instant firstInvoiceSentAt, Instant firstPaymentAt,
                           Duration timeToFirstValue, long weeklyActions) implements Serializable {
    }

    /** Over all businesses: how many started, sent an invoice (and within 7 days of starting), got paid. */
    public record Funnel(long businesses, long sentInvoice, long sentWithinSevenDays, long receivedPayment,
                         long weeklyActions) implements Serializable {
    }

    public record Report(Funnel funnel, List<Business> businesses) implements Serializable {
    }

    @PersistenceContext(unitName = "smbhub") EntityManager em;

    /** The newest {@code limit} businesses (1–500) and the funnel over all; the week ends now. */
    public Report report(int limit) {
        PlatformOps.require(em);
        Instant weekAgo = Instant.now().minus(Duration.ofDays(7));
        return CrossTenant.run(em, CrossTenant.Purpose.OPS_REPORT, () -> {
            String milestones = "select t.id, t.external_org_id, t.name, t.created_at,"
                    + " (select min(e.occurred_at) from analytics_events e where e.tenant_id = t.id and e.event_name = 'invoice.sent') sent,"
                    + " (select min(e.occurred_at) from analytics_events e where e.tenant_id = t.id"
                    + "  and e.event_name = 'payment.succeeded') paid,"
                    + " (select count(*) from analytics_events e where e.tenant_id = t.id and e.occurred_at >= ?1 and " + WCBA + ") wcba"
                    + " from tenants t where t.deleted_at is null";
            Object[] f = (Object[]) NativeSql.query(em, "select count(*), count(sent), count(*) filter (where sent <= created_at"
                            + " + interval '7 days'), count(paid), coalesce(sum(wcba), 0) from (" + milestones + ") m")
                    .setParameter(1, Timestamp.from(weekAgo)).getSingleResult();
            Funnel funnel = new Funnel(number(f[0]), number(f[1]), number(f[2]), number(f[3]), number(f[4]));
            List<?> rows = NativeSql.query(em, "select external_org_id, name, created_at, sent, paid, wcba from (" + milestones
                            + ") m order by created_at desc limit ?2").setParameter(1, Timestamp.from(weekAgo))
                    .setParameter(2, Math.max(1, Math.min(limit, 500))).getResultList();
            List<Business> businesses = rows.stream().map(r -> (Object[]) r).map(r -> {
                Instant started = instant(r[2]);
                Instant paid = instant(r[4]);
                return new Business((String) r[0], (String) r[1], started, instant(r[3]), paid,
                        paid == null ? null : Duration.between(started, paid), number(r[5]));
            }).toList();
            return new Report(funnel, businesses);
        });
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
