import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Invoice creation through the API and Stripe webhook ingestion (each event delivered 3 times, in
 * shuffled order, 4 at a time), next to raw JDBC inserts of the same rows in the same run. Checks
 * that the webhook made exactly one payment per event. See docs/performance.md.
 *
 * java -cp <postgresql.jar> bench/MoneyBench.java <api base> <jdbc url> <db user> <db password> <webhook secret> [invoices]
 */
public class MoneyBench {

    static final int THREADS = 4;

    public static void main(String[] args) throws Exception {
        String api = args[0];
        String secret = args[4];
        int n = args.length > 5 ? Integer.parseInt(args[5]) : 1000;
        String run = UUID.randomUUID().toString().substring(0, 8);
        url = args[1];
        user = args[2];
        password = args[3];
        try (Connection db = DriverManager.getConnection(url, user, password)) {
            String tenant = single(db, "select id::text from tenants where external_org_id = 'northside'");
            String token = token(api, "owner@northside.test");
            String contact = field(call("POST", api + "/api/v1/contacts", token,
                    "{\"display_name\":\"Bench payer " + run + "\"}", null), "id");
            String body = "{\"contact_id\":\"" + contact + "\",\"tax_code\":\"HST\",\"line_items\":[{\"name\":\"Service\",\"qty\":1,\"rate\":200},"
                    + "{\"name\":\"Parts\",\"qty\":3,\"rate\":\"12.50\"}]}";
            // warm up both paths
            for (int i = 0; i < 20; i++) {
                call("POST", api + "/api/v1/invoices", token, body, null);
            }
            insertInvoices(db, tenant, contact, run + "w", 20);

            List<String[]> invoices = Collections.synchronizedList(new ArrayList<>());
            double apiInvoices = rate(n, i -> {
                String made = call("POST", api + "/api/v1/invoices", token, body, null);
                invoices.add(new String[] {field(made, "id"), field(made, "total")});
            });
            double sqlInvoices = rate(n, i -> insertInvoice(db, tenant, contact, run + "-" + i));

            List<String> deliveries = new ArrayList<>();
            List<String> events = new ArrayList<>();
            for (int i = 0; i < invoices.size(); i++) {
                String event = event("evt_bench_" + run + "_" + i, invoices.get(i)[0], "pi_bench_" + run + "_" + i,
                        new BigDecimal(invoices.get(i)[1]).movePointRight(2).longValueExact());
                events.add(event);
                deliveries.addAll(List.of(event, event, event));
            }
            Collections.shuffle(deliveries, new Random(7));
            long started = System.nanoTime();
            rate(deliveries.size(), i -> {
                String event = deliveries.get(i);
                String answer = call("POST", api + "/api/v1/webhooks/stripe", null, event, signature(event, secret));
                if (!answer.contains("\"received\":true")) {
                    throw new IllegalStateException(answer);
                }
            });
            double apiEvents = events.size() / ((System.nanoTime() - started) / 1e9);
            double sqlEvents = rate(events.size(), i -> insertPayment(db, tenant, run, i, events.get(i)));

            // what this machine allows whatever the processing: a delivery of an event already stored (the signature
            // checked, one statement), and a request that reaches no application code at all
            double repeats = rate(events.size(), i -> {
                String event = events.get(i);
                call("POST", api + "/api/v1/webhooks/stripe", null, event, signature(event, secret));
            });
            double bare = rate(events.size(), i -> call("GET", api + "/health/live", null, null, null));

            long payments = Long.parseLong(single(db, "select count(*) from payments where provider = 'STRIPE'"
                    + " and provider_payment_id like 'pi_bench_" + run + "_%'"));
            long paid = Long.parseLong(single(db, "select count(*) from invoices where status = 'PAID' and id in"
                    + " (select invoice_id from payments where provider_payment_id like 'pi_bench_" + run + "_%')"));
            System.out.printf("%nMoney bench, %d invoices, %d threads%n", n, THREADS);
            report("invoice creation (2 lines, HST)", apiInvoices, sqlInvoices, "invoices/s");
            report("webhook ingestion (3 deliveries each)", apiEvents, sqlEvents, "events/s");
            System.out.printf("  webhook: %d events, %d deliveries -> %d payments, %d invoices paid, duplicates %d%n",
                    events.size(), deliveries.size(), payments, paid, payments - events.size());
            System.out.printf("  ceiling here: a repeated delivery %.0f/s, GET /health/live %.0f/s -> at 3 deliveries per event"
                    + " at most %.0f events/s if every first delivery cost no more than a repeat%n", repeats, bare, repeats / 3);
            db.createStatement().execute("delete from payments where provider_payment_id like 'pi_raw_" + run + "%';"
                    + " delete from webhook_events where provider_event_id like 'evt_raw_" + run + "%';"
                    + " delete from invoices where invoice_number like 'BENCH-" + run + "%'");
        }
    }

    interface Work {
        void run(int i) throws Exception;
    }

