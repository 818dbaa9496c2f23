package com.smbhub.platform.db;

import com.smbhub.platform.Ids;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.tenancy.TenantOwned;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Keyset paging newest first by (createdAt, id): the key after a page, and the condition that continues from it. */
public final class NewestFirst {

    private NewestFirst() {
    }

    /** Appends "after this key" and the order to the JPQL of {@code alias}; a null key starts at the newest. */
    public static void continueAfter(String key, String alias, StringBuilder jpql, Map<String, Object> params) {
        if (key != null) {
            Key after = parse(key);
            params.put("afterAt", after.at());
            params.put("afterId", after.id());
            jpql.append(" and (").append(alias).append(".createdAt < :afterAt or (").append(alias)
                    .append(".createdAt = :afterAt and ").append(alias).append(".id < :afterId))");
        }
        jpql.append(" order by ").append(alias).append(".createdAt desc, ").append(alias).append(".id desc");
    }

    /** A page key: the time and id of the last row shown. */
    public record Key(Instant at, String id) {
    }

    /** The key as given back by a client; anything else is a field error at {@code cursor}. */
    public static Key parse(String key) {
        int cut = key.indexOf('\u0001');
        Instant at;
        try {
            at = Instant.parse(key.substring(0, Math.max(cut, 0)));
        } catch (RuntimeException e) {
            throw new ValidationException("cursor", "Not a cursor this API returned");
        }
        if (!Ids.isId(key.substring(cut + 1))) {
            throw new ValidationException("cursor", "Not a cursor this API returned");
        }
        return new Key(at, key.substring(cut + 1));
    }

    /** The time and id as one key. */
    public static String key(Instant at, String id) {
        return at + "\u0001" + id;
    }

    /** The key after the last row of a page, or null when {@code rows} (fetched with limit + 1) had no more. */
    public static String nextKey(List<? extends TenantOwned> rows, int limit) {
        if (rows.size() <= limit) {
            return null;
        }
        TenantOwned last = rows.get(limit - 1);
        return key(last.getCreatedAt(), last.getId());
    }
}
