package com.smbhub.workitem;

import static com.smbhub.platform.Ids.isId;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.smbhub.contact.Contact;
import com.smbhub.contact.ContactScope;
import com.smbhub.platform.analytics.Analytics;
import com.smbhub.platform.analytics.ViewEvents;
import com.smbhub.platform.audit.AuditService;
import com.smbhub.platform.db.NewestFirst;
import com.smbhub.platform.db.Page;
import com.smbhub.platform.errors.ConflictException;
import com.smbhub.platform.errors.NotFoundException;
import com.smbhub.platform.errors.ValidationException.FieldError;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.idempotency.Idempotency;
import com.smbhub.platform.security.Access;
import com.smbhub.platform.security.Capability;
import com.smbhub.platform.security.Grant;
import com.smbhub.platform.security.Membership;
import com.smbhub.platform.security.Permissions;
import com.smbhub.platform.tenancy.RequestContext;
import com.smbhub.platform.tenancy.TenantScoped;
import com.smbhub.platform.time.BusinessClock;
import com.smbhub.profile.EffectiveProfile;
import com.smbhub.profile.ProfileRules;
import com.smbhub.profile.ProfileService;
import com.smbhub.tenant.Tenant;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Work items of the current business: create with profile defaults, filtered lists, edits, status and assignment. */
@Stateless
@TenantScoped
public class WorkItemService {

    static final List<String> OPEN_NAMES = WorkItemStatus.names(WorkItemStatus.OPEN);

    /** The kinds and priorities of work, in the order a picker shows them. */
    public static final List<String> TYPES = List.of("REQUEST", "ORDER", "JOB", "SUPPORT", "ADMIN", "COLLECTION", "BOOKKEEPING");
    public static final List<String> PRIORITIES = List.of("LOW", "NORMAL", "HIGH", "URGENT");
    private static final ObjectMapper JSON = new ObjectMapper();

    @PersistenceContext(unitName = "smbhub") EntityManager em;

    @EJB Access access;

    @EJB AuditService audit;

    @EJB ProfileService profiles;

    /** The list filters of the Work screen; null means any. */
    public record Filter(String status, String type, String priority, String assignedTo, String due) {
    }

    /** A page of the list; the first page (no {@code afterKey}) also records the "work.view" event. */
    public Page<WorkItemView> list(Filter filter, String afterKey, int limit) {
        Grant grant = access.require(Capability.WORK_READ);
        WorkItemQuery query = WorkItemQuery.of(filter, me(), grant == Grant.ASSIGNED, this::zone);
        List<WorkItem> rows = query.rows(em, afterKey, limit);
        EffectiveProfile profile = profiles.effective();
        if (afterKey == null) {
            ViewEvents.record("work.view", profile.profileId(), "manual");
        }
        return new Page<>(views(rows.stream().limit(limit).toList(), profile), NewestFirst.nextKey(rows, limit));
    }

    /** Home "Today": new and overdue counts and the next actions (urgent or overdue), within the caller's scope. */
    public record Today(long newItems, long overdueItems, List<WorkItemView> nextActions) {
    }

    public Today today() {
        String onlyOf = access.require(Capability.WORK_READ) == Grant.ASSIGNED ? me() : null;
        Instant now = BusinessClock.now();
        EffectiveProfile profile = profiles.effective();
        return new Today(WorkItemQuery.countNew(em, onlyOf), WorkItemQuery.countOverdue(em, onlyOf, now),
                views(WorkItemQuery.nextActions(em, onlyOf, now, 5), profile));
    }

    /** Open and recent items whose title contains the text, newest first, within the caller's scope. */
    public List<WorkItemView> search(String text, int limit) {
        String onlyOf = access.require(Capability.WORK_READ) == Grant.ASSIGNED ? me() : null;
        String q = text == null ? "" : text.replace("\u0000", "").trim().toLowerCase();
        if (q.length() < 2) {
            return List.of();
        }
        EffectiveProfile profile = profiles.effective();
        return views(WorkItemQuery.titled(em, q, onlyOf, Math.min(limit, 50)), profile);
    }

    public WorkItemView get(String id) {
        Grant grant = access.require(Capability.WORK_READ);
        return view(find(id, grant), profiles.effective());
    }

    /** What happened to the item, newest first: creation, edits with before/after, moves, files. */
    public List<AuditService.Entry> activity(String id) {
        Grant grant = access.require(Capability.WORK_READ);
        find(id, grant);
        return audit.history("work_item", id, 200);
    }

