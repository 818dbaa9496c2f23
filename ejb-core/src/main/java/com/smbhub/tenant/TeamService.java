package com.smbhub.tenant;

import com.smbhub.platform.audit.AuditService;
import com.smbhub.platform.errors.NotFoundException;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.security.Access;
import com.smbhub.platform.security.Capability;
import com.smbhub.platform.security.Role;
import com.smbhub.platform.security.User;
import com.smbhub.platform.tenancy.TenantInterceptor;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;

/** The members of the current business and their roles (OWNER/ADMIN only). */
@Stateless
@Interceptors(TenantInterceptor.class)
public class TeamService {

    @PersistenceContext(unitName = "smbhub")
    EntityManager em;

    @EJB
    Access access;

    @EJB
    AuditService audit;

    public record Member(String memberId, String userId, String email, String displayName, Role role,
                         String status, long version) {
    }

    public List<Member> members() {
        access.require(Capability.MANAGE_TEAM);
        return em.createQuery("select m from TenantMember m where m.deletedAt is null", TenantMember.class)
                .getResultStream()
                .map(this::view)
                .sorted(java.util.Comparator.comparing(Member::email))
                .toList();
    }

    /** Active members work can be assigned to (anyone who may see work may see who can take it). */
    public List<Member> assignable() {
        access.require(Capability.WORK_READ);
        return em.createQuery("select m from TenantMember m where m.deletedAt is null and m.status = 'ACTIVE'",
                        TenantMember.class)
                .getResultStream()
                .map(this::view)
                .sorted(java.util.Comparator.comparing(Member::displayName))
                .toList();
    }

    public Member changeRole(String memberId, Role role) {
        access.require(Capability.MANAGE_TEAM);
        TenantMember member = em.find(TenantMember.class, memberId);
        if (member == null || member.getDeletedAt() != null) {
            throw new NotFoundException("member");
        }
        if (role == null) {
            throw new ValidationException("role", "Choose a role");
        }
        Role before = member.getRole();
        if (before == Role.OWNER && role != Role.OWNER && owners() <= 1) {
            throw new ValidationException("role", "A business needs at least one owner");
        }
        if (role == Role.OWNER && access.role() != Role.OWNER) {
            throw new ValidationException("role", "Only an owner can make someone an owner");
        }
        member.setRole(role);
        em.flush();
        audit.record("tenant.member_role_changed", "tenant_member", memberId,
                Map.of("role", before.name()), Map.of("role", role.name()));
        return view(member);
    }

    private long owners() {
        return em.createQuery("select count(m) from TenantMember m where m.role = :owner"
                        + " and m.status = 'ACTIVE' and m.deletedAt is null", Long.class)
                .setParameter("owner", Role.OWNER)
                .getSingleResult();
    }

    private Member view(TenantMember m) {
        User user = em.find(User.class, m.getUserId());
        return new Member(m.getId(), m.getUserId(), user == null ? "" : user.getEmail(),
                user == null ? "" : user.getDisplayName(), m.getRole(), m.getStatus(), m.getVersion());
    }
}
