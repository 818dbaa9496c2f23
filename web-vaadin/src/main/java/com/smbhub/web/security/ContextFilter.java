package com.smbhub.web.security;

import com.smbhub.platform.security.IdentityService;
import com.smbhub.platform.tenancy.RequestContext;
import jakarta.ejb.EJB;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.Principal;
import java.time.Instant;
import java.util.UUID;

/**
 * Opens the server-side request context for every back-office request: the signed-in user from the
 * container, the business the user picked (checked when picked, re-checked on every service call).
 */
@WebFilter("/*")
public class ContextFilter extends HttpFilter {

    /** When this session's person signed in (an {@link Instant}); a password reset after it ends the session. */
    public static final String SIGNED_IN_AT = "smbhub.signedInAt";

    @EJB IdentityService identity;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Principal principal = request.getUserPrincipal();
        HttpSession session = request.getSession(false);
        if (principal != null && session != null) {
            Object since = session.getAttribute(SIGNED_IN_AT);
            if (!identity.stillSignedIn(principal.getName(), since instanceof Instant i ? i : Instant.EPOCH)) {
                session.invalidate();
                request.logout();
                response.sendRedirect(request.getContextPath() + "/login");
                return;
            }
        }
        String tenantId = session == null ? null : (String) session.getAttribute(CurrentBusiness.SESSION_KEY);
        String requestId = "req_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (RequestContext.Scope scope = RequestContext.open(principal == null ? null : principal.getName(),
                principal == null ? null : tenantId, requestId, request.getRemoteAddr(), "web")) {
            chain.doFilter(request, response);
        }
    }
}
