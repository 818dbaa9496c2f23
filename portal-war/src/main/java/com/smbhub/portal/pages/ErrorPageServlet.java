package com.smbhub.portal.pages;

import com.smbhub.portal.api.ErrorMappers;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;

/**
 * Errors the container answers itself (a rejected bearer token, an unknown path, a failure outside
 * JAX-RS): the API gets the JSON error envelope, everything else a plain friendly page.
 */
@WebServlet("/error")
public class ErrorPageServlet extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        if (status == 501) { // a method the container does not implement at that address: not allowed here
            status = 405;
        }
        // the database restarting while a filter looked the caller up: a moment's outage, as in ErrorMappers
        boolean unreachable = status >= 500 && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable t
                && ErrorMappers.databaseUnreachable(t);
        if (unreachable) {
            status = 503;
            response.setHeader("Retry-After", "5");
        }
        String uri = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        if (uri.startsWith("/api/")) {
            String requestId = response.getHeader("X-Request-Id");
            if (requestId == null) {
                requestId = "req_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
            }
            String error = switch (status) {
                case 401 -> "{\"code\":\"UNAUTHORIZED\",\"message\":\"The bearer token is missing, expired or invalid\"";
                case 404 -> "{\"code\":\"NOT_FOUND\",\"message\":\"No such resource\"";
                case 405 -> "{\"code\":\"METHOD_NOT_ALLOWED\",\"message\":\"This method is not allowed here\"";
                case 503 -> "{\"code\":\"UNAVAILABLE\",\"message\":\"We cannot reach our database for a moment;"
                        + " nothing was changed, try again\"";
                default -> status >= 500
                        ? "{\"code\":\"INTERNAL_ERROR\",\"message\":\"Something went wrong on our side; quote the request id\""
                        : "{\"code\":\"BAD_REQUEST\",\"message\":\"The request could not be processed\"";
            };
            response.setStatus(status);
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"error\":" + error + ",\"details\":[]},\"meta\":{\"request_id\":\""
                    + requestId + "\"}}");
            return;
        }
        switch (status) {
            case 401, 403 -> PortalPage.send(response, status, "This link is not valid",
                    "Open the link from your e-mail again, without changes.");
            case 404 -> PortalPage.send(response, 404, "Page not found", "There is nothing at this address.");
            default -> PortalPage.send(response, status >= 400 ? status : 500, "Something went wrong",
                    "Please try again in a moment.");
        }
    }
}
