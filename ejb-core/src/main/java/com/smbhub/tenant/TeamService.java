package com.smbhub.tenant;

import com.smbhub.platform.Ids;
import com.smbhub.platform.analytics.Analytics;
import com.smbhub.platform.audit.AuditService;
import com.smbhub.platform.errors.ConflictException;
import com.smbhub.platform.errors.NotFoundException;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.mail.Mailer;
import com.smbhub.platform.security.Access;
import com.smbhub.platform.security.CallerCache;
import com.smbhub.platform.security.Capability;
import com.smbhub.platform.security.Role;
import com.smbhub.platform.security.User;
import com.smbhub.platform.tenancy.RequestContext;
import com.smbhub.platform.tenancy.TenantScoped;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The members of the current business and their roles (OWNER/ADMIN only). */
@Stateless
@TenantScoped
public class TeamService {

    @PersistenceContext(unitName = "smbhub") EntityManager em;

    @EJB Access access;

    @EJB AuditService audit;


    public record Member(String memberId, String userId, String email, String displayName, Role role,
                         String status, long version) {
    }

    public List<Member> members() {
        access.require(Capability.MANAGE_TEAM);
        return em.createQuery("select m from TenantMember m where m.deletedAt is null", TenantMember.class)
                .getResultStream()
                .map(this::view)
                .sorted(Comparator.comparing(Member::email))
                .toList();
    }

    /** Active members work can be assigned to (anyone who may see work may see who can take it). */
    public List<Member> assignable() {
        access.require(Capability.WORK_READ);
        return em.createQuery("select m from TenantMember m where m.deletedAt is null and m.status = 'ACTIVE'",
                        TenantMember.class)
                .getResultStream()
                .map(this::view)
                .sorted(Comparator.comparing(Member::displayName))
                .toList();
    }

    public Member changeRole(String memberId, Long expectedVersion, Role role) {
        access.require(Capability.MANAGE_TEAM);
        TenantMember member = member(memberId);
        ConflictException.checkVersion(member.getVersion(), expectedVersion,
                "Someone changed this member since you opened the team", () -> view(member));
        if (role == null) {
            throw new ValidationException("role", "Choose a role");
        }
        Role before = member.getRole();
        if (role.isOwner() && !before.isOwner() && !access.permits(Capability.MANAGE_OWNERS)) {
            throw new ValidationException("role", "Only an owner can make someone an owner");
        }
        if (before.isOwner() && !role.isOwner() && !access.permits(Capability.MANAGE_OWNERS)) {
            throw new ValidationException("role", "Only an owner can change an owner's role");
        }
        if (before.isOwner() && !role.isOwner() && owners() <= 1) {
            throw new ValidationException("role", "A business needs at least one owner");
        }
        member.setRole(role);
        em.flush();
        CallerCache.evictUser(member.getUserId());
        audit.record("tenant.member_role_changed", "tenant_member", memberId,
                Map.of("role", before.name()), Map.of("role", role.name()));
        return view(member);
    }

    /** A new invitation: the member (INVITED), the token and full link (shown once, never stored), its expiry. */
    public record Invite(Member member, String token, String link, Instant expiresAt) {
    }

    @Inject @ConfigProperty(name = "smbhub.public-url", defaultValue = "http://localhost:8080") String publicUrl;

    @EJB Mailer mailer;

    /**
     * E-mails an invitation link to the invited member. Its own call (and transaction): a mail
     * server that refuses leaves the invitation in place, and the link can be passed on by hand.
     */
    public void emailInvitation(String memberId, String link) {
        access.require(Capability.MANAGE_TEAM);
        TenantMember member = member(memberId);
        if (!"INVITED".equals(member.getStatus())) {
            throw new ValidationException("member", "Only a pending invitation is e-mailed");
        }
        User user = em.find(User.class, member.getUserId());
        Tenant business = em.find(Tenant.class, RequestContext.current().orElseThrow().tenantId());
        mailer.send("INVITATION", null, business.getName(), user.getEmail(), "Join " + business.getName() + " on SMB Hub",
                "Hello,\n\nYou are invited to work in " + business.getName() + " on SMB Hub as "
                        + member.getRole().name().toLowerCase() + ".\n\nAccept within 7 days here:\n" + link
                        + "\n\nIf you did not expect this, ignore this message.\n", List.of());
    }

