package com.smbhub.portal;

import com.smbhub.platform.time.BusinessClock;
import com.smbhub.contact.Contact;
import com.smbhub.invoice.Invoice;
import com.smbhub.invoice.InvoicePdf;
import com.smbhub.invoice.InvoiceService;
import com.smbhub.invoice.InvoiceView;
import com.smbhub.money.TaxCode;
import com.smbhub.platform.db.NativeSql;
import com.smbhub.platform.tenancy.Tenancy;
import com.smbhub.tenant.Tenant;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The client's side of a link: the token alone finds the document and its business (no caller,
 * no membership); a revoked, expired or unknown token finds nothing, and callers cannot tell which.
 * Only this class reads documents without a member: it names the token's business on the
 * EntityManager itself, so every read stays inside that business.
 */
@Stateless
public class PortalService {

    @PersistenceContext(unitName = "smbhub")
    EntityManager em;

    @jakarta.ejb.EJB
    com.smbhub.invoice.CheckoutLinks checkout;

    @jakarta.ejb.EJB
    com.smbhub.platform.audit.AuditService audit;

    /** What the invoice page shows: no internal ids, no staff names; {@code payable} offers the Pay button. */
    public record InvoicePage(String businessName, InvoiceView invoice, Map<String, String> taxNames, boolean payable,
                              List<Receipt> receipts) {
    }

    /** A payment as the client's receipt shows it. */
    public record Receipt(LocalDate paidOn, java.math.BigDecimal amount, String currency, String method, boolean refunded) {
    }

    public Optional<InvoicePage> invoice(String token) {
        Invoice invoice = invoiceOf(token).orElse(null);
        if (invoice == null) {
            return Optional.empty();
        }
        Tenant tenant = em.find(Tenant.class, invoice.getTenantId());
        Map<String, TaxCode> codes = com.smbhub.money.Drafts.allTaxCodes(em);
        Map<String, String> names = new HashMap<>();
        codes.values().forEach(t -> names.put(t.code(), t.name()));
        Contact client = em.find(Contact.class, invoice.getContactId());
        LocalDate today = BusinessClock.today(tenant.zone());
        touch(token);
        boolean payable = checkout.payable(invoice, tenant);
        List<Receipt> receipts = em.createQuery("select p from Payment p where p.invoiceId = :id and p.deletedAt is null"
                        + " and p.status in :received order by p.paidAt", com.smbhub.payment.Payment.class)
                .setParameter("received", com.smbhub.payment.PaymentStatus.names(com.smbhub.payment.PaymentStatus.RECEIVED))
                .setParameter("id", invoice.getId()).getResultStream().map(p -> new Receipt(LocalDate.ofInstant(p.getPaidAt(), tenant.zone()), p.getAmount(),
                        p.getCurrency(), "STRIPE".equals(p.getProvider()) ? "Card" : p.getProvider().equals("BANK") ? "Bank transfer"
                        : p.getProvider().equals("CASH") ? "Cash" : "Other", p.getStatus() == com.smbhub.payment.PaymentStatus.REFUNDED)).toList();
        return Optional.of(new InvoicePage(tenant.getName(), InvoiceService.viewOf(invoice, codes,
                client == null ? null : client.getDisplayName(), today, List.of()), names, payable, receipts));
    }

    /**
     * The Stripe Checkout page for the token's invoice (the client pressed Pay); empty for a link that
     * is not valid. Back to {@code pageUrl} afterwards. A document that cannot be paid is a
     * ValidationException, Stripe's refusal a ProviderException; neither changes anything.
     */
    public Optional<String> pay(String token, String pageUrl, String address) {
        Invoice invoice = invoiceOf(token).orElse(null);
        if (invoice == null) {
            return Optional.empty();
        }
        String tenantId = invoice.getTenantId();
        try (var scope = com.smbhub.platform.tenancy.RequestContext.open(null, tenantId, "portal:" + java.util.UUID.randomUUID(),
                address, "portal")) {
            return Optional.of(checkout.urlFor(invoice, em.find(Tenant.class, tenantId), pageUrl + "?paid=1", pageUrl));
        }
    }

