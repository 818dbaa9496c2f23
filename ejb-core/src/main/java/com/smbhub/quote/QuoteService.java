package com.smbhub.quote;

import com.smbhub.contact.Contact;
import com.smbhub.invoice.InvoiceService;
import com.smbhub.invoice.InvoiceView;
import com.smbhub.money.DocumentDraft;
import com.smbhub.money.DocumentMail;
import com.smbhub.money.DocumentPdf;
import com.smbhub.money.DocumentService;
import com.smbhub.money.Drafts;
import com.smbhub.money.MoneyText;
import com.smbhub.money.TaxCode;
import com.smbhub.money.Totals;
import com.smbhub.notification.NotificationService;
import com.smbhub.platform.analytics.Analytics;
import com.smbhub.platform.errors.ValidationException.FieldError;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.mail.Mailer;
import com.smbhub.platform.mail.Wording;
import com.smbhub.platform.security.Access;
import com.smbhub.platform.security.Capability;
import com.smbhub.platform.security.Grant;
import com.smbhub.platform.security.Permissions;
import com.smbhub.platform.tenancy.RequestContext;
import com.smbhub.platform.tenancy.TenantScoped;
import com.smbhub.platform.time.BusinessClock;
import com.smbhub.portal.PortalLinks;
import com.smbhub.profile.EffectiveProfile;
import com.smbhub.tenant.BusinessLogo;
import com.smbhub.tenant.Tenant;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Quotes of the current business (PRD 2.1, 12.2 B, 12.3.4): drafts with the invoice's rules and
 * totals, numbers Q-1001…, sending by e-mail with a client link, the client's (or, told in person,
 * the business's) approval or rejection, and one-click conversion of an approved quote to an invoice.
 */
@Stateless
@TenantScoped
public class QuoteService extends DocumentService<Quote, QuoteView> {

    private static final String QUOTE_EMAIL = "quote_email";

    @EJB InvoiceService invoices;

    @EJB PortalLinks links;

    @EJB DocumentMail mail;

    public QuoteService() {
        super(Drafts.Kind.QUOTE, Quote.class, number -> new Quote(number, null, null, null, null));
    }

    /** EXPIRED: sent, unanswered and past its date in the business's zone; SENT: the ones not expired. */
    @Override
    protected void filterByStatus(String status, LocalDate today, StringBuilder jpql, Map<String, Object> params) {
        QuoteStatus wanted = QuoteStatus.of(status);
        if (wanted == null) {
            throw new ValidationException("status", "One of " + String.join(", ", QuoteStatus.FILTERS));
        }
        if (wanted == QuoteStatus.EXPIRED || wanted == QuoteStatus.SENT) {
            jpql.append(wanted == QuoteStatus.EXPIRED ? " and d.status = :sent and d.endDate < :today"
                    : " and d.status = :sent and (d.endDate is null or d.endDate >= :today)");
            params.put("sent", QuoteStatus.SENT.name());
            params.put("today", today);
        } else {
            jpql.append(" and d.status = :status");
            params.put("status", status);
        }
    }

    /**
     * E-mails the quote with its PDF and a fresh client link where the client approves or rejects it;
     * SENT only once the mail server took the message (otherwise PROVIDER_ERROR, nothing changed).
     */
    public QuoteView send(String id, String to, String message, String templateId) {
        access.require(Capability.MONEY_SEND);
        Quote quote = find(id, Grant.ALL);
        QuoteView view = view(quote);
        List<FieldError> errors = new ArrayList<>();
        if (!view.state().allows(QuoteStatus.Action.SEND)) {
            errors.add(new FieldError("status", "A " + view.status().toLowerCase() + " quote is not sent"));
        }
        if (quote.getTotal().signum() <= 0) {
            errors.add(new FieldError("total", "The total must be more than zero"));
        }
        if (quote.getExpiryDate() != null && quote.getExpiryDate().isBefore(BusinessClock.today(tenant().zone()))) {
            errors.add(new FieldError("expiry_date", "The quote's date has passed; give it a new one first"));
        }
        DocumentMail.Addressed addressed = mail.address(quote.getContactId(), to, message, errors);
        String page = links.regenerate(Drafts.Kind.QUOTE, id, addressed.address(), null);
        mail.send("QUOTE", id, quote.getContactId(), letter(quote), templateId, addressed, page,
                new Mailer.Attachment(quote.getNumber() + ".pdf", "application/pdf", pdf(id, page)), UnaryOperator.identity(), null);
        String before = quote.getStatus().name();
        quote.markSent(BusinessClock.now());
        em.flush();
        audit.record("quote.sent", "quote", id, Map.of("status", before), Map.of("status", quote.getStatus().name(),
                "to", addressed.address()));
        Analytics.record(em, "quote.sent", profiles.effective().profileId(), "manual", Map.of("quote_id", id));
        return view(quote);
    }