    /** Runs n pieces of work on THREADS threads; answers how many per second. */
    static double rate(int n, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long started = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            done.add(pool.submit(() -> {
                work.run(k);
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        return n / ((System.nanoTime() - started) / 1e9);
    }

    static void report(String what, double api, double sql, String unit) {
        System.out.printf("  %-40s API %8.1f %s   raw JDBC %8.1f %s   JDBC/API %.1fx%n", what, api, unit, sql, unit, sql / api);
    }

    static void insertInvoices(Connection db, String tenant, String contact, String prefix, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            insertInvoice(db, tenant, contact, prefix + "-" + i);
        }
    }

    /** The row the API writes, as one INSERT (the number is not allocated: raw SQL has no numbering). */
    static void insertInvoice(Connection db, String tenant, String contact, String suffix) throws Exception {
        Connection c = connection();
        try (PreparedStatement ps = c.prepareStatement("insert into invoices (id, tenant_id, invoice_number, contact_id, issue_date,"
                     + " due_date, currency, subtotal, tax_total, total, amount_due, line_items, created_by) values (gen_random_uuid(),"
                     + " ?::uuid, ?, ?::uuid, current_date, current_date + 14, 'CAD', 237.50, 30.88, 268.38, 268.38, ?::jsonb, 'bench')")) {
            ps.setString(1, tenant);
            ps.setString(2, "BENCH-" + suffix);
            ps.setString(3, contact);
            ps.setString(4, "{\"v\":1,\"lines\":[{\"name\":\"Service\",\"qty\":1,\"rate\":200},{\"name\":\"Parts\",\"qty\":3,\"rate\":12.5}]}");
            ps.executeUpdate();
        }
    }

    /** What the webhook stores and changes, as raw SQL in one transaction: the event, the payment, the invoice. */
    static void insertPayment(Connection db, String tenant, String run, int i, String event) throws Exception {
        Connection c = connection();
        c.setAutoCommit(false);
        try {
            String invoice;
            try (PreparedStatement ps = c.prepareStatement("select id::text from invoices where tenant_id = ?::uuid and invoice_number = ? for update")) {
                ps.setString(1, tenant);
                ps.setString(2, "BENCH-" + run + "-" + i);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    invoice = rs.getString(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("insert into webhook_events (id, tenant_id, provider, provider_event_id,"
                    + " event_type, payload, status, processed_at) values (gen_random_uuid(), ?::uuid, 'STRIPE', ?, 'checkout.session.completed',"
                    + " ?::jsonb, 'PROCESSED', now())")) {
                ps.setString(1, tenant);
                ps.setString(2, "evt_raw_" + run + "_" + i);
                ps.setString(3, event);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("insert into payments (id, tenant_id, invoice_id, provider, provider_payment_id,"
                    + " status, amount, currency, paid_at) values (gen_random_uuid(), ?::uuid, ?::uuid, 'STRIPE', ?, 'SUCCEEDED', 268.38, 'CAD', now())")) {
                ps.setString(1, tenant);
                ps.setString(2, invoice);
                ps.setString(3, "pi_raw_" + run + "_" + i);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("update invoices set amount_paid = total, amount_due = 0, status = 'PAID' where id = ?::uuid")) {
                ps.setString(1, invoice);
                ps.executeUpdate();
            }
            c.commit();
        } finally {
            c.setAutoCommit(true);
        }
    }

    static String event(String id, String invoice, String intent, long amount) {
        return "{\"id\":\"" + id + "\",\"object\":\"event\",\"api_version\":null,\"created\":" + Instant.now().getEpochSecond()
                + ",\"livemode\":false,\"pending_webhooks\":1,\"request\":{\"id\":null,\"idempotency_key\":null},"
                + "\"type\":\"checkout.session.completed\",\"account\":\"acct_demo_northside\",\"data\":{\"object\":{\"id\":\"cs_test_"
                + intent + "\",\"object\":\"checkout.session\",\"amount_total\":" + amount + ",\"currency\":\"cad\",\"mode\":\"payment\","
                + "\"payment_status\":\"paid\",\"status\":\"complete\",\"payment_intent\":\"" + intent + "\",\"metadata\":{\"invoice_id\":\""
                + invoice + "\"}}}}";
    }

    static String signature(String body, String secret) throws Exception {
        long t = Instant.now().getEpochSecond();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    /** One client per worker thread (bench/Http.java). */
    static final ThreadLocal<Http> CLIENTS = ThreadLocal.withInitial(Http::new);

    static String call(String method, String url, String token, String body, String signature) throws Exception {
        String headers = (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
                + (signature == null ? "" : "Stripe-Signature: " + signature + "\r\n");
        Http.Reply reply = CLIENTS.get().send(method, url, headers, body);
        if (reply.status() / 100 != 2) {
            throw new IllegalStateException(method + " " + url + " -> " + reply.status() + " " + reply.body());
        }
        return reply.body();
    }

    static String token(String api, String user) throws Exception {
        return field(call("POST", api + "/api/v1/auth/token", null, "{\"username\":\"" + user + "\",\"password\":\"demo\"}", null),
                "access_token");
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    static String url;
    static String user;
    static String password;
    /** One connection per worker thread, as a pool would give. */
    static final ThreadLocal<Connection> CONNECTIONS = new ThreadLocal<>();

    static Connection connection() throws Exception {
        if (CONNECTIONS.get() == null) {
            CONNECTIONS.set(DriverManager.getConnection(url, user, password));
        }
        return CONNECTIONS.get();
    }

    static String single(Connection db, String sql) throws Exception {
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
