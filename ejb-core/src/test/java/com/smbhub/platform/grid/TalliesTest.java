package com.smbhub.platform.grid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.hazelcast.cache.impl.HazelcastServerCachingProvider;
import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.cache.Cache;
import org.junit.jupiter.api.Test;

/** Counts kept on the data grid are counted once per change, whichever member changes them and however at once. */
class TalliesTest {

    /** The grid's members say less. */
    private static final Logger GRID_LOG = Logger.getLogger("com.hazelcast");

    static {
        GRID_LOG.setLevel(Level.WARNING);
    }

    @Test
    void twoMembersCountingOneKeyAtOnceLoseNoCount() throws Exception {
        String cluster = "tallies-" + UUID.randomUUID();
        int port = ThreadLocalRandom.current().nextInt(31_000, 39_000);
        HazelcastInstance one = Hazelcast.newHazelcastInstance(member(cluster, port));
        HazelcastInstance two = Hazelcast.newHazelcastInstance(member(cluster, port));
        try {
            assertEquals(2, one.getCluster().getMembers().size(), "the two members found each other");
            List<Tallies.Store> stores = new ArrayList<>();
            for (HazelcastInstance member : List.of(one, two)) {
                Cache<String, String> cache = GridTallies.cache(new HazelcastServerCachingProvider(member).getCacheManager(),
                        "smbhub-test", Duration.ofMinutes(1));
                stores.add(new GridTallies(cache));
            }
            List<Thread> counters = new ArrayList<>();
            for (Tallies.Store store : List.of(stores.get(0), stores.get(1), stores.get(0), stores.get(1))) {
                Thread counter = new Thread(() -> {
                    for (int i = 0; i < 200; i++) {
                        store.change("10.0.0.1", n -> n == null ? new long[] {1} : new long[] {n[0] + 1});
                    }
                });
                counter.start();
                counters.add(counter);
            }
            for (Thread counter : counters) {
                counter.join();
            }
            assertArrayEquals(new long[] {800}, stores.get(1).get("10.0.0.1"));
            stores.get(0).change("10.0.0.1", n -> null);
            assertNull(stores.get(1).get("10.0.0.1"), "a key one member forgot is gone for the other");
        } finally {
            two.shutdown();
            one.shutdown();
        }
    }

    @Test
    void numbersAreWrittenAsTheirText() {
        assertEquals("3,1767225600000,0", GridTallies.encode(new long[] {3, 1_767_225_600_000L, 0}));
        assertArrayEquals(new long[] {3, 1_767_225_600_000L, 0}, GridTallies.decode("3,1767225600000,0"));
        assertArrayEquals(new long[0], GridTallies.decode(GridTallies.encode(new long[0])));
        assertNull(GridTallies.decode(null));
    }

    @Test
    void withoutTheGridAnInstanceCountsInItsMemory() {
        Tallies tallies = new Tallies("local-test", Duration.ofMinutes(1));
        tallies.change("k", n -> new long[] {1});
        assertArrayEquals(new long[] {2}, tallies.change("k", n -> new long[] {n[0] + 1}));
        assertArrayEquals(new long[] {1, 5}, Tallies.plus(Tallies.after(new long[] {0, 1}, 0), 5));
    }

    @Test
    void aGridThatStopsAnsweringIsTriedAgainLaterAndSaidOnce() {
        AtomicLong now = new AtomicLong();
        AtomicBoolean down = new AtomicBoolean();
        AtomicInteger asked = new AtomicInteger();
        Map<String, long[]> onGrid = new ConcurrentHashMap<>();
        Tallies.Store grid = new Tallies.Store() {
            @Override
            public long[] get(String key) {
                return change(key, n -> n);
            }

            @Override
            public long[] change(String key, UnaryOperator<long[]> change) {
                asked.incrementAndGet();
                if (down.get()) {
                    throw new IllegalStateException("no member answers");
                }
                return onGrid.compute(key, (k, n) -> change.apply(n));
            }
        };
        List<LogRecord> said = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.INFO.intValue()) {
                    said.add(record);
                }
            }

            @Override
            public void flush() { }

            @Override
            public void close() { }
        };
        Logger log = Logger.getLogger(Tallies.class.getName());
        log.addHandler(handler);
        Tallies.keepOn((name, keep) -> grid);
        try {
            Tallies tallies = new Tallies("outage-test", Duration.ofMinutes(1), now::get);
            UnaryOperator<long[]> plusOne = n -> n == null ? new long[] {1} : new long[] {n[0] + 1};
            assertArrayEquals(new long[] {1}, tallies.change("k", plusOne));
            down.set(true);
            assertArrayEquals(new long[] {1}, tallies.change("k", plusOne), "counted here, from nothing");
            for (int i = 0; i < 50; i++) {
                tallies.change("k", plusOne);
            }
            assertEquals(2, asked.get(), "while it is out the grid is not asked again");
            now.addAndGet(Tallies.RETRY_AFTER.plusSeconds(1).toNanos());
            tallies.change("k", plusOne);
            assertEquals(3, asked.get(), "it is tried again after a while");
            assertEquals(1, said.size(), "one warning for the outage: " + said);
            down.set(false);
            now.addAndGet(Tallies.RETRY_AFTER.plusSeconds(1).toNanos());
            assertArrayEquals(new long[] {2}, tallies.change("k", plusOne), "back on the grid's count");
            assertEquals(2, said.size(), "and one line when it answers again");
            assertArrayEquals(new long[] {3}, tallies.change("k", plusOne));
        } finally {
            Tallies.keepOn(null);
            log.removeHandler(handler);
        }
    }

    @Test
    void aKeyOthersKeepChangingIsCountedHereOnceWithoutLeavingTheGrid() {
        AtomicInteger asked = new AtomicInteger();
        Tallies.Store grid = new Tallies.Store() {
            @Override
            public long[] get(String key) {
                return null;
            }

            @Override
            public long[] change(String key, UnaryOperator<long[]> change) {
                if (asked.incrementAndGet() == 1) {
                    throw new Tallies.Contended(key, 100);
                }
                return change.apply(new long[] {10});
            }
        };
        Tallies.keepOn((name, keep) -> grid);
        try {
            Tallies tallies = new Tallies("contended-test", Duration.ofMinutes(1), () -> 0);
            UnaryOperator<long[]> plusOne = n -> n == null ? new long[] {1} : new long[] {n[0] + 1};
            assertArrayEquals(new long[] {1}, tallies.change("k", plusOne), "counted here this once");
            assertArrayEquals(new long[] {11}, tallies.change("k", plusOne), "the next count is the grid's again");
            assertEquals(2, asked.get());
        } finally {
            Tallies.keepOn(null);
        }
    }

    private static Config member(String cluster, int port) {
        Config config = new Config().setClusterName(cluster);
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "jdk");
        config.getNetworkConfig().setPort(port).setPortAutoIncrement(true).setPortCount(3);
        config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        config.getNetworkConfig().getJoin().getMulticastConfig().setEnabled(false);
        config.getNetworkConfig().getJoin().getAutoDetectionConfig().setEnabled(false);
        config.getNetworkConfig().getJoin().getTcpIpConfig().setEnabled(true)
                .addMember("127.0.0.1:" + port).addMember("127.0.0.1:" + (port + 1)).addMember("127.0.0.1:" + (port + 2));
        return config;
    }
}
