package com.smbhub.contact;

import com.smbhub.file.StoredFile;
import com.smbhub.platform.Ids;
import com.smbhub.platform.analytics.Analytics;
import com.smbhub.platform.audit.AuditService;
import com.smbhub.platform.db.NativeSql;
import com.smbhub.platform.db.Page;
import com.smbhub.platform.errors.ConflictException;
import com.smbhub.platform.errors.NotFoundException;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.errors.ValidationException.FieldError;
import com.smbhub.platform.idempotency.Idempotency;
import com.smbhub.platform.security.Access;
import com.smbhub.platform.security.Capability;
import com.smbhub.platform.security.Grant;
import com.smbhub.platform.security.Permissions;
import com.smbhub.platform.security.Role;
import com.smbhub.platform.tenancy.RequestContext;
import com.smbhub.platform.tenancy.TenantScoped;
import com.smbhub.profile.ProfileService;
import com.smbhub.tenant.Tenant;
import com.smbhub.workitem.WorkItem;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Contacts of the current business: list and search, create (with duplicate check), edit, soft delete. */
@Stateless
@TenantScoped
public class ContactService {

    public static final int MAX_PAGE = 100;

    @PersistenceContext(unitName = "smbhub") EntityManager em;

    @EJB Access access;

    @EJB AuditService audit;

    @EJB ProfileService profiles;

    /** Thrown when a new contact has the e-mail or phone of an existing one; carries the matches. */
    public static class DuplicateContactException extends ConflictException {
        public DuplicateContactException(List<ContactView> matches) {
            super("A contact with this e-mail or phone already exists", matches);
        }
    }

    /** By name; {@code query} searches name, e-mail and phone; an agent sees contacts of work assigned to them. */
    public Page<ContactView> list(String query, String type, boolean deleted, String afterKey, int limit) {
        Grant grant = access.require(Capability.CONTACTS_READ);
        int size = Math.min(limit, MAX_PAGE);
        List<Contact> rows = ContactQuery.of(query, type, deleted, grant == Grant.ASSIGNED ? me() : null)
                .rows(em, afterKey, size);
        List<Contact> page = rows.subList(0, Math.min(rows.size(), size));
        String next = rows.size() > size ? ContactQuery.key(page.get(page.size() - 1)) : null;
        return new Page<>(page.stream().map(this::view).toList(), next);
    }

    public ContactView get(String id) {
        Grant grant = access.require(Capability.CONTACTS_READ);
        return view(find(id, grant));
    }

    /**
     * Everything linked to the contact, newest first: its work items with their status moves and
     * files, files attached to the contact, its invoices and their payments (for those who see money).
     */
    public List<TimelineEntry> timeline(String id) {
        Contact contact = find(id, access.require(Capability.CONTACTS_READ));
        return new ContactTimeline(em, audit).of(contact, Permissions.grant(access.role(), Capability.WORK_READ),
                Permissions.grant(access.role(), Capability.INBOX_READ),
                Permissions.grant(access.role(), Capability.MONEY_READ) == Grant.ALL, profiles.effective().capability("expenses")
                        ? Permissions.grant(access.role(), Capability.EXPENSES_READ) : Grant.NONE, me());
    }

    public ContactView create(ContactDraft draft, boolean allowDuplicate, Optional<Idempotency.Key> idempotencyKey) {
        access.require(Capability.CONTACTS_WRITE);
        if (idempotencyKey.isPresent()) {
            Optional<String> earlier = Idempotency.replay(em, idempotencyKey.get());
            if (earlier.isPresent()) {
                return view(em.find(Contact.class, earlier.get()));
            }
        }
        ContactDraft clean = check(draft);
        if (!allowDuplicate) {
            List<Contact> matches = matching(clean, null);
            if (!matches.isEmpty()) {
                throw new DuplicateContactException(shown(matches));
            }
        }
        Contact contact = new Contact(clean.displayName(), clean.email(), clean.phone());
        contact.apply(clean);
        em.persist(contact);
        em.flush();
        idempotencyKey.ifPresent(k -> Idempotency.remember(em, k, contact.getId()));
        audit.record("contact.created", "contact", contact.getId(), null, snapshot(contact));
        Analytics.record(em, "contacts.created", profiles.effective().profileId(), "manual",
                Map.of("contact_id", contact.getId()));
        return view(contact);
    }

    /**
     * The live contact with this draft's e-mail or phone (the oldest), else a new one: how a customer synced from a
     * point of sale becomes a contact, never twice. A malformed e-mail or phone is left out; with neither there is
     * nothing to match on, and nothing is made (empty).
     */
    public Optional<ContactView> matchOrCreate(ContactDraft draft) {
        access.require(Capability.CONTACTS_WRITE);
        ContactDraft clean = usable(draft);
        if (clean == null || (clean.email() == null && clean.phone() == null)) {
            return Optional.empty();
        }
        List<Contact> matches = matching(clean, null);
        return Optional.of(matches.isEmpty() ? create(clean, true, Optional.empty()) : view(matches.get(0)));
    }

