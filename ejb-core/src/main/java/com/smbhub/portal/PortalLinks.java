package com.smbhub.portal;

import com.smbhub.money.Drafts;
import com.smbhub.money.MoneyDocument;
import com.smbhub.platform.Ids;
import com.smbhub.platform.audit.AuditService;
import com.smbhub.platform.errors.NotFoundException;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.security.Access;
import com.smbhub.platform.security.Capability;
import com.smbhub.platform.security.LinkTokens;
import com.smbhub.platform.tenancy.RequestContext;
import com.smbhub.platform.tenancy.TenantScoped;
import com.smbhub.tenant.Tenant;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** The business's side of client links: make (or regenerate) the link of an invoice or quote, revoking the earlier ones. */
@Stateless
@TenantScoped
public class PortalLinks {

    @PersistenceContext(unitName = "smbhub") EntityManager em;

    @EJB Access access;

    @EJB AuditService audit;

    /**
     * A new link for the document (path {@code /portal/invoices/<token>} or {@code /portal/quotes/<token>});
     * every earlier link to it stops working.
     */
    public String regenerate(Drafts.Kind kind, String documentId) {
        return regenerate(kind, documentId, null, null);
    }

    /** The same, for one recipient (kept with the link) and, with {@code expiresInDays}, only that many days. */
    public String regenerate(Drafts.Kind kind, String documentId, String recipient, Integer expiresInDays) {
        access.require(Capability.MONEY_SEND);
        em.find(Tenant.class, RequestContext.current().orElseThrow().tenantId()).requireVerified();
        MoneyDocument document = Ids.isId(documentId) ? em.find(kind.type, documentId) : null;
        if (document == null || document.getDeletedAt() != null) {
            throw new NotFoundException(kind.entity);
        }
        return issue(kind.name(), documentId, recipient, expiresInDays, true);
    }

    /**
     * A link for an answer to the client's message from the document's page (the inbox e-mails it); the links
     * the client has keep working. Needs the right to answer in the inbox.
     */
    public String forAnswer(String documentType, String documentId) {
        access.require(Capability.INBOX_RESPOND);
        Drafts.Kind kind = Drafts.Kind.valueOf(documentType);
        MoneyDocument document = Ids.isId(documentId) ? em.find(kind.type, documentId) : null;
        if (document == null || document.getDeletedAt() != null) {
            throw new NotFoundException(kind.entity);
        }
        return issue(kind.name(), documentId, null, null, false);
    }

    private String issue(String kind, String documentId, String recipient, Integer expiresInDays, boolean revokeEarlier) {
        if (expiresInDays != null && (expiresInDays < 1 || expiresInDays > 365)) {
            throw new ValidationException("expires_in_days", "From 1 to 365 days, or none");
        }
        Instant now = Instant.now();
        if (revokeEarlier) {
            em.createQuery("select t from PortalToken t where t.documentType = :kind and t.documentId = :id"
                            + " and t.revokedAt is null", PortalToken.class).setParameter("kind", kind)
                    .setParameter("id", documentId).getResultList().forEach(t -> t.revoke(now));
        }
        String token = LinkTokens.newToken();
        em.persist(new PortalToken(kind, documentId, recipient, LinkTokens.hash(token),
                expiresInDays == null ? null : now.plus(Duration.ofDays(expiresInDays)),
                RequestContext.current().orElseThrow().userId()));
        em.flush();
        audit.record("portal.link_created", kind.toLowerCase(), documentId, null, Map.of("document_type", kind));
        return "/portal/" + kind.toLowerCase() + "s/" + token;
    }
}