    public Optional<byte[]> invoicePdf(String token) {
        return invoice(token).map(page -> InvoicePdf.render(page.invoice(), page.businessName(), page.invoice().contactName(),
                null, null, page.taxNames()));
    }

    /** What the quote page shows: no internal ids, no staff names. */
    public record QuotePage(String businessName, com.smbhub.quote.QuoteView quote, Map<String, String> taxNames) {
    }

    public Optional<QuotePage> quote(String token) {
        com.smbhub.quote.Quote quote = quoteOf(token).orElse(null);
        if (quote == null) {
            return Optional.empty();
        }
        Tenant tenant = em.find(Tenant.class, quote.getTenantId());
        Map<String, TaxCode> codes = com.smbhub.money.Drafts.allTaxCodes(em);
        Map<String, String> names = new HashMap<>();
        codes.values().forEach(t -> names.put(t.code(), t.name()));
        Contact client = em.find(Contact.class, quote.getContactId());
        return Optional.of(new QuotePage(tenant.getName(), com.smbhub.quote.QuoteService.viewOf(quote, codes,
                client == null ? null : client.getDisplayName(), BusinessClock.today(tenant.zone()), List.of()), names));
    }

    public Optional<byte[]> quotePdf(String token) {
        return quote(token).map(page -> com.smbhub.quote.QuoteService.pdf(page.quote(), page.businessName(),
                page.quote().contactName(), null, page.taxNames()));
    }

    /**
     * The client approves or declines the quote behind the link (with an optional note); empty for a
     * link that is not valid. A quote that is not waiting for an answer is a ValidationException.
     */
    public Optional<String> decideQuote(String token, boolean approve, String note, String address) {
        com.smbhub.quote.Quote quote = quoteOf(token).orElse(null);
        if (quote == null) {
            return Optional.empty();
        }
        em.lock(quote, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        em.refresh(quote);
        Tenant tenant = em.find(Tenant.class, quote.getTenantId());
        try (var scope = com.smbhub.platform.tenancy.RequestContext.open(null, tenant.getId(),
                "portal:" + java.util.UUID.randomUUID(), address, "portal")) {
            com.smbhub.quote.QuoteService.decideLocked(em, audit, quote, approve, note, "portal", BusinessClock.today(tenant.zone()),
                    tenant.getProfileId());
        }
        return Optional.of(quote.getStatus().name());
    }

    private Optional<com.smbhub.quote.Quote> quoteOf(String token) {
        Optional<String[]> found = find(token, "QUOTE");
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Tenancy.apply(em, found.get()[0]);
        com.smbhub.quote.Quote quote = em.find(com.smbhub.quote.Quote.class, found.get()[1]);
        if (quote == null || quote.getDeletedAt() != null) {
            return Optional.empty();
        }
        touch(token);
        return Optional.of(quote);
    }

    private void touch(String token) {
        NativeSql.query(em, "update portal_tokens set last_used_at = now() where token_hash = ?1")
                .setParameter(1, PortalLinks.hash(token)).executeUpdate();
    }

    /** The live token's invoice, with its business named on the EntityManager. */
    private Optional<Invoice> invoiceOf(String token) {
        Optional<String[]> found = find(token, "INVOICE");
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Tenancy.apply(em, found.get()[0]);
        Invoice invoice = em.find(Invoice.class, found.get()[1]);
        return invoice == null || invoice.getDeletedAt() != null ? Optional.empty() : Optional.of(invoice);
    }

    /** [tenant id, document id] of a live token of this kind. */
    private Optional<String[]> find(String token, String kind) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        List<?> rows = NativeSql.query(em, "select cast(tenant_id as text), cast(document_id as text) from portal_tokens"
                        + " where token_hash = ?1 and document_type = ?2 and revoked_at is null"
                        + " and (expires_at is null or expires_at > now())")
                .setParameter(1, PortalLinks.hash(token)).setParameter(2, kind).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        return Optional.of(new String[] {(String) row[0], (String) row[1]});
    }

}
