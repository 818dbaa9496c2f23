package com.smbhub.money;

import com.smbhub.contact.Contact;
import com.smbhub.platform.Ids;
import com.smbhub.platform.analytics.Analytics;
import com.smbhub.platform.audit.AuditService;
import com.smbhub.platform.db.Like;
import com.smbhub.platform.db.NewestFirst;
import com.smbhub.platform.db.Page;
import com.smbhub.platform.errors.ConflictException;
import com.smbhub.platform.errors.NotFoundException;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.idempotency.Idempotency;
import com.smbhub.platform.security.Access;
import com.smbhub.platform.security.Capability;
import com.smbhub.platform.security.Grant;
import com.smbhub.platform.tenancy.RequestContext;
import com.smbhub.platform.time.BusinessClock;
import com.smbhub.profile.EffectiveProfile;
import com.smbhub.profile.ProfileRules;
import com.smbhub.profile.ProfileService;
import com.smbhub.tenant.BusinessDetails;
import com.smbhub.tenant.Tenant;
import com.smbhub.workitem.WorkItem;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.persistence.config.QueryHints;

/**
 * The use cases every money document shares, over one {@link MoneyDocument} type: read within the
 * caller's scope, create (idempotent), change a draft, the draft of a work item. Each document's
 * service adds what only it does (send, pay and void an invoice; answer and convert a quote).
 */
public abstract class DocumentService<D extends MoneyDocument, V> {

    /** The draft of a work item, and whether it was made now. */
    public record FromWork<V>(V document, boolean created) {
    }

    @PersistenceContext(unitName = "smbhub") protected EntityManager em;

    @EJB protected Access access;

    @EJB protected AuditService audit;

    @EJB protected ProfileService profiles;

    /** Where clients open their links ({@code https://…}, no trailing slash needed). */
    @Inject
    @ConfigProperty(name = "smbhub.public-url", defaultValue = "http://localhost:8080") protected String publicUrl;

    private final Drafts.Kind kind;
    private final Class<D> type;
    private final Function<String, D> newDocument;

    /** {@code newDocument}: a new, empty document with this number. */
    protected DocumentService(Drafts.Kind kind, Class<D> type, Function<String, D> newDocument) {
        this.kind = kind;
        this.type = type;
        this.newDocument = newDocument;
    }

    /**
     * The document as the caller sees it, with the actions the caller may take; {@code codes} and
     * {@code today} are looked up once for a whole page.
     */
    protected abstract V view(D document, Map<String, TaxCode> codes, LocalDate today);

    /** Which document this service keeps. */
    public Drafts.Kind kind() {
        return kind;
    }

    protected V view(D document) {
        return view(document, allCodes(), BusinessClock.today(tenant().zone()));
    }

    /** The document as a PDF (the same in the back office, the e-mail and the portal). */
    public abstract byte[] pdf(String id);

    /** The business's tax codes in use. */
    public List<TaxCode> taxCodes() {
        access.require(Capability.MONEY_READ);
        return TaxCodeService.inUse(em);
    }

    /** The notes and terms a new document starts with (Settings → Business → On your invoices and quotes). */
    public BusinessDetails.Defaults startingWords() {
        access.require(Capability.MONEY_DRAFT);
        return tenant().details().defaults();
    }

    public V get(String id) {
        return view(find(id, access.require(Capability.MONEY_READ)));
    }

    /** A new draft; the same idempotency key again returns the first one. */
    public V create(DocumentDraft draft, Optional<Idempotency.Key> idempotencyKey) {
        return view(createDocument(draft, idempotencyKey));
    }

    /**
     * A new draft from what the caller sent, made from the notes and terms a new document starts with
     * ({@code draft}: those words to the draft), all in one transaction.
     */
    public V create(Function<BusinessDetails.Defaults, DocumentDraft> draft, Optional<Idempotency.Key> idempotencyKey) {
        access.require(Capability.MONEY_DRAFT);
        return create(draft.apply(tenant().details().defaults()), idempotencyKey);
    }

