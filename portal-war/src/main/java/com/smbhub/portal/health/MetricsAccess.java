package com.smbhub.portal.health;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Payara's {@code /metrics} is for the operators' scraper only: it answers with {@code Authorization: Bearer <token>}
 * of {@code smbhub.metrics.token} ({@code SMBHUB_METRICS_TOKEN}); to anyone else, and on a server without a token, it
 * is not there (404). The endpoint lives in this root-context module, so this filter stands in front of it.
 */
@WebFilter("/metrics/*")
public class MetricsAccess extends HttpFilter {

    @Inject @ConfigProperty(name = "smbhub.metrics.token") Optional<String> token;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String wanted = token.map(String::trim).filter(t -> t.length() >= 16).orElse(null);
        if (wanted != null && allowed(request.getHeader("Authorization"), wanted)) {
            chain.doFilter(request, response);
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND); // to anyone else it is not there
        }
    }

    /** Whether the header carries the token, compared in constant time. */
    static boolean allowed(String authorization, String wanted) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8),
                wanted.getBytes(StandardCharsets.UTF_8));
    }
}
