package com.smbhub.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The system-test stack's database (set by ./smbhub test), for checks the API cannot show. */
final class Database {

    private Database() {
    }

    static Connection connect() throws SQLException {
        String url = System.getenv("SMBHUB_TEST_DB_URL");
        if (url == null) {
            throw new IllegalStateException("No test database: run the tests with ./smbhub test");
        }
        return DriverManager.getConnection(url, System.getenv("SMBHUB_TEST_DB_USER"),
                System.getenv("SMBHUB_TEST_DB_PASSWORD"));
    }

    /** As the application's own role (row-level security holds for it). */
    static Connection connectAsApplication() throws SQLException {
        return DriverManager.getConnection(System.getenv("SMBHUB_TEST_DB_URL"), System.getenv("SMBHUB_TEST_DB_APP_USER"),
                System.getenv("SMBHUB_TEST_DB_APP_PASSWORD"));
    }

    static long count(String sql, String... params) throws SQLException {
        try (Connection c = connect(); var ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
