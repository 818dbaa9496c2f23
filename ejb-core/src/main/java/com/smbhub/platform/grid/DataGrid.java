package com.smbhub.platform.grid;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.cache.CacheManager;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Joins this instance to Payara's data grid at start-up, for the two things instances share: cache
 * {@link Evictions} travel on a Hazelcast topic (a membership or profile change takes effect on every instance at
 * once), and the rate limits' {@link Tallies} live in JCache caches ({@link GridTallies}). Without the grid (turned
 * off in the domain) each instance keeps its own: it counts alone, and evictions stay where they were made.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DataGrid {

    private static final Logger LOG = Logger.getLogger(DataGrid.class.getName());
    /** Payara's names for its data grid instance and the JCache manager on it. */
    static final String HAZELCAST = "payara/Hazelcast";
    static final String CACHE_MANAGER = "payara/CacheManager";
    static final String EVICTIONS = "smbhub-evictions";

    private volatile HazelcastInstance grid;
    private ITopic<String> evictions;
    private UUID listener;

    /**
     * What this instance sees of the grid: {@code joined} false when the server has none (each instance alone, a
     * valid set-up); else whether its member runs, and how many members it sees (the instances of the cluster).
     */
    public record State(boolean joined, boolean running, int members) {
        public boolean healthy() {
            return !joined || running;
        }
    }

    public State state() {
        HazelcastInstance member = grid;
        if (member == null) {
            return new State(false, false, 0);
        }
        try {
            return member.getLifecycleService().isRunning() ? new State(true, true, member.getCluster().getMembers().size())
                    : new State(true, false, 0);
        } catch (RuntimeException e) {
            return new State(true, false, 0);
        }
    }

    @PostConstruct
    void join() {
        try {
            InitialContext names = new InitialContext();
            HazelcastInstance member = (HazelcastInstance) names.lookup(HAZELCAST);
            CacheManager caches = (CacheManager) names.lookup(CACHE_MANAGER);
            ITopic<String> topic = member.getTopic(EVICTIONS);
            listener = topic.addMessageListener(message -> {
                if (!message.getPublishingMember().localMember()) {
                    Evictions.arrived(message.getMessageObject());
                }
            });
            evictions = topic;
            Evictions.tellOthersWith(eviction -> {
                try {
                    topic.publish(eviction);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "A cache eviction (" + eviction + ") did not reach the other instances", e);
                }
            });
            Tallies.keepOn((name, keep) -> new GridTallies(GridTallies.cache(caches, "smbhub-" + name, keep)));
            grid = member;
        } catch (NamingException | RuntimeException e) {
            LOG.warning("No data grid (" + e + "): this instance counts its rate limits alone, and its cache evictions"
                    + " (membership and profile changes) do not reach other instances");
        }
    }

    @PreDestroy
    void leave() {
        Tallies.keepOn(null);
        Evictions.tellOthersWith(null);
        if (evictions != null) {
            try {
                evictions.removeMessageListener(listener);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "The data grid went first", e);
            }
        }
    }
}
