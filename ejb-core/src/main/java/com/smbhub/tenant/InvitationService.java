package com.smbhub.tenant;

import com.smbhub.platform.audit.AuditService;
import com.smbhub.platform.db.NativeSql;
import com.smbhub.platform.errors.NotFoundException;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.security.CallerCache;
import com.smbhub.platform.security.LinkTokens;
import com.smbhub.platform.security.PasswordHasher;
import com.smbhub.platform.security.PasswordPolicy;
import com.smbhub.platform.security.User;
import com.smbhub.platform.tenancy.CrossTenant;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The invitee's side, before they belong to the business: look up an invitation by its link and
 * accept it. The token is the only key; the business comes from the invitation row, never from
 * the caller. Not tenant-intercepted: the queries below name the invitation's tenant themselves.
 */
@Stateless
public class InvitationService {

    @PersistenceContext(unitName = "smbhub") EntityManager em;

    @EJB AuditService audit;


    /** What the invitation page shows; {@code hasPassword}: the person already has an account. */
    public record Pending(String businessName, String email, String role, boolean hasPassword)
            implements Serializable {
    }

    /** The open invitation behind a link; expired, used, withdrawn or unknown links all look the same. */
    public Pending find(String token) {
        Object[] row = row(token);
        return new Pending((String) row[5], (String) row[3], (String) row[4], row[7] != null);
    }

    /**
     * Accepts: a new person sets their name and password; someone with an account confirms with
     * their password. The membership becomes ACTIVE and the link stops working.
     */
    public void accept(String token, String displayName, char[] password) {
        Object[] row = row(token);
        String invitationId = (String) row[0];
        String tenantId = (String) row[1];
        String memberId = (String) row[2];
        User user = em.find(User.class, (String) row[6]);
        if (user.getPasswordHash() == null) {
            String name = displayName == null ? "" : displayName.trim();
            if (name.isEmpty() || name.length() > 100 || name.chars().anyMatch(c -> c < 0x20)) {
                throw new ValidationException("display_name", "Your name, at most 100 characters");
            }
            String weak = PasswordPolicy.problem(password, user.getEmail(), name);
            if (weak != null) {
                throw new ValidationException("password", weak);
            }
            user.complete(name, PasswordHasher.hash(password));
        } else if (!PasswordHasher.verify(password, user.getPasswordHash())) {
            throw new ValidationException("password", "Not the password of " + user.getEmail());
        }
        CrossTenant.run(em, CrossTenant.Purpose.INVITATION, () -> {
            NativeSql.query(em, "update tenant_members set status = 'ACTIVE', updated_at = now(), version = version + 1"
                            + " where id = cast(?1 as uuid) and tenant_id = cast(?2 as uuid) and status = 'INVITED'")
                    .setParameter(1, memberId).setParameter(2, tenantId).executeUpdate();
            return NativeSql.query(em, "update invitations set accepted_at = now(), updated_at = now(), version = version + 1"
                            + " where id = cast(?1 as uuid) and tenant_id = cast(?2 as uuid)")
                    .setParameter(1, invitationId).setParameter(2, tenantId).executeUpdate();
        });
        CallerCache.evictUser(user.getId());
        audit.recordAlone(tenantId, user.getId(), "tenant.invite_accepted", "tenant_member", memberId,
                Map.of("email", user.getEmail()));
    }

    private Object[] row(String token) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            throw new NotFoundException("invitation");
        }
        List<?> rows = CrossTenant.run(em, CrossTenant.Purpose.INVITATION, () -> NativeSql.query(em, "select cast(i.id as text), cast(i.tenant_id as text), cast(i.member_id as text),"
                        + " i.email, i.role, t.name, cast(u.id as text), u.password_hash, i.expires_at"
                        + " from invitations i join tenants t on t.id = i.tenant_id"
                        + " join tenant_members m on m.id = i.member_id and m.tenant_id = i.tenant_id"
                        + " join users u on u.id = m.user_id"
                        + " where i.token_hash = ?1 and i.accepted_at is null and i.revoked_at is null"
                        + " and i.deleted_at is null and m.status = 'INVITED' and t.deleted_at is null")
                .setParameter(1, LinkTokens.hash(token)).getResultList());
        if (rows.isEmpty()) {
            throw new NotFoundException("invitation");
        }
        Object[] row = (Object[]) rows.get(0);
        Object expires = row[8];
        Instant at = expires instanceof Timestamp t ? t.toInstant() : expires instanceof OffsetDateTime o
                ? o.toInstant() : (Instant) expires;
        if (at.isBefore(Instant.now())) {
            throw new NotFoundException("invitation");
        }
        return row;
    }
}