    /** The draft checked, without the fields that break a rule (named by its errors); null if it still breaks one. */
    private ContactDraft usable(ContactDraft d) {
        try {
            return check(d);
        } catch (ValidationException e) {
            Set<String> bad = e.errors().stream().map(FieldError::field).collect(java.util.stream.Collectors.toSet());
            String email = bad.contains("email") ? null : d.email();
            String phone = bad.contains("phone") ? null : d.phone();
            String name = d.displayName() == null || d.displayName().isBlank() || bad.contains("display_name")
                    ? (email != null ? email : phone) : d.displayName();
            try {
                return check(new ContactDraft(d.type(), name, d.companyName(), email, phone, null, null, null, null, null,
                        null, List.of(), null));
            } catch (ValidationException again) {
                return null;
            }
        }
    }

    public ContactView update(String id, Long expectedVersion, ContactDraft draft) {
        Grant grant = access.require(Capability.CONTACTS_WRITE);
        Contact contact = find(id, grant);
        if (contact.getDeletedAt() != null) {
            throw new ValidationException("id", "Restore the contact before editing it");
        }
        ConflictException.checkVersion(contact.getVersion(), expectedVersion,
                "Someone changed this contact since you opened it", () -> view(contact));
        ContactDraft clean = check(draft);
        Map<String, Object> before = snapshot(contact);
        contact.apply(clean);
        em.flush();
        Map<String, Object> after = snapshot(contact);
        audit.recordChanges("contact.updated", "contact", id, before, after);
        return view(contact);
    }

    public ContactView delete(String id) {
        Grant grant = access.require(Capability.CONTACTS_WRITE);
        Contact contact = find(id, grant);
        if (contact.getDeletedAt() == null) {
            contact.setDeletedAt(Instant.now());
            em.flush();
            audit.record("contact.deleted", "contact", id, null, null);
        }
        return view(contact);
    }

    public ContactView restore(String id) {
        Grant grant = access.require(Capability.CONTACTS_WRITE);
        Contact contact = find(id, grant);
        if (contact.getDeletedAt() != null) {
            contact.setDeletedAt(null);
            em.flush();
            audit.record("contact.restored", "contact", id, null, null);
        }
        return view(contact);
    }

    /** One row of an import: its line, what was read, and READY, ERROR (with the field errors) or DUPLICATE. */
    public record ImportRow(long line, String displayName, String email, String phone, String outcome,
                            List<ValidationException.FieldError> errors, String duplicateOf) implements Serializable {
    }

    /** What an import would do (a preview) or did: every row, the counts, and the file's columns (none for a vCard). */
    public record ImportReport(List<ImportRow> rows, int ready, int invalid, int duplicates, int created,
                               List<ContactCsv.Column> columns) implements Serializable {

        public List<String> ignoredColumns() {
            return new ContactCsv.Sheet(List.of(), columns).ignoredColumns();
        }
    }

    /** What a person chose in an import: columns by name to a field ("" or null: left out), duplicate lines to import. */
    public record ImportChoices(Map<String, String> columns, Set<Long> anyway) implements Serializable {

        public static final ImportChoices NONE = new ImportChoices(Map.of(), Set.of());

        public ImportChoices {
            columns = columns == null ? Map.of() : new LinkedHashMap<>(columns);
            anyway = anyway == null ? Set.of() : Set.copyOf(anyway);
        }
    }

