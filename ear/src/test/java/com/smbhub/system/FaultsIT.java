package com.smbhub.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Faults a running business survives, on a stack of this class's own (other ports, its own data), so
 * the shared system-test stack is never harmed: PostgreSQL restarted under a steady load of writes,
 * the mail server gone, Stripe answering 500 or not at all, the file store full, Payara killed mid-request.
 * (And what only a stack started like {@code ./smbhub run} has: its admin console speaks HTTPS only.) Every write
 * that was acknowledged is there afterwards, nothing is half-written, numbering stays gapless.
 */
class FaultsIT {

    private static final Path ROOT = OwnStack.ROOT;
    // below 32768: ports in Linux's ephemeral range can be taken by any outgoing connection of the suite
    private static final int PORT_BASE = Integer.parseInt(System.getenv().getOrDefault("SMBHUB_IT_PORT_BASE", "28000")) - 16_000;
    private static final int DB_PORT = PORT_BASE - 2_567;
    private static final String BASE = "http://localhost:" + (PORT_BASE + 80);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final AtomicReference<String> STRIPE = new AtomicReference<>("pass");

    private static Path work;
    private static OwnStack stack;
    private static HttpServer stripe;
    private static String owner;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    record Reply(int status, JsonObject json) {
        JsonObject data() {
            return json.getJsonObject("data");
        }

        String code() {
            return json.getJsonObject("error").getString("code");
        }
    }

