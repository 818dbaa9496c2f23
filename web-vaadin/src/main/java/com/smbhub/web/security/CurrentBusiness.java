package com.smbhub.web.security;

import com.smbhub.platform.security.IdentityService;
import com.smbhub.platform.security.Membership;
import com.smbhub.platform.tenancy.RequestContext;
import com.vaadin.flow.server.VaadinSession;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** The signed-in user's businesses and the one this session works in. */
@ApplicationScoped
public class CurrentBusiness {

    static final String SESSION_KEY = "smbhub.tenant";

    @EJB IdentityService identity;

    public Optional<String> userId() {
        return RequestContext.current().map(RequestContext::userId);
    }

    public List<Membership.View> memberships() {
        return userId().map(identity::memberships).orElse(List.of());
    }

    public Optional<Membership.View> selected() {
        String tenantId = (String) VaadinSession.getCurrent().getSession().getAttribute(SESSION_KEY);
        return tenantId == null ? Optional.empty() : userId().flatMap(u -> identity.membership(u, tenantId));
    }

    /** Switches the session to a business the user is an active member of; anything else is refused. */
    public boolean select(String tenantId) {
        String user = userId().orElse(null);
        if (user == null || identity.membership(user, tenantId).isEmpty()) {
            return false;
        }
        VaadinSession.getCurrent().getSession().setAttribute(SESSION_KEY, tenantId);
        RequestContext.enterTenant(tenantId);
        identity.recordSwitch(user, tenantId);
        return true;
    }

    public Optional<IdentityService.Person> person() {
        return userId().flatMap(identity::person);
    }

    public void signedOut() {
        userId().ifPresent(identity::recordLogout);
    }
}
