package com.smbhub.portal.pages;

import com.smbhub.platform.metrics.Measures;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;

/**
 * Times every client portal request for {@code /metrics} by route template — the link's token never becomes a tag
 * ({@code /portal/invoices/{token}/pay}); a path that is no portal route is {@code /portal/other}.
 */
@WebFilter("/portal/*")
public class PortalTimer extends HttpFilter {

    private static final Set<String> KINDS = Set.of("invoices", "quotes");
    private static final Set<String> ACTIONS = Set.of("pdf", "pay", "approve", "reject", "message");

    @Inject Measures measures;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long started = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            measures.portalRequest(route(request.getPathInfo()), request.getMethod(), response.getStatus(),
                    Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /** The route template of a path under /portal. */
    static String route(String path) {
        if ("/paid".equals(path)) {
            return "/portal/paid";
        }
        String[] parts = path == null ? new String[0] : path.split("/", -1);
        if ((parts.length == 3 || parts.length == 4) && parts[0].isEmpty() && KINDS.contains(parts[1]) && !parts[2].isEmpty()) {
            if (parts.length == 3) {
                return "/portal/" + parts[1] + "/{token}";
            }
            if (ACTIONS.contains(parts[3])) {
                return "/portal/" + parts[1] + "/{token}/" + parts[3];
            }
        }
        return "/portal/other";
    }
}
