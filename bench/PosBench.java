import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * POS sync of 10,000 orders from Square's stand-in in pages of 100 (issue 16), against the stack of ./smbhub run (or the
 * system-test stack). The demo retail business "maple" connects a new test-mode shop of {@code orders} orders and 500
 * customers, presses Sync now and times the run to its end; then a second run (nothing changed: the overlap only).
 * Next to it, in the same run: the stand-in's own speed (the same pages read over HTTP, applied nowhere), and
 * PostgreSQL's own speed writing the same rows (one INSERT … SELECT each of the work items and their id map, rolled back).
 *
 * java -cp <postgresql.jar> bench/PosBench.java <api base> <jdbc url> <db user> <db password> [orders]
 */
public class PosBench {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public static void main(String[] args) throws Exception {
        String api = args[0];
        int orders = args.length > 4 ? Integer.parseInt(args[4]) : 10_000;
        try (Connection db = DriverManager.getConnection(args[1], args[2], args[3])) {
            String tenant = single(db, "select id::text from tenants where external_org_id = 'maple'");
            String owner = token(api, "owner@maple.test", "maple");
            String square = "EAAAbench" + UUID.randomUUID().toString().replace("-", "");
            String shop = send(api, null, "POST", "/app/test-mode/square/control/seed",
                    "{\"access_token\":\"" + square + "\",\"customers\":500,\"orders\":" + orders + ",\"refunds\":0}");
            String location = field(shop, "location_id");

            long start = System.nanoTime();
            int pages = readPages(api, square, location);
            double fetchSeconds = (System.nanoTime() - start) / 1e9;

            send(api, owner, "PUT", "/api/v1/settings/square", "{\"access_token\":\"" + square + "\",\"location_id\":\"" + location + "\"}");
            start = System.nanoTime();
            String first = sync(api, owner);
            double syncSeconds = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            String second = sync(api, owner);
            double againSeconds = (System.nanoTime() - start) / 1e9;
            long synced = Long.parseLong(single(db, "select count(*) from external_entity_map where tenant_id = ?::uuid"
                    + " and provider = 'SQUARE' and entity_type = 'ORDER' and external_id like ?", tenant, "ORD" + field(shop, "merchant_id").substring(2, 8) + "%"));

            double sqlSeconds = sql(db, tenant, orders);
            sqlSeconds = Math.min(sqlSeconds, sql(db, tenant, orders));
            System.out.printf("orders in the shop: %,d (+500 customers); pages of 100 read: %d; orders synced: %,d%n", orders, pages, synced);
            System.out.printf("stand-in alone (the same pages over HTTP, applied nowhere): %.2f s%n", fetchSeconds);
            System.out.printf("PostgreSQL alone (INSERT ... SELECT of the rows and their id map, rolled back): %.2f s%n", sqlSeconds);
            System.out.printf("POS sync, first run (Sync now to its end): %.2f s = %.0f orders/s, x%.1f stand-in + SQL; done %s, failed %s%n",
                    syncSeconds, orders / syncSeconds, syncSeconds / (fetchSeconds + sqlSeconds), number(first, "done"), number(first, "failed"));
            System.out.printf("POS sync, second run (nothing new): %.2f s, done %s%n", againSeconds, number(second, "done"));
            if (synced != orders || !"0".equals(number(second, "done"))) {
                throw new IllegalStateException("expected every order once and nothing on the second run");
            }
        }
    }

    /** Every page of the shop's orders, as the sync asks for them, read and thrown away. */
    static int readPages(String api, String square, String location) throws Exception {
        String cursor = null;
        int pages = 0;
        do {
            String body = "{\"location_ids\":[\"" + location + "\"],\"limit\":100" + (cursor == null ? "" : ",\"cursor\":\"" + cursor + "\"")
                    + ",\"query\":{\"filter\":{\"date_time_filter\":{\"updated_at\":{\"end_at\":\"" + java.time.Instant.now() + "\"}}},"
                    + "\"sort\":{\"sort_field\":\"UPDATED_AT\",\"sort_order\":\"ASC\"}}}";
            String page = HTTP.send(HttpRequest.newBuilder(URI.create(api + "/app/test-mode/square/v2/orders/search"))
                    .header("Authorization", "Bearer " + square).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = Pattern.compile("\"cursor\":\"([^\"]+)\"").matcher(page);
            cursor = m.find() ? m.group(1) : null;
            pages++;
        } while (cursor != null);
        return pages;
    }

    /** Sync now, waited for to its end; the run as the API answers it. */
    static String sync(String api, String owner) throws Exception {
        String run = field(send(api, owner, "POST", "/api/v1/jobs/pos-sync/run", null), "id");
        while (true) {
            String now = send(api, owner, "GET", "/api/v1/jobs/runs/" + run, null);
            if (!now.contains("\"status\":\"STARTED\"")) {
                if (!now.contains("\"status\":\"COMPLETED\"")) {
                    throw new IllegalStateException("the sync did not complete: " + now);
                }
                return now;
            }
            Thread.sleep(100);
        }
    }

    /** The same rows written by PostgreSQL alone: the orders as work items and their id map, in one transaction rolled back. */
    static double sql(Connection db, String tenant, int orders) throws Exception {
        db.setAutoCommit(false);
        try (PreparedStatement items = db.prepareStatement("insert into work_items (id, tenant_id, type, title, description, status,"
                + " source, labels_json) select gen_random_uuid(), ?::uuid, 'ORDER', 'Square sale S-' || g || ': 1 x Candle',"
                + " '1 x Candle - 18.00' || chr(10) || 'Total 18.00 USD', 'DONE', 'POS_SYNC',"
                + " jsonb_build_object('external_order_id', 'SQLBENCH' || g) from generate_series(1, ?) g");
             PreparedStatement map = db.prepareStatement("insert into external_entity_map (id, tenant_id, provider, entity_type,"
                     + " external_id, internal_id) select gen_random_uuid(), tenant_id, 'SQUARE', 'ORDER', labels_json ->> 'external_order_id',"
                     + " id from work_items where tenant_id = ?::uuid and labels_json ->> 'external_order_id' like 'SQLBENCH%'")) {
            long start = System.nanoTime();
            items.setString(1, tenant);
            items.setInt(2, orders);
            items.executeUpdate();
            map.setString(1, tenant);
            map.executeUpdate();
            double seconds = (System.nanoTime() - start) / 1e9;
            db.rollback();
            return seconds;
        } finally {
            db.setAutoCommit(true);
        }
    }

    static String token(String api, String user, String business) throws Exception {
        return field(send(api, null, "POST", "/api/v1/auth/token", "{\"username\":\"" + user + "\",\"password\":\"demo\",\"business\":\""
                + business + "\"}"), "access_token");
    }

    static String send(String api, String token, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + path)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + ": " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    static String single(Connection db, String sql, String... params) throws Exception {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setString(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + ": " + json);
        }
        return m.group(1);
    }

    static String number(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(\\d+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + ": " + json);
        }
        return m.group(1);
    }
}
