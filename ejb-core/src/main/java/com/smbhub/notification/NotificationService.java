package com.smbhub.notification;

import com.smbhub.platform.tenancy.TenantScoped;
import com.smbhub.platform.time.BusinessClock;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** The business's notifications, newest first, for every member; anyone may mark them read. */
@Stateless
@TenantScoped
public class NotificationService {

    /** One notification: what happened and the record it is about (a quote, …). */
    public record View(String id, String kind, String title, String entityType, String entityId, Instant at, boolean read)
            implements Serializable {
    }

    @PersistenceContext(unitName = "smbhub") EntityManager em;

    /** Adds one in the caller's transaction (inside the business named on {@code em}). */
    public static void add(EntityManager em, String kind, String title, String entityType, String entityId) {
        em.persist(new Notification(kind, title, entityType, entityId));
    }

    public List<View> recent(int limit) {
        return em.createQuery("select n from Notification n order by n.createdAt desc", Notification.class)
                .setMaxResults(Math.max(1, Math.min(limit, 100))).getResultStream()
                .map(n -> new View(n.getId(), n.getKind(), n.getTitle(), n.getEntityType(), n.getEntityId(), n.getCreatedAt(),
                        n.getReadAt() != null)).toList();
    }

    public long unread() {
        return em.createQuery("select count(n) from Notification n where n.readAt is null", Long.class).getSingleResult();
    }

    public void markAllRead() {
        Instant now = BusinessClock.now();
        em.createQuery("select n from Notification n where n.readAt is null", Notification.class).getResultList()
                .forEach(n -> n.markRead(now));
    }
}
