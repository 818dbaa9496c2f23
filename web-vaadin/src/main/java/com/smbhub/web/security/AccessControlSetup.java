package com.smbhub.web.security;

import com.smbhub.web.shell.Problems;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.auth.NavigationAccessControl;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Protects every view by its annotations and has {@link Problems} word every error no screen handled itself. */
@ApplicationScoped
public class AccessControlSetup {

    void init(@Observes ServiceInitEvent event) {
        NavigationAccessControl accessControl = new NavigationAccessControl();
        accessControl.setLoginView(LoginView.class);
        event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(accessControl));
        event.getSource().addSessionInitListener(session -> session.getSession().setErrorHandler(new Problems()));
    }
}
