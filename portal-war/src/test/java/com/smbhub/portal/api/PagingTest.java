package com.smbhub.portal.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.smbhub.platform.db.Page;
import com.smbhub.platform.errors.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PagingTest {

    private final List<String> items = IntStream.range(0, 45).mapToObj(i -> String.format("k%03d", i)).toList();

    @Test
    void limitDefaultsToTwenty() {
        assertEquals(20, Paging.limit(null));
        assertEquals(20, Paging.limit(""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "101", "-1", "ten", "1.5"})
    void limitsOutsideOneToHundredAreRefused(String raw) {
        ValidationException e = assertThrows(ValidationException.class, () -> Paging.limit(raw));
        assertEquals("limit", e.errors().get(0).field());
    }

    @Test
    void walkingTheCursorsReturnsEveryItemOnceInOrder() {
        String cursor = null;
        List<String> seen = new ArrayList<>();
        int pages = 0;
        do {
            Page<String> page = Paging.page(items, Function.identity(), cursor, 20);
            seen.addAll(page.items());
            cursor = page.nextKey() == null ? null : Paging.encode(page.nextKey());
            pages++;
        } while (cursor != null);
        assertEquals(items, seen);
        assertEquals(3, pages);
    }

    @Test
    void theLastPageHasNoCursor() {
        assertNull(Paging.page(items, Function.identity(), null, 100).nextKey());
    }

    @ParameterizedTest
    @ValueSource(strings = {"%%%", "bm90LWEtY3Vyc29y", "k:abc"})
    void forgedCursorsAreRefused(String cursor) {
        ValidationException e = assertThrows(ValidationException.class,
                () -> Paging.page(items, Function.identity(), cursor, 20));
        assertEquals("cursor", e.errors().get(0).field());
    }
}
