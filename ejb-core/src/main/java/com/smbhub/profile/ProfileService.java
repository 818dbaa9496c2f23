package com.smbhub.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smbhub.platform.audit.AuditService;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.security.Access;
import com.smbhub.platform.security.Capability;
import com.smbhub.platform.tenancy.RequestContext;
import com.smbhub.platform.tenancy.TenantScoped;
import com.smbhub.tenant.Tenant;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.util.Map;

/** The current business's effective profile, and its overrides (OWNER/ADMIN). */
@Stateless
@TenantScoped
public class ProfileService {

    @PersistenceContext(unitName = "smbhub") EntityManager em;

    @EJB ProfileCatalog catalog;

    @Inject ProfileCache cache;

    @EJB Access access;

    @EJB AuditService audit;

    public EffectiveProfile effective() {
        String tenantId = tenantId();
        EffectiveProfile cached = cache.get(tenantId);
        if (cached != null) {
            return cached;
        }
        EffectiveProfile computed = compute(overrides());
        cache.put(tenantId, computed);
        return computed;
    }

    /** The business's chosen profile as shipped (base + profile, without its overrides). */
    public EffectiveProfile withoutOverrides() {
        return compute(ProfileSchema.JSON.createObjectNode());
    }

    /** The business's overrides as JSON text ("{}" when it has none). */
    public String overridesJson() {
        return overrides().toString();
    }

    /** Applies a JSON merge patch (RFC 7386) to the overrides; the result must still be a valid profile. */
    public EffectiveProfile patchOverrides(String patchJson) {
        access.require(Capability.MANAGE_SETTINGS);
        JsonNode patch;
        try {
            patch = patchJson == null || patchJson.isBlank() ? null : ProfileSchema.JSON.readTree(patchJson);
        } catch (IOException e) {
            throw new ValidationException("body", "Malformed JSON");
        }
        if (patch == null || !patch.isObject()) {
            throw new ValidationException("body", "A JSON object is required");
        }
        for (String fixed : new String[] {"profile_id", "version"}) {
            if (patch.has(fixed)) {
                throw new ValidationException(fixed, "Cannot be overridden; choose another profile instead");
            }
        }
        ObjectNode before = overrides();
        ObjectNode after = ProfileMerger.mergePatch(before, patch);
        EffectiveProfile result = compute(after);
        TenantProfileOverride row = row();
        if (row == null) {
            em.persist(new TenantProfileOverride(after.toString()));
        } else {
            row.setOverrides(after.toString());
        }
        em.flush();
        audit.record("tenant.profile_overrides_changed", "tenant", tenantId(),
                Map.of("overrides", before.toString()), Map.of("overrides", after.toString()));
        cache.invalidate(tenantId());
        return result;
    }

    private EffectiveProfile compute(ObjectNode overrides) {
        Tenant tenant = em.find(Tenant.class, tenantId());
        ProfileVersion base = catalog.latest("base").orElseThrow();
        ProfileVersion chosen = catalog.latest(tenant.getProfileId())
                .orElseThrow(() -> new IllegalStateException("Unknown profile " + tenant.getProfileId()));
        ObjectNode merged = ProfileMerger.merge(ProfileCatalog.parse(base.getDefinition()),
                ProfileCatalog.parse(chosen.getDefinition()), overrides);
        ProfileSchema.check(merged, "effective profile");
        return new EffectiveProfile(chosen.getProfileKey(), chosen.getVersion(), merged);
    }

    private ObjectNode overrides() {
        TenantProfileOverride row = row();
        if (row == null) {
            return ProfileSchema.JSON.createObjectNode();
        }
        try {
            JsonNode node = ProfileSchema.JSON.readTree(row.getOverrides());
            return node.isObject() ? (ObjectNode) node : ProfileSchema.JSON.createObjectNode();
        } catch (IOException e) {
            throw new IllegalStateException("Stored overrides are not JSON", e);
        }
    }

    private TenantProfileOverride row() {
        return em.createQuery("select o from TenantProfileOverride o where o.deletedAt is null",
                TenantProfileOverride.class).getResultStream().findFirst().orElse(null);
    }

    private static String tenantId() {
        return RequestContext.current().orElseThrow().tenantId();
    }
}
