package com.smbhub.portal;

import com.smbhub.invoice.InvoiceService;
import com.smbhub.platform.audit.AuditService;
import com.smbhub.platform.security.Access;
import com.smbhub.platform.security.Capability;
import com.smbhub.platform.tenancy.RequestContext;
import com.smbhub.platform.tenancy.TenantInterceptor;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

/** The business's side of client links: make (or regenerate) the link of an invoice, revoking the earlier ones. */
@Stateless
@Interceptors(TenantInterceptor.class)
public class PortalLinks {

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "smbhub")
    EntityManager em;

    @EJB
    Access access;

    @EJB
    AuditService audit;

    @EJB
    InvoiceService invoices;

    /** A new link for the invoice (path {@code /portal/invoices/<token>}); every earlier link to it stops working. */
    public String regenerateInvoiceLink(String invoiceId) {
        access.require(Capability.MONEY_SEND);
        invoices.get(invoiceId);
        Instant now = Instant.now();
        em.createQuery("select t from PortalToken t where t.documentType = 'INVOICE' and t.documentId = :id"
                + " and t.revokedAt is null", PortalToken.class).setParameter("id", invoiceId).getResultList()
                .forEach(t -> t.revoke(now));
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        em.persist(new PortalToken("INVOICE", invoiceId, null, hash(token), null,
                RequestContext.current().orElseThrow().userId()));
        em.flush();
        audit.record("portal.link_created", "invoice", invoiceId, null, Map.of("document_type", "INVOICE"));
        return "/portal/invoices/" + token;
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
