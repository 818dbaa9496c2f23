package com.smbhub.aidraft;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** What a person changed in a draft, field by field, against the machine's first reading (the training signal). */
final class Payloads {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Not the person's to change: how sure the reading was. */
    private static final Set<String> READING = Set.of("confidence", "field_confidence", "alternatives");

    private Payloads() {
    }

    /** The changed fields by path ({@code work_item.title}, {@code line_items}), in payload order. */
    static List<String> changed(String suggested, String current) {
        if (suggested == null || current == null || suggested.equals(current)) {
            return List.of();
        }
        Map<String, JsonNode> before = flat(suggested);
        Map<String, JsonNode> after = flat(current);
        Set<String> paths = new LinkedHashSet<>(before.keySet());
        paths.addAll(after.keySet());
        List<String> out = new ArrayList<>();
        for (String path : paths) {
            if (!Objects.equals(normal(before.get(path)), normal(after.get(path)))) {
                out.add(path);
            }
        }
        return out;
    }

    private static Map<String, JsonNode> flat(String json) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        try {
            JsonNode root = JSON.readTree(json);
            root.fields().forEachRemaining(top -> {
                if (READING.contains(top.getKey())) {
                    return;
                }
                if (top.getValue().isObject()) {
                    top.getValue().fields().forEachRemaining(f -> out.put(top.getKey() + "." + f.getKey(), f.getValue()));
                } else {
                    out.put(top.getKey(), top.getValue());
                }
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored draft is not JSON", e);
        }
        return out;
    }

    /** Null and absent are the same; numbers compare by value (85 = 85.0); keys in any order (jsonb sorts them). */
    private static String normal(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isNumber()) {
            return v.decimalValue().stripTrailingZeros().toPlainString();
        }
        if (v.isArray()) {
            List<String> items = new ArrayList<>();
            v.forEach(item -> items.add(String.valueOf(normal(item))));
            return items.toString();
        }
        if (v.isObject()) {
            java.util.TreeMap<String, String> fields = new java.util.TreeMap<>();
            v.fields().forEachRemaining(f -> fields.put(f.getKey(), normal(f.getValue())));
            fields.values().removeIf(Objects::isNull);
            return fields.toString();
        }
        return v.toString();
    }
}
