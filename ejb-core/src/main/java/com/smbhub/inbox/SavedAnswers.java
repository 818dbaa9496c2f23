package com.smbhub.inbox;

import static com.smbhub.platform.Ids.isId;

import com.smbhub.platform.audit.AuditService;
import com.smbhub.platform.errors.ConflictException;
import com.smbhub.platform.errors.NotFoundException;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.errors.ValidationException.FieldError;
import com.smbhub.platform.mail.MessageTemplate;
import com.smbhub.platform.security.Access;
import com.smbhub.platform.security.Capability;
import com.smbhub.platform.tenancy.TenantScoped;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Saved answers: a business's ready texts for the inbox's composer ("On our way", "Thanks, we will send a
 * quote today"), with {client_name} and {business_name} filled in when used. Everyone who reads the inbox
 * picks from them; owners and admins keep them (Settings → Inbox).
 */
@Stateless
@TenantScoped
public class SavedAnswers {

    static final String KIND = "reply";
    static final int MAX_BODY = 5_000;

    public record Answer(String id, String name, String body, long version) implements Serializable {
    }

    @PersistenceContext(unitName = "smbhub") EntityManager em;

    @EJB Access access;

    @EJB AuditService audit;

    public List<Answer> list() {
        access.require(Capability.INBOX_READ);
        return em.createQuery("select t from MessageTemplate t where t.type = 'MESSAGE' and t.kind = :k and t.deletedAt is null"
                + " order by lower(t.name)", MessageTemplate.class).setParameter("k", KIND).setMaxResults(200)
                .getResultStream().map(SavedAnswers::view).toList();
    }

    public Answer get(String id) {
        access.require(Capability.INBOX_READ);
        return view(find(id));
    }

    public Answer create(String name, String body) {
        access.require(Capability.MANAGE_SETTINGS);
        List<FieldError> errors = new ArrayList<>();
        String n = name(name, null, errors);
        String b = body(body, errors);
        ValidationException.throwIfAny(errors);
        MessageTemplate t = new MessageTemplate(KIND, n);
        t.setContent(b);
        em.persist(t);
        em.flush();
        audit.record("saved_answer.created", "template", t.getId(), null, Map.of("name", n));
        return view(t);
    }

    public Answer update(String id, Long expectedVersion, String name, String body) {
        access.require(Capability.MANAGE_SETTINGS);
        MessageTemplate t = find(id);
        ConflictException.checkVersion(t.getVersion(), expectedVersion, "Someone changed this answer since you opened it",
                () -> view(t));
        List<FieldError> errors = new ArrayList<>();
        String n = name(name, t.getId(), errors);
        String b = body(body, errors);
        ValidationException.throwIfAny(errors);
        Map<String, Object> before = Map.of("name", t.getName(), "body", t.getContent());
        t.setName(n);
        t.setContent(b);
        em.flush();
        audit.record("saved_answer.changed", "template", t.getId(), before, Map.of("name", n, "body", b));
        return view(t);
    }

    public void delete(String id) {
        access.require(Capability.MANAGE_SETTINGS);
        MessageTemplate t = find(id);
        t.setDeletedAt(Instant.now());
        em.flush();
        audit.record("saved_answer.deleted", "template", t.getId(), Map.of("name", t.getName()), null);
    }

    /** The answer's text for this conversation: {client_name} and {business_name} filled in. */
    public static String fill(String body, String clientName, String businessName) {
        return body.replace("{client_name}", clientName == null || clientName.isBlank() ? "there" : clientName)
                .replace("{business_name}", businessName == null ? "" : businessName);
    }

    private String name(String name, String self, List<FieldError> errors) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 80 || n.chars().anyMatch(c -> c < 0x20)) {
            errors.add(new FieldError("name", "Required, at most 80 characters on one line"));
        } else if (em.createQuery("select t.id from MessageTemplate t where t.type = 'MESSAGE' and t.kind = :k"
                        + " and lower(t.name) = :n and t.deletedAt is null", String.class).setParameter("k", KIND)
                .setParameter("n", n.toLowerCase(java.util.Locale.ROOT)).getResultStream().anyMatch(i -> !i.equals(self))) {
            errors.add(new FieldError("name", "You already have an answer called " + n));
        }
        return n;
    }

    private static String body(String body, List<FieldError> errors) {
        String b = body == null ? "" : body.replace("\r\n", "\n").strip();
        if (b.isEmpty() || b.length() > MAX_BODY || b.indexOf('\u0000') >= 0) {
            errors.add(new FieldError("body", "Required, at most 5,000 characters"));
        }
        return b;
    }

    private MessageTemplate find(String id) {
        MessageTemplate t = isId(id) ? em.find(MessageTemplate.class, id) : null;
        if (t == null || t.getDeletedAt() != null || !KIND.equals(t.getKind())) {
            throw new NotFoundException("saved answer");
        }
        return t;
    }

    private static Answer view(MessageTemplate t) {
        return new Answer(t.getId(), t.getName(), t.getContent() == null ? "" : t.getContent(), t.getVersion());
    }
}
