package com.smbhub.portal.api;

import com.smbhub.platform.Jsonp;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import com.smbhub.platform.errors.ValidationException.FieldError;

/** The response envelope and error format of PRD 12.1. */
public final class Envelope {

    private Envelope() {
    }

    public static Response ok(JsonValue data) {
        return ok(data, null);
    }

    public static Response ok(JsonValue data, String cursor) {
        JsonObjectBuilder meta = meta();
        if (cursor == null) {
            meta.addNull("cursor");
        } else {
            meta.add("cursor", cursor);
        }
        String body = Jsonp.createObjectBuilder().add("data", data).add("meta", meta).build().toString();
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }

    public static Response error(int status, String code, String message, List<FieldError> details) {
        JsonArrayBuilder list = Jsonp.createArrayBuilder();
        details.forEach(d -> list.add(Jsonp.createObjectBuilder().add("field", d.field()).add("message", d.message())));
        String body = Jsonp.createObjectBuilder()
                .add("error", Jsonp.createObjectBuilder().add("code", code).add("message", message).add("details", list))
                .add("meta", meta())
                .build().toString();
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    public static Response error(int status, String code, String message) {
        return error(status, code, message, List.of());
    }

    private static JsonObjectBuilder meta() {
        return Jsonp.createObjectBuilder().add("request_id", ApiRequest.currentId());
    }
}
