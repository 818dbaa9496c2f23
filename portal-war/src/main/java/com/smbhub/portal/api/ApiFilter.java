package com.smbhub.portal.api;

import com.smbhub.platform.analytics.ViewEvents;
import com.smbhub.platform.metrics.Measures;
import com.smbhub.platform.security.CallerCache;
import com.smbhub.platform.security.IdentityService;
import com.smbhub.platform.security.Membership;
import com.smbhub.platform.tenancy.RequestContext;
import com.smbhub.portal.health.Warmup;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every API request: a request id, the caller from the bearer token ({@link TokenVerifier}; a
 * token already verified is found by its SHA-256 in {@link CallerCache} until it expires), the
 * business from the token's organisation claim checked against the caller's active memberships,
 * a log line for a server error or a slow request, and the route's count and time for {@code /metrics} ({@link Measures}). A missing or bad token
 * leaves the request anonymous: protected resources answer 401 ({@link AuthenticatedFilter}), open ones (sign-in,
 * webhooks) work as they are.
 */
@WebFilter("/api/*")
public class ApiFilter extends HttpFilter {

    private static final Logger LOG = Logger.getLogger("smbhub.api");
    /** A request taking this long is logged whatever its answer. */
    static final long SLOW_MILLIS = 1_000;

    @EJB IdentityService identity;

    @Inject Measures measures;

    @Inject @ConfigProperty(name = "smbhub.jwt.org-claim", defaultValue = "org_id") String orgClaim;

    @Inject @ConfigProperty(name = "mp.jwt.verify.issuer") String issuer;

    @Inject @ConfigProperty(name = "mp.jwt.verify.publickey") Optional<String> publicKey;

    @Inject @ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> publicKeyLocation;

    @Inject @ConfigProperty(name = "mp.jwt.verify.clock.skew", defaultValue = "60") long clockSkew;

    @Inject @ConfigProperty(name = "mp.jwt.verify.audiences") Optional<String> audiences;

    private TokenVerifier verifier;

    @Override
    public void init() {
        try {
            Set<String> audience = Arrays.stream(audiences.orElse("").split(","))
                    .map(String::trim).filter(a -> !a.isEmpty()).collect(Collectors.toSet());
            verifier = new TokenVerifier(issuer, audience,
                    publicKey.orElse(null), publicKeyLocation.orElse(null), orgClaim, clockSkew, Clock.systemUTC());
        } catch (IllegalArgumentException e) {
            LOG.severe("API tokens cannot be checked, every bearer token is refused: " + e.getMessage());
        }
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long started = System.nanoTime();
        String requestId = ApiRequest.newId();
        response.setHeader("X-Request-Id", requestId);
        CallerCache.Caller caller = null;
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7) && verifier != null) {
            String token = authorization.substring(7).trim();
            String key = ApiRequest.sha256(token);
            caller = CallerCache.get(key).orElse(null);
            if (caller == null) {
                TokenVerifier.Claims claims = verifier.verify(token).orElse(null);
                caller = claims == null ? null : resolve(claims);
                if (caller != null) {
                    CallerCache.put(key, caller, claims.expiresAt());
                }
            }
        }
        try (RequestContext.Scope scope = RequestContext.open(caller == null ? null : caller.userId(),
                caller == null ? null : caller.tenantId(), requestId, request.getRemoteAddr(),
                Warmup.isWarmUp(request) ? ViewEvents.WARM_UP : "api")) {
            if (caller != null && caller.role() != null) {
                RequestContext.current().orElseThrow().resolvedRole(caller.role());
            }
            chain.doFilter(request, response);
        } finally {
            long nanos = System.nanoTime() - started;
            measures.request(request.getAttribute(RouteFilter.ROUTE) instanceof String route ? route : "unmatched",
                    request.getMethod(), response.getStatus(), Duration.ofNanos(nanos));
            long millis = nanos / 1_000_000;
            // server errors and slow requests at INFO; the rest only when asked for (every request is counted in /metrics)
            Level level = response.getStatus() >= 500 || millis >= SLOW_MILLIS ? Level.INFO : Level.FINE;
            if (LOG.isLoggable(level)) {
                LOG.log(level, "request_id=" + requestId + " method=" + request.getMethod() + " path=" + request.getRequestURI()
                        + " status=" + response.getStatus() + " ms=" + millis);
            }
        }
    }

    /** The token's user and, when the organisation claim names one of their businesses, that business and role. */
    private CallerCache.Caller resolve(TokenVerifier.Claims token) {
        String userId = caller(token).filter(p -> p.credentialsChangedAt() == null
                || token.issuedAt() >= p.credentialsChangedAt().getEpochSecond()).map(IdentityService.Person::userId).orElse(null);
        if (userId == null) {
            return null;
        }
        Optional<Membership.View> membership = token.org() == null ? Optional.empty()
                : identity.membershipByOrg(userId, token.org());
        return new CallerCache.Caller(userId, membership.map(Membership.View::tenantId).orElse(null),
                membership.map(m -> m.role().name()).orElse(null));
    }

    /** Our own tokens carry the user id as subject; an external provider's are matched by e-mail. */
    private Optional<IdentityService.Person> caller(TokenVerifier.Claims token) {
        Optional<IdentityService.Person> bySubject = token.subject() == null ? Optional.empty() : identity.person(token.subject());
        if (bySubject.isPresent()) {
            return bySubject;
        }
        return token.email() == null ? Optional.empty() : identity.personByEmail(token.email());
    }
}
