package com.smbhub.platform.grid;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Drops a cached entry on every instance at once. A per-instance cache registers what drops a key of its kind
 * here; {@link #evict} does that and publishes the kind and key on the data grid ({@link DataGrid}), where every
 * other instance does the same. Without the grid an eviction stays on this instance, and each cache bounds how
 * long the others keep theirs (or says that they keep it until a restart).
 */
public final class Evictions {

    private static final Map<String, Consumer<String>> HERE = new ConcurrentHashMap<>();
    /** Tells the other instances; nobody without a data grid. */
    private static volatile Consumer<String> others = message -> { };

    private Evictions() {
    }

    /** {@code evictHere} drops one key of this kind from this instance's cache. */
    public static void register(String kind, Consumer<String> evictHere) {
        HERE.put(kind, evictHere);
    }

    /** Drops the key here and on every other instance. */
    public static void evict(String kind, String key) {
        String message = kind + " " + key;
        arrived(message);
        others.accept(message);
    }

    /** An eviction published by this or another instance. */
    static void arrived(String message) {
        int space = message.indexOf(' ');
        Consumer<String> here = space < 0 ? null : HERE.get(message.substring(0, space));
        if (here != null) {
            here.accept(message.substring(space + 1));
        }
    }

    /** How evictions reach the other instances ({@code null}: they do not). */
    static void tellOthersWith(Consumer<String> broadcast) {
        others = broadcast == null ? message -> { } : broadcast;
    }
}