    /** A new item in the profile's first status; an agent's own item is assigned to them. */
    public WorkItemView create(WorkItemDraft draft, Optional<Idempotency.Key> idempotencyKey) {
        return create(draft, idempotencyKey, null, "MANUAL");
    }

    /** The same, made from a conversation ({@code source} EMAIL, SMS or PORTAL); the item links back to it. */
    public WorkItemView createFrom(WorkItemDraft draft, String conversationId, String source,
                                   Optional<Idempotency.Key> idempotencyKey) {
        return create(draft, idempotencyKey, conversationId, source);
    }

    private WorkItemView create(WorkItemDraft draft, Optional<Idempotency.Key> idempotencyKey, String conversationId,
                                String source) {
        Grant grant = access.require(Capability.WORK_WRITE);
        EffectiveProfile profile = profiles.effective();
        if (idempotencyKey.isPresent()) {
            Optional<String> earlier = Idempotency.replay(em, idempotencyKey.get());
            if (earlier.isPresent()) {
                return view(em.find(WorkItem.class, earlier.get()), profile);
            }
        }
        if (grant == Grant.ASSIGNED && draft.assignedTo() == null) {
            draft = draft.assignedTo(me());
        }
        WorkItemDraft clean = check(draft, profile, ProfileRules.Operation.CREATE, grant, null);
        WorkItem item = new WorkItem(clean.title());
        item.apply(clean, json(clean.labels()));
        item.moveTo(WorkItemStatus.valueOf(profile.defaultWorkItemStatus()));
        item.origin(conversationId, source);
        em.persist(item);
        em.flush();
        idempotencyKey.ifPresent(k -> Idempotency.remember(em, k, item.getId()));
        audit.record("work_item.created", "work_item", item.getId(), null, snapshot(item));
        Analytics.record(em, "work_item.created", profile.profileId(), conversationId == null ? "manual" : "inbox",
                Map.of("work_item_id", item.getId(), "type", item.getType()));
        if (item.getAssignedTo() != null) {
            Analytics.record(em, "work_item.assigned", profile.profileId(), "manual",
                    Map.of("work_item_id", item.getId(), "assigned_to", item.getAssignedTo()));
        }
        return view(item, profile);
    }

    /** A synced item: its id, and whether this call made or changed it. */
    public record Synced(String id, boolean changed) {
    }

    /**
     * An order or refund from the business's point of sale (POS sync, source POS_SYNC): made once in {@code status},
     * later kept in step with the sale — title, description, labels, contact — and moved to {@code status} only while
     * still NEW, so a person's move stays. A sale seen again unchanged changes nothing; an item a person deleted stays
     * deleted. {@code id} null: a sale not seen before.
     */
    public Synced synced(String id, WorkItemDraft draft, WorkItemStatus status) {
        Grant grant = access.require(Capability.WORK_WRITE);
        EffectiveProfile profile = profiles.effective();
        WorkItemDraft clean = check(draft, profile, ProfileRules.Operation.CREATE, grant, null);
        WorkItem item = id == null ? null : em.find(WorkItem.class, id);
        if (item == null) {
            item = new WorkItem(clean.title());
            item.apply(clean, json(clean.labels()));
            item.moveTo(profile.workItemStatuses().contains(status.name()) ? status
                    : WorkItemStatus.valueOf(profile.defaultWorkItemStatus()));
            item.origin(null, "POS_SYNC");
            em.persist(item);
            em.flush();
            audit.record("work_item.created", "work_item", item.getId(), null, snapshot(item));
            Analytics.record(em, "work_item.created", profile.profileId(), "pos_sync",
                    Map.of("work_item_id", item.getId(), "type", item.getType()));
            return new Synced(item.getId(), true);
        }
        if (item.getDeletedAt() != null) {
            return new Synced(item.getId(), false);
        }
        String contact = item.getContactId() != null ? item.getContactId() : clean.contactId();
        boolean move = item.getStatus() == WorkItemStatus.NEW && status != WorkItemStatus.NEW
                && WorkItemStatus.NEW.next(profile).contains(status);
        if (!move && Objects.equals(item.getTitle(), clean.title()) && Objects.equals(item.getDescription(), clean.description())
                && Objects.equals(item.getContactId(), contact) && labels(item.getLabelsJson()).equals(clean.labels())) {
            return new Synced(item.getId(), false);
        }
        Map<String, Object> before = snapshot(item);
        item.apply(new WorkItemDraft(item.getType(), clean.title(), clean.description(), item.getPriority(), contact,
                item.getDueAt(), item.getAssignedTo(), clean.labels()), json(clean.labels()));
        if (move) {
            item.moveTo(status);
        }
        em.flush();
        Map<String, Object> after = snapshot(item);
        audit.recordChanges("work_item.updated", "work_item", item.getId(), before, after);
        Analytics.record(em, "work_item.updated", profile.profileId(), "pos_sync", Map.of("work_item_id", item.getId()));
        return new Synced(item.getId(), true);
    }

