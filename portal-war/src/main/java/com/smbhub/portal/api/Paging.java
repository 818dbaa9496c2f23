package com.smbhub.portal.api;

import com.smbhub.platform.Jsonp;
import com.smbhub.platform.db.Page;
import com.smbhub.platform.errors.ValidationException;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * Cursor pagination of PRD 12.1: {@code limit} (default 20, 1–100) and an opaque {@code cursor}
 * that encodes the sort key of the last item returned.
 */
public final class Paging {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    private Paging() {
    }

    /** A page of a list in the envelope: each item as JSON, and the cursor of the next page (null at the end). */
    public static <T> Response reply(Page<T> page, Function<T, ? extends JsonValue> json) {
        JsonArrayBuilder data = Jsonp.createArrayBuilder();
        page.items().forEach(item -> data.add(json.apply(item)));
        return Envelope.ok(data.build(), page.nextKey() == null ? null : encode(page.nextKey()));
    }

    public static int limit(String raw) {
        if (raw == null || raw.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(raw.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw new ValidationException("limit", "Must be a whole number from 1 to " + MAX_LIMIT);
    }

    /** The sort key after which the page starts, or null for the first page. */
    public static String after(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (decoded.startsWith("k:") && decoded.chars().noneMatch(c -> c == 0)) {
                return decoded.substring(2);
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw new ValidationException("cursor", "Not a cursor this API returned");
    }

    /** One page of items already sorted by {@code key}, starting after the cursor's key. */
    public static <T> Page<T> page(List<T> sorted, Function<T, String> key, String cursor, int limit) {
        String after = after(cursor);
        List<T> rest = after == null ? sorted : sorted.stream().filter(t -> key.apply(t).compareTo(after) > 0).toList();
        if (rest.size() <= limit) {
            return new Page<>(rest, null);
        }
        List<T> items = rest.subList(0, limit);
        return new Page<>(items, key.apply(items.get(limit - 1)));
    }

    public static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("k:" + key).getBytes(StandardCharsets.UTF_8));
    }
}
