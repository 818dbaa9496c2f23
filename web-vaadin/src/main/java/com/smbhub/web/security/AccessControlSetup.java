package com.smbhub.web.security;

import com.smbhub.web.shell.ComingSoonView;
import com.smbhub.web.shell.MainLayout;
import com.smbhub.web.shell.Module;
import com.smbhub.web.shell.Problems;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.auth.NavigationAccessControl;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Protects every view by its annotations, registers the modules that have not landed yet, and has
 * {@link Problems} word every error no screen handled itself.
 */
@ApplicationScoped
public class AccessControlSetup {

    void init(@Observes ServiceInitEvent event) {
        NavigationAccessControl accessControl = new NavigationAccessControl();
        accessControl.setLoginView(LoginView.class);
        event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(accessControl));
        event.getSource().addSessionInitListener(session -> session.getSession().setErrorHandler(new Problems()));
        RouteConfiguration routes = RouteConfiguration.forRegistry(
                ApplicationRouteRegistry.getInstance(event.getSource().getContext()));
        for (Module module : Module.values()) {
            if (!routes.isPathAvailable(module.path())) {
                routes.setRoute(module.path(), ComingSoonView.class, MainLayout.class);
            }
        }
    }
}
