package com.smbhub.portal.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;

/** Names the matched route's template ("/invoices/{id}/send") for {@link ApiFilter}'s metrics, before anything may refuse. */
@Provider
@Priority(Priorities.AUTHENTICATION - 100)
public class RouteFilter implements ContainerRequestFilter {

    static final String ROUTE = "smbhub.route";

    @Context ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(ROUTE, template(resource.getResourceClass(), resource.getResourceMethod()));
    }

    /** The class's and the method's {@code @Path} joined, with one slash between and none at the end. */
    static String template(Class<?> type, Method method) {
        if (type == null || method == null) {
            return "unmatched";
        }
        Path outer = type.getAnnotation(Path.class);
        Path inner = method.getAnnotation(Path.class);
        String joined = ("/" + (outer == null ? "" : outer.value()) + "/" + (inner == null ? "" : inner.value()))
                .replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}
