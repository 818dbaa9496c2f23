package com.smbhub.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * The merge rules of PRD 9.3: later layers win; objects (maps) merge key by key, recursively;
 * arrays and scalars replace. Inputs are never changed; the result is a fresh tree.
 */
public final class ProfileMerger {

    private ProfileMerger() {
    }

    /** merge(base, profile, overrides, …) — nulls are skipped. */
    public static ObjectNode merge(JsonNode... layers) {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        for (JsonNode layer : layers) {
            if (layer != null && layer.isObject()) {
                mergeInto(result, layer);
            }
        }
        return result;
    }

    private static void mergeInto(ObjectNode target, JsonNode layer) {
        Iterator<Map.Entry<String, JsonNode>> fields = layer.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode existing = target.get(field.getKey());
            JsonNode incoming = field.getValue();
            if (existing != null && existing.isObject() && incoming.isObject()) {
                mergeInto((ObjectNode) existing, incoming);
            } else {
                target.set(field.getKey(), incoming.deepCopy());
            }
        }
    }

    /**
     * RFC 7386 merge patch, for PATCHing tenant overrides: objects merge, a null removes the key,
     * anything else replaces.
     */
    public static ObjectNode mergePatch(JsonNode current, JsonNode patch) {
        ObjectNode result = current != null && current.isObject()
                ? ((ObjectNode) current).deepCopy() : JsonNodeFactory.instance.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (value.isNull()) {
                result.remove(field.getKey());
            } else if (value.isObject()) {
                ObjectNode merged = mergePatch(result.get(field.getKey()), value);
                if (merged.isEmpty()) {
                    result.remove(field.getKey());
                } else {
                    result.set(field.getKey(), merged);
                }
            } else {
                result.set(field.getKey(), value.deepCopy());
            }
        }
        return result;
    }
}
