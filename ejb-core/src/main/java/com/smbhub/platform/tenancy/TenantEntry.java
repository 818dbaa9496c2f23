package com.smbhub.platform.tenancy;

import com.smbhub.platform.audit.AuditService;
import com.smbhub.platform.security.Permissions;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The one way into a business for work that starts without a signed-in caller (a webhook, a client
 * portal link, a job): binds the business to the caller's transaction, opens a {@link RequestContext}
 * with no user, and records the entry in the audit log. The business comes from server-side data
 * (the stored event, the token row, the job's parameters), never from the request.
 */
@Stateless
public class TenantEntry {

    /** Where such work comes from; {@code platform} is what analytics and the audit log see. */
    public enum Path {
        PORTAL("portal"), STRIPE_WEBHOOK("webhook"), JOB("job"), SIGNUP("signup"), MAILBOX("mailbox"),
        SMS_WEBHOOK("webhook"), SMS_MEDIA("job"), OPS_REVIEW("ops"), SQUARE_WEBHOOK("webhook"),
        AUTOMATION("automation");

        private final String platform;

        Path(String platform) {
            this.platform = platform;
        }
    }

    @PersistenceContext(unitName = "smbhub") EntityManager em;

    @Resource TransactionSynchronizationRegistry transaction;

    @EJB AuditService audit;

    /**
     * Runs {@code work} inside business {@code tenantId}, in the caller's transaction.
     * {@code reference} names what it is about (an event id, {@code invoice:<id>}); never a secret.
     */
    public <T> T asTenant(String tenantId, Path path, String reference, String address, Supplier<T> work) {
        Tenancy.bind(em, transaction, tenantId);
        try (RequestContext.Scope scope = RequestContext.open(null, tenantId, path.platform + ":" + UUID.randomUUID(),
                address, path.platform)) {
            audit.record("tenant.entered", "entry", path.name(), null, Map.of("reference", reference));
            return work.get();
        }
    }

    /**
     * Runs what a business's own automation does (Text-to-Task drafting new messages, applying sure ones, when
     * the business turned that on) inside it, in the caller's transaction: no user, the grants of
     * {@link Permissions#AUTOMATION}; the entry is audited ({@code tenant.entered}, path {@code AUTOMATION}).
     */
    public <T> T asAutomation(String tenantId, String reference, Supplier<T> work) {
        return asTenant(tenantId, Path.AUTOMATION, reference, null, () -> {
            RequestContext.current().orElseThrow().resolvedRole(Permissions.AUTOMATION.name());
            return work.get();
        });
    }

    /**
     * Runs a platform ops user's decision on a draft the business sent to their review queue inside that
     * business, in the caller's transaction: the ops user is the actor of everything recorded, with the grants
     * of {@link Permissions#OPS_REVIEWER}; the entry is audited ({@code tenant.entered}, path {@code OPS_REVIEW}).
     */
    public <T> T asOps(String tenantId, String opsUserId, String reference, Supplier<T> work) {
        Tenancy.bind(em, transaction, tenantId);
        RequestContext outer = RequestContext.current().orElse(null);
        try (RequestContext.Scope scope = RequestContext.open(opsUserId, tenantId,
                outer == null ? "ops:" + UUID.randomUUID() : outer.requestId(), outer == null ? null : outer.ipAddress(),
                Path.OPS_REVIEW.platform)) {
            RequestContext.current().orElseThrow().resolvedRole(Permissions.OPS_REVIEWER.name());
            audit.record("tenant.entered", "entry", Path.OPS_REVIEW.name(), null, Map.of("reference", reference));
            return work.get();
        }
    }
}
