package com.smbhub.portal.api;

import com.smbhub.platform.Jsonp;
import com.smbhub.platform.errors.ValidationException;
import jakarta.json.JsonValue;
import java.util.Set;

/** The optional body of "make a client link": {@code {"expires_in_days": 1–365}} (no body: the link does not expire). */
final class PortalLinkBody {

    private PortalLinkBody() {
    }

    static Integer expiresInDays(String body) {
        JsonBody json = JsonBody.parse(body == null || body.isBlank() ? "{}" : body, Set.of("expires_in_days"));
        JsonValue value = json.raw("expires_in_days");
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        Long days = Jsonp.exactLong(value);
        if (days != null && days >= 1 && days <= 365) {
            return days.intValue();
        }
        throw new ValidationException("expires_in_days", "From 1 to 365 days, or none");
    }
}
