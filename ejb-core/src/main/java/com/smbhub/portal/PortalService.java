package com.smbhub.portal;

import com.smbhub.contact.Contact;
import com.smbhub.inbox.PortalMessages;
import com.smbhub.invoice.CheckoutLinks;
import com.smbhub.invoice.Invoice;
import com.smbhub.invoice.InvoicePdf;
import com.smbhub.invoice.InvoiceService;
import com.smbhub.invoice.InvoiceView;
import com.smbhub.money.DocumentPdf;
import com.smbhub.money.Drafts;
import com.smbhub.money.MoneyDocument;
import com.smbhub.money.TaxCode;
import com.smbhub.payment.Payment;
import com.smbhub.payment.PaymentStatus;
import com.smbhub.platform.audit.AuditService;
import com.smbhub.platform.db.NativeSql;
import com.smbhub.platform.security.LinkTokens;
import com.smbhub.platform.tenancy.CrossTenant;
import com.smbhub.platform.tenancy.TenantEntry;
import com.smbhub.platform.time.BusinessClock;
import com.smbhub.profile.ProfileRules;
import com.smbhub.profile.ProfileService;
import com.smbhub.quote.Quote;
import com.smbhub.quote.QuoteService;
import com.smbhub.quote.QuoteView;
import com.smbhub.tenant.BusinessLogo;
import com.smbhub.tenant.Tenant;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The client's side of a link: the token alone finds the document and its business (no caller,
 * no membership); a revoked, expired or unknown token finds nothing, and callers cannot tell which.
 * The token's business is entered through {@link TenantEntry}, so every read stays inside it.
 */
@Stateless
public class PortalService {

    @PersistenceContext(unitName = "smbhub") EntityManager em;

    @EJB CheckoutLinks checkout;

    @EJB QuoteService quotes;

    @EJB TenantEntry entry;

    @EJB AuditService audit;

    @EJB ProfileService profiles;

    /**
     * What the invoice page shows: no internal ids, no staff names; {@code payable} offers the Pay button;
     * {@code messages} the conversation about it (null: the business's inbox is off, no "Message" form).
     */
    public record InvoicePage(DocumentPdf.From business, InvoiceView invoice, Map<String, String> taxNames, boolean payable,
                              List<Receipt> receipts, List<PortalMessages.Shown> messages, ZoneId zone, String country) {
        public String businessName() {
            return business.name();
        }
    }

    /** A payment as the client's receipt shows it. */
    public record Receipt(LocalDate paidOn, BigDecimal amount, String currency, String method, boolean refunded) {
    }

    public Optional<InvoicePage> invoice(String token) {
        return withInvoice(token, null, this::invoicePage);
    }

    private InvoicePage invoicePage(Invoice invoice) {
        {
            Tenant tenant = em.find(Tenant.class, invoice.getTenantId());
            Map<String, TaxCode> codes = Drafts.allTaxCodes(em);
            Contact client = em.find(Contact.class, invoice.getContactId());
            boolean payable = checkout.payable(invoice, tenant);
            List<Receipt> receipts = em.createQuery("select p from Payment p where p.invoiceId = :id and p.deletedAt is null"
                            + " and p.status in :received order by p.paidAt", Payment.class)
                    .setParameter("received", PaymentStatus.names(PaymentStatus.RECEIVED))
                    .setParameter("id", invoice.getId()).getResultStream()
                    .map(p -> new Receipt(LocalDate.ofInstant(p.getPaidAt(), tenant.zone()), p.getAmount(), p.getCurrency(),
                            method(p.getProvider()), p.getStatus() == PaymentStatus.REFUNDED)).toList();
            return new InvoicePage(tenant.letterhead(null), InvoiceService.viewOf(invoice, codes,
                    client == null ? null : client.getDisplayName(), BusinessClock.today(tenant.zone()), List.of()),
                    TaxCode.names(codes), payable, receipts, messages("INVOICE", invoice.getId()), tenant.zone(),
                    tenant.getCountry());
        }
    }

    /**
     * The Stripe Checkout page for the token's invoice (the client pressed Pay); empty for a link that
     * is not valid. Back to {@code pageUrl} afterwards. A document that cannot be paid is a
     * ValidationException, Stripe's refusal a ProviderException; neither changes anything.
     */
    public Optional<String> pay(String token, String pageUrl, String address) {
        return withInvoice(token, address, invoice -> checkout.urlFor(invoice, em.find(Tenant.class, invoice.getTenantId()),
                pageUrl + "?paid=1", pageUrl));
    }

    /** The invoice's PDF, the same the business downloads. */
    public Optional<byte[]> invoicePdf(String token) {
        return withInvoice(token, null, invoice -> InvoicePdf.of(invoice, em.find(Contact.class, invoice.getContactId()),
                Drafts.allTaxCodes(em), em.find(Tenant.class, invoice.getTenantId()), BusinessLogo.of(em, invoice.getTenantId()),
                null));
    }

    /** What the quote page shows: no internal ids, no staff names. */
    public record QuotePage(DocumentPdf.From business, QuoteView quote, Map<String, String> taxNames,
                            List<PortalMessages.Shown> messages, ZoneId zone, String country) {
        public String businessName() {
            return business.name();
        }
    }

    public Optional<QuotePage> quote(String token) {
        return withQuote(token, null, this::quotePage);
    }