    /**
     * Reads a contacts CSV or vCard file and checks every row like a new contact (field rules, e-mail, phone,
     * duplicates of existing contacts or of an earlier row). A CSV's columns are read as {@code choices} say, else as
     * this business chose before, else by their known names. With {@code apply} the ready rows (and the duplicates
     * chosen) are created, all in one transaction, and the column choices are kept for next time; rows with errors and
     * the other duplicates are left out, never merged.
     */
    public ImportReport importFile(String text, ImportChoices choices, boolean apply) {
        access.require(Capability.CONTACTS_WRITE);
        Map<String, String> chosen = chosenColumns(choices.columns());
        Map<String, String> columns = new LinkedHashMap<>(rememberedColumns());
        columns.putAll(chosen);
        ContactCsv.Sheet sheet = ContactCsv.read(text == null ? "" : text, columns);
        ImportPlan plan = ImportPlan.of(sheet.rows(), this::check,
                d -> matching(d, null).stream().findFirst()
                        .map(c -> shown(List.of(c)).isEmpty() ? "an existing contact" : c.getDisplayName()),
                choices.anyway());
        List<ContactDraft> ready = plan.ready();
        int invalid = plan.count(ImportPlan.ERROR);
        int duplicates = plan.count(ImportPlan.DUPLICATE);
        int created = 0;
        if (apply && !ready.isEmpty()) {
            for (ContactDraft clean : ready) {
                Contact contact = new Contact(clean.displayName(), clean.email(), clean.phone());
                contact.apply(clean);
                em.persist(contact);
                em.flush();
                audit.record("contact.created", "contact", contact.getId(), null, snapshot(contact));
                created++;
            }
            remember(chosen);
            audit.record("contacts.imported", "contact", null, null, Map.of("created", created, "skipped_errors", invalid,
                    "skipped_duplicates", duplicates, "duplicates_imported", choices.anyway().size()));
            Analytics.record(em, "contacts.imported", profiles.effective().profileId(),
                    "import", Map.of("count", created));
        }
        return new ImportReport(plan.rows(), ready.size(), invalid, duplicates, created, sheet.columns());
    }

    /** The columns a person chose, by normalised name; a field that is not one → 400 on {@code columns}. */
    private static Map<String, String> chosenColumns(Map<String, String> columns) {
        Map<String, String> chosen = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        columns.forEach((column, field) -> {
            String key = column == null ? "" : ContactCsv.normalise(column);
            if (key.isEmpty() || key.length() > 200) {
                errors.add(new FieldError("columns", "A column's name is 1 to 200 characters"));
            } else if (field != null && !field.isEmpty() && !ContactCsv.FIELDS.contains(field)) {
                errors.add(new FieldError("columns", "\"" + column + "\" cannot be imported as \"" + field + "\"; one of "
                        + String.join(", ", ContactCsv.FIELDS) + ", or null to leave it out"));
            } else {
                chosen.put(key, field == null ? "" : field);
            }
        });
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return chosen;
    }

    /** The business's column choices of earlier imports, by normalised name ("": left out). */
    private Map<String, String> rememberedColumns() {
        Map<String, String> remembered = new LinkedHashMap<>();
        for (Object row : NativeSql.query(em, "select column_key, field from import_columns where tenant_id = cast(?1 as uuid)")
                .setParameter(1, RequestContext.current().orElseThrow().tenantId()).getResultList()) {
            Object[] r = (Object[]) row;
            remembered.put((String) r[0], r[1] == null ? "" : (String) r[1]);
        }
        return remembered;
    }

    private void remember(Map<String, String> chosen) {
        String tenant = RequestContext.current().orElseThrow().tenantId();
        chosen.forEach((key, field) -> NativeSql.query(em, "insert into import_columns (tenant_id, column_key, field)"
                        + " values (cast(?1 as uuid), ?2, cast(?3 as text)) on conflict (tenant_id, column_key) do update"
                        + " set field = excluded.field, updated_at = now()")
                .setParameter(1, tenant).setParameter(2, key).setParameter(3, field.isEmpty() ? null : field).executeUpdate());
    }

    /** Other live contacts with this contact's e-mail or phone (candidates for a merge). */
    public List<ContactView> possibleDuplicates(String id) {
        Grant grant = access.require(Capability.CONTACTS_READ);
        Contact contact = find(id, grant);
        if (contact.getDeletedAt() != null) {
            return List.of();
        }
        return shown(matching(ContactView.of(contact, List.of()).draft(), id));
    }

