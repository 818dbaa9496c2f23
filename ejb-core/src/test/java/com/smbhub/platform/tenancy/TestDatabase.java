package com.smbhub.platform.tenancy;

import com.smbhub.platform.db.Migrator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh, migrated database on the PostgreSQL that ./smbhub test starts (SMBHUB_TEST_DB_*).
 * Without it the database tests fail loudly rather than skip.
 */
public final class TestDatabase {

    final String url;
    final String user;
    final String password;

    private TestDatabase(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    public static TestDatabase fresh(String name) throws SQLException {
        String base = System.getenv("SMBHUB_TEST_DB_URL");
        if (base == null) {
            throw new IllegalStateException("No test database: run the tests with ./smbhub test");
        }
        String user = System.getenv("SMBHUB_TEST_DB_USER");
        String password = System.getenv("SMBHUB_TEST_DB_PASSWORD");
        String server = base.substring(0, base.lastIndexOf('/'));
        try (Connection admin = DriverManager.getConnection(server + "/postgres", user, password)) {
            admin.createStatement().execute("drop database if exists " + name + " with (force)");
            admin.createStatement().execute("create database " + name);
        }
        TestDatabase db = new TestDatabase(server + "/" + name + "?stringtype=unspecified", user, password);
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(db.url);
        ds.setUser(user);
        ds.setPassword(password);
        Migrator.flyway(ds).migrate();
        return db;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    public Map<String, Object> jpaProperties() {
        return Map.of("jakarta.persistence.jdbc.url", url,
                "jakarta.persistence.jdbc.user", user,
                "jakarta.persistence.jdbc.password", password,
                "jakarta.persistence.jdbc.driver", "org.postgresql.Driver");
    }
}
