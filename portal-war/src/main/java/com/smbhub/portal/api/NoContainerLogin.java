package com.smbhub.portal.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * This module signs nobody in with the container: API callers are taken from their bearer token by
 * {@link ApiFilter}, portal visitors by their link. Jakarta Security sets up its bridge for every
 * module of the application once the back office has a mechanism, so this one says "nothing to do".
 */
@ApplicationScoped
public class NoContainerLogin implements HttpAuthenticationMechanism {

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        return context.doNothing();
    }
}