    protected D createDocument(DocumentDraft draft, Optional<Idempotency.Key> idempotencyKey) {
        Grant grant = access.require(Capability.MONEY_DRAFT);
        checkAgentsWork(grant, draft);
        EffectiveProfile profile = profiles.effective();
        ProfileRules.requireCapability(profile, plural());
        if (idempotencyKey.isPresent()) {
            Optional<String> earlier = Idempotency.replay(em, idempotencyKey.get());
            if (earlier.isPresent()) {
                return em.find(type, earlier.get());
            }
        }
        Drafts.Checked checked = check(draft, profile, ProfileRules.Operation.CREATE);
        D document = newDocument.apply(Numbering.next(em, kind.numbering()));
        document.apply(checked.draft(), checked.totals());
        em.persist(document);
        em.flush();
        idempotencyKey.ifPresent(k -> Idempotency.remember(em, k, document.getId()));
        audit.record(kind.entity + ".created", kind.entity, document.getId(), null, document.snapshot());
        Analytics.record(em, kind.entity + ".created", profile.profileId(), "manual", Map.of(kind.entity + "_id",
                document.getId(), "amount", document.getTotal().toPlainString(), "currency", document.getCurrency()));
        return document;
    }

    /** Changes a draft; anything but a draft is refused (each document's other actions have their own methods). */
    public V update(String id, Long expectedVersion, DocumentDraft draft) {
        Grant grant = access.require(Capability.MONEY_DRAFT);
        EffectiveProfile profile = profiles.effective();
        D document = find(id, grant);
        checkAgentsWork(grant, draft);
        ConflictException.checkVersion(document.getVersion(), expectedVersion,
                "Someone changed this " + kind.entity + " since you opened it", () -> view(document));
        if (!document.editable()) {
            throw new ValidationException("status", "Only a draft can be edited");
        }
        Drafts.Checked checked = check(draft, profile, ProfileRules.Operation.UPDATE);
        Map<String, Object> before = document.snapshot();
        document.apply(checked.draft(), checked.totals());
        em.flush();
        audit.recordChanges(kind.entity + ".updated", kind.entity, id, before, document.snapshot());
        return view(document);
    }

    /** The draft of a work item: the existing draft if there is one (never a second), else a new one. */
    public FromWork<V> draftForWorkItem(String workItemId) {
        Grant grant = access.require(Capability.MONEY_DRAFT);
        EffectiveProfile profile = profiles.effective();
        ProfileRules.requireCapability(profile, plural());
        if (!profile.conversion("work_item_to_" + kind.entity)) {
            throw new ValidationException("work_item_id", "Your business does not turn work into " + plural());
        }
        WorkItem item = Ids.isId(workItemId) ? em.find(WorkItem.class, workItemId) : null;
        if (item == null || item.getDeletedAt() != null || (grant == Grant.ASSIGNED && !assignedToMe(workItemId))) {
            throw new NotFoundException("work item");
        }
        Optional<D> existing = em.createQuery("select d from " + type.getSimpleName() + " d where d.workItemId = :w"
                        + " and d.deletedAt is null order by d.createdAt", type)
                .setParameter("w", workItemId).getResultStream().filter(MoneyDocument::editable).findFirst();
        if (existing.isPresent()) {
            return new FromWork<>(view(existing.get()), false);
        }
        if (item.getContactId() == null) {
            throw new ValidationException("contact_id", "Link a contact to this " + profile.label("work_item").toLowerCase()
                    + " first: the " + kind.entity + " needs a client");
        }
        List<TaxCode> codes = taxCodes();
        BusinessDetails.Defaults words = tenant().details().defaults();
        D created = createDocument(new DocumentDraft(item.getContactId(), workItemId, null, null, null, null,
                codes.size() == 1 ? codes.get(0).code() : null,
                List.of(new LineItem(item.getTitle(), BigDecimal.ONE, BigDecimal.ZERO, null)), null, words.notes(),
                words.terms()), Optional.empty());
        Analytics.record(em, "work_item.convert_to_" + kind.entity, profile.profileId(), "manual",
                Map.of("work_item_id", workItemId, kind.entity + "_id", created.getId()));
        return new FromWork<>(view(created), true);
    }

    /** Newest first; {@code status} may be a derived state (an invoice's OVERDUE, a quote's EXPIRED). */
    public Page<V> list(String status, String contactId, String afterKey, int limit) {
        return list(status, contactId, null, null, afterKey, limit);
    }

