package com.smbhub.platform.db;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import javax.sql.DataSource;

/** What the readiness probe reports: can we reach the database, and is the schema current. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Readiness {

    @Resource(lookup = "jdbc/smbhub") DataSource dataSource;

    @EJB Migrator migrator;

    public record State(boolean database, String schemaVersion, int pendingMigrations) {
        public boolean ready() {
            return database && pendingMigrations == 0;
        }
    }

    public State check() {
        boolean database;
        try (Connection connection = dataSource.getConnection()) {
            database = connection.isValid(2);
        } catch (Exception e) {
            database = false;
        }
        int pending = database ? migrator.pending() : -1;
        return new State(database, migrator.version(), pending);
    }
}
