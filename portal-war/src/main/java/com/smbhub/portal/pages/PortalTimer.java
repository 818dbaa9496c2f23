package com.smbhub.portal.pages;

import com.smbhub.platform.metrics.Measures;
import com.smbhub.platform.metrics.TimedFilter;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Set;

/**
 * Times every client portal request for {@code /metrics} by route template — the link's token never becomes a tag
 * ({@code /portal/invoices/{token}/pay}); a path that is no portal route is {@code /portal/other}.
 */
@WebFilter("/portal/*")
public class PortalTimer extends TimedFilter {

    private static final Set<String> KINDS = Set.of("invoices", "quotes");
    private static final Set<String> ACTIONS = Set.of("pdf", "pay", "approve", "reject", "message");

    @Inject Measures measures;

    @Override
    protected void record(HttpServletRequest request, int status, Duration took) {
        measures.portalRequest(route(request.getPathInfo()), request.getMethod(), status, took);
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
