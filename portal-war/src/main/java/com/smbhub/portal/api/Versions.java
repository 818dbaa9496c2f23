package com.smbhub.portal.api;

import com.smbhub.platform.errors.ValidationException.FieldError;
import java.util.List;

/** The version a PATCH was based on: {@code if_match_version} in the body, else the If-Match header (ETag). */
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
}
