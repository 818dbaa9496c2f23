import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Automatic payment reminders over 100,000 invoices in 100 businesses (issue 16), against the stack of ./smbhub run.
 * The owner of the demo business northside gets 100 businesses "AR bench NNN" (once), each with reminders on (days
 * 3, 7, 14) and 1,000 invoices issued over two years, 30 days to pay, most paid: the older an invoice is past due, the
 * fewer stay unpaid. Two days are measured, each started as 100 "Run now" at once and timed to the last run's end:
 * <ul>
 * <li><b>daily</b>: every unpaid invoice is at the stage it reached yesterday, so the run sends only the reminders
 * that fall due today — the job's ordinary day, which the target is for;</li>
 * <li><b>catch-up</b>: reminders just turned on, every unpaid invoice past due gets the stage due now (one mail each).</li>
 * </ul>
 * Next to each, in the same run, PostgreSQL's own speed at the same outcome: one transaction that picks the due
 * invoices of the 100 businesses, claims their stage, moves their stage and logs a mail each (rolled back).
 *
 * java -cp <postgresql.jar> bench/ArBench.java <api base> <jdbc url> <db user> <db password> [businesses] [invoices each]
 */
public class ArBench {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    /** The stage an invoice {@code d} days past due has reached, with reminders 3, 7 and 14 days after the due date. */
    static final String STAGE = "case when %1$s >= 14 then 'FINAL' when %1$s >= 7 then 'REMINDER_2' when %1$s >= 3"
            + " then 'REMINDER_1' else 'NONE' end";
    static final String RANK = "array_position(array['NONE', 'REMINDER_1', 'REMINDER_2', 'FINAL'], %s)";

    public static void main(String[] args) throws Exception {
        String api = args[0];
        int businesses = args.length > 4 ? Integer.parseInt(args[4]) : 100;
        int invoices = args.length > 5 ? Integer.parseInt(args[5]) : 1000;
        try (Connection db = DriverManager.getConnection(args[1], args[2], args[3])) {
            Map<String, String> tokens = businesses(api, db, businesses); // tenant id → token
            List<String> tenants = new ArrayList<>(tokens.keySet());
            fill(db, tenants, invoices);
            long total = count(db, "select count(*) from invoices where tenant_id = any (?::uuid[])", tenants);
            System.out.printf("%,d invoices in %d businesses; unpaid past due: %,d%n", total, tenants.size(),
                    count(db, "select count(*) from invoices where tenant_id = any (?::uuid[]) and status = 'SENT'"
                            + " and due_date < current_date", tenants));
            for (int warm = 0; warm < 2; warm++) { // warm-up: the first runs load classes and compile the hot path
                prepare(db, tenants, false);
                run(api, db, tokens);
            }
            for (boolean catchUp : new boolean[] {false, true}) {
                prepare(db, tenants, catchUp);
                double sql = sql(db, tenants);
                long due = count(db, "select count(*) from invoices where tenant_id = any (?::uuid[]) and status = 'SENT'"
                        + " and amount_due > 0 and due_date < current_date and " + RANK.formatted(STAGE.formatted("current_date - due_date"))
                        + " > " + RANK.formatted("ar_stage"), tenants);
                long start = System.nanoTime();
                run(api, db, tokens);
                double job = (System.nanoTime() - start) / 1e9;
                long sent = count(db, "select count(*) from ar_reminders where tenant_id = any (?::uuid[])", tenants);
                System.out.printf("%s: %,d reminders due, %,d sent; job (100 Run now to the last run's end) %.2f s"
                        + " = %.1f ms a reminder; SQL alone %.3f s (x%.0f)%n", catchUp ? "catch-up" : "daily", due, sent, job,
                        sent == 0 ? 0 : job * 1000 / sent, sql, job / sql);
                if (sent != due) {
                    throw new IllegalStateException(due + " reminders due but " + sent + " sent");
                }
            }
            System.out.println("target: the daily run over 100,000 invoices in 100 businesses under 10 s");
        }
    }