    /** What the client will read when the quote is sent (the link is made when sending). */
    public Wording.Text preview(String id, String message, String templateId) {
        access.require(Capability.MONEY_SEND);
        Quote quote = find(id, Grant.ALL);
        return mail.preview(quote.getContactId(), letter(quote), templateId, message);
    }

    /** The quote e-mail templates a sender picks from, the default marked. */
    public List<Wording.Template> templates() {
        access.require(Capability.MONEY_SEND);
        return mail.templates(QUOTE_EMAIL);
    }

    private static DocumentMail.Letter letter(Quote quote) {
        return new DocumentMail.Letter(QUOTE_EMAIL, quote.getNumber(), MoneyText.format(quote.getTotal(), quote.getCurrency()),
                quote.getExpiryDate());
    }

    /** The business records the client's answer given in person or by phone: APPROVED or REJECTED. */
    public QuoteView decide(String id, boolean approve, String note) {
        access.require(Capability.MONEY_SEND);
        Quote quote = find(id, Grant.ALL);
        em.lock(quote, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(quote);
        decideLocked(quote, approve, note, "manual");
        return view(quote);
    }

    /**
     * The client's answer through a portal link: the quote is locked and its business was entered by
     * {@link TenantEntry} (no signed-in caller); a signed-in member answers through {@link #decide}.
     */
    public void answerFromPortal(Quote locked, boolean approve, String note) {
        if (RequestContext.current().map(RequestContext::userId).orElse(null) != null) {
            throw new IllegalStateException("Only the client portal answers for the client");
        }
        decideLocked(locked, approve, note, "portal");
    }

    /** Applies an answer to a locked quote: the business is notified and the answer audited. */
    private void decideLocked(Quote quote, boolean approve, String note, String source) {
        Tenant business = tenant();
        QuoteStatus decision = quote.decide(approve, note, BusinessClock.today(business.zone()), BusinessClock.now(),
                business.getCountry());
        String clean = quote.getDecisionNote();
        em.flush();
        audit.record(approve ? "quote.approved" : "quote.rejected", "quote", quote.getId(), Map.of("status", QuoteStatus.SENT.name()),
                clean == null ? Map.of("status", decision.name(), "source", source) : Map.of("status", decision.name(), "source", source,
                        "note", clean));
        NotificationService.add(em, approve ? "quote.approved" : "quote.rejected",
                "Quote " + quote.getNumber() + (approve ? " was approved" : " was declined")
                        + ("portal".equals(source) ? " by the client" : "") + (clean == null ? "" : ": “" + clean + "”"),
                "quote", quote.getId());
        Analytics.record(em, approve ? "quote.approved" : "quote.rejected", profiles.effective().profileId(), source,
                Map.of("quote_id", quote.getId()));
    }

    /**
     * An approved quote becomes a draft invoice with the same client, lines, tax, discount, notes and
     * terms, linked both ways; converting again opens that invoice, never a second.
     */
    public InvoiceView convertToInvoice(String id) {
        access.require(Capability.MONEY_DRAFT);
        Quote quote = find(id, Grant.ALL);
        em.lock(quote, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(quote);
        if (quote.getStatus() == QuoteStatus.CONVERTED && quote.getConvertedInvoiceId() != null) {
            return invoices.get(quote.getConvertedInvoiceId());
        }
        EffectiveProfile profile = profiles.effective();
        if (!profile.conversion("quote_to_invoice")) {
            throw new ValidationException("status", "Your business does not turn quotes into invoices");
        }
        if (quote.getStatus() != QuoteStatus.APPROVED) {
            throw new ValidationException("status", "Only an approved quote becomes an invoice");
        }
        DocumentDraft stored = quote.stored();
        DocumentDraft draft = new DocumentDraft(quote.getContactId(), quote.getWorkItemId(), null, null, quote.getCurrency(),
                stored.pricing(), stored.taxCode(), stored.lines(), stored.discount(), quote.getNotes(), quote.getTerms());
        InvoiceView invoice = invoices.createFromQuote(draft, quote.getId());
        quote.converted(invoice.id());
        em.flush();
        audit.record("quote.converted", "quote", id, Map.of("status", QuoteStatus.APPROVED.name()),
                Map.of("status", QuoteStatus.CONVERTED.name(), "invoice_id", invoice.id(), "invoice_number", invoice.number()));
        Analytics.record(em, "quote.converted_to_invoice", profile.profileId(), "manual",
                Map.of("quote_id", id, "invoice_id", invoice.id()));
        return invoice;
    }

    @Override
    public byte[] pdf(String id) {
        return pdf(id, null);
    }

    /** The PDF with the client's page to approve it ({@code pageUrl} may be null). */
    byte[] pdf(String id, String pageUrl) {
        Quote quote = find(id, access.require(Capability.MONEY_READ));
        return pdf(quote, client(quote), allCodes(), tenant(), BusinessLogo.of(em, tenant().getId()), pageUrl);
    }

    /** The stored quote as its PDF, as the back office gives it; {@code client}, {@code logo}, {@code pageUrl} may be null. */
    public static byte[] pdf(Quote quote, Contact client, Map<String, TaxCode> codes, Tenant business, byte[] logo,
                             String pageUrl) {
        QuoteView q = viewOf(quote, codes, client == null ? null : client.getDisplayName(), BusinessClock.today(business.zone()),
                List.of());
        String country = business.getCountry();
        QuoteStatus status = QuoteStatus.valueOf(q.status());
        return DocumentPdf.render(new DocumentPdf.Sheet("Quote " + q.number(), "Issued " + DocumentPdf.date(q.issueDate(), country)
                        + (q.endDate() == null ? "" : " · Valid until " + DocumentPdf.date(q.endDate(), country)), q.currency(),
                        q.pricing(), q.lines(), q.lineTotals(), q.subtotal(), q.discountTotal(), q.taxes(), q.total(), null, null,
                        q.notes(), q.terms(), status == QuoteStatus.APPROVED || status == QuoteStatus.EXPIRED ? status : null),
                new DocumentPdf.Parties(business.letterhead(logo), DocumentPdf.To.of(q.contactName(), client),
                        pageUrl == null || !status.afterSend().allows(QuoteStatus.Action.APPROVE) ? null
                                : new DocumentPdf.Link("See and approve online", pageUrl), TaxCode.names(codes)));
    }

    @Override
    protected QuoteView view(Quote q, Map<String, TaxCode> codes, LocalDate today) {
        List<String> actions = new ArrayList<>();
        var role = Access.resolved();
        QuoteStatus state = q.state(today);
        for (QuoteStatus.Action action : QuoteStatus.Action.values()) {
            boolean may = switch (action) {
                case UPDATE -> Permissions.allows(role, Capability.MONEY_DRAFT);
                case SEND, SHARE_LINK, APPROVE, REJECT -> Permissions.allows(role, Capability.MONEY_SEND);
                case CONVERT_TO_INVOICE -> Permissions.grant(role, Capability.MONEY_DRAFT) == Grant.ALL;
            };
            if (may && state.allows(action)) {
                actions.add(action.apiName());
            }
        }
        Contact contact = client(q);
        return viewOf(q, codes, contact == null ? null : contact.getDisplayName(), today, actions);
    }

    /** The quote with its computed lines and the status a reader sees (EXPIRED when sent and past its date). */
    public static QuoteView viewOf(Quote q, Map<String, TaxCode> codes, String contactName, LocalDate today, List<String> actions) {
        DocumentDraft stored = q.stored();
        Totals.Result totals = Totals.compute(stored.lines(), codes, stored.pricing(), stored.discount(), q.getCurrency());
        return new QuoteView(q.getId(), q.getNumber(), q.state(today).name(), q.getContactId(),
                contactName, q.getWorkItemId(), q.getIssueDate(), q.getExpiryDate(), q.getCurrency(), stored.pricing(),
                stored.taxCode(), stored.lines(), stored.discount(), totals.lines(), q.getSubtotal(), q.getDiscountTotal(),
                q.getTaxTotal(), totals.taxes(), q.getTotal(), q.getNotes(), q.getTerms(), q.getConvertedInvoiceId(),
                q.getDecidedAt(), q.getDecisionNote(), q.getVersion(), q.getCreatedAt(), q.getUpdatedAt(), List.copyOf(actions),
                q.state(today), q.getViewedAt());
    }

}
