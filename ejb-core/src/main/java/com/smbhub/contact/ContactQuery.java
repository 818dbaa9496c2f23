package com.smbhub.contact;

import com.smbhub.platform.Ids;
import com.smbhub.platform.db.Like;
import com.smbhub.platform.errors.ValidationException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.persistence.config.QueryHints;

/** The Contacts screen's list as one query: type, search, deleted or live, an agent's own contacts, by name. */
final class ContactQuery {

    private final StringBuilder jpql = new StringBuilder("select c from Contact c where c.deletedAt is ");
    private final Map<String, Object> params = new LinkedHashMap<>();

    private ContactQuery() {
    }

    /**
     * {@code search}: part of a name or e-mail, or of a phone number when it looks like one;
     * {@code onlyOf}: an agent's id (the contacts {@link ContactScope} lets them see), else null.
     */
    static ContactQuery of(String search, String type, boolean deleted, String onlyOf) {
        if (type != null && !ContactChecks.TYPES.contains(type)) {
            throw new ValidationException("type", "One of CUSTOMER, VENDOR, LEAD, OTHER");
        }
        ContactQuery q = new ContactQuery();
        q.jpql.append(deleted ? "not null" : "null");
        if (type != null) {
            q.where("c.type = :type", "type", type);
        }
        String s = search == null ? "" : search.replace("\u0000", "").trim().toLowerCase();
        if (!s.isEmpty()) {
            // phone matching only for a query that looks like a phone number, not for "Tess 74fe3d"
            String digits = s.matches("[0-9+().\\s-]+") ? s.replaceAll("[^0-9]", "") : "";
            // the ids come from the database's search function, which can use the trigram indexes under row-level
            // security (V39); the rows themselves are then read under the policy as any others
            q.where("c.id = SQL('any(array(select contacts_matching(?, ?)))', :q, :digits)", "q", Like.contains(s));
            q.params.put("digits", digits.length() >= 3 ? "%" + digits + "%" : null);
        }
        if (onlyOf != null) {
            q.where(ContactScope.JPQL, "me", onlyOf);
        }
        return q;
    }

    /** Up to {@code limit + 1} rows after {@code afterKey} (see {@link #key}), by name (the extra row says there is more). */
    List<Contact> rows(EntityManager em, String afterKey, int limit) {
        if (afterKey != null) {
            int cut = afterKey.lastIndexOf('\u0001');
            if (cut < 0 || !Ids.isId(afterKey.substring(cut + 1))) {
                throw new ValidationException("cursor", "Not a cursor this API returned");
            }
            jpql.append(" and (lower(c.displayName) > :afterName or (lower(c.displayName) = :afterName and c.id > :afterId))");
            params.put("afterName", afterKey.substring(0, cut));
            params.put("afterId", afterKey.substring(cut + 1));
        }
        jpql.append(" order by lower(c.displayName), c.id");
        TypedQuery<Contact> select = em.createQuery(jpql.toString(), Contact.class).setHint(QueryHints.READ_ONLY, true);
        params.forEach(select::setParameter);
        return select.setMaxResults(limit + 1).getResultList();
    }

    /** Where the next page starts: after this contact's name and id. */
    static String key(Contact c) {
        return c.getDisplayName().toLowerCase() + '\u0001' + c.getId();
    }

    private void where(String condition, String name, Object value) {
        jpql.append(" and ").append(condition);
        params.put(name, value);
    }
}
