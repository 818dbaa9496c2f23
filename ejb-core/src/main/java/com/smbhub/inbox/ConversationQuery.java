package com.smbhub.inbox;

import com.smbhub.platform.Ids;
import com.smbhub.platform.db.Like;
import com.smbhub.platform.db.NewestFirst;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.errors.ValidationException.FieldError;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.persistence.config.QueryHints;

/** The inbox's filters and search as one query, latest message first; an agent sees only what is assigned to them. */
final class ConversationQuery {

    private final StringBuilder jpql;
    private final Map<String, Object> params = new LinkedHashMap<>();

    private ConversationQuery(String select) {
        jpql = new StringBuilder(select + " from Conversation c where c.deletedAt is null");
    }

    static ConversationQuery of(InboxService.Filter filter, String me, boolean onlyMine) {
        ConversationQuery q = new ConversationQuery("select c");
        List<FieldError> errors = new ArrayList<>();
        if (filter.status() != null) {
            if (ConversationStatus.of(filter.status()) == null) {
                errors.add(new FieldError("status", "One of OPEN, CLOSED"));
            }
            q.where("c.status = :status", "status", filter.status());
        }
        if (filter.channel() != null) {
            boolean known = false;
            for (Channel ch : Channel.values()) {
                known |= ch.name().equals(filter.channel());
            }
            if (!known) {
                errors.add(new FieldError("channel", "One of EMAIL, SMS, WHATSAPP, WEB_PORTAL"));
            }
            q.where("c.channel = :channel", "channel", filter.channel());
        }
        if (filter.assignedTo() != null) {
            if ("nobody".equals(filter.assignedTo())) {
                q.jpql.append(" and c.assignedTo is null");
            } else {
                String who = "me".equals(filter.assignedTo()) ? me : filter.assignedTo();
                if (!Ids.isId(who)) {
                    errors.add(new FieldError("assigned_to", "A user id, \"me\" or \"nobody\""));
                }
                q.where("c.assignedTo = :assignee", "assignee", who);
            }
        }
        if (Boolean.TRUE.equals(filter.unread())) {
            q.jpql.append(" and c.unreadCount > 0");
        }
        if (filter.q() != null && !filter.q().isBlank()) {
            String text = filter.q().replace("\u0000", "").strip().toLowerCase(Locale.ROOT);
            if (text.length() > 200) {
                errors.add(new FieldError("q", "At most 200 characters"));
            }
            q.where("(lower(c.counterpart) like :q or lower(c.subject) like :q or exists (select k.id from Contact k"
                    + " where k.id = c.contactId and lower(k.displayName) like :q) or exists (select m.id from InboxMessage m"
                    + " where m.conversationId = c.id and lower(m.bodyText) like :q))", "q", Like.contains(text));
        }
        ValidationException.throwIfAny(errors);
        if (onlyMine) {
            q.where("c.assignedTo = :me", "me", me);
        }
        return q;
    }

    static long unread(EntityManager em, String onlyOf) {
        ConversationQuery q = new ConversationQuery("select coalesce(sum(c.unreadCount), 0)");
        q.where("c.status = :open", "open", ConversationStatus.OPEN.name());
        if (onlyOf != null) {
            q.where("c.assignedTo = :me", "me", onlyOf);
        }
        TypedQuery<Number> query = em.createQuery(q.jpql.toString(), Number.class);
        q.params.forEach(query::setParameter);
        return query.getSingleResult().longValue();
    }

    /** Up to {@code limit + 1} rows after {@code afterKey} (the extra row says there is more). */
    List<Conversation> rows(EntityManager em, String afterKey, int limit) {
        if (afterKey != null) {
            NewestFirst.Key after = NewestFirst.parse(afterKey);
            where("(c.lastMessageAt < :afterAt or (c.lastMessageAt = :afterAt and c.id < :afterId))", "afterAt", after.at());
            params.put("afterId", after.id());
        }
        jpql.append(" and c.lastMessageAt is not null order by c.lastMessageAt desc, c.id desc");
        TypedQuery<Conversation> query = em.createQuery(jpql.toString(), Conversation.class)
                .setHint(QueryHints.READ_ONLY, true);
        params.forEach(query::setParameter);
        return query.setMaxResults(limit + 1).getResultList();
    }

    static String nextKey(List<Conversation> rows, int limit) {
        if (rows.size() <= limit) {
            return null;
        }
        Conversation last = rows.get(limit - 1);
        return NewestFirst.key(last.getLastMessageAt(), last.getId());
    }

    private ConversationQuery where(String condition, String name, Object value) {
        jpql.append(" and ").append(condition);
        params.put(name, value);
        return this;
    }
}