    /**
     * Invites an e-mail address with a role: creates the identity if it is new, the membership as
     * INVITED and an invitation valid for 7 days (a repeated invite replaces the earlier link).
     */
    public Invite invite(String email, Role role) {
        access.require(Capability.MANAGE_TEAM);
        String address = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        if (!address.matches("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$") || address.length() > 254) {
            throw new ValidationException("email", "Not a valid e-mail address");
        }
        if (role == null) {
            throw new ValidationException("role", "Choose a role");
        }
        if (role.isOwner() && !access.permits(Capability.MANAGE_OWNERS)) {
            throw new ValidationException("role", "Only an owner can invite an owner");
        }
        Invitations.Made made = Invitations.make(em, address, role);
        TenantMember member = made.member();
        String token = made.token();
        Instant expires = made.expires();
        em.flush();
        audit.record("tenant.member_invited", "tenant_member", member.getId(), null,
                Map.of("email", address, "role", role.name()));
        Analytics.record(em, "tenant.member_invited", null, "manual",
                Map.of("role", role.name()));
        return new Invite(view(member), token, publicUrl.replaceAll("/+$", "") + "/app/invite/" + token, expires);
    }

    /** Disables a member (they can no longer work here) or withdraws a pending invitation. */
    public Member disable(String memberId) {
        access.require(Capability.MANAGE_TEAM);
        TenantMember member = member(memberId);
        if (member.getUserId().equals(RequestContext.current().orElseThrow().userId())) {
            throw new ValidationException("member", "You cannot disable yourself");
        }
        if (member.getRole().isOwner() && !access.permits(Capability.MANAGE_OWNERS)) {
            throw new ValidationException("member", "Only an owner can disable an owner");
        }
        if (member.getRole().isOwner() && "ACTIVE".equals(member.getStatus()) && owners() <= 1) {
            throw new ValidationException("member", "A business needs at least one owner");
        }
        String before = member.getStatus();
        member.setStatus("DISABLED");
        CallerCache.evictUser(member.getUserId());
        Instant now = Instant.now();
        em.createQuery("select i from Invitation i where i.memberId = :m and i.acceptedAt is null and i.revokedAt is null",
                Invitation.class).setParameter("m", memberId).getResultList().forEach(i -> i.revoke(now));
        em.flush();
        audit.record("tenant.member_disabled", "tenant_member", memberId, Map.of("status", before), Map.of("status", "DISABLED"));
        return view(member);
    }

    /** Lets a disabled member work here again. */
    public Member enable(String memberId) {
        access.require(Capability.MANAGE_TEAM);
        TenantMember member = member(memberId);
        if (!"DISABLED".equals(member.getStatus())) {
            throw new ValidationException("member", "Only a disabled member can be enabled");
        }
        User user = em.find(User.class, member.getUserId());
        if (user == null || user.getPasswordHash() == null) {
            throw new ValidationException("member", "This person never accepted the invitation; invite them again");
        }
        member.setStatus("ACTIVE");
        em.flush();
        CallerCache.evictUser(member.getUserId());
        audit.record("tenant.member_enabled", "tenant_member", memberId, Map.of("status", "DISABLED"), Map.of("status", "ACTIVE"));
        return view(member);
    }

    private TenantMember member(String memberId) {
        TenantMember member = Ids.isId(memberId) ? em.find(TenantMember.class, memberId) : null;
        if (member == null || member.getDeletedAt() != null) {
            throw new NotFoundException("member");
        }
        return member;
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
