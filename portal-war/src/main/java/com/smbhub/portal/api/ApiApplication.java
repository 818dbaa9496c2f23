package com.smbhub.portal.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/** The REST API: bearer tokens verified by MicroProfile JWT (a bean, so the JWT extension sees it). */
@ApplicationScoped
@ApplicationPath("/api/v1")
@LoginConfig(authMethod = "MP-JWT")
public class ApiApplication extends Application {

    /** Responses up to 64 KB go out in one write with a Content-Length instead of chunks (a list page is ~10 KB). */
    @Override
    public java.util.Map<String, Object> getProperties() {
        return java.util.Map.of("jersey.config.contentLength.buffer", 65536);
    }
}
