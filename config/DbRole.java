import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Makes (or refreshes) the application's database role: it logs in, owns nothing, and cannot bypass
 * row-level security. DbRole <jdbc url> <owner> <owner password> <role> <role password>.
 */
public class DbRole {
    public static void main(String[] args) throws Exception {
        String role = args[3];
        String password = args[4];
        if (!role.matches("[a-z_][a-z0-9_]*") || !password.matches("[A-Za-z0-9]+")) {
            throw new IllegalArgumentException("role and password must be plain names and letters");
        }
        try (Connection c = DriverManager.getConnection(args[0], args[1], args[2]); Statement s = c.createStatement()) {
            s.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + role + "') then"
                    + " create role " + role + " login password '" + password + "' nosuperuser nobypassrls nocreatedb"
                    + " nocreaterole; else alter role " + role + " login password '" + password
                    + "' nosuperuser nobypassrls nocreatedb nocreaterole; end if; end $$");
            s.execute("grant connect on database " + c.getCatalog() + " to " + role);
        }
    }
}
