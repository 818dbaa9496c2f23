package com.smbhub.portal.api;

import com.smbhub.platform.tenancy.RequestContext;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/** 401 without a usable token, 403 when the token's business is not one of the caller's. */
@Provider
@Authenticated
@Priority(Priorities.AUTHENTICATION)
public class AuthenticatedFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        RequestContext context = RequestContext.current().orElse(null);
        if (context == null || context.userId() == null) {
            request.abortWith(Envelope.error(401, "UNAUTHORIZED", "Sign in: send a valid bearer token"));
        } else if (context.tenantId() == null) {
            request.abortWith(Envelope.error(403, "FORBIDDEN", "You are not an active member of this business"));
        }
    }
}
