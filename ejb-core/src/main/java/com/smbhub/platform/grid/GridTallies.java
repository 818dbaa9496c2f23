package com.smbhub.platform.grid;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.ModifiedExpiryPolicy;

/**
 * {@link Tallies} on Payara's data grid ({@link DataGrid} makes them): one JCache cache per name ("smbhub-" + name),
 * values written as text so comparing them is comparing their numbers, changed by compare-and-replace so two
 * instances counting the same key at once both count.
 */
record GridTallies(Cache<String, String> cache) implements Tallies.Store {

    private static final int TRIES = 100;

    /** The cache of that name, made with entries dropped {@code keep} after their last change if there is none yet. */
    static Cache<String, String> cache(CacheManager manager, String name, Duration keep) {
        Cache<String, String> cache = manager.getCache(name, String.class, String.class);
        if (cache != null) {
            return cache;
        }
        try {
            return manager.createCache(name, new MutableConfiguration<String, String>().setTypes(String.class, String.class)
                    .setExpiryPolicyFactory(ModifiedExpiryPolicy.factoryOf(
                            new javax.cache.expiry.Duration(TimeUnit.SECONDS, Math.max(1, keep.toSeconds())))));
        } catch (CacheException madeElsewhere) {
            return manager.getCache(name, String.class, String.class);
        }
    }

    @Override
    public long[] get(String key) {
        return decode(cache.get(key));
    }

    @Override
    public long[] change(String key, UnaryOperator<long[]> change) {
        for (int i = 0; i < TRIES; i++) {
            String was = cache.get(key);
            long[] next = change.apply(decode(was));
            boolean done = was == null ? next == null || cache.putIfAbsent(key, encode(next))
                    : next == null ? cache.remove(key, was) : cache.replace(key, was, encode(next));
            if (done) {
                return next;
            }
        }
        throw new Tallies.Contended(key, TRIES);
    }

    static String encode(long[] numbers) {
        return Arrays.stream(numbers).mapToObj(Long::toString).collect(Collectors.joining(","));
    }

    static long[] decode(String text) {
        return text == null ? null : text.isEmpty() ? new long[0]
                : Arrays.stream(text.split(",")).mapToLong(Long::parseLong).toArray();
    }
}
