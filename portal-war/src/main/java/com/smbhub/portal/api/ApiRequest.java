package com.smbhub.portal.api;

import com.smbhub.platform.tenancy.RequestContext;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Request ids: {@code req_} + 16 random hex digits, echoed in the response and the log line. */
public final class ApiRequest {

    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiRequest() {
    }

    public static String newId() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return "req_" + HexFormat.of().formatHex(bytes);
    }

    public static String currentId() {
        return RequestContext.current().map(RequestContext::requestId).orElse("req_none");
    }
}
