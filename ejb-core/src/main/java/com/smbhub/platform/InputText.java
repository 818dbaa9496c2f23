package com.smbhub.platform;

import com.smbhub.platform.errors.ValidationException;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;

/**
 * What text from outside may hold before anything reads it further: no control characters (tab, line
 * feed and carriage return excepted) and JSON nested at most {@value #MAX_DEPTH} deep. Checked once where
 * text enters — the API's body and query readers, the portal's forms, the webhooks — so a NUL never
 * reaches PostgreSQL and a deeply nested body never reaches the parser.
 */
public final class InputText {

    public static final int MAX_DEPTH = 32;
    public static final String NO_CONTROL = "No control characters";

    private InputText() {
    }

    public static boolean hasControl(String text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
                return true;
            }
        }
        return false;
    }

    /**
     * A typed field trimmed, null when blank; longer than {@code max} or with a control character is an error at
     * {@code field} (added to {@code errors}, the text returned as typed).
     */
    public static String optional(String value, String field, int max, List<ValidationException.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            errors.add(new ValidationException.FieldError(field, "At most " + max + " characters"));
        } else if (hasControl(v)) {
            errors.add(new ValidationException.FieldError(field, NO_CONTROL));
        }
        return v;
    }

    /** Refuses text with a control character, at {@code field}. */
    public static String clean(String text, String field) {
        if (hasControl(text)) {
            throw new ValidationException(field, NO_CONTROL);
        }
        return text;
    }

    /** Refuses JSON text nested deeper than {@link #MAX_DEPTH} (counted outside strings), before it is parsed. */
    public static void checkDepth(String json) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                if (++depth > MAX_DEPTH) {
                    throw new ValidationException("body", "Nested more than " + MAX_DEPTH + " levels deep");
                }
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
    }

    /** The path of the first key or string value in {@code value} with a control character ({@code prefix}: its own path), or null. */
    public static String controlIn(JsonValue value, String prefix) {
        if (value instanceof JsonString s) {
            return hasControl(s.getString()) ? prefix : null;
        }
        if (value instanceof JsonObject o) {
            for (Map.Entry<String, JsonValue> e : o.entrySet()) {
                String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
                if (hasControl(e.getKey())) {
                    return prefix.isEmpty() ? "body" : prefix;
                }
                String found = controlIn(e.getValue(), path);
                if (found != null) {
                    return found;
                }
            }
        }
        if (value instanceof JsonArray a) {
            for (int i = 0; i < a.size(); i++) {
                String found = controlIn(a.get(i), prefix + "[" + i + "]");
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
