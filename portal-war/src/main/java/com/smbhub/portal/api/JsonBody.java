package com.smbhub.portal.api;

import com.smbhub.platform.InputText;
import com.smbhub.platform.Jsonp;
import com.smbhub.platform.errors.ValidationException.FieldError;
import com.smbhub.platform.errors.ValidationException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A request body read strictly: it must be a JSON object, may hold only the named fields, and each
 * field must have the expected type. Anything else is a 400 VALIDATION_ERROR naming the field.
 */
public final class JsonBody {

    private final JsonObject object;

    private JsonBody(JsonObject object) {
        this.object = object;
    }

    public static JsonBody parse(String text, Set<String> allowed) {
        if (text == null || text.isBlank()) {
            throw new ValidationException("body", "A JSON object is required");
        }
        InputText.checkDepth(text);
        JsonValue value;
        try (var reader = Jsonp.createReader(new StringReader(text))) {
            value = reader.readValue();
        } catch (JsonParsingException e) {
            throw new ValidationException("body", "Malformed JSON: " + e.getMessage());
        } catch (RuntimeException e) {
            throw new ValidationException("body", "Malformed JSON");
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new ValidationException("body", "A JSON object is required");
        }
        JsonObject object = value.asJsonObject();
        String control = InputText.controlIn(object, "");
        if (control != null) {
            throw new ValidationException(control, InputText.NO_CONTROL);
        }
        List<FieldError> unknown = new ArrayList<>();
        object.keySet().stream().filter(k -> !allowed.contains(k)).sorted()
                .forEach(k -> unknown.add(new FieldError(k, "Unknown field")));
        if (!unknown.isEmpty()) {
            throw new ValidationException(unknown);
        }
        return new JsonBody(object);
    }

    /** A string field: absent or null gives null; any other type is an error. */
    public String string(String field, List<FieldError> errors) {
        JsonValue value = object.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            errors.add(new FieldError(field, "Must be a string"));
            return null;
        }
        return ((JsonString) value).getString();
    }

    public boolean has(String field) {
        return object.containsKey(field);
    }

    /** A boolean field; absent or null gives the fallback. */
    public boolean bool(String field, boolean fallback, List<FieldError> errors) {
        JsonValue value = object.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return fallback;
        }
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return value == JsonValue.TRUE;
        }
        if (value.getValueType() == JsonValue.ValueType.TRUE) {
            return true;
        }
        if (value.getValueType() == JsonValue.ValueType.FALSE) {
            return false;
        }
        errors.add(new FieldError(field, "Must be true or false"));
        return fallback;
    }

    /** The field's JSON value as sent (null when absent). */
    public JsonValue raw(String field) {
        return object.get(field);
    }

    /** A whole number field; absent or null gives null; beyond a long's range is an error, never wrapped. */
    public Long integer(String field, List<FieldError> errors) {
        JsonValue value = object.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        Long exact = Jsonp.exactLong(value);
        if (exact == null) {
            errors.add(new FieldError(field, "Must be a whole number"));
        }
        return exact;
    }

    /**
     * A required decimal (a JSON number or a string of digits, up to 15 before the point and 6 after);
     * anything else, or nothing, is an error worded {@code expected}.
     */
    public BigDecimal decimal(String field, String expected, List<FieldError> errors) {
        JsonValue value = object.get(field);
        BigDecimal n = null;
        if (value instanceof JsonNumber number) {
            n = number.bigDecimalValue();
        } else if (value instanceof JsonString s && s.getString().matches("\\d{1,15}(\\.\\d{1,6})?")) {
            n = new BigDecimal(s.getString());
        }
        if (n == null || n.precision() - n.scale() > 15 || n.scale() > 6) {
            errors.add(new FieldError(field, expected));
            return null;
        }
        return n;
    }

    /** An array of strings; absent or null gives null. */
    public List<String> strings(String field, List<FieldError> errors) {
        JsonValue value = object.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY
                || !value.asJsonArray().stream().allMatch(v -> v.getValueType() == JsonValue.ValueType.STRING)) {
            errors.add(new FieldError(field, "Must be a list of strings"));
            return null;
        }
        return value.asJsonArray().stream().map(v -> ((JsonString) v).getString()).toList();
    }

    /** An object of strings, numbers, booleans or nulls (profile fields); absent or null gives an empty map. */
    public Map<String, Object> flatObject(String field, List<FieldError> errors) {
        JsonValue value = object.get(field);
        Map<String, Object> result = new LinkedHashMap<>();
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return result;
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            errors.add(new FieldError(field, "Must be an object"));
            return result;
        }
        value.asJsonObject().forEach((key, v) -> {
            switch (v.getValueType()) {
                case STRING -> result.put(key, ((JsonString) v).getString());
                case NUMBER -> result.put(key, ((JsonNumber) v).bigDecimalValue());
                case TRUE -> result.put(key, true);
                case FALSE -> result.put(key, false);
                case NULL -> { }
                default -> errors.add(new FieldError(field + "." + key, "Must be a string, number or true/false"));
            }
        });
        return result;
    }

    public String requiredString(String field, List<FieldError> errors) {
        String value = string(field, errors);
        if (value == null && errors.stream().noneMatch(e -> e.field().equals(field))) {
            errors.add(new FieldError(field, "Required"));
        } else if (value != null && value.isBlank()) {
            errors.add(new FieldError(field, "Must not be empty"));
            return null;
        }
        return value;
    }
}