    /**
     * Merges {@code otherId} into {@code keepId}: blank fields of the kept contact take the other's
     * values, tags are joined, notes appended; the other's work items, files, conversations, quotes,
     * invoices and expenses move to the kept contact; the other is deleted (restorable). Audited on both.
     */
    public ContactView merge(String keepId, Long expectedVersion, String otherId) {
        access.require(Capability.CONTACTS_MERGE);
        Contact keep = find(keepId, Grant.ALL);
        if (keep.getDeletedAt() != null) {
            throw new NotFoundException("contact");
        }
        ConflictException.checkVersion(keep.getVersion(), expectedVersion,
                "Someone changed this contact since you opened it", () -> view(keep));
        if (keepId.equals(otherId)) {
            throw new ValidationException("merge_id", "Choose another contact to merge into this one");
        }
        Contact other = Ids.isId(otherId) ? em.find(Contact.class, otherId) : null;
        if (other == null || other.getDeletedAt() != null) {
            throw new ValidationException("merge_id", "No such contact");
        }
        Map<String, Object> before = snapshot(keep);
        keep.absorb(other, Instant.now());
        em.createQuery("update WorkItem w set w.contactId = :keep where w.contactId = :other")
                .setParameter("keep", keepId).setParameter("other", otherId).executeUpdate();
        em.createQuery("update StoredFile f set f.linkedEntityId = :keep where f.linkedEntityType = 'CONTACT'"
                + " and f.linkedEntityId = :other").setParameter("keep", keepId).setParameter("other", otherId).executeUpdate();
        // every table that points at a contact (also those without entities yet), filtered by the business explicitly
        String tenant = RequestContext.current().orElseThrow().tenantId();
        for (String table : List.of("conversations.contact_id", "quotes.contact_id", "invoices.contact_id",
                "expenses.vendor_contact_id")) {
            String[] t = table.split("\\.");
            NativeSql.query(em, "update " + t[0] + " set " + t[1] + " = cast(?1 as uuid)"
                            + " where tenant_id = cast(?2 as uuid) and " + t[1] + " = cast(?3 as uuid)")
                    .setParameter(1, keepId).setParameter(2, tenant).setParameter(3, otherId).executeUpdate();
        }
        em.flush();
        Map<String, Object> after = snapshot(keep);
        after.put("merged_id", otherId);
        audit.record("contact.merged", "contact", keepId, before, after);
        audit.record("contact.merged_into", "contact", otherId, null, Map.of("into", keepId, "display_name", keep.getDisplayName()));
        return view(keep);
    }

    /** Contacts (not deleted) with the same e-mail or phone as the draft. */
    public List<ContactView> duplicates(ContactDraft draft) {
        access.require(Capability.CONTACTS_READ);
        return shown(matching(check(draft), null));
    }

    /**
     * Live contacts the draft duplicates — the same e-mail, or the same phone and a similar name ({@link SimilarNames}:
     * a shared phone alone is not the same person) — oldest first (at most five), whether the caller sees them or not.
     */
    private List<Contact> matching(ContactDraft d, String exceptId) {
        if (d.email() == null && d.phone() == null) {
            return List.of();
        }
        String match = d.email() != null && d.phone() != null ? "(c.email = :email or c.phone = :phone)"
                : d.email() != null ? "c.email = :email" : "c.phone = :phone";
        TypedQuery<Contact> query = em.createQuery("select c from Contact c where c.deletedAt is null and " + match
                + " order by c.createdAt", Contact.class);
        if (d.email() != null) {
            query.setParameter("email", d.email());
        }
        if (d.phone() != null) {
            query.setParameter("phone", d.phone());
        }
        return query.setMaxResults(50).getResultStream().filter(c -> !c.getId().equals(exceptId))
                .filter(c -> d.email() != null && d.email().equals(c.getEmail()) || SimilarNames.similar(c.getDisplayName(), d.displayName()))
                .limit(5).toList();
    }

    /** Of these contacts, those the caller may see (an agent: {@link ContactScope}), as views. */
    private List<ContactView> shown(List<Contact> contacts) {
        boolean all = Permissions.grant(Access.resolved(), Capability.CONTACTS_READ) == Grant.ALL;
        return contacts.stream().filter(c -> all || ContactScope.sees(em, c.getId(), me())).map(this::view).toList();
    }

    private ContactDraft check(ContactDraft draft) {
        Tenant tenant = em.find(Tenant.class, RequestContext.current().orElseThrow().tenantId());
        return ContactChecks.normalise(draft, ContactChecks.regionFor(tenant.getCurrency()), profiles.effective());
    }

    private Contact find(String id, Grant grant) {
        if (!Ids.isId(id)) {
            throw new NotFoundException("contact");
        }
        Contact contact = em.find(Contact.class, id);
        if (contact == null || (grant == Grant.ASSIGNED && !ContactScope.sees(em, id, me()))) {
            throw new NotFoundException("contact");
        }
        return contact;
    }

    private ContactView view(Contact contact) {
        List<String> actions = new ArrayList<>();
        Role role = Access.resolved();
        if (Permissions.allows(role, Capability.CONTACTS_WRITE)) {
            if (contact.getDeletedAt() == null) {
                actions.add("update");
                actions.add("delete");
                if (Permissions.allows(role, Capability.CONTACTS_MERGE)) {
                    actions.add("merge");
                }
            } else {
                actions.add("restore");
            }
        }
        return ContactView.of(contact, List.copyOf(actions));
    }

    private static Map<String, Object> snapshot(Contact c) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("type", c.getType());
        values.put("display_name", c.getDisplayName());
        values.put("company_name", c.getCompanyName());
        values.put("email", c.getEmail());
        values.put("phone", c.getPhone());
        values.put("city", c.getCity());
        values.put("tags", String.join(",", c.getTags()));
        values.put("version", c.getVersion());
        return values;
    }

    private static String me() {
        return RequestContext.current().orElseThrow().userId();
    }
}
