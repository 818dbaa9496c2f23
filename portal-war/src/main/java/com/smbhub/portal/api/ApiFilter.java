package com.smbhub.portal.api;

import com.smbhub.platform.security.CallerCache;
import com.smbhub.platform.security.IdentityService;
import com.smbhub.platform.security.Membership;
import com.smbhub.platform.tenancy.RequestContext;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Every API request: a request id, the caller from the verified token, the business from the
 * token's organisation claim checked against the caller's active memberships, and one log line.
 */
@WebFilter("/api/*")
public class ApiFilter extends HttpFilter {

    private static final Logger LOG = Logger.getLogger("smbhub.api");

    @EJB
    IdentityService identity;

    @Inject
    @ConfigProperty(name = "smbhub.jwt.org-claim", defaultValue = "org_id")
    String orgClaim;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long started = System.nanoTime();
        String requestId = ApiRequest.newId();
        response.setHeader("X-Request-Id", requestId);
        CallerCache.Caller caller = null;
        if (request.getUserPrincipal() instanceof JsonWebToken token) {
            String key = ApiRequest.sha256(token.getRawToken());
            caller = CallerCache.get(key).orElse(null);
            if (caller == null) {
                caller = resolve(token);
                if (caller != null) {
                    CallerCache.put(key, caller);
                }
            }
        }
        try (RequestContext.Scope scope = RequestContext.open(caller == null ? null : caller.userId(),
                caller == null ? null : caller.tenantId(), requestId, request.getRemoteAddr(), "api")) {
            if (caller != null && caller.role() != null) {
                RequestContext.current().orElseThrow().resolvedRole(caller.role());
            }
            chain.doFilter(request, response);
        } finally {
            long ms = (System.nanoTime() - started) / 1_000_000;
            LOG.info("request_id=" + requestId + " method=" + request.getMethod() + " path=" + request.getRequestURI()
                    + " status=" + response.getStatus() + " ms=" + ms);
        }
    }

    /** The token's user and, when the organisation claim names one of their businesses, that business and role. */
    private CallerCache.Caller resolve(JsonWebToken token) {
        String userId = caller(token).map(IdentityService.Person::userId).orElse(null);
        if (userId == null) {
            return null;
        }
        Object org = token.getClaim(orgClaim);
        Optional<Membership.View> membership = org == null ? Optional.empty()
                : identity.membershipByOrg(userId, org.toString().replace("\"", ""));
        return new CallerCache.Caller(userId, membership.map(Membership.View::tenantId).orElse(null),
                membership.map(m -> m.role().name()).orElse(null));
    }

    /** Our own tokens carry the user id as subject; an external provider's are matched by e-mail. */
    private Optional<IdentityService.Person> caller(JsonWebToken token) {
        Optional<IdentityService.Person> bySubject = identity.person(token.getSubject());
        if (bySubject.isPresent()) {
            return bySubject;
        }
        Object email = Optional.ofNullable(token.getClaim("email")).orElse(token.getClaim("upn"));
        return email == null ? Optional.empty() : identity.personByEmail(email.toString().replace("\"", ""));
    }
}