    /** Edits fields and, when {@code status} differs, moves the item (PRD 12.2). */
    public WorkItemView update(String id, Long expectedVersion, WorkItemDraft draft, String status) {
        Grant grant = access.require(Capability.WORK_WRITE);
        EffectiveProfile profile = profiles.effective();
        WorkItem item = find(id, grant);
        ConflictException.checkVersion(item.getVersion(), expectedVersion,
                "Someone changed this item since you opened it", () -> view(item, profile));
        boolean moving = status != null && !status.equals(item.getStatus().name());
        WorkItemStatus to = null;
        WorkItemDraft clean = check(draft, profile,
                moving ? ProfileRules.Operation.TRANSITION : ProfileRules.Operation.UPDATE, grant, item.getContactId());
        if (moving) {
            to = item.getStatus().moveTo(status, profile);
        }
        Map<String, Object> before = snapshot(item);
        String assignedBefore = item.getAssignedTo();
        item.apply(clean, json(clean.labels()));
        if (moving) {
            item.moveTo(to);
        }
        em.flush();
        Map<String, Object> after = snapshot(item);
        audit.recordChanges("work_item.updated", "work_item", id, before, after);
        Analytics.record(em, "work_item.updated", profile.profileId(), "manual", Map.of("work_item_id", id));
        if (moving) {
            Analytics.record(em, "work_item.status_changed", profile.profileId(), "manual",
                    Map.of("work_item_id", id, "from", before.get("status"), "to", status));
            if (to == WorkItemStatus.DONE) {
                Analytics.record(em, "work_item.closed", profile.profileId(), "manual", Map.of("work_item_id", id));
            }
        }
        if (!Objects.equals(assignedBefore, item.getAssignedTo()) && item.getAssignedTo() != null) {
            Analytics.record(em, "work_item.assigned", profile.profileId(), "manual",
                    Map.of("work_item_id", id, "assigned_to", item.getAssignedTo()));
        }
        return view(item, profile);
    }

    /**
     * The draft cleaned, or every field error at once. With the ASSIGNED grant (an agent) the item stays
     * the caller's and links only a contact they see ({@code keptContactId}: the item's own, always allowed).
     */
    private WorkItemDraft check(WorkItemDraft d, EffectiveProfile profile, ProfileRules.Operation operation, Grant grant,
                                String keptContactId) {
        List<FieldError> errors = new ArrayList<>();
        String type = d.type() == null || d.type().isBlank() ? profile.defaultWorkItemType() : d.type().trim().toUpperCase();
        check(TYPES.contains(type), "type", "Unknown type", errors);
        String priority = d.priority() == null || d.priority().isBlank() ? "NORMAL" : d.priority().trim().toUpperCase();
        check(PRIORITIES.contains(priority), "priority", "One of LOW, NORMAL, HIGH, URGENT", errors);
        String title = d.title() == null ? null : d.title().trim();
        if (title != null && (title.length() > 200 || title.chars().anyMatch(c -> c < 0x20))) {
            errors.add(new FieldError("title", "At most 200 characters, on one line"));
        }
        String description = d.description() == null || d.description().isBlank() ? null : d.description().trim();
        if (description != null && (description.length() > 20_000 || description.indexOf('\u0000') >= 0)) {
            errors.add(new FieldError("description", "At most 20,000 characters"));
        }
        if (d.contactId() != null) {
            Contact contact = isId(d.contactId()) ? em.find(Contact.class, d.contactId()) : null;
            boolean seen = grant != Grant.ASSIGNED || d.contactId().equals(keptContactId)
                    || ContactScope.sees(em, d.contactId(), me());
            check(contact != null && contact.getDeletedAt() == null && seen, "contact_id", "No such contact", errors);
        }
        if (grant == Grant.ASSIGNED) {
            check(me().equals(d.assignedTo()), "assigned_to", "Agents cannot hand their items to someone else", errors);
        } else if (d.assignedTo() != null) {
            boolean member = isId(d.assignedTo())
                    && Membership.roleHere(em, RequestContext.current().orElseThrow().tenantId(), d.assignedTo()).isPresent();
            check(member, "assigned_to", "Assign to an active member of your team", errors);
        }
        Map<String, Object> labels = new HashMap<>(d.labels());
        Set<String> known = new HashSet<>();
        profile.workItemFields().forEach(f -> known.add(f.key()));
        for (String key : labels.keySet()) {
            check(known.contains(key), "labels_json." + key, "Not a field of your business's work items", errors);
        }
        Map<String, Object> payload = new HashMap<>();
        payload.put("title", title);
        payload.put("type", type);
        payload.put("labels_json", labels);
        for (FieldError e : ProfileRules.validate("work_item", payload, operation, profile)) {
            if (errors.stream().noneMatch(x -> x.field().equals(e.field()))) {
                errors.add(e);
            }
        }
        ValidationException.throwIfAny(errors);
        return new WorkItemDraft(type, title, description, priority, d.contactId(), d.dueAt(), d.assignedTo(), labels);
    }

