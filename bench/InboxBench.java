import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
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
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The inbox (issue 14): 10,000 generated messages (threads of four: a first mail and three answers
 * with their References) delivered to a fresh mailbox on the development mail server, then read by the
 * running stack's poller — messages/s from connecting the mailbox until the last one is stored — next
 * to raw JDBC inserts of the same rows (conversation, message, raw source; 50 per transaction as the
 * poller commits) in the same run. Then the inbox list through the API at 100,000 messages in the
 * business: p95 of the first page, next to the same SQL. See docs/performance.md.
 *
 * java -cp <postgresql.jar> bench/InboxBench.java <api base> <jdbc url> <db user> <db password> <smtp port> <imap port> [messages]
 */
public class InboxBench {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final int LIST_TARGET = 100_000;
    static final int REQUESTS = 300;

    public static void main(String[] args) throws Exception {
        String api = args[0];
        int smtp = Integer.parseInt(args[4]);
        int imap = Integer.parseInt(args[5]);
        int n = args.length > 6 ? Integer.parseInt(args[6]) : 10_000;
        String run = UUID.randomUUID().toString().substring(0, 8);
        String address = "bench-" + run + "@northside.test";
        try (Connection db = DriverManager.getConnection(args[1], args[2], args[3])) {
            db.createStatement().execute("select set_config('app.cross_tenant', 'on', false)");
            String tenant = single(db, "select id::text from tenants where external_org_id = 'northside'");
            String token = token(api, "owner@northside.test");
            List<String> messages = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                messages.add(message(run, i, address));
            }
            System.out.println("Delivering " + n + " messages to " + address + " over SMTP ...");
            deliver(smtp, address, messages);

            double raw = rawInserts(db, tenant, run, messages);

            String saved = call("GET", api + "/api/v1/settings/inbox", token, null);
            long started = System.nanoTime();
            call("PUT", api + "/api/v1/settings/inbox", token, "{\"host\":\"127.0.0.1\",\"port\":" + imap + ",\"security\":\"NONE\","
                    + "\"username\":\"" + address + "\",\"password\":\"bench\",\"address\":\"" + address + "\"}");
            long stored = 0;
            while (stored < n) {
                Thread.sleep(200);
                stored = Long.parseLong(single(db, "select count(*) from messages where tenant_id = '" + tenant
                        + "' and provider_message_id like '%." + run + "@bench.example'"));
                if (System.nanoTime() - started > 1_800_000_000_000L) {
                    throw new IllegalStateException("only " + stored + " of " + n + " stored after 30 minutes");
                }
            }
            double ingest = n / ((System.nanoTime() - started) / 1e9);
            long threads = Long.parseLong(single(db, "select count(distinct conversation_id) from messages where tenant_id = '"
                    + tenant + "' and provider_message_id like '%." + run + "@bench.example'"));
            restore(api, token, saved);
            System.out.println();
            System.out.println("Inbox ingestion (" + n + " messages, " + threads + " conversations; expected " + (n + 3) / 4 + ")");
            System.out.printf("  %-40s poller %8.1f msg/s   raw JDBC %8.1f msg/s   poller/raw %.0f %%%n", "IMAP → stored, threaded",
                    ingest, raw, 100 * ingest / raw);

            fill(db, tenant);
            list(api, token, db, tenant);
        }
    }

    /** One generated message: every fourth starts a thread, the next three answer it. */
    static String message(String run, int i, String to) {
        int thread = i / 4;
        int step = i % 4;
        String id = "<" + thread + "-" + step + "." + run + "@bench.example>";
        StringBuilder m = new StringBuilder();
        m.append("From: Client ").append(thread).append(" <client-").append(thread).append('-').append(run)
                .append("@example.com>\r\nTo: ").append(to).append("\r\nSubject: ").append(step == 0 ? "" : "Re: ")
                .append("Job ").append(thread).append(' ').append(run).append("\r\nMessage-ID: ").append(id).append("\r\n");
        if (step > 0) {
            StringBuilder refs = new StringBuilder();
            for (int k = 0; k < step; k++) {
                refs.append(k == 0 ? "" : " ").append('<').append(thread).append('-').append(k).append('.').append(run)
                        .append("@bench.example>");
            }
            m.append("In-Reply-To: <").append(thread).append('-').append(step - 1).append('.').append(run)
                    .append("@bench.example>\r\nReferences: ").append(refs).append("\r\n");
        }
        m.append("Content-Type: text/plain; charset=UTF-8\r\n\r\n");
        for (int line = 0; line < 12; line++) {
            m.append("Line ").append(line).append(" of message ").append(i).append(": the tap in the kitchen still drips.\r\n");
        }
        return m.toString();
    }

    /** Plain SMTP on one connection (the development server takes any sender and recipient). */
    static void deliver(int port, String to, List<String> messages) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port);
             BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            OutputStream out = socket.getOutputStream();
            expect(in, "220");
            command(out, in, "HELO bench", "250");
            for (String m : messages) {
                command(out, in, "MAIL FROM:<bench@example.com>", "250");
                command(out, in, "RCPT TO:<" + to + ">", "250");
                command(out, in, "DATA", "354");
                out.write(m.replace("\r\n.", "\r\n..").getBytes(StandardCharsets.UTF_8));
                command(out, in, ".", "250");
            }
            command(out, in, "QUIT", "221");
        }
    }

    static void command(OutputStream out, BufferedReader in, String line, String code) throws Exception {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        expect(in, code);
    }

    static void expect(BufferedReader in, String code) throws Exception {
        String line;
        do {
            line = in.readLine();
            if (line == null || !line.startsWith(code)) {
                throw new IllegalStateException("SMTP said " + line + ", expected " + code);
            }
        } while (line.length() > 3 && line.charAt(3) == '-');
    }

    /** The rows the poller writes, as plain batched INSERTs, 50 messages per transaction; removed again after. */
    static double rawInserts(Connection db, String tenant, String run, List<String> messages) throws Exception {
        String marker = "raw-" + run;
        db.setAutoCommit(false);
        long started = System.nanoTime();
        try (PreparedStatement conversation = db.prepareStatement("insert into conversations (id, tenant_id, channel,"
                + " counterpart, subject, thread_subject, snippet, last_message_at, unread_count, created_by)"
                + " values (?::uuid, ?::uuid, 'EMAIL', ?, ?, ?, ?, now(), 1, ?)");
             PreparedStatement message = db.prepareStatement("insert into messages (id, tenant_id, conversation_id, direction,"
                     + " from_address, to_address, subject, body_text, provider_message_id, references_ids, received_at, state,"
                     + " created_by) values (?::uuid, ?::uuid, ?::uuid, 'INBOUND', ?, ?, ?, ?, ?, ?, now(), 'RECEIVED', ?)");
             PreparedStatement source = db.prepareStatement("insert into message_sources (message_id, tenant_id, raw)"
                     + " values (?::uuid, ?::uuid, ?)")) {
            String conversationId = null;
            for (int i = 0; i < messages.size(); i++) {
                String m = messages.get(i);
                if (i % 4 == 0) {
                    conversationId = UUID.randomUUID().toString();
                    conversation.setString(1, conversationId);
                    conversation.setString(2, tenant);
                    conversation.setString(3, "client@example.com");
                    conversation.setString(4, "Job " + i);
                    conversation.setString(5, "job " + i);
                    conversation.setString(6, "the tap in the kitchen still drips");
                    conversation.setString(7, marker);
                    conversation.addBatch();
                }
                String id = UUID.randomUUID().toString();
                message.setString(1, id);
                message.setString(2, tenant);
                message.setString(3, conversationId);
                message.setString(4, "client@example.com");
                message.setString(5, "office@northside.test");
                message.setString(6, "Job " + i);
                message.setString(7, m.substring(m.indexOf("\r\n\r\n") + 4));
                message.setString(8, marker + "-" + i);
                message.setString(9, null);
                message.setString(10, marker);
                message.addBatch();
                source.setString(1, id);
                source.setString(2, tenant);
                source.setBytes(3, m.getBytes(StandardCharsets.UTF_8));
                source.addBatch();
                if (i % 50 == 49 || i == messages.size() - 1) {
                    conversation.executeBatch();
                    message.executeBatch();
                    source.executeBatch();
                    db.commit();
                }
            }
        }
        double rate = messages.size() / ((System.nanoTime() - started) / 1e9);
        db.createStatement().execute("delete from message_sources where message_id in (select id from messages where created_by = '"
                + marker + "')");
        db.createStatement().execute("delete from messages where created_by = '" + marker + "'");
        db.createStatement().execute("delete from conversations where created_by = '" + marker + "'");
        db.commit();
        db.setAutoCommit(true);
        return rate;
    }

    /** Back to the mailbox the demo had (its password is kept by the server when none is sent). */
    static void restore(String api, String token, String saved) throws Exception {
        if (!saved.contains("\"connected\":true")) {
            call("DELETE", api + "/api/v1/settings/inbox", token, null);
            return;
        }
        call("PUT", api + "/api/v1/settings/inbox", token, "{\"host\":\"" + field(saved, "host") + "\",\"port\":"
                + number(saved, "port") + ",\"security\":\"" + field(saved, "security") + "\",\"username\":\""
                + field(saved, "username") + "\",\"folder\":\"" + field(saved, "folder") + "\",\"address\":\""
                + field(saved, "address") + "\"}");
    }

    /** Up to 100,000 messages in the business (4 per conversation), loaded once by SQL and tagged. */
    static void fill(Connection db, String tenant) throws Exception {
        long have = Long.parseLong(single(db, "select count(*) from messages where tenant_id = '" + tenant + "'"));
        if (have >= LIST_TARGET) {
            return;
        }
        long conversations = (LIST_TARGET - have + 3) / 4;
        System.out.println("Loading " + conversations * 4 + " more messages into northside for the list ...");
        db.createStatement().execute("insert into conversations (id, tenant_id, channel, counterpart, subject, thread_subject,"
                + " snippet, last_message_at, unread_count, status, created_by) select gen_random_uuid(), '" + tenant + "', 'EMAIL',"
                + " 'bench' || g || '@example.com', 'Bench job ' || g, 'bench job ' || g, 'the tap still drips',"
                + " now() - g * interval '1 minute', g % 3, case when g % 5 = 0 then 'CLOSED' else 'OPEN' end, 'bench'"
                + " from generate_series(1, " + conversations + ") g");
        db.createStatement().execute("insert into messages (id, tenant_id, conversation_id, direction, from_address, subject,"
                + " body_text, provider_message_id, received_at, state, created_by) select gen_random_uuid(), c.tenant_id, c.id,"
                + " 'INBOUND', c.counterpart, c.subject, 'Line one of the message. The tap still drips.',"
                + " 'bench-' || c.id || '-' || k || '@example.com', c.last_message_at, 'RECEIVED', 'bench'"
                + " from conversations c cross join generate_series(1, 4) k where c.tenant_id = '" + tenant + "'"
                + " and c.created_by = 'bench'");
        db.createStatement().execute("analyze conversations; analyze messages");
    }

    /** The first page of the inbox (open conversations, latest first) through the API and as SQL; p50 and p95. */
    static void list(String api, String token, Connection db, String tenant) throws Exception {
        for (int i = 0; i < 300; i++) {
            call("GET", api + "/api/v1/conversations?limit=20", token, null);
            listSql(db, tenant);
        }
        List<Double> viaApi = new ArrayList<>();
        List<Double> viaSql = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            long t = System.nanoTime();
            call("GET", api + "/api/v1/conversations?limit=20", token, null);
            viaApi.add((System.nanoTime() - t) / 1e6);
            t = System.nanoTime();
            listSql(db, tenant);
            viaSql.add((System.nanoTime() - t) / 1e6);
        }
        long messages = Long.parseLong(single(db, "select count(*) from messages where tenant_id = '" + tenant + "'"));
        System.out.println();
        System.out.println("Inbox list, first page of open conversations (" + messages + " messages in the business, "
                + REQUESTS + " requests)");
        System.out.printf("  %-40s API p50 %6.1f ms p95 %6.1f ms   SQL p50 %6.1f ms p95 %6.1f ms%n", "GET /conversations?limit=20",
                pct(viaApi, 50), pct(viaApi, 95), pct(viaSql, 50), pct(viaSql, 95));
    }

    static void listSql(Connection db, String tenant) throws Exception {
        try (PreparedStatement ps = db.prepareStatement("select * from conversations where tenant_id = ?::uuid and deleted_at is null"
                + " and status = 'OPEN' and last_message_at is not null order by last_message_at desc, id desc limit 21")) {
            ps.setString(1, tenant);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getString(1);
                }
            }
        }
    }

    static double pct(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    static String call(String method, String url, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + url + " -> " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    static String token(String api, String user) throws Exception {
        return field(call("POST", api + "/api/v1/auth/token", null, "{\"username\":\"" + user + "\",\"password\":\"demo\"}"),
                "access_token");
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    static String number(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(\\d+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    static String single(Connection db, String sql) throws Exception {
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
