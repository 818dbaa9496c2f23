package com.smbhub.platform;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import java.io.OutputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.util.Collection;

/**
 * JSON-P through one provider looked up once. {@code jakarta.json.Jsonp.createX} looks the provider
 * up through the ServiceLoader on every call, which in the EAR cost ~0.2 ms per object built
 * (docs/performance.md).
 */
public final class Jsonp {

    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private Jsonp() {
    }

    /** A whole JSON number that fits a long, else null (never wrapped: 2^64 + 5 is not 5). */
    public static Long exactLong(JsonValue value) {
        if (value instanceof JsonNumber n && n.isIntegral()) {
            try {
                return n.bigIntegerValueExact().longValueExact();
            } catch (ArithmeticException e) {
                return null;
            }
        }
        return null;
    }

    public static JsonObjectBuilder createObjectBuilder() {
        return PROVIDER.createObjectBuilder();
    }

    public static JsonObjectBuilder createObjectBuilder(JsonObject from) {
        return PROVIDER.createObjectBuilder(from);
    }

    public static JsonArrayBuilder createArrayBuilder() {
        return PROVIDER.createArrayBuilder();
    }

    /** Strings are added as they are (the provider's generic conversion checks every element's type). */
    public static JsonArrayBuilder createArrayBuilder(Collection<?> values) {
        if (values.stream().allMatch(v -> v instanceof String)) {
            JsonArrayBuilder array = PROVIDER.createArrayBuilder();
            values.forEach(v -> array.add((String) v));
            return array;
        }
        return PROVIDER.createArrayBuilder(values);
    }

    public static JsonString createValue(String value) {
        return PROVIDER.createValue(value);
    }

    public static JsonNumber createValue(long value) {
        return PROVIDER.createValue(value);
    }

    public static JsonNumber createValue(BigDecimal value) {
        return PROVIDER.createValue(value);
    }

    public static JsonGenerator createGenerator(OutputStream out) {
        return PROVIDER.createGenerator(out);
    }

    public static JsonReader createReader(Reader reader) {
        return PROVIDER.createReader(reader);
    }
}
