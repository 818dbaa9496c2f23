package com.smbhub.platform.grid;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.ModifiedExpiryPolicy;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Puts {@link Tallies} on Payara's data grid: one JCache cache per name ("smbhub-" + name), values written as text
 * so comparing them is comparing their numbers, changed by compare-and-replace so two instances counting the same
 * key at once both count. Without the grid (turned off in the domain) each instance counts on its own.
 */
@Singleton
@Startup
public class GridTallies {

    private static final Logger LOG = Logger.getLogger(GridTallies.class.getName());
    /** Payara's JCache manager, backed by its data grid. */
    static final String CACHE_MANAGER = "payara/CacheManager";
    private static final int TRIES = 100;

    @PostConstruct
    void join() {
        try {
            CacheManager manager = (CacheManager) new InitialContext().lookup(CACHE_MANAGER);
            Tallies.keepOn((name, keep) -> new OnGrid(cache(manager, "smbhub-" + name, keep)));
        } catch (NamingException | RuntimeException e) {
            LOG.warning("No data grid (" + e + "): each instance keeps its own rate-limit counts");
        }
    }

    @PreDestroy
    void leave() {
        Tallies.keepOn(null);
    }

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

    record OnGrid(Cache<String, String> cache) implements Tallies.Store {

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
            throw new IllegalStateException("the key " + key + " kept changing under " + TRIES + " tries");
        }
    }

    static String encode(long[] numbers) {
        return Arrays.stream(numbers).mapToObj(Long::toString).collect(Collectors.joining(","));
    }

    static long[] decode(String text) {
        return text == null ? null : text.isEmpty() ? new long[0]
                : Arrays.stream(text.split(",")).mapToLong(Long::parseLong).toArray();
    }
}
