package com.smbhub.portal.api;

import com.smbhub.platform.tenancy.RequestContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Request ids: {@code req_} + 16 random hex digits, echoed in the response and the log line. */
public final class ApiRequest {

    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiRequest() {
    }

    /** A query parameter: blank is absent, the rest trimmed. */
    public static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    public static String newId() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return "req_" + HexFormat.of().formatHex(bytes);
    }

    /** Hex SHA-256 of a text (request bodies for idempotency, tokens as cache keys). */
    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((text == null ? "" : text).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String currentId() {
        return RequestContext.current().map(RequestContext::requestId).orElse("req_none");
    }
}
