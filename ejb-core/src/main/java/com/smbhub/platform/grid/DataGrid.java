package com.smbhub.platform.grid;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
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
public class DataGrid {

    private static final Logger LOG = Logger.getLogger(DataGrid.class.getName());
    /** Payara's names for its data grid instance and the JCache manager on it. */
    static final String HAZELCAST = "payara/Hazelcast";
    static final String CACHE_MANAGER = "payara/CacheManager";
    static final String EVICTIONS = "smbhub-evictions";

    private ITopic<String> evictions;
    private UUID listener;

    @PostConstruct
    void join() {
        try {
            InitialContext names = new InitialContext();
            HazelcastInstance grid = (HazelcastInstance) names.lookup(HAZELCAST);
            CacheManager caches = (CacheManager) names.lookup(CACHE_MANAGER);
            ITopic<String> topic = grid.getTopic(EVICTIONS);
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
