import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Contact search and the filtered work-item list through the running API, next to the same SQL over
 * JDBC, in one run. Loads 50,000 contacts and 200,000 work items into each demo business first
 * (once; marked by a tag). See docs/performance.md.
 *
 * java -cp <postgresql.jar> bench/ListBench.java <api base> <jdbc url> <db user> <db password> [requests]
 */
public class ListBench {

    static final int CONTACTS = 50_000;
    static final int WORK_ITEMS = 200_000;
    static final int WARM_UP = 500;

    public static void main(String[] args) throws Exception {
        String api = args[0];
        int requests = args.length > 4 ? Integer.parseInt(args[4]) : 300;
        try (Connection db = DriverManager.getConnection(args[1], args[2], args[3])) {
            for (String org : List.of("northside", "maple")) {
                load(db, org);
            }
            db.createStatement().execute("analyze contacts; analyze work_items");
            String token = token(api, "staff@northside.test");
            String tenant = single(db, "select id::text from tenants where external_org_id = 'northside'");
            Random random = new Random(42);
            List<String> terms = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                terms.add("bench " + (10_000 + random.nextInt(CONTACTS / 10)));
            }
            // warm this client (its HTTP code and the JDBC driver), not the server's list pages: the server warms
            // those itself at deployment (Warmup), so the first run after a restart measures what users get
            for (int i = 0; i < WARM_UP; i++) {
                String term = terms.get(i % terms.size());
                get(api + "/health/live", token);
                contactsSql(db, tenant, term);
                workSql(db, tenant);
            }
            // Each page in its own loop, API and SQL alternating which goes first: a request that follows
            // the other page's heavier search starts with cold caches (about 2 ms more for the work list).
            List<Long> apiContacts = new ArrayList<>(), sqlContacts = new ArrayList<>();
            List<Long> apiWork = new ArrayList<>(), sqlWork = new ArrayList<>();
            for (int i = 0; i < terms.size(); i++) {
                String term = terms.get(i);
                pair(i, apiContacts, () -> get(api + "/api/v1/contacts?limit=20&q=" + enc(term), token),
                        sqlContacts, () -> contactsSql(db, tenant, term));
            }
            for (int i = 0; i < terms.size(); i++) {
                pair(i, apiWork, () -> get(api + "/api/v1/work-items?limit=20&status=NEW&priority=HIGH", token),
                        sqlWork, () -> workSql(db, tenant));
            }
            report("contact search (q, 20 per page)", apiContacts, sqlContacts);
            report("work-item list (status+priority, 20 per page)", apiWork, sqlWork);
        }
    }

    static void load(Connection db, String org) throws Exception {
        String tenant = single(db, "select id::text from tenants where external_org_id = '" + org + "'");
        if (Integer.parseInt(single(db, "select count(*) from contacts where tenant_id = '" + tenant + "' and 'bench' = any(tags)")) >= CONTACTS) {
            return;
        }
        System.out.println("Loading " + CONTACTS + " contacts and " + WORK_ITEMS + " work items into " + org + " ...");
        db.createStatement().execute("insert into contacts (id, tenant_id, display_name, email, phone, tags, created_by)"
                + " select gen_random_uuid(), '" + tenant + "', 'Bench ' || (10000 + g), 'bench' || g || '@" + org + ".bench',"
                + " '+1416' || lpad(g::text, 7, '0'), '{bench}', 'bench' from generate_series(1, " + CONTACTS + ") g");
        db.createStatement().execute("insert into work_items (id, tenant_id, title, status, priority, type, due_at, created_at, created_by)"
                + " select gen_random_uuid(), '" + tenant + "', 'Bench job ' || g,"
                + " (array['NEW','IN_PROGRESS','WAITING','DONE','CANCELED'])[1 + g % 5],"
                + " (array['LOW','NORMAL','HIGH','URGENT'])[1 + g % 4], 'REQUEST',"
                + " now() + ((g % 60) - 30) * interval '1 day', now() - g * interval '1 minute', 'bench'"
                + " from generate_series(1, " + WORK_ITEMS + ") g");
    }

    /** The SQL the service runs for a search page (EclipseLink's statement, with the tenant filter). */
    static void contactsSql(Connection db, String tenant, String term) throws Exception {
        try (PreparedStatement ps = db.prepareStatement("select * from contacts where tenant_id = ?::uuid and deleted_at is null"
                + " and (lower(display_name) like ? or lower(email) like ?) order by lower(display_name), id limit 21")) {
            ps.setString(1, tenant);
            ps.setString(2, "%" + term + "%");
            ps.setString(3, "%" + term + "%");
            drain(ps.executeQuery());
        }
    }

    static void workSql(Connection db, String tenant) throws Exception {
        try (PreparedStatement ps = db.prepareStatement("select * from work_items where tenant_id = ?::uuid and deleted_at is null"
                + " and status = 'NEW' and priority = 'HIGH' order by created_at desc, id desc limit 21")) {
            ps.setString(1, tenant);
            drain(ps.executeQuery());
        }
    }

    /** Reads every column of every row, as the API must to answer. */
    static void drain(ResultSet rs) throws Exception {
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
            for (int c = 1; c <= columns; c++) {
                rs.getObject(c);
            }
        }
    }

    interface Work {
        void run() throws Exception;
    }

    /** Times both, the API first on even rounds and the SQL first on odd ones. */
    static void pair(int round, List<Long> apiTimes, Work api, List<Long> sqlTimes, Work sql) throws Exception {
        if (round % 2 == 0) {
            apiTimes.add(time(api));
            sqlTimes.add(time(sql));
        } else {
            sqlTimes.add(time(sql));
            apiTimes.add(time(api));
        }
    }

    static long time(Work work) throws Exception {
        long start = System.nanoTime();
        work.run();
        return System.nanoTime() - start;
    }

    static void report(String what, List<Long> api, List<Long> sql) {
        double apiP50 = pct(api, 50), apiP95 = pct(api, 95), sqlP50 = pct(sql, 50), sqlP95 = pct(sql, 95);
        System.out.printf("%-48s API p50 %6.1f ms p95 %6.1f ms | raw SQL p50 %6.1f ms p95 %6.1f ms | ratio p95 %.1fx%n",
                what, apiP50, apiP95, sqlP50, sqlP95, apiP95 / sqlP95);
    }

    static double pct(List<Long> samples, int p) {
        List<Long> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }

    static final HttpClient HTTP = HttpClient.newHttpClient();

    static final Http CLIENT = new Http();

    /** One GET over the kept-alive client (bench/Http.java); anything but 200 stops the run. */
    static String get(String url, String token) throws Exception {
        Http.Reply reply = CLIENT.send("GET", url, "Authorization: Bearer " + token + "\r\n", null);
        if (reply.status() != 200) {
            throw new IllegalStateException(url + " -> " + reply.status() + " " + reply.body());
        }
        return reply.body();
    }

    static String token(String api, String user) throws Exception {
        String body = HTTP.send(HttpRequest.newBuilder(URI.create(api + "/api/v1/auth/token"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + user + "\",\"password\":\"demo\"}")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no token: " + body);
        }
        return m.group(1);
    }

    static String single(Connection db, String sql) throws Exception {
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