    private QuotePage quotePage(Quote quote) {
        {
            Tenant tenant = em.find(Tenant.class, quote.getTenantId());
            Map<String, TaxCode> codes = Drafts.allTaxCodes(em);
            Contact client = em.find(Contact.class, quote.getContactId());
            return new QuotePage(tenant.letterhead(null), QuoteService.viewOf(quote, codes,
                    client == null ? null : client.getDisplayName(), BusinessClock.today(tenant.zone()), List.of()),
                    TaxCode.names(codes), messages("QUOTE", quote.getId()), tenant.zone(), tenant.getCountry());
        }
    }

    /** The quote's PDF, the same the business downloads. */
    public Optional<byte[]> quotePdf(String token) {
        return withQuote(token, null, quote -> QuoteService.pdf(quote, em.find(Contact.class, quote.getContactId()),
                Drafts.allTaxCodes(em), em.find(Tenant.class, quote.getTenantId()), BusinessLogo.of(em, quote.getTenantId()), null));
    }

    /**
     * The client approves or declines the quote behind the link (with an optional note); empty for a
     * link that is not valid. A quote that is not waiting for an answer is a ValidationException.
     */
    public Optional<String> decideQuote(String token, boolean approve, String note, String address) {
        return withQuote(token, address, quote -> {
            em.lock(quote, LockModeType.PESSIMISTIC_WRITE);
            em.refresh(quote);
            quotes.answerFromPortal(quote, approve, note);
            return quote.getStatus().name();
        });
    }

    /** The messages about the document, or null when the business turned its inbox off (then the page offers none). */
    private List<PortalMessages.Shown> messages(String documentType, String documentId) {
        return profiles.effective().capability("inbox") ? PortalMessages.thread(em, documentType, documentId) : null;
    }

    /**
     * "Message <business>" from the page of the token's invoice or quote ({@code kind} INVOICE or QUOTE): the
     * message lands in the business's inbox; the business's name, or empty for a link that is not valid.
     */
    public Optional<String> message(String token, String kind, String text, String address) {
        Function<MoneyDocument, String> write = d -> {
            ProfileRules.requireCapability(profiles.effective(), "inbox");
            PortalMessages.receive(em, kind, d.getId(), d.getNumber(), d.getContactId(), text, profiles.effective().profileId());
            return em.find(Tenant.class, d.getTenantId()).getName();
        };
        return "QUOTE".equals(kind) ? withQuote(token, address, write::apply) : withInvoice(token, address, write::apply);
    }

    private static String method(String provider) {
        return provider == null ? "Other" : switch (provider) {
            case "STRIPE" -> "Card";
            case "BANK" -> "Bank transfer";
            case "CASH" -> "Cash";
            default -> "Other";
        };
    }

    /** Runs {@code work} on the live token's invoice inside its business; empty for a link that is not valid. */
    private <T> Optional<T> withInvoice(String token, String address, Function<Invoice, T> work) {
        return within(token, "INVOICE", address, id -> {
            Invoice invoice = em.find(Invoice.class, id);
            return invoice == null || invoice.getDeletedAt() != null ? null : work.apply(invoice);
        });
    }

    private <T> Optional<T> withQuote(String token, String address, Function<Quote, T> work) {
        return within(token, "QUOTE", address, id -> {
            Quote quote = em.find(Quote.class, id);
            return quote == null || quote.getDeletedAt() != null ? null : work.apply(quote);
        });
    }

    private <T> Optional<T> within(String token, String kind, String address, Function<String, T> work) {
        Optional<String[]> found = find(token, kind);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        String tenantId = found.get()[0];
        String documentId = found.get()[1];
        return Optional.ofNullable(entry.asTenant(tenantId, TenantEntry.Path.PORTAL, kind.toLowerCase() + ":" + documentId,
                address, () -> {
                    touch(token, kind, documentId);
                    return work.apply(documentId);
                }));
    }

    /** The link was used: the token's last use, and the document's "viewed by the client" (the first view audited). */
    private void touch(String token, String kind, String documentId) {
        NativeSql.query(em, "update portal_tokens set last_used_at = now() where token_hash = ?1")
                .setParameter(1, LinkTokens.hash(token)).executeUpdate();
        String table = kind.equals("INVOICE") ? "invoices" : "quotes";
        boolean first = NativeSql.query(em, "update " + table + " set viewed_at = now() where id = cast(?1 as uuid)"
                + " and viewed_at is null").setParameter(1, documentId).executeUpdate() > 0;
        if (first) {
            audit.record(kind.toLowerCase() + ".viewed", kind.toLowerCase(), documentId, null, Map.of("source", "portal"));
        } else {
            NativeSql.query(em, "update " + table + " set viewed_at = now() where id = cast(?1 as uuid)")
                    .setParameter(1, documentId).executeUpdate();
        }
    }

    /** [tenant id, document id] of a live token of this kind. */
    private Optional<String[]> find(String token, String kind) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        List<?> rows = CrossTenant.run(em, CrossTenant.Purpose.PORTAL_LINK, () -> NativeSql.query(em,
                        "select cast(tenant_id as text), cast(document_id as text) from portal_tokens"
                        + " where token_hash = ?1 and document_type = ?2 and revoked_at is null"
                        + " and (expires_at is null or expires_at > now())")
                .setParameter(1, LinkTokens.hash(token)).setParameter(2, kind).getResultList());
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        return Optional.of(new String[] {(String) row[0], (String) row[1]});
    }

}
