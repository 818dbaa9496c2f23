package com.smbhub.platform.security;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Carries {@link CallerCache} evictions to every instance over Payara's data grid (a Hazelcast topic of user ids),
 * so a membership change or a removed person takes effect on every instance at once, not after the cache's minute.
 * Without the grid (turned off in the domain), each instance keeps its own and the minute bounds the difference.
 */
@Singleton
@Startup
public class CallerEvictions {

    private static final Logger LOG = Logger.getLogger(CallerEvictions.class.getName());
    /** Payara's name for its data grid instance. */
    static final String GRID = "payara/Hazelcast";
    static final String TOPIC = "smbhub-caller-evictions";

    private ITopic<String> topic;
    private UUID listener;

    @PostConstruct
    void join() {
        try {
            HazelcastInstance grid = (HazelcastInstance) new InitialContext().lookup(GRID);
            topic = grid.getTopic(TOPIC);
            listener = topic.addMessageListener(message -> CallerCache.evictHere(message.getMessageObject()));
            ITopic<String> to = topic;
            CallerCache.tellOthersWith(userId -> {
                try {
                    to.publish(userId);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "An eviction of the caller cache did not reach the other instances", e);
                }
            });
        } catch (NamingException | RuntimeException e) {
            LOG.warning("No data grid (" + e + "): a membership change reaches other instances' caller caches within a minute");
        }
    }

    @PreDestroy
    void leave() {
        CallerCache.tellOthersWith(null);
        if (topic != null) {
            try {
                topic.removeMessageListener(listener);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "The data grid went first", e);
            }
        }
    }
}
