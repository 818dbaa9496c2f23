package com.smbhub.web.security;

import com.smbhub.platform.security.IdentityService;
import com.smbhub.platform.security.SignIn;
import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;

/**
 * The back office's sign-in: the login view hands the credential over with
 * SecurityContext.authenticate, this checks it with the identity service, and the session keeps the
 * caller. Its own class (not a mechanism definition) because CDI beans are EAR-wide on Payara and the
 * portal WAR uses MicroProfile JWT (docs/decisions/002-two-authentication-styles.md).
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
@AutoApplySession
public class BackOfficeAuthentication implements HttpAuthenticationMechanism {

    public static final String RESULT = "smbhub.signin";

    @EJB IdentityService identity;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        if (context.isAuthenticationRequest()
                && context.getAuthParameters().getCredential() instanceof UsernamePasswordCredential credential) {
            SignIn result = identity.authenticate(credential.getCaller(), credential.getPassword().getValue(), "web");
            request.setAttribute(RESULT, result);
            if (result instanceof SignIn.Success user) {
                Set<String> groups = user.ops() ? Set.of("USER", "OPS") : Set.of("USER");
                return context.notifyContainerAboutLogin(user.userId(), groups);
            }
            return AuthenticationStatus.SEND_FAILURE;
        }
        return context.doNothing();
    }
}
