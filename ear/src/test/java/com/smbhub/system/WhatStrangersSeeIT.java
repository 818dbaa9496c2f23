package com.smbhub.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * What the server tells someone who is not signed in (issue 12): no server name or version, no route
 * description, no metrics or generated API document, and the back office's security headers.
 */
class WhatStrangersSeeIT {

    private static SystemUnderTest.Reply request(String method, String path) {
        return SystemUnderTest.send(HttpRequest.newBuilder(URI.create(SystemUnderTest.BASE + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build());
    }

    private static void namesNoServer(SystemUnderTest.Reply reply, String what) {
        String body = reply.body().toLowerCase(Locale.ROOT);
        for (String name : List.of("payara", "glassfish", "grizzly", "jersey", "wadl")) {
            assertFalse(body.contains(name), what + " names " + name + ": " + reply.body());
        }
        assertTrue(reply.raw().headers().firstValue("Server").isEmpty(), what + " sends Server");
        assertTrue(reply.raw().headers().firstValue("X-Powered-By").isEmpty(), what + " sends X-Powered-By");
    }

    @Test
    void theBackOfficeSendsItsSecurityHeadersAndALaxSessionCookie() {
        var login = request("GET", "/app/login");
        assertEquals(200, login.status());
        var headers = login.raw().headers();
        String policy = headers.firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy.contains("frame-ancestors 'none'") && policy.contains("object-src 'none'"), policy);
        assertEquals("nosniff", headers.firstValue("X-Content-Type-Options").orElse(""));
        assertEquals("same-origin", headers.firstValue("Referrer-Policy").orElse(""));
        List<String> session = headers.allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID")).toList();
        assertFalse(session.isEmpty(), "the sign-in page starts a session: " + headers.map());
        session.forEach(c -> assertTrue(c.contains("SameSite=Lax") && c.contains("HttpOnly") && !c.contains("Secure"), c));
        namesNoServer(login, "the sign-in page");
    }

    @Test
    void noRouteDescriptionMetricsOrGeneratedDocumentForStrangers() {
        namesNoServer(request("OPTIONS", "/api/v1/contacts"), "OPTIONS on the API");
        for (String path : List.of("/metrics", "/openapi")) {
            var reply = request("GET", path);
            assertTrue(reply.status() == 404 || reply.status() == 403, path + " -> " + reply.status());
            assertFalse(reply.body().contains("# TYPE") || reply.body().contains("openapi:") || reply.body().contains("paths"),
                    path + " describes us: " + reply.body());
        }
    }

    @Test
    void oddRequestsGetOurAnswersNotTheServersPages() {
        for (String path : List.of("/api/v1/contacts", "/app/")) {
            var trace = request("TRACE", path);
            assertTrue(trace.status() == 405 || trace.status() == 403, path + " TRACE -> " + trace.status());
            namesNoServer(trace, "TRACE " + path);
        }
        var nul = request("GET", "/app/no-such/%00");
        assertTrue(nul.status() >= 400 && nul.status() < 500, "a NUL in the path -> " + nul.status());
        namesNoServer(nul, "a NUL in a back-office path");
        var api = request("GET", "/api/v1/contacts/%00");
        assertTrue(api.status() >= 400 && api.status() < 500, "a NUL in an API path -> " + api.status());
        namesNoServer(api, "a NUL in an API path");
        // a method nothing here takes: 405 in our own answer, never the container's 501 page (found by ApiFuzzIT)
        var patch = request("PATCH", "/api/etc/passwd");
        assertEquals(405, patch.status(), patch.body());
        assertEquals("METHOD_NOT_ALLOWED", patch.errorCode());
        var page = request("PATCH", "/portal/nothing");
        assertEquals(405, page.status(), page.body());
        namesNoServer(page, "PATCH of a page");
    }
}
