package com.smbhub.quote;

import com.smbhub.platform.time.BusinessClock;
import com.smbhub.contact.Contact;
import com.smbhub.invoice.InvoiceService;
import com.smbhub.invoice.InvoiceView;
import com.smbhub.money.DocumentDraft;
import com.smbhub.money.DocumentPdf;
import com.smbhub.money.Drafts;
import com.smbhub.money.LineItem;
import com.smbhub.money.MoneyText;
import com.smbhub.money.Numbering;
import com.smbhub.money.TaxCode;
import com.smbhub.money.Totals;
import com.smbhub.platform.Ids;
import com.smbhub.platform.analytics.Analytics;
import com.smbhub.platform.audit.AuditService;
import com.smbhub.platform.db.NewestFirst;
import com.smbhub.platform.errors.ConflictException;
import com.smbhub.platform.errors.NotFoundException;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.errors.ValidationException.FieldError;
import com.smbhub.platform.idempotency.Idempotency;
import com.smbhub.platform.mail.Mailer;
import com.smbhub.platform.security.Access;
import com.smbhub.platform.security.Capability;
import com.smbhub.platform.security.Grant;
import com.smbhub.platform.security.Permissions;
import com.smbhub.platform.tenancy.RequestContext;
import com.smbhub.platform.tenancy.TenantInterceptor;
import com.smbhub.portal.PortalLinks;
import com.smbhub.profile.EffectiveProfile;
import com.smbhub.profile.ProfileRules;
import com.smbhub.profile.ProfileService;
import com.smbhub.tenant.Tenant;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Quotes of the current business (PRD 2.1, 12.2 B, 12.3.4): drafts with the invoice's rules and
 * totals, numbers Q-1001…, sending by e-mail with a client link, the client's (or, told in person,
 * the business's) approval or rejection, and one-click conversion of an approved quote to an invoice.
 */
@Stateless
@Interceptors(TenantInterceptor.class)
public class QuoteService {

    @PersistenceContext(unitName = "smbhub")
    EntityManager em;

    @EJB
    Access access;

    @EJB
    AuditService audit;

    @EJB
    ProfileService profiles;

    @EJB
    InvoiceService invoices;

    @EJB
    PortalLinks links;

    @EJB
    Mailer mailer;

    @EJB
    com.smbhub.platform.mail.Wording wording;

    @Inject
    @ConfigProperty(name = "smbhub.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    public record Page(List<QuoteView> items, String nextKey) {
    }

    /** The business's tax codes in use. */
    public List<TaxCode> taxCodes() {
        return invoices.taxCodes();
    }

    public QuoteView create(DocumentDraft draft, Optional<Idempotency.Key> idempotencyKey) {
        Grant grant = access.require(Capability.MONEY_DRAFT);
        if (grant == Grant.ASSIGNED && !assignedToMe(draft.workItemId())) {
            throw new ValidationException("work_item_id", "Agents draft quotes for work assigned to them");
        }
        EffectiveProfile profile = profiles.effective();
        ProfileRules.requireCapability(profile, "quotes");
        if (idempotencyKey.isPresent()) {
            Optional<String> earlier = Idempotency.replay(em, idempotencyKey.get());
            if (earlier.isPresent()) {
                return view(em.find(Quote.class, earlier.get()));
            }
        }
        Drafts.Checked checked = Drafts.check(em, access, tenant(), activeCodes(), draft, profile, ProfileRules.Operation.CREATE,
                Drafts.Kind.QUOTE);
        Quote quote = new Quote(Numbering.next(em, Numbering.Kind.QUOTE));
        quote.apply(checked.draft(), Drafts.json(checked.draft()), checked.totals());
        em.persist(quote);
        em.flush();
        idempotencyKey.ifPresent(k -> Idempotency.remember(em, k, quote.getId()));
        audit.record("quote.created", "quote", quote.getId(), null, snapshot(quote));
        Analytics.record(em, "quote.created", profile.profileId(), "manual", Map.of("quote_id", quote.getId(),
                "amount", quote.getTotal().toPlainString(), "currency", quote.getCurrency()));
        return view(quote);
    }

