package com.smbhub.system;

import static com.smbhub.system.ContactsIT.send;
import static com.smbhub.system.SystemUnderTest.token;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code ./smbhub backup} of the running system-test stack, {@code ./smbhub restore} of that archive
 * into an empty stack on other ports, and the restored one holds the same: every table's rows, one
 * business's records and totals through the API (with a token the first stack issued), and an
 * uploaded file byte for byte. A damaged archive restores nothing.
 */
class BackupRestoreIT {

    private static final World WORLD = World.create();
    private static final Path ROOT = OwnStack.ROOT;
    private static final int PORT_BASE = Integer.parseInt(System.getenv().getOrDefault("SMBHUB_IT_PORT_BASE", "28000"));
    // below 32768: ports in Linux's ephemeral range can be taken by any outgoing connection of the suite
    private static final int RESTORED_BASE = PORT_BASE - 10_000;
    private static final int DB_PORT = Integer.parseInt(System.getenv().getOrDefault("SMBHUB_TEST_DB_URL", "jdbc:postgresql://x:25433/")
            .replaceAll("^jdbc:postgresql://[^:/]+:(\\d+)/.*$", "$1"));
    private static final int RESTORED_DB_PORT = DB_PORT - 10_000;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aBackupRestoredIntoAnEmptyStackHoldsTheSameRowsRecordsTotalsAndFiles() throws Exception {
        String owner = token(WORLD.northside("owner"), null);
        String contact = send("POST", "/api/v1/contacts", owner, "{\"display_name\":\"Backed up " + run + "\"}")
                .json().getJsonObject("data").getString("id");
        byte[] pdf = ("%PDF-1.4\n%" + UUID.randomUUID() + "\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
        var uploaded = FilesIT.upload(owner, "CONTACT", contact, "kept.pdf", pdf);
        assertEquals(201, uploaded.status(), uploaded.body());
        String file = uploaded.json().getJsonObject("data").getString("id");
        var invoice = send("POST", "/api/v1/invoices", owner, "{\"contact_id\":\"" + contact + "\","
                + "\"line_items\":[{\"name\":\"Boiler service\",\"qty\":2,\"rate\":145.5}]}");
        assertEquals(201, invoice.status(), invoice.body());
        Map<String, Object> business = business(SystemUnderTest.BASE, owner, contact);

        Path work = Files.createDirectories(ROOT.resolve("ear/target/backup-" + run));
        Path archive = work.resolve("smbhub.tar");
        Path restored = work.resolve("var");
        Map<String, Long> before;
        Map<String, Long> after;
        Map<String, Long> lastJobIds;
        try (Connection db = Database.connect()) {
            before = rows(db);
            new OwnStack(ROOT.resolve("var/it"), PORT_BASE, DB_PORT).ok(work.resolve("backup.log"), Map.of(), "backup",
                    archive.toString());
            after = rows(db);
            lastJobIds = lastIds(db);
        }
        Instant backedUp = Instant.now();
        OwnStack copyStack = new OwnStack(restored, RESTORED_BASE, RESTORED_DB_PORT);
        try {
            copyStack.ok(work.resolve("restore.log"), Map.of(), "restore", archive.toString());
            String base = "http://localhost:" + (RESTORED_BASE + 80);
            try (Connection copy = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + RESTORED_DB_PORT
                    + "/smbhub", "smbhub", Files.readString(restored.resolve("db-password")).trim())) {
                Map<String, Long> now = rows(copy, backedUp, lastJobIds); // not what the restored stack wrote when it started
                assertEquals(before.keySet(), now.keySet(), "the same tables");
                before.remove(TIMERS);
                before.forEach((table, count) -> assertTrue(now.get(table) >= count && now.get(table) <= after.get(table),
                        table + ": " + now.get(table) + " rows restored, " + count + " before the backup, "
                                + after.get(table) + " after"));
            }
            assertEquals(business, business(base, owner, contact), "records and totals, read with a token issued before the backup");
            HttpResponse<byte[]> download = SystemUnderTest.HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/files/"
                    + file + "/content")).header("Authorization", "Bearer " + owner).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, download.statusCode());
            assertArrayEquals(pdf, download.body());

            Path damaged = work.resolve("damaged.tar");
            byte[] bytes = Files.readAllBytes(archive);
            bytes[new String(bytes, StandardCharsets.ISO_8859_1).indexOf("PGDMP") + 100] ^= 1; // inside the database dump
            Files.write(damaged, bytes);
            Path empty = work.resolve("var-damaged");
            String refused = new OwnStack(empty, RESTORED_BASE + 500, RESTORED_DB_PORT + 500)
                    .refused(work.resolve("damaged.log"), "restore", damaged.toString());
            assertTrue(refused.contains("damaged") && refused.contains("nothing was restored"), refused);
            assertTrue(!Files.exists(empty.resolve("pgdata")), "no database made from a damaged archive");
        } finally {
            copyStack.ok(work.resolve("stop.log"), Map.of(), "stop");
            for (Path big : List.of(restored, archive, work.resolve("damaged.tar"))) { // the logs stay
                OwnStack.delete(big);
            }
        }
    }

    /** What one business holds, as its owner reads it through the API. */
    private static Map<String, Object> business(String base, String token, String contact) {
        Map<String, Object> seen = new TreeMap<>();
        for (String list : List.of("contacts", "work-items", "invoices", "quotes", "files?linked_type=CONTACT&linked_id=" + contact)) {
            List<JsonObject> rows = all(base, "/api/v1/" + list, token);
            seen.put(list, rows.stream().map(r -> r.getString("id")).sorted().toList());
            if (list.equals("invoices") || list.equals("quotes")) {
                seen.put(list + " total", rows.stream().map(r -> new BigDecimal(r.getString("total")))
                        .reduce(BigDecimal.ZERO, BigDecimal::add));
            }
        }
        return seen;
    }

    private static List<JsonObject> all(String base, String path, String token) {
        List<JsonObject> rows = new ArrayList<>();
        String cursor = null;
        do {
            var page = SystemUnderTest.send(HttpRequest.newBuilder(URI.create(base + path + (path.contains("?") ? "&" : "?") + "limit=100"
                    + (cursor == null ? "" : "&cursor=" + cursor))).header("Authorization", "Bearer " + token).build());
            assertEquals(200, page.status(), path + ": " + page.body());
            page.json().getJsonArray("data").forEach(v -> rows.add(v.asJsonObject()));
            JsonObject meta = page.json().getJsonObject("meta");
            cursor = meta == null || meta.isNull("cursor") ? null : meta.getString("cursor");
        } while (cursor != null);
        return rows;
    }

    /** Every table's row count (as the database's owner, which row-level security does not filter). */
    private static Map<String, Long> rows(Connection db) throws SQLException {
        return rows(db, null, Map.of());
    }

    /** The EJB timer service's table: not backed up, the restored server's deployment makes its own timers. */
    private static final String TIMERS = "EJB__TIMER__TBL";

    /** Columns that say when a row was made, for tables without created_at. */
    private static final List<String> MADE_AT = List.of("created_at", "claimed_at", "received_at", "sent_at", "opted_out_at", "at");

    /** Jakarta Batch's tables keep no time a row was made but number their rows: each one's rows up to a job instance or execution. */
    private static final Map<String, String> NUMBERED = Map.of(
            "jobinstancedata", "jobinstanceid <= %(jobinstance)",
            "jobstatus", "id <= %(jobinstance)",
            "checkpointdata", "split_part(id, ',', 1)::bigint <= %(jobinstance)",
            "executioninstancedata", "jobexecid <= %(execution)",
            "stepexecutioninstancedata", "stepexecid <= %(step)",
            "stepstatus", "id <= %(step)");

    /** The last job instance, execution and step execution numbers. */
    private static Map<String, Long> lastIds(Connection db) throws SQLException {
        Map<String, Long> last = new TreeMap<>();
        try (var rs = db.createStatement().executeQuery("select (select coalesce(max(jobinstanceid), 0) from jobinstancedata),"
                + " (select coalesce(max(jobexecid), 0) from executioninstancedata),"
                + " (select coalesce(max(stepexecid), 0) from stepexecutioninstancedata)")) {
            rs.next();
            last.put("jobinstance", rs.getLong(1));
            last.put("execution", rs.getLong(2));
            last.put("step", rs.getLong(3));
        }
        return last;
    }

    /**
     * The same, of rows made up to {@code until} where a table keeps when a row was made, and of job rows up to
     * {@code lastJobIds} (what the restored stack's own timers and jobs write when it starts is not counted).
     */
    private static Map<String, Long> rows(Connection db, Instant until, Map<String, Long> lastJobIds) throws SQLException {
        Map<String, List<String>> tables = new TreeMap<>();
        try (var rs = db.createStatement().executeQuery("select t.tablename, c.column_name from pg_tables t"
                + " left join information_schema.columns c on c.table_schema = 'public' and c.table_name = t.tablename"
                + " where t.schemaname = 'public'")) {
            while (rs.next()) {
                tables.computeIfAbsent(rs.getString(1), t -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        Map<String, Long> counts = new TreeMap<>();
        for (var table : tables.entrySet()) {
            String where = "";
            String madeAt = MADE_AT.stream().filter(table.getValue()::contains).findFirst().orElse(null);
            if (until != null && madeAt != null) {
                where = " where \"" + madeAt + "\" <= ?";
            } else if (until != null && NUMBERED.containsKey(table.getKey())) {
                String cut = NUMBERED.get(table.getKey());
                for (var last : lastJobIds.entrySet()) {
                    cut = cut.replace("%(" + last.getKey() + ")", last.getValue().toString());
                }
                where = " where " + cut;
            }
            try (var ps = db.prepareStatement("select count(*) from \"" + table.getKey() + "\"" + where)) {
                if (where.contains("?")) {
                    ps.setTimestamp(1, Timestamp.from(until));
                }
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    counts.put(table.getKey(), rs.getLong(1));
                }
            }
        }
        return counts;
    }

}