    /**
     * The bench businesses (made once, reminders on), each with a token of its own. A person may belong to 20 businesses,
     * so they are started by bench owners, 19 each: accounts copied from northside's owner (same password, address
     * verified), each a viewer of northside only while it starts its businesses.
     */
    static Map<String, String> businesses(String api, Connection db, int wanted) throws Exception {
        Map<String, String> tokens = new LinkedHashMap<>();
        try {
            for (int n = 1; n <= wanted; n++) {
                String owner = "ar-bench-" + (n - 1) / 19 + "@bench.example";
                update(db, "insert into users select (json_populate_record(null::users, (to_jsonb(u) || jsonb_build_object('id',"
                        + " gen_random_uuid(), 'email', ?, 'display_name', 'AR bench owner', 'email_verified_at', now(),"
                        + " 'platform_role', null))::json)).* from users u where u.email = 'owner@northside.test'"
                        + " and not exists (select 1 from users where email = ?)", List.of(owner, owner));
                String name = String.format("AR bench %03d", n);
                String member = "select t.external_org_id from tenants t join tenant_members m on m.tenant_id = t.id"
                        + " join users u on u.id = m.user_id where u.email = ? and m.deleted_at is null";
                String org = single(db, member + " and t.name = ?", List.of(owner, name));
                if (org == null) {
                    update(db, "insert into tenant_members (id, tenant_id, user_id, role) select gen_random_uuid(), t.id, u.id,"
                            + " 'VIEWER' from tenants t, users u where t.external_org_id = 'northside' and u.email = ?"
                            + " and not exists (select 1 from tenant_members m where m.user_id = u.id and m.deleted_at is null)",
                            List.of(owner));
                    String starter = token(api, owner, single(db, member + " order by t.name limit 1", List.of(owner)));
                    org = field(send(api, starter, "POST", "/api/v1/businesses", "{\"name\":\"" + name + "\","
                            + "\"profile_id\":\"general\",\"country\":\"CA\",\"timezone\":\"UTC\",\"currency\":\"CAD\"}"), "id");
                }
                String token = token(api, owner, org);
                String settings = send(api, token, "GET", "/api/v1/settings/business", null);
                if (!settings.contains("\"ar_enabled\":true")) {
                    send(api, token, "PATCH", "/api/v1/settings/business", "{\"ar_enabled\":true,\"ar_days\":[3,7,14],"
                            + "\"ar_send_hour\":0,\"if_match_version\":" + number(settings, "version") + "}");
                }
                tokens.put(single(db, "select id::text from tenants where external_org_id = ?", List.of(org)), token);
            }
        } finally {
            update(db, "update tenant_members set status = 'DISABLED', deleted_at = now() where role = 'VIEWER' and deleted_at is null"
                    + " and tenant_id = (select id from tenants where external_org_id = 'northside') and user_id in"
                    + " (select id from users where email like 'ar-bench-%@bench.example')", List.of());
        }
        return tokens;
    }

    /**
     * {@code invoices} per business issued evenly over two years, 30 days to pay; every 50th void, every 50th draft; of
     * the rest, the share still unpaid falls with the days past due (60 % at under a week, 2 % after three months).
     */
    static void fill(Connection db, List<String> tenants, int invoices) throws Exception {
        for (String tenant : tenants) {
            if (count(db, "select count(*) from invoices where tenant_id = any (?::uuid[])", List.of(tenant)) >= invoices) {
                continue;
            }
            var s = db.createStatement();
            s.execute("insert into contacts (id, tenant_id, display_name, email, created_by) select gen_random_uuid(), '" + tenant
                    + "', 'AR bench client ' || g, 'arb' || g || '-' || left('" + tenant + "', 8) || '@bench.example', 'ar-bench'"
                    + " from generate_series(1, 200) g");
            s.execute("with i as (select g, current_date - (g * 730 / " + invoices + ") as issued, (g * 37) % 100 as luck"
                    + " from generate_series(1, " + invoices + ") g), s as (select i.*, current_date - (issued + 30) as late,"
                    + " case when g % 50 = 0 then 'VOID' when g % 50 = 1 then 'DRAFT' when (g * 37) % 100 < case"
                    + " when current_date - (issued + 30) < 0 then 70 when current_date - (issued + 30) < 7 then 60"
                    + " when current_date - (issued + 30) < 14 then 35 when current_date - (issued + 30) < 30 then 20"
                    + " when current_date - (issued + 30) < 90 then 8 else 2 end then 'SENT' else 'PAID' end as status from i)"
                    + " insert into invoices (id, tenant_id, invoice_number, status, contact_id, issue_date, due_date, currency,"
                    + " subtotal, tax_total, total, amount_paid, amount_due, line_items, last_sent_at, created_by)"
                    + " select gen_random_uuid(), '" + tenant + "', 'ARB-' || g, status, (select id from contacts where tenant_id = '"
                    + tenant + "' and created_by = 'ar-bench' order by id offset g % 200 limit 1), issued, issued + 30, 'CAD',"
                    + " 237.50, 30.88, 268.38, case when status = 'PAID' then 268.38 else 0 end,"
                    + " case when status in ('SENT') then 268.38 else 0 end, '{\"v\":1,\"lines\":[{\"name\":\"Service\",\"qty\":1,"
                    + "\"rate\":200},{\"name\":\"Parts\",\"qty\":3,\"rate\":12.5}]}', case when status = 'DRAFT' then null"
                    + " else issued::timestamptz end, 'ar-bench' from s");
        }
        db.createStatement().execute("analyze contacts; analyze invoices");
    }

