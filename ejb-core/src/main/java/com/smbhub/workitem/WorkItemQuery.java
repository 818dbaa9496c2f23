package com.smbhub.workitem;

import static com.smbhub.workitem.WorkItemService.check;

import com.smbhub.platform.Ids;
import com.smbhub.platform.db.Like;
import com.smbhub.platform.db.NewestFirst;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.errors.ValidationException.FieldError;
import com.smbhub.platform.time.BusinessClock;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.persistence.config.QueryHints;

/** The Work screen's filters as one query: every filter checked at its field, an agent's own items only. */
final class WorkItemQuery {

    private final StringBuilder jpql;
    private final Map<String, Object> params = new LinkedHashMap<>();

    private WorkItemQuery() {
        this("select w");
    }

    private WorkItemQuery(String select) {
        jpql = new StringBuilder(select + " from WorkItem w where w.deletedAt is null");
    }

    /** Items in NEW ({@code onlyOf}: an agent's id, their items only; else null). */
    static long countNew(EntityManager em, String onlyOf) {
        return new WorkItemQuery("select count(w)").scope(onlyOf)
                .where("w.status = :new", "new", WorkItemStatus.NEW.name()).count(em);
    }

    /** Open items past their due time. */
    static long countOverdue(EntityManager em, String onlyOf, Instant now) {
        return new WorkItemQuery("select count(w)").scope(onlyOf).open().where("w.dueAt < :now", "now", now).count(em);
    }

    /** Home's next actions: open items that are urgent or overdue, soonest due first. */
    static List<WorkItem> nextActions(EntityManager em, String onlyOf, Instant now, int max) {
        WorkItemQuery q = new WorkItemQuery().scope(onlyOf).open()
                .where("(w.priority = 'URGENT' or w.dueAt < :now)", "now", now);
        q.jpql.append(" order by w.dueAt, w.createdAt");
        return q.list(em, max);
    }

    /** Items whose title contains {@code text} (lower case), newest first. */
    static List<WorkItem> titled(EntityManager em, String text, String onlyOf, int max) {
        WorkItemQuery q = new WorkItemQuery().scope(onlyOf).where("w.id = SQL('any(array(select work_items_matching(?)))', :q)", "q",
                Like.contains(text)); // the search function uses the title's trigram index under row-level security (V39)
        q.jpql.append(" order by w.createdAt desc");
        return q.list(em, max);
    }

    /**
     * {@code me}: the caller; {@code onlyMine}: an agent's scope; {@code zone}: the business's, for "today" and "week"
     * (read only for those).
     */
    static WorkItemQuery of(WorkItemService.Filter filter, String me, boolean onlyMine, Supplier<ZoneId> zone) {
        WorkItemQuery q = new WorkItemQuery();
        List<FieldError> errors = new ArrayList<>();
        if (filter.status() != null) {
            check(WorkItemStatus.of(filter.status()) != null, "status", "Unknown status", errors);
            q.where("w.status = :status", "status", filter.status());
        }
        if (filter.type() != null) {
            check(WorkItemService.TYPES.contains(filter.type()), "type", "Unknown type", errors);
            q.where("w.type = :type", "type", filter.type());
        }
        if (filter.priority() != null) {
            check(WorkItemService.PRIORITIES.contains(filter.priority()), "priority", "One of LOW, NORMAL, HIGH, URGENT", errors);
            q.where("w.priority = :priority", "priority", filter.priority());
        }
        if (filter.assignedTo() != null) {
            String who = "me".equals(filter.assignedTo()) ? me : filter.assignedTo();
            check(Ids.isId(who), "assigned_to", "A user id or \"me\"", errors);
            q.where("w.assignedTo = :assignee", "assignee", who);
        }
        if (filter.due() != null) {
            switch (filter.due()) {
                case "overdue" -> {
                    q.where("w.dueAt < :now", "now", BusinessClock.now()).open();
                }
                case "today" -> q.within(zone.get(), 1);
                case "week" -> q.within(zone.get(), 7);
                default -> errors.add(new FieldError("due", "One of overdue, today, week"));
            }
        }
        ValidationException.throwIfAny(errors);
        if (onlyMine) {
            q.where("w.assignedTo = :me", "me", me);
        }
        return q;
    }

    private WorkItemQuery scope(String onlyOf) {
        return onlyOf == null ? this : where("w.assignedTo = :me", "me", onlyOf);
    }

    private WorkItemQuery open() {
        return where("w.status in :open", "open", WorkItemService.OPEN_NAMES);
    }

    private long count(EntityManager em) {
        TypedQuery<Long> query = em.createQuery(jpql.toString(), Long.class);
        params.forEach(query::setParameter);
        return query.getSingleResult();
    }

    private List<WorkItem> list(EntityManager em, int max) {
        TypedQuery<WorkItem> query = em.createQuery(jpql.toString(), WorkItem.class).setHint(QueryHints.READ_ONLY, true);
        params.forEach(query::setParameter);
        return query.setMaxResults(max).getResultList();
    }

    /** Up to {@code limit + 1} rows after {@code afterKey}, newest first (the extra row says there is more). */
    List<WorkItem> rows(EntityManager em, String afterKey, int limit) {
        NewestFirst.continueAfter(afterKey, "w", jpql, params);
        TypedQuery<WorkItem> query = em.createQuery(jpql.toString(), WorkItem.class).setHint(QueryHints.READ_ONLY, true);
        params.forEach(query::setParameter);
        return query.setMaxResults(limit + 1).getResultList();
    }

    private WorkItemQuery where(String condition, String name, Object value) {
        jpql.append(" and ").append(condition);
        params.put(name, value);
        return this;
    }

    /** Due from the start of the business's today to the start of the day {@code days} later. */
    private void within(ZoneId zone, int days) {
        LocalDate today = BusinessClock.today(zone);
        where("w.dueAt >= :from", "from", today.atStartOfDay(zone).toInstant());
        where("w.dueAt < :to", "to", today.plusDays(days).atStartOfDay(zone).toInstant());
    }
}