    @BeforeAll
    static void ownStack() throws Exception {
        work = Files.createDirectories(ROOT.resolve("ear/target/faults-" + UUID.randomUUID().toString().substring(0, 8)));
        stripe = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stripe.setExecutor(Executors.newCachedThreadPool());
        stripe.createContext("/", exchange -> {
            try (exchange) {
                switch (STRIPE.get()) {
                    case "fail" -> {
                        byte[] body = "{\"error\":{\"type\":\"api_error\",\"message\":\"Internal error\"}}".getBytes();
                        exchange.sendResponseHeaders(500, body.length);
                        exchange.getResponseBody().write(body);
                    }
                    case "hang" -> {
                        sleep(30_000);
                        exchange.sendResponseHeaders(504, -1);
                    }
                    default -> forward(exchange);
                }
            }
        });
        stripe.start();
        stack = new OwnStack(work.resolve("var"), PORT_BASE, DB_PORT);
        start();
        owner = token("owner@northside.test");
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            stack.ok(work.resolve("stop.log"), Map.of(), "stop");
        } finally {
            stripe.stop(0);
            Path logs = work.resolve("var/domains/smbhub/logs");
            if (Files.isDirectory(logs)) { // kept for a look at what failed
                try (var each = Files.list(logs)) {
                    for (Path log : each.filter(f -> f.getFileName().toString().startsWith("server.log")).toList()) {
                        Files.copy(log, work.resolve(log.getFileName()));
                    }
                }
            }
            OwnStack.delete(work.resolve("var"));
        }
    }

    @Test
    void aDatabaseRestartUnderLoadLosesNoAcknowledgedWriteAndThePoolRecoversWithoutRestartingPayara() throws Exception {
        String payara = payaraPid();
        Load load = new Load(() -> call("POST", "/api/v1/contacts", owner,
                "{\"display_name\":\"Steady " + run + " " + UUID.randomUUID() + "\"}"));
        load.start(4);
        sleep(1_500);
        ProcessBuilder restart = new ProcessBuilder(asDatabaseUser(pgCtl(), "-D", work.resolve("var/pgdata").toString(),
                "-m", "fast", "-w", "restart")).redirectErrorStream(true).redirectOutput(work.resolve("pg-restart.log").toFile());
        assertEquals(0, restart.start().waitFor(), "pg_ctl restart");
        Instant restarted = Instant.now();
        load.awaitAcknowledged(restarted, Duration.ofSeconds(60));
        load.stop();
        assertEquals(payara, payaraPid(), "Payara was not restarted");
        assertTrue(load.acknowledged.size() > 10, load.acknowledged.size() + " writes acknowledged");
        for (String id : load.acknowledged) {
            assertEquals(200, call("GET", "/api/v1/contacts/" + id, owner, null).status(), "acknowledged contact " + id);
        }
        List<Reply> other = load.refusals.stream().filter(r -> r.status() != 503 || !r.code().equals("UNAVAILABLE")).toList();
        assertTrue(other.isEmpty(), "during the restart, besides " + (load.refusals.size() - other.size())
                + " × 503 UNAVAILABLE: " + other + "\nserver log:\n" + serverLog(other));
    }

    @Test
    void withTheMailServerGoneSendingFailsCleanlyAndWorksAgainWhenItIsBack() throws Exception {
        String invoice = invoice(contact("mail." + run + "@example.com"));
        ProcessHandle.of(Long.parseLong(Files.readString(work.resolve("var/greenmail.pid")).trim())).orElseThrow().destroy();
        sleep(1_000);
        Reply refused = call("POST", "/api/v1/invoices/" + invoice + "/send", owner, "{}");
        assertEquals(502, refused.status(), refused.json().toString());
        assertEquals("PROVIDER_ERROR", refused.code());
        assertEquals("DRAFT", call("GET", "/api/v1/invoices/" + invoice, owner, null).data().getString("status"));
        start();
        Reply sent = call("POST", "/api/v1/invoices/" + invoice + "/send", owner, "{}");
        assertEquals(200, sent.status(), sent.json().toString());
        assertEquals("SENT", sent.data().getString("status"));
    }

    @Test
    void whenStripeFailsOrHangsPaymentLinksFailCleanlyAndWebhooksKeepFlowing() throws Exception {
        String invoice = sentInvoice();
        try {
            STRIPE.set("fail");
            Reply failed = call("POST", "/api/v1/invoices/" + invoice + "/payment-link", owner, null);
            assertEquals(502, failed.status(), failed.json().toString());
            assertEquals("PROVIDER_ERROR", failed.code());
            STRIPE.set("hang");
            Reply slow = call("POST", "/api/v1/invoices/" + invoice + "/payment-link", owner, null);
            assertEquals(502, slow.status(), slow.json().toString());
            assertTrue(call("GET", "/api/v1/invoices/" + invoice, owner, null).data().isNull("payment_link_url"));

            String event = StripeWebhooksIT.sessionEvent(StripeWebhooksIT.eventId(), "checkout.session.completed",
                    "acct_demo_northside", invoice, "pi_" + run, 11_300, "paid");
            String secret = "whsec_" + Files.readString(work.resolve("var/stripe-webhook-secret")).trim();
            HttpResponse<String> delivered = HTTP.send(HttpRequest.newBuilder(URI.create(BASE + "/api/v1/webhooks/stripe"))
                    .header("Content-Type", "application/json").header("Stripe-Signature",
                            StripeWebhooksIT.signature(event, secret, Instant.now().getEpochSecond()))
                    .POST(HttpRequest.BodyPublishers.ofString(event)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, delivered.statusCode(), delivered.body());
            assertEquals("PAID", call("GET", "/api/v1/invoices/" + invoice, owner, null).data().getString("status"));
        } finally {
            STRIPE.set("pass");
        }
        String next = sentInvoice();
        Reply link = call("POST", "/api/v1/invoices/" + next + "/payment-link", owner, null);
        assertEquals(200, link.status(), "Stripe back: " + link.json());
    }

    /**
     * Payara killed with kill -9 in the middle of everything at once (one restart for all of it: a start takes a minute):
     * invoices being written, an export and a reminders run on, a mailbox being read that has just come through a mail
     * server outage. Once it is back: every acknowledged invoice is whole and numbering has no gap; each run ends once
     * (every late invoice reminded once — a reminder the mail server took in the instant before the kill goes again under
     * the same Message-ID —, one export with every row, one "ready", the killed execution failed and its restart
     * completed); the schedule's persistent timer, set back an hour while the server is down, fires once at start for
     * the quarters it missed; what the kill left in the file store's .incoming/ is deleted; and every mail is in the
     * inbox exactly once (after the dead poller's lease of 2 minutes runs out).
     */
    @Test
    void killingPayaraMidWorkLosesNothingAndDoesNothingTwice() throws Exception {
        Runs runs = new Runs(token("owner@maple.test")); // not the business whose invoice numbering is checked
        runs.prepare();
        MailRead mail = readMailThroughAMailServerOutage();
        String contact = contact(null);
        Load load = new Load(() -> call("POST", "/api/v1/invoices", owner, "{\"contact_id\":\"" + contact + "\","
                + "\"tax_code\":\"HST\",\"line_items\":[{\"name\":\"Visit\",\"qty\":1,\"rate\":100},"
                + "{\"name\":\"Parts\",\"qty\":2,\"rate\":25}]}"));
        load.start(4);
        sleep(2_000);
        runs.startAndAwaitAReminder();

        ProcessHandle.of(Long.parseLong(payaraPid())).orElseThrow().destroyForcibly();
        sleep(1_000);
        load.stop();
        runs.whileDown();
        start();

        invoicesWholeAndGapless(load, contact);
        runs.endedOnce();
        mail.everyMessageOnce();
    }

    private void invoicesWholeAndGapless(Load load, String contact) {
        assertTrue(load.acknowledged.size() > 5, load.acknowledged.size() + " invoices acknowledged");
        Set<String> listed = new TreeSet<>();
        Set<Long> numbers = new TreeSet<>();
        String cursor = null;
        do {
            Reply page = call("GET", "/api/v1/invoices?limit=100" + (cursor == null ? "" : "&cursor=" + cursor), owner, null);
            for (var v : page.json().getJsonArray("data")) {
                JsonObject i = v.asJsonObject();
                listed.add(i.getString("id"));
                numbers.add(Long.parseLong(i.getString("number").replaceAll("\\D", "")));
                if (i.getString("contact_id").equals(contact)) {
                    assertEquals("169.50", i.getString("total"), "whole invoice " + i); // 150 + 13 % HST
                }
            }
            JsonObject meta = page.json().getJsonObject("meta");
            cursor = meta.isNull("cursor") ? null : meta.getString("cursor");
        } while (cursor != null);
        assertTrue(listed.containsAll(load.acknowledged), "every acknowledged invoice is there");
        long first = numbers.iterator().next();
        assertEquals(numbers.size(), numbers.stream().mapToLong(Long::longValue).max().orElseThrow() - first + 1,
                "invoice numbers without a gap: " + numbers);
    }

    /** An export and a reminders run of one business, on at the kill. */
    private final class Runs {
        private static final int LATE = 100;
        private static final String SENT = "select count(*) from ar_reminders r join invoices i on i.id = r.invoice_id"
                + " where i.invoice_number like ?";
        private final String token;
        private String template;
        private String export;
        private String reminders;
        private List<Long> killed;
        private List<Path> left;
        private long down;

        Runs(String token) {
            this.token = token;
        }

        /** Reminders on; 100 clients, each with an invoice sent 20 days ago and due 5 days ago; 200,000 records to export. */
        void prepare() throws Exception {
            HttpResponse<String> settings = HTTP.send(HttpRequest.newBuilder(URI.create(BASE + "/api/v1/settings/business"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> on = HTTP.send(HttpRequest.newBuilder(URI.create(BASE + "/api/v1/settings/business"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .header("If-Match", settings.headers().firstValue("ETag").orElseThrow())
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"ar_enabled\":true,\"ar_days\":[3,7,14]}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, on.statusCode(), on.body());
            Reply client = call("POST", "/api/v1/contacts", token, "{\"display_name\":\"Late " + run + "\",\"email\":\"late-" + run
                    + "@example.com\"}");
            assertEquals(201, client.status(), client.json().toString());
            Reply draft = call("POST", "/api/v1/invoices", token, "{\"contact_id\":\"" + client.data().getString("id") + "\","
                    + "\"line_items\":[{\"name\":\"Repair\",\"qty\":1,\"rate\":200}]}");
            assertEquals(201, draft.status(), draft.json().toString());
            template = draft.data().getString("id");
            Reply sentOne = call("POST", "/api/v1/invoices/" + template + "/send", token, "{}");
            assertEquals(200, sentOne.status(), sentOne.json().toString());
            try (Connection db = database()) {
                update(db, "with n as (select g, gen_random_uuid() as contact, gen_random_uuid() as invoice from generate_series(1, "
                        + LATE + ") g), c as (insert into contacts select (json_populate_record(null::contacts, (to_jsonb(c)"
                        + " || jsonb_build_object('id', n.contact, 'email', 'late-' || ? || '-' || n.g || '@example.com',"
                        + " 'display_name', 'Late ' || n.g))::json)).* from contacts c, n where c.id = (select contact_id from invoices"
                        + " where id = cast(? as uuid))) insert into invoices select (json_populate_record(null::invoices, (to_jsonb(i)"
                        + " || jsonb_build_object('id', n.invoice, 'contact_id', n.contact, 'invoice_number', 'L-' || ? || '-' || n.g,"
                        + " 'issue_date', current_date - 20, 'due_date', current_date - 5))::json)).* from invoices i, n"
                        + " where i.id = cast(? as uuid)", run, template, run, template);
                // enough records that writing the export takes a while
                update(db, "insert into work_items select (json_populate_record(null::work_items, (to_jsonb(w)"
                        + " || jsonb_build_object('id', gen_random_uuid()))::json)).* from (select * from work_items where tenant_id ="
                        + " (select tenant_id from invoices where id = cast(? as uuid)) limit 20) w, generate_series(1, 10000)",
                        template);
            }
        }

        void startAndAwaitAReminder() throws Exception {
            export = startRun(token, "/api/v1/export");
            reminders = startRun(token, "/api/v1/jobs/ar-reminders/run");
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            try (Connection db = database()) {
                while (count(db, SENT, "L-" + run + "-%") == 0) {
                    assertTrue(System.nanoTime() < deadline, "no reminder went");
                    sleep(20);
                }
                assertEquals(2, count(db, "select count(*) from job_runs where id in (cast(? as uuid), cast(? as uuid))"
                        + " and status = 'STARTED' and execution_id is not null", export, reminders), "both runs still on at the kill");
                killed = List.of(count(db, "select execution_id from job_runs where id = cast(? as uuid)", export),
                        count(db, "select execution_id from job_runs where id = cast(? as uuid)", reminders));
            }
        }

        /** As if the server had been down for an hour; and a file of the kill's left in .incoming/, old enough to be taken for left behind. */
        void whileDown() throws Exception {
            down = System.currentTimeMillis();
            try (Connection db = database()) {
                long before = count(db, SENT, "L-" + run + "-%");
                assertTrue(before < LATE, before + " reminders went before the kill");
                assertEquals(1, count(db, SCHEDULE_TIMER), "the schedule's one persistent timer, kept in PostgreSQL");
                // the quarter-hour timer, made two hours ago, last fired an hour ago
                update(db, "update \"EJB__TIMER__TBL\" set \"INITIALEXPIRATIONRAW\" = cast(? as bigint), \"LASTEXPIRATIONRAW\" ="
                        + " cast(? as bigint)" + SCHEDULE_TIMER.substring(SCHEDULE_TIMER.indexOf(" where")),
                        String.valueOf(down - 7_200_000), String.valueOf(down - 3_600_000));
            }
            Path incoming = Files.createDirectories(work.resolve("var/files/.incoming"));
            Files.writeString(incoming.resolve("export-planted.zip"), "PK"); // one whatever the kill caught
            try (var each = Files.list(incoming)) {
                left = each.toList();
            }
            for (Path file : left) {
                Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofHours(7))));
            }
        }

        void endedOnce() throws Exception {
            try (Connection db = database()) {
                long caughtUp = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                // the timer service stamps a periodic timer's last expiration when a delivery ends (a slot claim is no sign:
                // the catch-up's minute may be one the last quarter before the kill already claimed)
                while (count(db, SCHEDULE_TIMER + " and \"LASTEXPIRATIONRAW\" >= cast(? as bigint)", String.valueOf(down)) == 0) {
                    assertTrue(System.nanoTime() < caughtUp, "the missed quarters were not caught up at start");
                    sleep(200);
                }
                assertTrue(Files.readString(work.resolve("var/domains/smbhub/logs/server.log"))
                        .contains("Rescheduling missed expiration for periodic timer"), "the timer service caught it up");
                assertEquals(1, count(db, SCHEDULE_TIMER), "still one timer after the restart");
            }
            JsonObject remind = awaitRun(token, reminders);
            JsonObject exported = awaitRun(token, export);
            assertEquals("COMPLETED", remind.getString("status"), remind.toString());
            assertEquals("COMPLETED", exported.getString("status"), exported.toString());
            for (Path file : left) {
                assertFalse(Files.exists(file), file + " was left behind by the killed server and is deleted at start");
            }
            try (Connection db = database()) {
                assertEquals(LATE, count(db, SENT, "L-" + run + "-%"), "every late invoice reminded");
                assertEquals(LATE, count(db, "select count(distinct r.invoice_id) from ar_reminders r join invoices i"
                        + " on i.id = r.invoice_id where i.invoice_number like ? and i.ar_stage = 'REMINDER_1'", "L-" + run + "-%"),
                        "each once, at its stage");
                assertEquals(LATE, count(db, "select count(*) from audit_log a join invoices i on a.entity_id = cast(i.id as text)"
                        + " where a.action = 'invoice.reminder_sent' and i.invoice_number like ?", "L-" + run + "-%"));
                assertEquals(1, count(db, "select count(*) from notifications where kind = 'export.ready' and entity_id = ?", export));
                assertEquals(count(db, "select count(*) from work_items where tenant_id = (select tenant_id from invoices"
                        + " where id = cast(? as uuid))", template), manifestCount(token, export, "work_items"), "every row exported");
                List<String> runs = List.of(export, reminders);
                for (int i = 0; i < runs.size(); i++) {
                    assertEquals(1, count(db, "select count(*) from executioninstancedata where jobexecid = ?"
                            + " and batchstatus = 'FAILED' and exitstatus = 'SERVER_STOPPED'", killed.get(i)), "the killed execution failed");
                    assertEquals(1, count(db, "select count(*) from executioninstancedata e join job_runs r on r.execution_id ="
                            + " e.jobexecid where r.id = cast(? as uuid) and e.jobexecid > ? and e.batchstatus = 'COMPLETED'",
                            runs.get(i), killed.get(i)), "the run went on in a new execution, which completed");
                }
            }
            for (int n = 1; n <= LATE; n++) {
                Set<String> ids = new TreeSet<>();
                Store store = Session.getInstance(new Properties()).getStore("imap");
                String address = "late-" + run + "-" + n + "@example.com";
                store.connect("127.0.0.1", PORT_BASE + 43, address, address);
                try {
                    Folder inbox = store.getFolder("INBOX");
                    inbox.open(Folder.READ_ONLY);
                    for (Message m : inbox.getMessages()) {
                        ids.add(m.getHeader("Message-ID")[0]);
                    }
                    inbox.close(false);
                } finally {
                    store.close();
                }
                assertEquals(1, ids.size(), address + " got one reminder: " + ids);
            }
        }
    }

    private static String startRun(String token, String path) {
        Reply started = call("POST", path, token, null);
        for (int i = 0; i < 100 && started.status() == 409; i++) { // a scheduled run is on
            sleep(300);
            started = call("POST", path, token, null);
        }
        assertEquals(202, started.status(), started.json().toString());
        return started.data().getString("id");
    }

    /** Waits for a job run to end, Payara starting meanwhile. */
    private static JsonObject awaitRun(String token, String id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                Reply run = call("GET", "/api/v1/jobs/runs/" + id, token, null);
                if (run.status() == 200 && !run.data().getString("status").equals("STARTED")) {
                    return run.data();
                }
            } catch (IllegalStateException e) {
                // Payara is starting
            }
            sleep(500);
        }
        throw new AssertionError("run " + id + " did not end");
    }

    /** The row count of {@code table} in the manifest of export run {@code id}. */
    private static int manifestCount(String token, String id, String table) throws Exception {
        HttpResponse<byte[]> zip = HTTP.send(HttpRequest.newBuilder(URI.create(BASE + "/api/v1/export/" + id + "/download"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, zip.statusCode());
        try (var entries = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip.body()))) {
            for (var entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                if (entry.getName().equals("manifest.json")) {
                    try (var reader = Json.createReader(new StringReader(new String(entries.readAllBytes(),
                            java.nio.charset.StandardCharsets.UTF_8)))) {
                        return reader.readObject().getJsonObject("rows").getInt(table);
                    }
                }
            }
        }
        throw new AssertionError("no manifest");
    }

    /** The schedule's persistent timer (JobLauncher.scheduled) in the timer service's table. */
    private static final String SCHEDULE_TIMER = "select count(*) from \"EJB__TIMER__TBL\" where \"SCHEDULE\" like '%# scheduled #%'";

    /** The stack's database, as its schema owner. */
    private static Connection database() throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + DB_PORT + "/smbhub", "smbhub",
                Files.readString(work.resolve("var/db-password")).trim());
    }

    private static void update(Connection db, String sql, String... values) throws Exception {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setString(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }

    private static long count(Connection db, String sql, Object... values) throws Exception {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            try (ResultSet r = statement.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /**
     * A mailbox read while its mail server goes away and comes back empty, the mail then delivered again with the same
     * Message-IDs (a renumbered folder); returns once reading has gone on after the outage.
     */
    private MailRead readMailThroughAMailServerOutage() throws Exception {
        // connected afresh: no lease of an instance an earlier test killed, no backoff from a mail server it stopped
        assertEquals(200, call("DELETE", "/api/v1/settings/inbox", owner, null).status());
        Reply connected = call("PUT", "/api/v1/settings/inbox", owner, "{\"host\":\"127.0.0.1\",\"port\":" + (PORT_BASE + 43)
                + ",\"security\":\"NONE\",\"username\":\"office@northside.test\",\"password\":\"any\","
                + "\"address\":\"office@northside.test\"}");
        assertEquals(200, connected.status(), connected.json().toString());
        List<String> mail = new ArrayList<>();
        for (int n = 1; n <= MailRead.TOTAL; n++) {
            mail.add("From: Client <client-" + run + "@example.com>\nTo: office@northside.test\nSubject: Fault " + run + " #" + n
                    + "\nMessage-ID: <fault-" + run + "-" + n + "@example.com>\n\nMessage " + n + "\n");
        }
        Mailbox.deliverAll(PORT_BASE + 25, "office@northside.test", mail);
        int before = awaitInbox(count -> count > 0, Duration.ofSeconds(60));
        ProcessHandle.of(Long.parseLong(Files.readString(work.resolve("var/greenmail.pid")).trim())).orElseThrow().destroy();
        sleep(2_000);
        start(); // the mail server is back, empty: the same mail arrives again
        Mailbox.deliverAll(PORT_BASE + 25, "office@northside.test", mail);
        return new MailRead(before, awaitInbox(count -> count > before, Duration.ofSeconds(90)));
    }

    private final class MailRead {
        static final int TOTAL = 1_000;
        private final int before;
        private final int reading;

        MailRead(int before, int reading) {
            this.before = before;
            this.reading = reading;
        }

        void everyMessageOnce() {
            awaitInbox(count -> count >= TOTAL, Duration.ofSeconds(300));
            Set<String> subjects = new TreeSet<>();
            String cursor = null;
            do {
                Reply page = call("GET", "/api/v1/conversations?limit=100&q=" + run + (cursor == null ? "" : "&cursor=" + cursor),
                        owner, null);
                for (var v : page.json().getJsonArray("data")) {
                    JsonObject c = v.asJsonObject();
                    assertTrue(subjects.add(c.getString("subject")), "one conversation per message: " + c);
                    assertEquals(1, c.getInt("unread_count"), "each message once: " + c);
                }
                JsonObject meta = page.json().getJsonObject("meta");
                cursor = meta.isNull("cursor") ? null : meta.getString("cursor");
            } while (cursor != null);
            assertEquals(TOTAL, subjects.size(), "read " + before + " before the outage, " + reading + " before the kill");
        }
    }

    /** Waits until the number of this run's conversations satisfies the test (calls failing meanwhile count as not yet). */
    private int awaitInbox(java.util.function.IntPredicate done, Duration within) {
        Instant deadline = Instant.now().plus(within);
        int count = -1;
        while (Instant.now().isBefore(deadline)) {
            try {
                count = 0;
                String cursor = null;
                do {
                    Reply page = call("GET", "/api/v1/conversations?limit=100&q=" + run + (cursor == null ? "" : "&cursor=" + cursor),
                            owner, null);
                    count += page.status() == 200 ? page.json().getJsonArray("data").size() : 0;
                    JsonObject meta = page.json().getJsonObject("meta");
                    cursor = page.status() != 200 || meta.isNull("cursor") ? null : meta.getString("cursor");
                } while (cursor != null);
                if (done.test(count)) {
                    return count;
                }
            } catch (IllegalStateException e) {
                count = -1; // Payara is starting
            }
            sleep(250);
        }
        throw new AssertionError("the inbox stopped at " + count + " conversations");
    }

    @Test
    void aFullFileStoreRefusesTheUploadAndKeepsNoPartOfIt() throws Exception {
        Path files = work.resolve("var/files");
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", files.toString())
                .redirectErrorStream(true).start();
        Assumptions.assumeTrue(mount.waitFor() == 0, "a 1 MB file store needs mount (root): "
                + new String(mount.getInputStream().readAllBytes()));
        try {
            String contact = contact(null);
            byte[] big = new byte[2 * 1024 * 1024];
            System.arraycopy(FilesIT.PDF, 0, big, 0, FilesIT.PDF.length);
            Reply refused = upload(contact, big);
            assertEquals(502, refused.status(), refused.json().toString());
            assertEquals("PROVIDER_ERROR", refused.code());
            assertEquals(0, call("GET", "/api/v1/files?linked_type=CONTACT&linked_id=" + contact, owner, null).json()
                    .getJsonArray("data").size(), "no record of the refused file");
            try (var left = Files.walk(files)) {
                assertEquals(List.of(), left.filter(Files::isRegularFile).toList(), "no part of it in the store");
            }
            Reply small = upload(contact, FilesIT.PDF);
            assertEquals(201, small.status(), "room again for a small file: " + small.json());
        } finally {
            new ProcessBuilder("umount", files.toString()).start().waitFor();
        }
    }

    private static Reply upload(String contact, byte[] bytes) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(BASE + "/api/v1/files?linked_type=CONTACT"
                        + "&linked_id=" + contact + "&file_name=big.pdf")).header("Authorization", "Bearer " + owner)
                .header("Content-Type", "application/pdf").POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(),
                HttpResponse.BodyHandlers.ofString());
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return new Reply(response.statusCode(), reader.readObject());
        }
    }

    @Test
    void theAdminConsoleOfARunStackAnswersOnlyOverHttps() throws Exception {
        HttpResponse<Void> plain = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + (PORT_BASE + 48) + "/"))
                .build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(302, plain.statusCode(), "plain HTTP is only redirected");
        assertTrue(plain.headers().firstValue("Location").orElse("").startsWith("https://"), plain.headers().toString());
    }

    /** Writers that keep calling until stopped, keeping what was acknowledged and how the rest was refused. */
    /** What the server logged for these replies' requests (a stack trace names what escaped). */
    private static String serverLog(List<Reply> replies) throws IOException {
        List<String> lines = Files.readAllLines(work.resolve("var/domains/smbhub/logs/server.log"));
        StringBuilder out = new StringBuilder();
        for (Reply reply : replies) {
            String id = reply.json().getJsonObject("meta").getString("request_id", "?");
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(id)) {
                    lines.subList(i, Math.min(lines.size(), i + 60)).forEach(l -> out.append(l).append('\n'));
                    break;
                }
            }
        }
        return out.toString();
    }

    private static final class Load {
        private final java.util.function.Supplier<Reply> write;
        final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        final List<Reply> refusals = Collections.synchronizedList(new ArrayList<>());
        final Map<String, Instant> when = new ConcurrentHashMap<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private ExecutorService threads;

        Load(java.util.function.Supplier<Reply> write) {
            this.write = write;
        }

        void start(int writers) {
            threads = Executors.newFixedThreadPool(writers);
            for (int i = 0; i < writers; i++) {
                threads.submit(() -> {
                    while (running.get()) {
                        try {
                            Reply reply = write.get();
                            if (reply.status() == 201) {
                                acknowledged.add(reply.data().getString("id"));
                                when.put(reply.data().getString("id"), Instant.now());
                            } else {
                                refusals.add(reply);
                            }
                        } catch (RuntimeException e) {
                            sleep(100); // the connection itself failed: not acknowledged
                        }
                    }
                });
            }
        }

        /** Waits until a write made after {@code since} was acknowledged. */
        void awaitAcknowledged(Instant since, Duration within) {
            Instant deadline = Instant.now().plus(within);
            while (when.values().stream().noneMatch(t -> t.isAfter(since.plusSeconds(1)))) {
                assertTrue(Instant.now().isBefore(deadline), "no write acknowledged " + within + " after the fault");
                sleep(200);
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            threads.shutdown();
            assertTrue(threads.awaitTermination(90, TimeUnit.SECONDS));
        }
    }

    private String contact(String email) {
        Reply reply = call("POST", "/api/v1/contacts", owner, "{\"display_name\":\"Fault " + run + " " + UUID.randomUUID() + "\""
                + (email == null ? "" : ",\"email\":\"" + email + "\"") + "}");
        assertEquals(201, reply.status(), reply.json().toString());
        return reply.data().getString("id");
    }

    private String invoice(String contact) {
        Reply reply = call("POST", "/api/v1/invoices", owner, "{\"contact_id\":\"" + contact + "\",\"tax_code\":\"HST\","
                + "\"line_items\":[{\"name\":\"Visit\",\"qty\":1,\"rate\":100}]}");
        assertEquals(201, reply.status(), reply.json().toString());
        return reply.data().getString("id");
    }

    private String sentInvoice() {
        String id = invoice(contact("pay." + UUID.randomUUID().toString().substring(0, 8) + "@example.com"));
        Reply sent = call("POST", "/api/v1/invoices/" + id + "/send", owner, "{}");
        assertEquals(200, sent.status(), sent.json().toString());
        return id;
    }

    private static Reply call(String method, String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(90))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            try (var reader = Json.createReader(new StringReader(response.body()))) {
                return new Reply(response.statusCode(), reader.readObject());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (RuntimeException e) {
            throw new IllegalStateException(method + " " + path + ": not the envelope", e);
        }
    }

    private static String token(String user) {
        Reply reply = call("POST", "/api/v1/auth/token", null, "{\"username\":\"" + user + "\",\"password\":\"demo\"}");
        assertEquals(200, reply.status(), reply.json().toString());
        return reply.data().getString("access_token");
    }

    /** Stripe as the stack would see it when well: the test-mode stand-in of the stack itself. */
    private static void forward(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + "/app/test-mode/stripe"
                + exchange.getRequestURI())).method(exchange.getRequestMethod(),
                HttpRequest.BodyPublishers.ofByteArray(exchange.getRequestBody().readAllBytes()));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!Set.of("host", "connection", "content-length", "expect", "upgrade").contains(name.toLowerCase())) {
                values.forEach(v -> request.header(name, v));
            }
        });
        try {
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            response.headers().map().forEach((name, values) -> {
                if (!Set.of("content-length", "transfer-encoding", "connection", ":status").contains(name.toLowerCase())) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            exchange.sendResponseHeaders(response.statusCode(), response.body().length == 0 ? -1 : response.body().length);
            exchange.getResponseBody().write(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static String payaraPid() throws IOException {
        return Files.readString(work.resolve("var/domains/smbhub/config/pid")).trim();
    }

    private static String pgCtl() throws IOException {
        try (var tools = Files.list(ROOT.resolve(".tools"))) {
            return tools.filter(p -> p.getFileName().toString().startsWith("postgres-")).findFirst().orElseThrow()
                    .resolve("bin/pg_ctl").toString();
        }
    }

    /** PostgreSQL refuses to run as root; ./smbhub runs it as nobody then, and so must its pg_ctl. */
    private static List<String> asDatabaseUser(String... command) {
        List<String> full = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            full.addAll(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"));
        }
        full.addAll(List.of(command));
        return full;
    }

    /** {@code ./smbhub start}: starts this class's stack, or brings back what a test stopped, with Stripe behind the stand-in. */
    private static void start() throws Exception {
        stack.ok(work.resolve("start.log"), Map.of("SMBHUB_STRIPE_API_BASE", "http://127.0.0.1:" + stripe.getAddress().getPort()),
                "start");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
