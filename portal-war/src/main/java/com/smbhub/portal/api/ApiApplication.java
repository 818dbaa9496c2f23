package com.smbhub.portal.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/** The REST API; bearer tokens are checked by {@link ApiFilter} with {@link TokenVerifier}. */
@ApplicationScoped
@ApplicationPath("/api/v1")
public class ApiApplication extends Application {

    /**
     * Responses up to 64 KB go out in one write with a Content-Length instead of chunks (a list page is
     * ~10 KB); no WADL (an OPTIONS request would describe every route and name the library).
     */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.contentLength.buffer", 65536, "jersey.config.server.wadl.disableWadl", true);
    }
}
