package com.smbhub.platform.grid;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A few numbers per key that every instance shares — the counts behind the rate limits. On Payara's data grid
 * (a JCache cache, {@link GridTallies}) when the server has one, else in this instance's memory; a key not changed
 * for {@code keep} may be forgotten. Values are never changed in place: {@link #change} gets the current numbers
 * (null when none) and returns the new ones (null to forget the key), and may be called more than once when another
 * instance changed the key meanwhile. When the grid does not answer, the instance counts alone and tries the grid
 * again {@link #RETRY_AFTER} later, saying so once per outage.
 */
public final class Tallies {

    private static final Logger LOG = Logger.getLogger(Tallies.class.getName());
    private static final int MAX_LOCAL_KEYS = 100_000;
    static final Duration RETRY_AFTER = Duration.ofSeconds(30);

    /** Where tallies live when not in this instance's memory: one per name. */
    interface Store {
        long[] get(String key);

        /** Throws {@link Contended} when other instances kept changing the key while this one tried. */
        long[] change(String key, UnaryOperator<long[]> change);
    }

    /** The grid answered, but the key kept changing under every try: not an outage. */
    static final class Contended extends RuntimeException {
        Contended(String key, int tries) {
            super("the key " + key + " kept changing under " + tries + " tries", null, false, false);
        }
    }

    private static volatile BiFunction<String, Duration, Store> grid;

    private final String name;
    private final Duration keep;
    private final Map<String, long[]> local = new ConcurrentHashMap<>();
    private volatile Store shared;
    private volatile BiFunction<String, Duration, Store> sharedFrom;
    private final LongSupplier nanoClock;
    /** Whether the grid did not answer the last time it was asked, and when to ask it again (nanoClock). */
    private volatile boolean down;
    private volatile long retryAt;

    public Tallies(String name, Duration keep) {
        this(name, keep, System::nanoTime);
    }

    Tallies(String name, Duration keep, LongSupplier nanoClock) {
        this.name = name;
        this.keep = keep;
        this.nanoClock = nanoClock;
    }

    /** From now on tallies are kept by this store maker (null: in each instance's memory). */
    static void keepOn(BiFunction<String, Duration, Store> maker) {
        grid = maker;
    }

    public long[] get(String key) {
        Store store = store();
        if (store != null) {
            try {
                return answered(store.get(key));
            } catch (RuntimeException e) {
                unreachable(e);
            }
        }
        return local.get(key);
    }

    /** Applies {@code change} atomically to the key's numbers and returns the numbers it left. */
    public long[] change(String key, UnaryOperator<long[]> change) {
        Store store = store();
        if (store != null) {
            try {
                return answered(store.change(key, change));
            } catch (Contended e) {
                LOG.log(Level.FINE, "Counted on this instance alone for " + name, e);
            } catch (RuntimeException e) {
                unreachable(e);
            }
        }
        if (local.size() > MAX_LOCAL_KEYS) {
            local.clear();
        }
        return local.compute(key, (k, now) -> change.apply(now));
    }

    /** The times later than {@code after}, in their order: what is left of a sliding window. */
    public static long[] after(long[] times, long after) {
        return times == null ? new long[0] : Arrays.stream(times).filter(t -> t > after).toArray();
    }

    /** The times with one more at the end. */
    public static long[] plus(long[] times, long time) {
        long[] more = Arrays.copyOf(times, times.length + 1);
        more[times.length] = time;
        return more;
    }

    private Store store() {
        if (down && nanoClock.getAsLong() - retryAt < 0) {
            return null;
        }
        BiFunction<String, Duration, Store> maker = grid;
        if (maker != sharedFrom) {
            synchronized (this) {
                if (maker != sharedFrom) {
                    try {
                        shared = maker == null ? null : maker.apply(name, keep);
                        sharedFrom = maker;
                    } catch (RuntimeException e) {
                        unreachable(e);
                        return null;
                    }
                }
            }
        }
        return shared;
    }

    private long[] answered(long[] numbers) {
        if (down) {
            down = false;
            LOG.info("The data grid answers again for " + name + "; the instances count together");
        }
        return numbers;
    }

    private void unreachable(RuntimeException e) {
        boolean first = !down;
        retryAt = nanoClock.getAsLong() + RETRY_AFTER.toNanos();
        down = true;
        if (first) {
            LOG.log(Level.WARNING, "The data grid did not answer for " + name + "; this instance counts on its own and tries"
                    + " the grid again every " + RETRY_AFTER.toSeconds() + " s", e);
        } else {
            LOG.log(Level.FINE, "The data grid still does not answer for " + name, e);
        }
    }
}