    private WorkItem find(String id, Grant grant) {
        WorkItem item = isId(id) ? em.find(WorkItem.class, id) : null;
        if (item == null || item.getDeletedAt() != null || (grant == Grant.ASSIGNED && !me().equals(item.getAssignedTo()))) {
            throw new NotFoundException("work item");
        }
        return item;
    }

    private WorkItemView view(WorkItem w, EffectiveProfile profile) {
        return views(List.of(w), profile).get(0);
    }

    /** The rows as views, their contacts' names read in one query. */
    private List<WorkItemView> views(List<WorkItem> rows, EffectiveProfile profile) {
        Map<String, String> names = contactNames(rows);
        return rows.stream().map(w -> view(w, profile, names)).toList();
    }

    /** The names of the items' contacts, in one query. */
    private Map<String, String> contactNames(List<WorkItem> items) {
        List<String> ids = items.stream().map(WorkItem::getContactId).filter(Objects::nonNull).distinct().toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, String> names = new HashMap<>();
        em.createQuery("select c.id, c.displayName from Contact c where c.id in :ids", Object[].class)
                .setParameter("ids", ids).getResultList().forEach(r -> names.put((String) r[0], (String) r[1]));
        return names;
    }

    private WorkItemView view(WorkItem w, EffectiveProfile profile, Map<String, String> contactNames) {
        List<String> actions = new ArrayList<>();
        List<String> next = List.of();
        Grant write = Permissions.grant(Access.resolved(), Capability.WORK_WRITE);
        if (write == Grant.ALL || (write == Grant.ASSIGNED && me().equals(w.getAssignedTo()))) {
            actions.add("update");
            next = WorkItemStatus.names(w.getStatus().next(profile));
            if (!next.isEmpty()) {
                actions.add("change_status");
            }
            if (write == Grant.ALL) {
                actions.add("assign");
            }
        }
        return new WorkItemView(w.getId(), w.getType(), w.getTitle(), w.getDescription(), w.getStatus().name(), w.getPriority(),
                w.getContactId(), w.getContactId() == null ? null : contactNames.get(w.getContactId()), w.getDueAt(),
                w.getAssignedTo(), w.getSource(), w.getConversationId(), labels(w.getLabelsJson()),
                w.getVersion(), w.getCreatedAt(), w.getUpdatedAt(), List.copyOf(actions), next);
    }

    private static Map<String, Object> snapshot(WorkItem w) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("type", w.getType());
        values.put("title", w.getTitle());
        values.put("status", w.getStatus().name());
        values.put("priority", w.getPriority());
        values.put("contact_id", w.getContactId());
        values.put("due_at", w.getDueAt());
        values.put("assigned_to", w.getAssignedTo());
        values.put("labels_json", w.getLabelsJson());
        values.put("version", w.getVersion());
        return values;
    }

    private ZoneId zone() {
        return em.find(Tenant.class, RequestContext.current().orElseThrow().tenantId()).zone();
    }

    private static Map<String, Object> labels(String json) {
        try {
            return json == null ? Map.of() : JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            return Map.of();
        }
    }

    private static String json(Map<String, Object> labels) {
        try {
            return JSON.writeValueAsString(labels);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void check(boolean ok, String field, String message, List<FieldError> errors) {
        if (!ok) {
            errors.add(new FieldError(field, message));
        }
    }

    private static String me() {
        return RequestContext.current().orElseThrow().userId();
    }
}