    /** The draft quote of a work item: the existing draft if there is one (never a second), else a new one. */
    public QuoteView draftForWorkItem(String workItemId) {
        Grant grant = access.require(Capability.MONEY_DRAFT);
        EffectiveProfile profile = profiles.effective();
        ProfileRules.requireCapability(profile, "quotes");
        if (!profile.conversion("work_item_to_quote")) {
            throw new ValidationException("work_item_id", "Your business does not turn work into quotes");
        }
        com.smbhub.workitem.WorkItem item = Ids.isId(workItemId) ? em.find(com.smbhub.workitem.WorkItem.class, workItemId) : null;
        if (item == null || item.getDeletedAt() != null || (grant == Grant.ASSIGNED && !assignedToMe(workItemId))) {
            throw new NotFoundException("work item");
        }
        Optional<Quote> existing = em.createQuery("select q from Quote q where q.workItemId = :w and q.status = :draft"
                        + " and q.deletedAt is null order by q.createdAt", Quote.class).setParameter("w", workItemId)
                .setParameter("draft", QuoteStatus.DRAFT.name())
                .setMaxResults(1).getResultStream().findFirst();
        if (existing.isPresent()) {
            return view(existing.get());
        }
        if (item.getContactId() == null) {
            throw new ValidationException("contact_id", "Link a contact to this " + profile.label("work_item").toLowerCase()
                    + " first: the quote needs a client");
        }
        Map<String, TaxCode> codes = activeCodes();
        QuoteView created = create(new DocumentDraft(item.getContactId(), workItemId, null, null, null, null,
                codes.size() == 1 ? codes.keySet().iterator().next() : null,
                List.of(new LineItem(item.getTitle(), BigDecimal.ONE, BigDecimal.ZERO, null)), null, null, null), Optional.empty());
        Analytics.record(em, "work_item.convert_to_quote", profile.profileId(), "manual",
                Map.of("work_item_id", workItemId, "quote_id", created.id()));
        return created;
    }

    public QuoteView get(String id) {
        return view(find(id, access.require(Capability.MONEY_READ)));
    }

    /** Changes a draft; anything but a draft is refused. */
    public QuoteView update(String id, long expectedVersion, DocumentDraft draft) {
        Grant grant = access.require(Capability.MONEY_DRAFT);
        EffectiveProfile profile = profiles.effective();
        Quote quote = find(id, grant);
        if (grant == Grant.ASSIGNED && !assignedToMe(draft.workItemId())) {
            throw new ValidationException("work_item_id", "Agents draft quotes for work assigned to them");
        }
        if (quote.getVersion() != expectedVersion) {
            throw new ConflictException("Someone changed this quote since you opened it", view(quote));
        }
        if (!quote.getStatus().allows(QuoteStatus.Action.UPDATE)) {
            throw new ValidationException("status", "Only a draft can be edited");
        }
        Drafts.Checked checked = Drafts.check(em, access, tenant(), activeCodes(), draft, profile, ProfileRules.Operation.UPDATE,
                Drafts.Kind.QUOTE);
        Map<String, Object> before = snapshot(quote);
        quote.apply(checked.draft(), Drafts.json(checked.draft()), checked.totals());
        em.flush();
        audit.recordChanges("quote.updated", "quote", id, before, snapshot(quote));
        return view(quote);
    }

