import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.postgresql.PGConnection;

/**
 * "Export everything" next to PostgreSQL's own speed (issue 16), against the stack of ./smbhub run:
 * loads 50,000 contacts, 200,000 work items and 20,000 invoices into the demo business northside (once), exports it
 * through the API (the batch job: cursor → JSON lines and CSV → ZIP → file store), and measures, in the same run,
 * {@code COPY (select …) TO STDOUT} of the same rows in the same two forms (CSV, and row_to_json lines) for the tables
 * the export's manifest lists, plus the time the ZIP's compression alone takes (its entries deflated again). The 2x
 * target is for the data ({"pdfs": false}); the default export with every invoice's and quote's PDF is timed after it,
 * the PDFs' share apart.
 *
 * java -cp <postgresql.jar> bench/ExportBench.java <api base> <jdbc url> <db user> <db password>
 */
public class ExportBench {

    static final int CONTACTS = 50_000;
    static final int WORK_ITEMS = 200_000;
    static final int INVOICES = 20_000;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        String api = args[0];
        try (Connection db = DriverManager.getConnection(args[1], args[2], args[3])) {
            String tenant = single(db, "select id::text from tenants where external_org_id = 'northside'");
            fill(db, tenant);
            String token = token(api, "owner@northside.test");
            export(api, token, false); // warm-up: the first run loads classes and compiles the hot loop
            long start = System.nanoTime();
            String run = export(api, token, false);
            double exportSeconds = (System.nanoTime() - start) / 1e9;
            byte[] zip = HTTP.send(HttpRequest.newBuilder(URI.create(api + "/api/v1/export/" + run + "/download"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
            Map<String, byte[]> entries = unzip(zip);
            List<String> tables = new ArrayList<>();
            Matcher rows = Pattern.compile("\"([a-z_]+)\":(\\d+)").matcher(
                    new String(entries.get("manifest.json"), StandardCharsets.UTF_8).replaceAll("^.*\"rows\":\\{|}.*$", ""));
            long total = 0;
            while (rows.find()) {
                tables.add(rows.group(1));
                total += Long.parseLong(rows.group(2));
            }
            copy(db, tenant, tables); // warm-up
            start = System.nanoTime();
            long bytes = copy(db, tenant, tables);
            double copySeconds = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            deflate(entries);
            double zipSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("rows exported: %,d in %d tables; ZIP %,d bytes (%,d bytes uncompressed by COPY)%n", total, tables.size(),
                    zip.length, bytes);
            System.out.printf("COPY ... TO STDOUT, CSV + JSON lines: %.2f s%n", copySeconds);
            System.out.printf("export job, data only {\"pdfs\": false} (API start to COMPLETED): %.2f s  = %.2f x COPY%n", exportSeconds, exportSeconds / copySeconds);
            System.out.printf("  of which compression alone (entries deflated again): %.2f s; export without it = %.2f x COPY%n",
                    zipSeconds, (exportSeconds - zipSeconds) / copySeconds);
            System.out.println("target: the export within 2x COPY of the same rows (compression measured apart)");
            int documents = Integer.parseInt(single(db, "select (select count(*) from invoices where tenant_id = '" + tenant
                    + "' and deleted_at is null) + (select count(*) from quotes where tenant_id = '" + tenant + "' and deleted_at is null)"));
            export(api, token, true); // warm-up of the PDF writer
            start = System.nanoTime();
            export(api, token, true);
            double withPdfs = (System.nanoTime() - start) / 1e9;
            System.out.printf("export job with the invoice and quote PDFs (the default): %.2f s; the %,d PDFs: %.2f s (%.2f ms each)%n",
                    withPdfs, documents, withPdfs - exportSeconds, (withPdfs - exportSeconds) * 1000 / documents);
        }
    }

    static void fill(Connection db, String tenant) throws Exception {
        if (Integer.parseInt(single(db, "select count(*) from invoices where tenant_id = '" + tenant + "' and created_by = 'export-bench'"))
                >= INVOICES) {
            return;
        }
        System.out.println("Loading " + CONTACTS + " contacts, " + WORK_ITEMS + " work items and " + INVOICES + " invoices ...");
        var s = db.createStatement();
        s.execute("insert into contacts (id, tenant_id, display_name, email, phone, tags, created_by) select gen_random_uuid(), '"
                + tenant + "', 'Export bench ' || g, 'xb' || g || '@northside.bench', '+1647' || lpad(g::text, 7, '0'),"
                + " '{export-bench}', 'export-bench' from generate_series(1, " + CONTACTS + ") g");
        s.execute("insert into work_items (id, tenant_id, title, description, status, priority, type, created_by)"
                + " select gen_random_uuid(), '" + tenant + "', 'Export bench job ' || g, 'Leak under the sink, unit ' || g,"
                + " 'NEW', 'NORMAL', 'REQUEST', 'export-bench' from generate_series(1, " + WORK_ITEMS + ") g");
        s.execute("insert into invoices (id, tenant_id, invoice_number, contact_id, issue_date, due_date, currency, subtotal,"
                + " tax_total, total, amount_due, line_items, created_by) select gen_random_uuid(), '" + tenant + "',"
                + " 'XB-' || g, (select id from contacts where tenant_id = '" + tenant + "' limit 1), current_date, current_date + 14,"
                + " 'CAD', 237.50, 30.88, 268.38, 268.38, '{\"v\":1,\"lines\":[{\"name\":\"Service\",\"qty\":1,\"rate\":200},"
                + "{\"name\":\"Parts\",\"qty\":3,\"rate\":12.5}]}', 'export-bench' from generate_series(1, " + INVOICES + ") g");
        s.execute("analyze contacts; analyze work_items; analyze invoices");
    }

    /** Starts an export (with the PDFs or the data only) and waits for its end; answers the run id. */
    static String export(String api, String token, boolean pdfs) throws Exception {
        String started = HTTP.send(HttpRequest.newBuilder(URI.create(api + "/api/v1/export")).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"pdfs\":" + pdfs + "}")).build(), HttpResponse.BodyHandlers.ofString()).body();
        String id = field(started, "id");
        while (true) {
            String run = HTTP.send(HttpRequest.newBuilder(URI.create(api + "/api/v1/jobs/runs/" + id))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body();
            String status = field(run, "status");
            if (status.equals("COMPLETED")) {
                return id;
            }
            if (!status.equals("STARTED")) {
                throw new IllegalStateException("export " + status + ": " + run);
            }
            Thread.sleep(50);
        }
    }

    /** COPY of the tables' rows of the business, as CSV with a header and as row_to_json lines; answers the bytes. */
    static long copy(Connection db, String tenant, List<String> tables) throws Exception {
        var copy = db.unwrap(PGConnection.class).getCopyAPI();
        Counting out = new Counting();
        for (String t : tables) {
            copy.copyOut("copy (select * from " + t + " where tenant_id = '" + tenant + "') to stdout with (format csv, header)", out);
            copy.copyOut("copy (select row_to_json(x) from " + t + " x where tenant_id = '" + tenant + "') to stdout", out);
        }
        return out.count;
    }

    static void deflate(Map<String, byte[]> entries) throws Exception {
        try (ZipOutputStream zip = new ZipOutputStream(OutputStream.nullOutputStream())) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
    }

    static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    static final class Counting extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + ": " + json);
        }
        return m.group(1);
    }

    static String token(String api, String user) throws Exception {
        return field(HTTP.send(HttpRequest.newBuilder(URI.create(api + "/api/v1/auth/token"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + user + "\",\"password\":\"demo\"}")).build(),
                HttpResponse.BodyHandlers.ofString()).body(), "access_token");
    }

    static String single(Connection db, String sql) throws Exception {
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
