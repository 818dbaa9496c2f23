package com.smbhub.tenant;

import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.security.LinkTokens;
import com.smbhub.platform.security.Role;
import com.smbhub.platform.security.User;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;

/**
 * Makes or renews an invitation in the business bound to the transaction: the identity if the address is
 * new, the membership as INVITED, and a link valid for 7 days (a repeated invite replaces the earlier one).
 * The caller has checked who may invite whom (Settings → Team, or platform ops for a new business's owner).
 */
public final class Invitations {

    /** The membership, the link's secret and when it stops working. */
    public record Made(TenantMember member, String token, Instant expires) {
    }

    private Invitations() {
    }

    public static Made make(EntityManager em, String address, Role role) {
        User user = User.byEmail(em, address).orElse(null);
        if (user == null) {
            user = new User(address, address.substring(0, address.indexOf('@')), null, null);
            em.persist(user);
        }
        String userId = user.getId();
        TenantMember member = em.createQuery("select m from TenantMember m where m.userId = :user and m.deletedAt is null",
                TenantMember.class).setParameter("user", userId).getResultStream().findFirst().orElse(null);
        if (member != null && "ACTIVE".equals(member.getStatus())) {
            throw new ValidationException("email", "Already a member of this business");
        }
        if (member != null && "DISABLED".equals(member.getStatus()) && user.getPasswordHash() != null) {
            throw new ValidationException("email", "This member is disabled; enable them instead");
        }
        if (member == null) {
            member = new TenantMember(userId, role);
            member.setStatus("INVITED");
            em.persist(member);
        } else {
            member.setRole(role);
            member.setStatus("INVITED");
        }
        Instant now = Instant.now();
        em.createQuery("select i from Invitation i where i.memberId = :m and i.acceptedAt is null and i.revokedAt is null",
                Invitation.class).setParameter("m", member.getId()).getResultList().forEach(i -> i.revoke(now));
        String token = LinkTokens.newToken();
        Instant expires = now.plus(Duration.ofDays(7));
        em.persist(new Invitation(member.getId(), address, role, LinkTokens.hash(token), expires));
        return new Made(member, token, expires);
    }
}
