package com.smbhub.portal.api;

import jakarta.security.auth.message.config.AuthConfigFactory;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * This module signs nobody in with the container: API callers are taken from their bearer token by
 * {@link ApiFilter}, portal visitors by their link. Jakarta Security registers its bridge (a JASPIC module) for
 * every module of the application once the back office has a mechanism (decision 002); this takes it off this
 * module's context when the module starts, so no request here goes through it.
 */
@WebListener
public class NoContainerLogin implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        AuthConfigFactory.getFactory().removeServerAuthModule(event.getServletContext());
    }
}