    /** The same, issued between {@code from} and {@code to} (inclusive, either may be null). */
    public Page<V> list(String status, String contactId, LocalDate from, LocalDate to, String afterKey, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder jpql = readable(params);
        if (contactId != null) {
            jpql.append(" and d.contactId = :contact");
            params.put("contact", contactId);
        }
        if (status != null) {
            filterByStatus(status, BusinessClock.today(tenant().zone()), jpql, params);
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new ValidationException("to", "On or after the first day");
        }
        if (from != null) {
            jpql.append(" and d.issueDate >= :from");
            params.put("from", from);
        }
        if (to != null) {
            jpql.append(" and d.issueDate <= :to");
            params.put("to", to);
        }
        return newestFirst(jpql, params, afterKey, limit);
    }

    /** The documents whose number or client's name holds {@code text} (any case), newest first: the command palette. */
    public List<V> search(String text, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder jpql = readable(params);
        jpql.append(" and (lower(d.number) like :q or exists (select c.id from Contact c where c.id = d.contactId"
                + " and lower(c.displayName) like :q))");
        params.put("q", Like.contains(text.trim().toLowerCase(Locale.ROOT)));
        return newestFirst(jpql, params, null, limit).items();
    }

    /** The query (alias {@code d}) of the live documents the caller may read: an agent's, those of work assigned to them. */
    private StringBuilder readable(Map<String, Object> params) {
        Grant grant = access.require(Capability.MONEY_READ);
        StringBuilder jpql = new StringBuilder("select d from " + type.getSimpleName() + " d where d.deletedAt is null");
        if (grant == Grant.ASSIGNED) {
            jpql.append(" and exists (select w.id from WorkItem w where w.id = d.workItemId and w.assignedTo = :me)");
            params.put("me", RequestContext.current().orElseThrow().userId());
        }
        return jpql;
    }

    /**
     * Narrows a list query (alias {@code d}) to the documents a reader sees in {@code status} on the
     * business's {@code today}; an unknown status is a field error naming the known ones.
     */
    protected abstract void filterByStatus(String status, LocalDate today, StringBuilder jpql, Map<String, Object> params);

    /** The page after {@code afterKey}, newest first, each document as the caller sees it. */
    private Page<V> newestFirst(StringBuilder jpql, Map<String, Object> params, String afterKey, int limit) {
        NewestFirst.continueAfter(afterKey, "d", jpql, params);
        TypedQuery<D> query = em.createQuery(jpql.toString(), type).setHint(QueryHints.READ_ONLY, true);
        params.forEach(query::setParameter);
        List<D> rows = query.setMaxResults(limit + 1).getResultList();
        Map<String, TaxCode> codes = allCodes();
        LocalDate today = BusinessClock.today(tenant().zone());
        return new Page<>(rows.stream().limit(limit).map(d -> view(d, codes, today)).toList(), NewestFirst.nextKey(rows, limit));
    }

    /** The document if the caller may see it (an agent: only for work assigned to them); else not found. */
    protected D find(String id, Grant grant) {
        D document = Ids.isId(id) ? em.find(type, id) : null;
        if (document == null || document.getDeletedAt() != null
                || (grant == Grant.ASSIGNED && !assignedToMe(document.getWorkItemId()))) {
            throw new NotFoundException(kind.entity);
        }
        return document;
    }

    protected boolean assignedToMe(String workItemId) {
        return Drafts.assignedToMe(em, workItemId);
    }

    /** The business's tax codes by code, including retired ones (stored documents still name them). */
    protected Map<String, TaxCode> allCodes() {
        return Drafts.allTaxCodes(em);
    }

    protected Tenant tenant() {
        return em.find(Tenant.class, RequestContext.current().orElseThrow().tenantId());
    }

    /** The document's client, or null. */
    protected Contact client(D document) {
        return document.getContactId() == null ? null : em.find(Contact.class, document.getContactId());
    }

    private Drafts.Checked check(DocumentDraft d, EffectiveProfile profile, ProfileRules.Operation operation) {
        Map<String, TaxCode> codes = new LinkedHashMap<>();
        taxCodes().forEach(t -> codes.put(t.code(), t));
        return Drafts.check(em, access, tenant(), codes, d, profile, operation, kind);
    }

    private void checkAgentsWork(Grant grant, DocumentDraft draft) {
        if (grant == Grant.ASSIGNED && !assignedToMe(draft.workItemId())) {
            throw new ValidationException("work_item_id", "Agents draft " + plural() + " for work assigned to them");
        }
    }

    private String plural() {
        return kind.entity + "s";
    }
}