    /** Newest first; {@code status} may be EXPIRED (sent, unanswered, past its date in the business's zone). */
    public Page list(String status, String contactId, String afterKey, int limit) {
        Grant grant = access.require(Capability.MONEY_READ);
        StringBuilder jpql = new StringBuilder("select q from Quote q where q.deletedAt is null");
        Map<String, Object> params = new LinkedHashMap<>();
        if (grant == Grant.ASSIGNED) {
            jpql.append(" and exists (select w.id from WorkItem w where w.id = q.workItemId and w.assignedTo = :me)");
            params.put("me", RequestContext.current().orElseThrow().userId());
        }
        LocalDate today = BusinessClock.today(tenant().zone());
        if (status != null) {
            QuoteStatus wanted = QuoteStatus.of(status);
            if (wanted == QuoteStatus.EXPIRED) {
                jpql.append(" and q.status = :sent and q.expiryDate < :today");
                params.put("sent", QuoteStatus.SENT.name());
                params.put("today", today);
            } else if (wanted == QuoteStatus.SENT) {
                jpql.append(" and q.status = :sent and (q.expiryDate is null or q.expiryDate >= :today)");
                params.put("sent", QuoteStatus.SENT.name());
                params.put("today", today);
            } else if (wanted != null) {
                jpql.append(" and q.status = :status");
                params.put("status", status);
            } else {
                throw new ValidationException("status", "One of DRAFT, SENT, APPROVED, REJECTED, EXPIRED, CONVERTED");
            }
        }
        if (contactId != null) {
            jpql.append(" and q.contactId = :contact");
            params.put("contact", contactId);
        }
        NewestFirst.continueAfter(afterKey, "q", jpql, params);
        TypedQuery<Quote> query = em.createQuery(jpql.toString(), Quote.class)
                .setHint(org.eclipse.persistence.config.QueryHints.READ_ONLY, true);
        params.forEach(query::setParameter);
        List<Quote> rows = query.setMaxResults(limit + 1).getResultList();
        Map<String, TaxCode> codes = allCodes();
        return new Page(rows.stream().limit(limit).map(q -> view(q, codes, today)).toList(), NewestFirst.nextKey(rows, limit));
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
        Contact client = em.find(Contact.class, quote.getContactId());
        String address = Mailer.recipient(to, client == null ? null : client.getEmail(), errors);
        String note = Mailer.note(message, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Tenant business = tenant();
        String link = publicUrl.replaceAll("/+$", "") + links.regenerateQuoteLink(id, address, null);
        com.smbhub.platform.mail.Wording.Text mail = wording.render("quote_email", templateId, com.smbhub.invoice.InvoiceSending.values(
                client, business, quote.getNumber(), MoneyText.format(quote.getTotal(), quote.getCurrency()),
                quote.getExpiryDate() == null ? "" : DocumentPdf.date(quote.getExpiryDate()), link, note));
        mailer.send("QUOTE", id, business.getName(), address, mail.subject(), mail.body(),
                List.of(new Mailer.Attachment(quote.getNumber() + ".pdf", "application/pdf", pdf(id))));
        String before = quote.getStatus().name();
        quote.markSent(BusinessClock.now());
        em.flush();
        audit.record("quote.sent", "quote", id, Map.of("status", before), Map.of("status", quote.getStatus().name(), "to", address));
        Analytics.record(em, "quote.sent", profiles.effective().profileId(), "manual", Map.of("quote_id", id));
        return view(quote);
    }

    /** What the client will read when the quote is sent (the link is made when sending). */
    public com.smbhub.platform.mail.Wording.Text preview(String id, String message, String templateId) {
        access.require(Capability.MONEY_SEND);
        Quote quote = find(id, Grant.ALL);
        Contact client = em.find(Contact.class, quote.getContactId());
        return wording.render("quote_email", templateId, com.smbhub.invoice.InvoiceSending.values(client, tenant(), quote.getNumber(),
                MoneyText.format(quote.getTotal(), quote.getCurrency()),
                quote.getExpiryDate() == null ? "" : DocumentPdf.date(quote.getExpiryDate()), "(the client's link)", message));
    }

    /** The quote e-mail templates a sender picks from, the default marked. */
    public List<com.smbhub.platform.mail.Wording.Template> templates() {
        access.require(Capability.MONEY_SEND);
        return wording.templates("quote_email");
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
     * Applies an answer to a locked quote (also the portal's way in): only a sent, unexpired quote is
     * answered; the business is notified and the answer audited.
     */
    public static void decideLocked(EntityManager em, AuditService audit, Quote quote, boolean approve, String note,
                                    String source, LocalDate today, String profileId) {
        if (!quote.getStatus().allows(QuoteStatus.Action.APPROVE)) {
            throw new ValidationException("status", "This quote was already " + quote.getStatus().name().toLowerCase());
        }
        if (quote.state(today) == QuoteStatus.EXPIRED) {
            throw new ValidationException("status", "This quote expired on " + DocumentPdf.date(quote.getExpiryDate()));
        }
        String clean = note == null || note.isBlank() ? null : note.trim();
        if (clean != null && clean.length() > 1000) {
            throw new ValidationException("note", "At most 1,000 characters");
        }
        QuoteStatus decision = approve ? QuoteStatus.APPROVED : QuoteStatus.REJECTED;
        quote.decide(decision, clean, BusinessClock.now());
        em.flush();
        audit.record(approve ? "quote.approved" : "quote.rejected", "quote", quote.getId(), Map.of("status", QuoteStatus.SENT.name()),
                clean == null ? Map.of("status", decision.name(), "source", source) : Map.of("status", decision.name(), "source", source,
                        "note", clean));
        com.smbhub.notification.NotificationService.add(em, approve ? "quote.approved" : "quote.rejected",
                "Quote " + quote.getNumber() + (approve ? " was approved" : " was declined")
                        + ("portal".equals(source) ? " by the client" : "") + (clean == null ? "" : ": “" + clean + "”"),
                "quote", quote.getId());
        Analytics.record(em, approve ? "quote.approved" : "quote.rejected", profileId, source, Map.of("quote_id", quote.getId()));
    }

    private void decideLocked(Quote quote, boolean approve, String note, String source) {
        decideLocked(em, audit, quote, approve, note, source, BusinessClock.today(tenant().zone()), profiles.effective().profileId());
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
        DocumentDraft stored = parse(quote);
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

    public byte[] pdf(String id) {
        Quote quote = find(id, access.require(Capability.MONEY_READ));
        QuoteView q = view(quote);
        Contact client = em.find(Contact.class, q.contactId());
        Map<String, String> taxNames = new HashMap<>();
        allCodes().values().forEach(t -> taxNames.put(t.code(), t.name()));
        return pdf(q, tenant().getName(), client == null ? null : client.getDisplayName(),
                client == null ? null : client.getEmail(), taxNames);
    }

    /** The quote as a PDF (the same in the back office, the e-mail and the portal). */
    public static byte[] pdf(QuoteView q, String businessName, String clientName, String clientEmail,
                             Map<String, String> taxNames) {
        return DocumentPdf.render(new DocumentPdf.Sheet("Quote " + q.number(), "Issued " + DocumentPdf.date(q.issueDate())
                        + (q.expiryDate() == null ? "" : " · Valid until " + DocumentPdf.date(q.expiryDate())), q.currency(),
                        q.pricing(), q.lines(), q.lineTotals(), q.subtotal(), q.discountTotal(), q.taxes(), q.total(), null, null,
                        q.notes(), q.terms()),
                new DocumentPdf.Parties(businessName, clientName, clientEmail, null, taxNames));
    }

    private Quote find(String id, Grant grant) {
        Quote quote = Ids.isId(id) ? em.find(Quote.class, id) : null;
        if (quote == null || quote.getDeletedAt() != null || (grant == Grant.ASSIGNED && !assignedToMe(quote.getWorkItemId()))) {
            throw new NotFoundException("quote");
        }
        return quote;
    }

    private boolean assignedToMe(String workItemId) {
        return Drafts.assignedToMe(em, workItemId);
    }

    private QuoteView view(Quote q) {
        return view(q, allCodes(), BusinessClock.today(tenant().zone()));
    }

    private QuoteView view(Quote q, Map<String, TaxCode> codes, LocalDate today) {
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
        Contact contact = q.getContactId() == null ? null : em.find(Contact.class, q.getContactId());
        return viewOf(q, codes, contact == null ? null : contact.getDisplayName(), today, actions);
    }

    /** The quote with its computed lines and the status a reader sees (EXPIRED when sent and past its date). */
    public static QuoteView viewOf(Quote q, Map<String, TaxCode> codes, String contactName, LocalDate today, List<String> actions) {
        DocumentDraft stored = parse(q);
        Totals.Result totals = Totals.compute(stored.lines(), codes, stored.pricing(), stored.discount(), q.getCurrency());
        return new QuoteView(q.getId(), q.getNumber(), q.state(today).name(), q.getContactId(),
                contactName, q.getWorkItemId(), q.getIssueDate(), q.getExpiryDate(), q.getCurrency(), stored.pricing(),
                stored.taxCode(), stored.lines(), stored.discount(), totals.lines(), q.getSubtotal(), q.getDiscountTotal(),
                q.getTaxTotal(), totals.taxes(), q.getTotal(), q.getNotes(), q.getTerms(), q.getConvertedInvoiceId(),
                q.getDecidedAt(), q.getDecisionNote(), q.getVersion(), q.getCreatedAt(), q.getUpdatedAt(), List.copyOf(actions),
                q.state(today));
    }

    static DocumentDraft parse(Quote q) {
        return Drafts.parse(q.getLineItems(), q.getContactId(), q.getWorkItemId(), q.getIssueDate(), q.getExpiryDate(),
                q.getCurrency(), q.getNotes(), q.getTerms());
    }

    /** Tax codes in use (new drafts), and all of them including retired ones (stored quotes still name them). */
    private Map<String, TaxCode> activeCodes() {
        Map<String, TaxCode> codes = new LinkedHashMap<>();
        invoices.taxCodes().forEach(t -> codes.put(t.code(), t));
        return codes;
    }

    private Map<String, TaxCode> allCodes() {
        return Drafts.allTaxCodes(em);
    }

    private static Map<String, Object> snapshot(Quote q) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("number", q.getNumber());
        values.put("status", q.getStatus().name());
        values.put("contact_id", q.getContactId());
        values.put("issue_date", q.getIssueDate());
        values.put("expiry_date", q.getExpiryDate());
        values.put("currency", q.getCurrency());
        values.put("total", q.getTotal().toPlainString());
        values.put("line_items", q.getLineItems());
        values.put("version", q.getVersion());
        return values;
    }

    private Tenant tenant() {
        return em.find(Tenant.class, RequestContext.current().orElseThrow().tenantId());
    }
}
