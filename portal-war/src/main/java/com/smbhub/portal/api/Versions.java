package com.smbhub.portal.api;

import com.smbhub.platform.errors.ValidationException.FieldError;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The version a change was based on: {@code if_match_version} in the body, else the If-Match header
 * (ETag); null when neither was sent, which the service refuses with 428.
 */
final class Versions {

    private Versions() {
    }

    static Long expected(JsonBody json, String ifMatch, List<FieldError> errors) {
        Long version = json.integer("if_match_version", errors);
        if (version != null || ifMatch == null) {
            return version;
        }
        try {
            return Long.parseLong(ifMatch.replace("W/", "").replace("\"", "").trim());
        } catch (NumberFormatException e) {
            errors.add(new FieldError("If-Match", "Send the ETag you received"));
            return null;
        }
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** An edited record in the envelope, with its version as ETag (the next If-Match). */
    static Response reply(JsonObject record, long version, Response.Status status) {
        return Response.fromResponse(Envelope.ok(record)).status(status).header("ETag", etag(version)).build();
    }
}