    /** Each unpaid invoice at the stage it reached yesterday (daily), or at none (catch-up); no reminder on record. */
    static void prepare(Connection db, List<String> tenants, boolean catchUp) throws Exception {
        update(db, "delete from ar_reminders where tenant_id = any (?::uuid[])", tenants);
        update(db, "update invoices set ar_stage = " + (catchUp ? "'NONE'" : STAGE.formatted("current_date - 1 - due_date"))
                + " where tenant_id = any (?::uuid[]) and created_by = 'ar-bench'", tenants);
        update(db, "delete from work_items where tenant_id = any (?::uuid[]) and type = 'COLLECTION'", tenants);
        db.createStatement().execute("vacuum analyze invoices");
    }

    /** The same outcome in SQL alone, in one transaction rolled back: due invoices claimed, moved on and a mail logged. */
    static double sql(Connection db, List<String> tenants) throws Exception {
        db.setAutoCommit(false);
        try {
            long start = System.nanoTime();
            update(db, "with due as (select id, tenant_id, contact_id, invoice_number, " + STAGE.formatted("current_date - due_date")
                    + " as stage from invoices where tenant_id = any (?::uuid[]) and status in ('SENT', 'PARTIALLY_PAID')"
                    + " and amount_due > 0 and due_date < current_date and deleted_at is null and "
                    + RANK.formatted(STAGE.formatted("current_date - due_date")) + " > " + RANK.formatted("ar_stage") + " for update),"
                    + " claimed as (insert into ar_reminders (tenant_id, invoice_id, stage, automatic) select tenant_id, id, stage, true"
                    + " from due), moved as (update invoices i set ar_stage = d.stage, last_sent_at = now() from due d where i.id = d.id)"
                    + " insert into mail_log (id, tenant_id, kind, document_id, recipient, subject, status) select gen_random_uuid(),"
                    + " d.tenant_id, 'REMINDER', d.id, c.email, 'Reminder: invoice ' || d.invoice_number, 'SENT'"
                    + " from due d join contacts c on c.id = d.contact_id", tenants);
            return (System.nanoTime() - start) / 1e9;
        } finally {
            db.rollback();
            db.setAutoCommit(true);
        }
    }

    /** "Run now" in every business at once; waits for every run's end. */
    static void run(String api, Connection db, Map<String, String> tokens) throws Exception {
        List<CompletableFuture<HttpResponse<String>>> started = new ArrayList<>();
        HttpClient burst = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(); // no idle connection the server closed
        for (String token : tokens.values()) {
            started.add(burst.sendAsync(request(api, token, "POST", "/api/v1/jobs/ar-reminders/run", ""),
                    HttpResponse.BodyHandlers.ofString()));
        }
        List<String> runs = new ArrayList<>();
        for (var answer : started) {
            HttpResponse<String> r = answer.join();
            if (r.statusCode() != 202) {
                throw new IllegalStateException("Run now: " + r.statusCode() + " " + r.body());
            }
            runs.add(field(r.body(), "id"));
        }
        while (count(db, "select count(*) from job_runs where id = any (?::uuid[]) and status = 'STARTED'", runs) > 0) {
            Thread.sleep(20);
        }
        long failed = count(db, "select count(*) from job_runs where id = any (?::uuid[]) and (status <> 'COMPLETED' or failed > 0)", runs);
        if (failed > 0) {
            throw new IllegalStateException(failed + " runs failed: " + single(db, "select string_agg(coalesce(errors, status), '; ')"
                    + " from job_runs where id = any (?::uuid[]) and (status <> 'COMPLETED' or failed > 0)", runs));
        }
    }

    static String token(String api, String user, String business) throws Exception {
        String body = "{\"username\":\"" + user + "\",\"password\":\"demo\"" + (business == null ? "" : ",\"business\":\"" + business + "\"") + "}";
        return field(HTTP.send(HttpRequest.newBuilder(URI.create(api + "/api/v1/auth/token"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).body(), "access_token");
    }

    static String send(String api, String token, String method, String path, String body) throws Exception {
        HttpResponse<String> r = HTTP.send(request(api, token, method, path, body), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + ": " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    static HttpRequest request(String api, String token, String method, String path, String body) {
        return HttpRequest.newBuilder(URI.create(api + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build();
    }

    static long count(Connection db, String sql, List<String> ids) throws Exception {
        return Long.parseLong(single(db, sql, ids));
    }

    static String single(Connection db, String sql, Object parameter) throws Exception {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            bind(db, s, parameter);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    static void update(Connection db, String sql, List<String> ids) throws Exception {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            bind(db, s, ids);
            s.executeUpdate();
        }
    }

    /** A statement's parameters: the ids as one array ({@code ?::uuid[]}), else each value in turn. */
    static void bind(Connection db, PreparedStatement s, Object parameter) throws Exception {
        List<?> values = parameter instanceof List<?> list ? list : List.of(parameter);
        if (s.toString().contains("::uuid[]")) {
            s.setArray(1, db.createArrayOf("text", values.toArray()));
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            s.setString(i + 1, (String) values.get(i));
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
