package com.smbhub.portal.api;

import com.smbhub.money.Totals;
import com.smbhub.platform.Jsonp;
import com.smbhub.platform.errors.ValidationException.FieldError;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** The response envelope and error format of PRD 12.1. */
public final class Envelope {

    private Envelope() {
    }

    public static Response ok(JsonValue data) {
        return ok(data, null);
    }

    /** Written straight to the response as UTF-8 (no intermediate object or string). */
    public static Response ok(JsonValue data, String cursor) {
        String requestId = ApiRequest.currentId();
        StreamingOutput body = out -> {
            JsonGenerator json = Jsonp.createGenerator(out);
            json.writeStartObject().write("data", data).writeStartObject("meta").write("request_id", requestId);
            if (cursor == null) {
                json.writeNull("cursor");
            } else {
                json.write("cursor", cursor);
            }
            json.writeEnd().writeEnd().flush();
        };
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** Amounts as decimal strings at the currency's scale ("120.00"), never floating point. */
    public static String money(BigDecimal amount, String currency) {
        return amount.setScale(Totals.scale(currency), RoundingMode.HALF_UP).toPlainString();
    }

    public static JsonValue nullable(String value) {
        return value == null ? JsonValue.NULL : Jsonp.createValue(value);
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
