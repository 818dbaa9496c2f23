package com.smbhub.web.security;

import com.smbhub.platform.metrics.Measures;
import com.smbhub.platform.metrics.TimedFilter;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;

/**
 * Times every back-office request for {@code /metrics} by what it is to Vaadin — never by its path, which may hold an
 * id: {@code page} (a screen opened by its address), {@code init} (the screen's first server round trip), {@code uidl}
 * (a click, a keystroke sent, a dialog opened: a round trip a user waits for), {@code heartbeat}, {@code upload},
 * {@code static} (scripts, styles, images) and {@code other}.
 */
@WebFilter("/*")
public class BackOfficeTimer extends TimedFilter {

    @Inject Measures measures;

    @Override
    protected void record(HttpServletRequest request, int status, Duration took) {
        measures.backOfficeRequest(kind(request.getMethod(), request.getServletPath() + nullToEmpty(request.getPathInfo()),
                request.getQueryString()), status, took);
    }

    /** What a request is to Vaadin; read from the query string itself, so a form post's body is never parsed here. */
    static String kind(String method, String path, String query) {
        String handler = handler(query);
        if (handler != null) {
            return switch (handler) {
                case "uidl", "init", "heartbeat", "upload" -> handler;
                default -> "other";
            };
        }
        String last = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
        if (path != null && (path.startsWith("/VAADIN/") || last.contains("."))) {
            return "static";
        }
        return "GET".equals(method) ? "page" : "other";
    }

    /** The value of Vaadin's {@code v-r} parameter, or null. */
    private static String handler(String query) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("v-r=")) {
                return pair.substring(4);
            }
        }
        return null;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
