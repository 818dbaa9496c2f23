package com.smbhub.platform.metrics;

import com.smbhub.platform.grid.DataGrid;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * What is read from the database at each scrape of {@code /metrics}: webhook events waiting for an attempt and those
 * failed for good (ops must look at them), and this instance's database connections (open, and busy with a query).
 * A reading that fails is -1, so an alert on it fires instead of a stale value. And the members of the data grid this
 * instance sees (0: it has no running member; instances that see fewer than there are have split).
 */
@Singleton
@Startup
@DependsOn("Migrator")
@TransactionManagement(TransactionManagementType.BEAN)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Gauges {

    private static final Logger LOG = Logger.getLogger(Gauges.class.getName());

    @Resource(lookup = "jdbc/smbhub") DataSource dataSource;

    @Inject MetricRegistry registry;

    @EJB DataGrid grid;

    @PostConstruct
    void register() {
        Metadata webhooks = Metadata.builder().withName("smbhub.webhook.events")
                .withDescription("Webhook events waiting for a processing attempt (received) or failed for good (failed)").build();
        registry.gauge(webhooks, () -> count("select count(*) from webhook_events where status = 'RECEIVED'"),
                new Tag("status", "received"));
        registry.gauge(webhooks, () -> count("select count(*) from webhook_events where status = 'FAILED'"),
                new Tag("status", "failed"));
        Metadata connections = Metadata.builder().withName("smbhub.db.connections")
                .withDescription("Connections of the application's database role: open (the pools hold them), active (running a"
                        + " statement)").build();
        registry.gauge(connections, () -> count("select count(*) from pg_stat_activity where usename = current_user"),
                new Tag("state", "open"));
        registry.gauge(connections, () -> count("select count(*) from pg_stat_activity where usename = current_user"
                + " and state = 'active' and pid <> pg_backend_pid()"), new Tag("state", "active"));
        registry.gauge(Metadata.builder().withName("smbhub.grid.members")
                .withDescription("Members of the data grid this instance sees (0 when its member does not run)").build(),
                () -> grid.state().members());
    }

    private long count(String sql) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet rows = s.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            LOG.log(Level.FINE, "metrics reading failed", e);
            return -1;
        }
    }
}
