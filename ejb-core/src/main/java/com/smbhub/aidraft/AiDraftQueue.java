package com.smbhub.aidraft;

import static com.smbhub.platform.db.NativeSql.instant;

import com.smbhub.extract.Extraction;
import com.smbhub.platform.Ids;
import com.smbhub.platform.analytics.Analytics;
import com.smbhub.platform.db.NativeSql;
import com.smbhub.platform.errors.NotFoundException;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.security.PlatformOps;
import com.smbhub.platform.tenancy.CrossTenant;
import com.smbhub.platform.tenancy.RequestContext;
import com.smbhub.platform.tenancy.TenantEntry;
import com.smbhub.profile.ProfileService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Platform ops' QC queue (PRD 3.14, issue 15): the drafts businesses sent to review, over every business,
 * oldest first, with their age against the review SLA, and the AI KPIs from the drafts of the last 30 days
 * (read in the audited cross-business scope {@code AI_REVIEW}); and ops' decisions on one of those drafts —
 * take it, correct it, approve and apply, reject — made inside its business through {@link TenantEntry#asOps}
 * by the same {@link AiDraftService} calls as the business's own. Only drafts sent to review are reachable.
 */
@Stateless
public class AiDraftQueue {

    /** How long a draft may wait for review before it counts as a breach. */
    public static final Duration SLA = Duration.ofHours(4);
    private static final Duration KPI_WINDOW = Duration.ofDays(30);

    @PersistenceContext(unitName = "smbhub") EntityManager em;

    @EJB TenantEntry entry;

    @EJB AiDraftService drafts;

    @EJB ProfileService profiles;

    /**
     * One draft waiting for (or given) review; {@code subject} its conversation's subject (or null), {@code reviewer}
     * the e-mail of the ops user who took it.
     */
    public record Row(String id, String businessId, String businessName, String subject, String intent, String status, double confidence,
                      String confidenceBand, Instant sentAt, Duration age, boolean breached, String reviewerId,
                      String reviewer)
            implements Serializable {
    }

    /**
     * The PRD's AI KPIs over the last 30 days: of the drafts decided, how many were applied (acceptance) and
     * approved or applied (approval); average minutes from QC request to review; drafts by confidence band; the
     * share of the applied ones the business's automation applied (a sure reading, no person); reviews later than the SLA.
     */
    public record Kpis(long drafts, double acceptanceRate, double approvalRate, Double averageQcMinutes, long high,
                       long medium, long low, double autoAppliedRate, long slaBreaches) implements Serializable {
    }

    public record Queue(List<Row> rows, Kpis kpis) implements Serializable {
    }

    /** One draft under review: the draft, its business and the text it was read from. */
    public record Review(AiDraftView draft, String businessName, String sourceText) implements Serializable {
    }

    /**
     * {@code status} one of the lifecycle's names (null: the open ones, PENDING_QC and APPROVED); {@code businessId}
     * one business's drafts only, by the id the API names it with (null: every business's).
     */
    public Queue queue(String status, String businessId, int limit) {
        PlatformOps.require(em);
        if (status != null && AiDraftStatus.of(status) == null) {
            throw new ValidationException("status", "One of PENDING_QC, APPROVED, APPLIED, REJECTED");
        }
        Instant now = Instant.now();
        return CrossTenant.run(em, CrossTenant.Purpose.AI_REVIEW, () -> {
            List<?> found = NativeSql.query(em, "select d.id, t.external_org_id, t.name, d.intent, d.status, coalesce(d.confidence, 0),"
                            + " d.qc_requested_at, d.reviewed_at, d.reviewer_id, u.email, c.subject from ai_drafts d"
                            + " join tenants t on t.id = d.tenant_id left join users u on u.id = d.reviewer_id"
                            + " left join conversations c on c.id = d.conversation_id"
                            + " where d.qc_requested_at is not null and d.deleted_at is null"
                            + " and (?1 = '' and d.status in ('PENDING_QC', 'APPROVED') or d.status = ?1)"
                            + " and (?3 = '' or t.external_org_id = ?3)"
                            + " order by d.qc_requested_at limit ?2")
                    .setParameter(1, status == null ? "" : status).setParameter(2, Math.max(1, Math.min(limit, 500)))
                    .setParameter(3, businessId == null ? "" : businessId)
                    .getResultList();
            List<Row> rows = found.stream().map(r -> (Object[]) r).map(r -> {
                Instant sent = instant(r[6]);
                Instant reviewed = instant(r[7]);
                Duration age = Duration.between(sent, reviewed == null ? now : reviewed);
                double confidence = ((Number) r[5]).doubleValue();
                return new Row(str(r[0]), str(r[1]), (String) r[2], (String) r[10], (String) r[3], (String) r[4], confidence,
                        Extraction.band(confidence), sent, age, age.compareTo(SLA) > 0, str(r[8]), (String) r[9]);
            }).toList();
            return new Queue(rows, kpis(now));
        });
    }

    private Kpis kpis(Instant now) {
        Object[] k = (Object[]) NativeSql.query(em, "select count(*),"
                        + " count(*) filter (where status = 'APPLIED'),"
                        + " count(*) filter (where status in ('APPROVED', 'APPLIED')),"
                        + " count(*) filter (where status in ('APPLIED', 'REJECTED')),"
                        + " avg(extract(epoch from (reviewed_at - qc_requested_at)) / 60) filter (where qc_requested_at is not null"
                        + "   and reviewed_at >= qc_requested_at),"
                        + " count(*) filter (where coalesce(confidence, 0) >= 0.8),"
                        + " count(*) filter (where coalesce(confidence, 0) >= 0.5 and coalesce(confidence, 0) < 0.8),"
                        + " count(*) filter (where coalesce(confidence, 0) < 0.5),"
                        + " count(*) filter (where status = 'APPLIED' and auto_applied),"
                        + " count(*) filter (where qc_requested_at is not null and coalesce(reviewed_at, ?2) - qc_requested_at"
                        + "   > make_interval(secs => ?3))"
                        + " from ai_drafts where deleted_at is null and created_at >= ?1")
                .setParameter(1, Timestamp.from(now.minus(KPI_WINDOW))).setParameter(2, Timestamp.from(now))
                .setParameter(3, (double) SLA.toSeconds()).getSingleResult();
        long drafts = number(k[0]);
        long decided = number(k[3]);
        long applied = number(k[1]);
        return new Kpis(drafts, rate(applied, decided), rate(number(k[2]), drafts), k[4] == null ? null : ((Number) k[4]).doubleValue(),
                number(k[5]), number(k[6]), number(k[7]), rate(number(k[8]), applied), number(k[9]));
    }

    private static double rate(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static String str(Object value) {
        return value == null ? null : value.toString();
    }

    /** Opens a draft for review (records {@code ops.ai_draft.view}). */
    public Review review(String id) {
        return asOps(id, "view", () -> new Review(drafts.get(id), (String) NativeSql.query(em, "select name from tenants"
                + " where id = cast(?1 as uuid)").setParameter(1, RequestContext.current().orElseThrow().tenantId())
                .getSingleResult(), drafts.sourceText(id)));
    }

    /** The ops user takes the draft's review. */
    public AiDraftView claim(String id) {
        return asOps(id, null, () -> drafts.claim(id));
    }

    /** A reviewer's corrections and notes (as {@link AiDraftService#edit}). */
    public AiDraftView edit(String id, Long expectedVersion, Extraction payload, String notes) {
        return asOps(id, null, () -> drafts.edit(id, expectedVersion, payload, notes));
    }

    /** The draft read again as another kind (as "Turn into…" choosing a kind). */
    public AiDraftView reaim(String id, String intent) {
        return asOps(id, null, () -> {
            AiDraftView d = drafts.get(id);
            if (!"MESSAGE".equals(d.sourceType())) {
                throw new ValidationException("intent", "Only a draft read from a message can be read again as another kind");
            }
            return drafts.parseMessage(d.sourceId(), intent).draft();
        });
    }

    /** Approve + Apply: approves a pending draft and applies it, in one step (as {@link AiDraftService#apply}). */
    public AiDraftView approveAndApply(String id, boolean createAnyway) {
        return asOps(id, "applied", () -> {
            if (AiDraftStatus.of(drafts.get(id).status()) == AiDraftStatus.PENDING_QC) {
                drafts.approve(id);
                record("approved", id);
            }
            return drafts.apply(id, createAnyway);
        });
    }

    public AiDraftView approve(String id) {
        return asOps(id, "approved", () -> drafts.approve(id));
    }

    public AiDraftView reject(String id, String notes) {
        return asOps(id, "rejected", () -> drafts.reject(id, notes));
    }

    /**
     * Runs {@code work} inside the business of a draft sent to review, as the signed-in ops user; {@code event}
     * (if any) is recorded as {@code ops.ai_draft.<event>} once it succeeded.
     */
    private <T> T asOps(String id, String event, Supplier<T> work) {
        String ops = PlatformOps.require(em);
        List<?> found = !Ids.isId(id) ? List.of() : CrossTenant.run(em, CrossTenant.Purpose.AI_REVIEW, () -> NativeSql.query(em,
                "select cast(tenant_id as text) from ai_drafts where id = cast(?1 as uuid) and qc_requested_at is not null"
                        + " and deleted_at is null").setParameter(1, id).getResultList());
        String tenant = found.isEmpty() ? null : (String) found.get(0);
        if (tenant == null) {
            throw new NotFoundException("draft");
        }
        return entry.asOps(tenant, ops, "ai-draft:" + id, () -> {
            T done = work.get();
            if (event != null) {
                record(event, id);
            }
            return done;
        });
    }

    private void record(String event, String id) {
        Analytics.record(em, "ops.ai_draft." + event, profiles.effective().profileId(), "ops", Map.of("ai_draft_id", id));
    }
}
