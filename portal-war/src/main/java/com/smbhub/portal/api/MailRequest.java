package com.smbhub.portal.api;

import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.errors.ValidationException.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The body of send and remind: {@code {"to"?, "message"?, "channel"?: "EMAIL", "template_id"?}}; no body is fine. */
record MailRequest(String to, String message, String templateId) {

    static MailRequest parse(String body) {
        JsonBody json = JsonBody.parse(body == null || body.isBlank() ? "{}" : body, Set.of("to", "message", "channel", "template_id"));
        List<FieldError> errors = new ArrayList<>();
        String to = json.string("to", errors);
        String message = json.string("message", errors);
        String channel = json.string("channel", errors);
        String templateId = json.string("template_id", errors);
        if (channel != null && !channel.equals("EMAIL")) {
            errors.add(new FieldError("channel", "EMAIL (the only channel so far)"));
        }
        ValidationException.throwIfAny(errors);
        return new MailRequest(to, message, templateId);
    }
}
