package com.smbhub.system;

import static com.smbhub.system.ContactsIT.send;
import static com.smbhub.system.SystemUnderTest.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The second wall (issue 12): PostgreSQL itself shows the application's role only the rows of the
 * business named for the transaction — for every table with a tenant_id, checked here with native SQL
 * that has no tenant filter of its own. A table added without its policy fails
 * {@link #everyTenantTableHasItsPolicyAndTheApplicationCannotBypassIt}.
 */
class RowLevelSecurityIT {

    private static final World WORLD = World.create();
    /** Tables with a tenant_id that also hold platform rows (no business yet); the application filters them. */
    private static final Set<String> WITHOUT_POLICY = Set.of("audit_log", "webhook_events");

    @BeforeAll
    static void bothBusinessesHaveRows() {
        for (String owner : List.of(token(WORLD.northside("owner"), null), token(WORLD.maple("owner"), null))) {
            String contact = send("POST", "/api/v1/contacts", owner, "{\"display_name\":\"Walled " + UUID.randomUUID() + "\"}")
                    .json().getJsonObject("data").getString("id");
            send("POST", "/api/v1/work-items", owner, "{\"title\":\"Walled job\",\"contact_id\":\"" + contact + "\"}");
            send("POST", "/api/v1/invoices", owner, "{\"contact_id\":\"" + contact + "\",\"line_items\":[{\"name\":\"Wall\","
                    + "\"qty\":1,\"rate\":5}]}");
        }
    }

    private static List<String> tenantTables(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (var rs = c.createStatement().executeQuery("select c.table_name from information_schema.columns c"
                + " join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name"
                + " where c.table_schema = current_schema() and c.column_name = 'tenant_id' and t.table_type = 'BASE TABLE'"
                + " order by 1")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        tables.removeAll(WITHOUT_POLICY);
        return tables;
    }

    private static String tenantOf(String org) throws SQLException {
        try (Connection c = Database.connect();
             PreparedStatement ps = c.prepareStatement("select id::text from tenants where external_org_id = ?")) {
            ps.setString(1, org);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void inABusinessesTransactionEveryTableShowsOnlyThatBusinessesRows() throws SQLException {
        String northside = tenantOf(WORLD.northside());
        try (Connection owner = Database.connect(); Connection app = Database.connectAsApplication()) {
            app.setAutoCommit(false);
            try (var set = app.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
                set.setString(1, northside);
                set.execute();
            }
            int checkedWithOthers = 0;
            for (String table : tenantTables(owner)) {
                long others = count(owner, "select count(*) from " + table + " where tenant_id <> '" + northside + "'");
                assertEquals(0, count(app, "select count(*) from " + table + " where tenant_id <> '" + northside + "'"),
                        table + " shows another business's rows");
                checkedWithOthers += others > 0 ? 1 : 0;
            }
            assertTrue(checkedWithOthers >= 5, "other businesses' rows were there to hide in " + checkedWithOthers + " tables");
            assertTrue(count(app, "select count(*) from contacts") > 0, "its own rows are there");
            app.rollback();
        }
    }

    @Test
    void theSearchFunctionsFindOnlyTheBoundBusinessesIds() throws SQLException {
        String northside = tenantOf(WORLD.northside());
        // "%" matches every row: whatever else the database holds, only the bound business's ids may come back
        Map<String, String> searches = Map.of("contacts", "select m::text from contacts_matching('%', null) m",
                "work_items", "select m::text from work_items_matching('%') m");
        try (Connection owner = Database.connect(); Connection app = Database.connectAsApplication()) {
            app.setAutoCommit(false);
            for (var search : searches.entrySet()) {
                assertEquals(List.of(), ids(app, search.getValue()), search.getKey() + " without a business");
                app.createStatement().execute("select set_config('app.cross_tenant', 'on', true)");
                assertEquals(List.of(), ids(app, search.getValue()), search.getKey() + " in the cross-business scope");
                app.rollback();
                try (var set = app.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
                    set.setString(1, northside);
                    set.execute();
                }
                List<String> found = ids(app, search.getValue());
                app.rollback();
                assertEquals(count(owner, "select count(*) from " + search.getKey() + " where tenant_id = '" + northside + "'"),
                        found.size(), search.getKey() + ": every row of the business is found");
                assertTrue(count(owner, "select count(*) from " + search.getKey() + " where tenant_id <> '" + northside + "'") > 0,
                        search.getKey() + ": other businesses have rows to hide");
                try (var others = owner.prepareStatement("select count(*) from " + search.getKey()
                        + " where id = any(?::uuid[]) and tenant_id <> ?::uuid")) {
                    others.setArray(1, owner.createArrayOf("text", found.toArray()));
                    others.setString(2, northside);
                    try (var rs = others.executeQuery()) {
                        rs.next();
                        assertEquals(0, rs.getLong(1), search.getKey() + " found another business's rows");
                    }
                }
            }
        }
    }

    private static List<String> ids(Connection c, String sql) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (var rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    @Test
    void withoutABusinessNothingIsSeenAndNothingCanBeWrittenForAnother() throws SQLException {
        String northside = tenantOf(WORLD.northside());
        String maple = tenantOf(WORLD.maple());
        try (Connection owner = Database.connect(); Connection app = Database.connectAsApplication()) {
            for (String table : tenantTables(owner)) {
                assertEquals(0, count(app, "select count(*) from " + table), table + " without a business");
            }
            app.setAutoCommit(false);
            try (var set = app.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
                set.setString(1, northside);
                set.execute();
            }
            SQLException refused = assertThrows(SQLException.class, () -> {
                try (var insert = app.prepareStatement("insert into contacts (id, tenant_id, display_name) values (?::uuid, ?::uuid, 'x')")) {
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setString(2, maple);
                    insert.executeUpdate();
                }
            });
            assertTrue(refused.getMessage().contains("row-level security"), refused.getMessage());
            app.rollback();
            assertEquals(0, count(app, "select count(*) from contacts where tenant_id = '" + maple + "'"));
        }
    }

    @Test
    void crossingBusinessesIsAuditedUnlessTheWorkItServesIsAlready() throws SQLException {
        String crossings = "select count(*) from audit_log where action = 'platform.cross_tenant' and entity_id = ?";
        long seeded = Database.count(crossings, "SEEDING");
        World.create();
        assertEquals(seeded + 1, Database.count(crossings, "SEEDING"), "making businesses is recorded");
        long memberships = Database.count(crossings, "MEMBERSHIPS");
        token(WORLD.northside("owner"), null);
        assertEquals(memberships, Database.count(crossings, "MEMBERSHIPS"), "a sign-in is audited as one, not per look-up");
    }

    @Test
    void everyTenantTableHasItsPolicyAndTheApplicationCannotBypassIt() throws SQLException {
        try (Connection owner = Database.connect(); Connection app = Database.connectAsApplication()) {
            for (String table : tenantTables(owner)) {
                assertEquals(1, count(owner, "select count(*) from pg_class c where c.relname = '" + table
                        + "' and c.relrowsecurity and c.relforcerowsecurity"), table + ": row-level security forced");
                assertEquals(1, count(owner, "select count(*) from pg_policies where tablename = '" + table
                        + "' and policyname = 'tenant_rows'"), table + ": its policy");
            }
            assertEquals(0, count(app, "select count(*) from pg_roles where rolname = current_user"
                    + " and (rolsuper or rolbypassrls)"), "the application's role is no superuser and cannot bypass");
            assertEquals(0, count(app, "select count(*) from pg_tables where tableowner = current_user"),
                    "the application's role owns no table");
            assertFalse(tenantTables(owner).isEmpty());
        }
    }
}
