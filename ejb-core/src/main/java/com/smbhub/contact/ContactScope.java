package com.smbhub.contact;

import com.smbhub.platform.Ids;
import jakarta.persistence.EntityManager;

/**
 * Which contacts an AGENT (the ASSIGNED grant of the contact capabilities) may see and link: those of
 * work or conversations assigned to them, and those they created. The one rule for lists, reads, links and duplicate answers.
 */
public final class ContactScope {

    /** The condition on a contact aliased {@code c}, with the caller's id bound as {@code :me}. */
    static final String JPQL = "(c.createdBy = :me or exists (select w.id from WorkItem w where w.contactId = c.id"
            + " and w.assignedTo = :me and w.deletedAt is null) or exists (select v.id from Conversation v"
            + " where v.contactId = c.id and v.assignedTo = :me and v.deletedAt is null))";

    private ContactScope() {
    }

    /** Whether the agent {@code userId} sees this contact (an id that is not one is not seen). */
    public static boolean sees(EntityManager em, String contactId, String userId) {
        return Ids.isId(contactId) && em.createQuery("select count(c) from Contact c where c.id = :id and " + JPQL, Long.class)
                .setParameter("id", contactId).setParameter("me", userId).getSingleResult() > 0;
    }
}
