package com.smbhub.platform.db;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/**
 * Migrates the schema with Flyway when the application is deployed, before anything else runs — as
 * the schema's owner ({@code jdbc/smbhub-owner}), while the application's own pool connects as a role
 * that owns nothing, so row-level security holds for it.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Migrator {

    private static final Logger LOG = Logger.getLogger(Migrator.class.getName());

    /** The application's database role, granted its rights by the migrations. */
    public static final String APP_ROLE = "smbhub_app";

    @Resource(lookup = "jdbc/smbhub-owner") DataSource dataSource;

    private volatile String version = "none";
    private volatile int pending = -1;

    @PostConstruct
    void migrate() {
        Flyway flyway = flyway(dataSource);
        var result = flyway.migrate();
        var info = flyway.info();
        MigrationInfo current = info.current();
        version = current == null ? "none" : current.getVersion().getVersion();
        pending = info.pending().length;
        LOG.info(() -> "Schema at version " + version + " (" + result.migrationsExecuted + " migrations applied)");
    }

    /** The one Flyway configuration, shared with the tests. */
    public static Flyway flyway(DataSource dataSource) {
        return Flyway.configure(Migrator.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                // the server may create its batch and timer tables first; V1 must still run
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .cleanDisabled(true)
                .placeholders(Map.of("appRole", APP_ROLE))
                .load();
    }

    public String version() {
        return version;
    }

    /**
     * Migrations on the classpath not applied when this deployment started (0 when the schema is current).
     * Read by every readiness probe, so it asks the database nothing: the probe must answer at once even while
     * the database restarts (a probe that waited on the owner's pool once held ./smbhub start for 10 minutes).
     */
    public int pending() {
        return pending;
    }
}
