package com.smbhub.system;

import static com.smbhub.system.ContactsIT.edit;
import static com.smbhub.system.ContactsIT.send;
import static com.smbhub.system.SystemUnderTest.get;
import static com.smbhub.system.SystemUnderTest.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Invoice drafts through the API: totals, gap-free numbers under concurrency, rules, roles, businesses. */
class InvoicesIT {

    private static final World WORLD = World.create();

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private static String contact(String token, String name) {
        var reply = send("POST", "/api/v1/contacts", token, "{\"display_name\":\"" + name + "\"}");
        assertEquals(201, reply.status(), reply.body());
        return reply.json().getJsonObject("data").getString("id");
    }

    private static String body(String contactId) {
        return "{\"contact_id\":\"" + contactId + "\",\"tax_code\":\"HST\",\"line_items\":["
                + "{\"name\":\"Repair\",\"qty\":2,\"rate\":\"120\"},{\"name\":\"Parts\",\"qty\":\"1.5\",\"rate\":40.10}]}";
    }

    private static JsonObject create(String token, String body) {
        var reply = send("POST", "/api/v1/invoices", token, body);
        assertEquals(201, reply.status(), reply.body());
        return reply.json().getJsonObject("data");
    }

    private static long number(JsonObject invoice) {
        return Long.parseLong(invoice.getString("number").substring("INV-".length()));
    }

    private static List<String> fields(SystemUnderTest.Reply reply) {
        return reply.json().getJsonObject("error").getJsonArray("details").stream()
                .map(v -> v.asJsonObject().getString("field")).toList();
    }

    @Test
    void aDraftCarriesItsLinesTaxAndTotals() {
        String staff = token(WORLD.northside("staff"), null);
        JsonObject invoice = create(staff, body(contact(staff, "Inv " + run)));
        assertEquals("DRAFT", invoice.getString("status"));
        assertEquals("CAD", invoice.getString("currency"));
        assertEquals("300.15", invoice.getString("subtotal"));
        assertEquals("39.02", invoice.getString("tax_total"));
        assertEquals("339.17", invoice.getString("total"));
        assertEquals("339.17", invoice.getString("amount_due"));
        assertTrue(invoice.getString("number").startsWith("INV-"));
        assertEquals(invoice.getString("issue_date"), get("/api/v1/invoices/" + invoice.getString("id"), staff).json()
                .getJsonObject("data").getString("issue_date"));
    }

    @Test
    void concurrentCreationsGetUniqueNumbersWithoutGaps() throws Exception {
        String staff = token(WORLD.northside("staff"), null);
        String client = contact(staff, "Busy " + run);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<JsonObject>> futures = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            futures.add(pool.submit(() -> create(staff, body(client))));
        }
        List<Long> numbers = new ArrayList<>();
        for (Future<JsonObject> f : futures) {
            numbers.add(number(f.get()));
        }
        pool.shutdown();
        List<Long> sorted = numbers.stream().sorted().toList();
        assertEquals(24, sorted.stream().distinct().count(), sorted.toString());
        assertEquals(sorted.get(0) + 23, sorted.get(23), "no gaps: " + sorted);
    }

    @Test
    void anIdempotentReplayReturnsTheSameInvoiceAndSpendsNoNumber() {
        String staff = token(WORLD.northside("staff"), null);
        String body = body(contact(staff, "Replay " + run));
        String key = "inv-" + run;
        var first = send("POST", "/api/v1/invoices", staff, body, "Idempotency-Key", key);
        var again = send("POST", "/api/v1/invoices", staff, body, "Idempotency-Key", key);
        assertEquals(first.json().getJsonObject("data").getString("id"), again.json().getJsonObject("data").getString("id"));
        JsonObject next = create(staff, body);
        assertEquals(number(first.json().getJsonObject("data")) + 1, number(next));
    }

    @Test
    void badInputIsRefusedAtItsFieldsAndStoresNothing() throws SQLException {
        String staff = token(WORLD.northside("staff"), null);
        String client = contact(staff, "Bad " + run);
        long before = Database.count("select count(*) from invoices where tenant_id = (select id from tenants where external_org_id = ?)", WORLD.northside());
        var refused = send("POST", "/api/v1/invoices", staff, "{\"contact_id\":\"" + client + "\",\"issue_date\":\"2026-12-10\","
                + "\"due_date\":\"2026-12-01\",\"tax_code\":\"VAT\",\"line_items\":[{\"name\":\"\",\"qty\":0,\"rate\":-1}]}");
        assertEquals(400, refused.status(), refused.body());
        assertEquals(List.of("due_date", "tax_code", "line_items[0].name", "line_items[0].qty", "line_items[0].rate"),
                fields(refused));
        assertEquals(List.of("line_items"), fields(send("POST", "/api/v1/invoices", staff,
                "{\"contact_id\":\"" + client + "\",\"line_items\":[]}")));
        assertEquals(List.of("line_items[0].qty"), fields(send("POST", "/api/v1/invoices", staff,
                "{\"contact_id\":\"" + client + "\",\"line_items\":[{\"name\":\"x\",\"qty\":1e400,\"rate\":1}]}")));
        assertEquals(List.of("issue_date"), fields(send("POST", "/api/v1/invoices", staff,
                "{\"contact_id\":\"" + client + "\",\"issue_date\":\"tomorrow\",\"line_items\":[{\"name\":\"x\",\"qty\":1,\"rate\":1}]}")));
        assertEquals(List.of("line_items[0].colour"), fields(send("POST", "/api/v1/invoices", staff,
                "{\"contact_id\":\"" + client + "\",\"line_items\":[{\"name\":\"x\",\"qty\":1,\"rate\":1,\"colour\":\"red\"}]}")));
        assertEquals(before, Database.count("select count(*) from invoices where tenant_id = (select id from tenants where external_org_id = ?)", WORLD.northside()));
    }

    @Test
    void aDraftIsEditedWithItsVersionAndTotalsFollow() {
        String staff = token(WORLD.northside("staff"), null);
        JsonObject invoice = create(staff, body(contact(staff, "Edit " + run)));
        String path = "/api/v1/invoices/" + invoice.getString("id");
        var unversioned = send("PATCH", path, staff, "{\"notes\":\"x\"}");
        assertEquals(428, unversioned.status(), unversioned.body());
        assertEquals("PRECONDITION_REQUIRED", unversioned.errorCode());
        var edited = edit("PATCH", path, staff, "{\"line_items\":[{\"name\":\"Visit\",\"qty\":1,\"rate\":100}],"
                + "\"discount\":{\"type\":\"amount\",\"value\":10}}");
        assertEquals(200, edited.status(), edited.body());
        assertEquals("101.70", edited.json().getJsonObject("data").getString("total"));
        var stale = send("PATCH", path, staff, "{\"notes\":\"x\",\"if_match_version\":1}");
        assertEquals(409, stale.status(), stale.body());
        assertEquals("101.70", stale.json().getJsonObject("data").getString("total"));
    }

    @Test
    void eachBusinessHasItsOwnInvoicesNumbersAndRoles() {
        String staff = token(WORLD.northside("staff"), null);
        JsonObject invoice = create(staff, body(contact(staff, "Private " + run)));
        String maple = token(WORLD.maple("staff"), null);
        assertEquals(404, get("/api/v1/invoices/" + invoice.getString("id"), maple).status());
        assertTrue(get("/api/v1/invoices?limit=100", maple).json().getJsonArray("data").stream()
                .noneMatch(v -> v.asJsonObject().getString("id").equals(invoice.getString("id"))));
        assertEquals(List.of("contact_id"), fields(send("POST", "/api/v1/invoices", maple,
                body(invoice.getString("contact_id")).replace("HST", "GST"))));
        JsonObject m1 = create(maple, body(contact(maple, "Maple client " + run)).replace("HST", "GST"));
        create(staff, body(invoice.getString("contact_id")));
        JsonObject m2 = create(maple, body(m1.getString("contact_id")).replace("HST", "GST"));
        assertEquals(number(m1) + 1, number(m2), "Maple's numbers do not move with Northside's");
        String viewer = token(WORLD.northside("viewer"), null);
        assertEquals(200, get("/api/v1/invoices/" + invoice.getString("id"), viewer).status());
        assertEquals(403, send("POST", "/api/v1/invoices", viewer, body(invoice.getString("contact_id"))).status());
    }

    @Test
    void thePdfIsServedToTheBusinessOnly() throws Exception {
        String staff = token(WORLD.northside("staff"), null);
        JsonObject invoice = create(staff, body(contact(staff, "Pdf " + run)));
        var pdf = SystemUnderTest.HTTP.send(HttpRequest.newBuilder(URI.create(SystemUnderTest.BASE
                        + "/api/v1/invoices/" + invoice.getString("id") + "/pdf")).header("Authorization", "Bearer " + staff).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pdf.statusCode());
        assertEquals("%PDF-", new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII));
        assertTrue(pdf.headers().firstValue("Content-Disposition").orElseThrow().contains(invoice.getString("number") + ".pdf"));
        assertEquals(404, get("/api/v1/invoices/" + invoice.getString("id") + "/pdf", token(WORLD.maple("owner"), null)).status());
    }

    @Test
    void homeCountsUnpaidAndOverdueSentInvoices() throws Exception {
        String owner = token(WORLD.maple("owner"), null);
        String client = contact(owner, "Owing " + run);
        JsonObject due = create(owner, body(client).replace("HST", "GST"));
        JsonObject late = create(owner, ("{\"issue_date\":\"2020-01-01\",\"due_date\":\"2020-01-15\","
                + body(client).substring(1)).replace("HST", "GST"));
        JsonObject before = get("/api/v1/home/summary", owner).json().getJsonObject("data");
        // sending arrives with the mail part of issue 4; here the two drafts are marked sent directly
        try (var c = Database.connect(); var ps = c.prepareStatement("update invoices set status = 'SENT' where id in (?::uuid, ?::uuid)")) {
            ps.setString(1, due.getString("id"));
            ps.setString(2, late.getString("id"));
            assertEquals(2, ps.executeUpdate());
        }
        JsonObject after = get("/api/v1/home/summary", owner).json().getJsonObject("data");
        BigDecimal unpaid = new BigDecimal(after.getJsonObject("unpaid").getString("amount"))
                .subtract(new BigDecimal(before.getJsonObject("unpaid").getString("amount")));
        BigDecimal overdue = new BigDecimal(after.getJsonObject("overdue").getString("amount"))
                .subtract(new BigDecimal(before.getJsonObject("overdue").getString("amount")));
        assertEquals(new BigDecimal(due.getString("total")).add(new BigDecimal(late.getString("total"))), unpaid);
        assertEquals(new BigDecimal(late.getString("total")), overdue);
        assertEquals("OVERDUE", get("/api/v1/invoices/" + late.getString("id"), owner).json().getJsonObject("data").getString("status"));
        assertTrue(get("/api/v1/invoices?status=OVERDUE&limit=100", owner).body().contains(late.getString("id")));
    }

    @Test
    void aWorkItemGetsOneDraftInvoiceNeverTwo() {
        String staff = token(WORLD.northside("staff"), null);
        String client = contact(staff, "Work client " + run);
        String job = send("POST", "/api/v1/work-items", staff, "{\"title\":\"Water heater " + run + "\",\"contact_id\":\""
                + client + "\"}").json().getJsonObject("data").getString("id");
        var first = send("POST", "/api/v1/work-items/" + job + "/invoice", staff, null);
        assertEquals(201, first.status(), first.body());
        JsonObject invoice = first.json().getJsonObject("data");
        assertEquals(client, invoice.getString("contact_id"));
        assertEquals(job, invoice.getString("work_item_id"));
        assertEquals("Water heater " + run, invoice.getJsonArray("line_items").getJsonObject(0).getString("name"));
        var again = send("POST", "/api/v1/work-items/" + job + "/invoice", staff, null);
        assertEquals(200, again.status());
        assertEquals(invoice.getString("id"), again.json().getJsonObject("data").getString("id"));
        String loose = send("POST", "/api/v1/work-items", staff, "{\"title\":\"No client " + run + "\"}")
                .json().getJsonObject("data").getString("id");
        assertEquals(List.of("contact_id"), fields(send("POST", "/api/v1/work-items/" + loose + "/invoice", staff, null)));
        assertEquals(404, send("POST", "/api/v1/work-items/" + job + "/invoice", token(WORLD.maple("staff"), null), null).status());
        assertEquals(403, send("POST", "/api/v1/work-items/" + job + "/invoice", token(WORLD.northside("viewer"), null), null).status());
    }

    @Test
    void agentsDraftOnlyForTheirOwnWork() {
        String staff = token(WORLD.northside("staff"), null);
        String agent = token(WORLD.northside("agent"), null);
        String agentId = get("/api/v1/me", agent).json().getJsonObject("data").getJsonObject("user").getString("id");
        String client = contact(staff, "Agent client " + run);
        String job = send("POST", "/api/v1/work-items", staff, "{\"title\":\"Agent job " + run + "\",\"assigned_to\":\""
                + agentId + "\",\"contact_id\":\"" + client + "\"}").json().getJsonObject("data").getString("id");
        assertEquals(List.of("work_item_id"), fields(send("POST", "/api/v1/invoices", agent, body(client))));
        JsonObject own = create(agent, body(client).replace("{\"contact_id\"", "{\"work_item_id\":\"" + job + "\",\"contact_id\""));
        JsonObject other = create(staff, body(client));
        assertEquals(200, get("/api/v1/invoices/" + own.getString("id"), agent).status());
        assertEquals(404, get("/api/v1/invoices/" + other.getString("id"), agent).status());
    }

    @Test
    void theListFiltersByClientAndIssueDatesAndOnlyOwnersChangeTheCurrency() throws SQLException {
        String staff = token(WORLD.northside("staff"), null);
        String owner = token(WORLD.northside("owner"), null);
        String client = contact(staff, "Filtered " + run);
        String early = "{\"contact_id\":\"" + client + "\",\"issue_date\":\"2026-01-10\",\"due_date\":\"2026-01-20\","
                + "\"line_items\":[{\"name\":\"x\",\"qty\":1,\"rate\":10}]}";
        String late = early.replace("2026-01-10", "2026-03-10").replace("2026-01-20", "2026-03-20");
        String first = create(staff, early).getString("id");
        String second = create(staff, late).getString("id");
        var all = get("/api/v1/invoices?contact_id=" + client, staff).json().getJsonArray("data");
        assertEquals(2, all.size());
        var march = get("/api/v1/invoices?contact_id=" + client + "&from=2026-03-01&to=2026-03-31", staff).json().getJsonArray("data");
        assertEquals(1, march.size());
        assertEquals(second, march.getJsonObject(0).getString("id"));
        assertEquals(first, get("/api/v1/invoices?contact_id=" + client + "&to=2026-02-01", staff).json().getJsonArray("data")
                .getJsonObject(0).getString("id"));
        assertEquals(List.of("from"), fields(get("/api/v1/invoices?from=yesterday", staff)));
        assertEquals(List.of("to"), fields(get("/api/v1/invoices?from=2026-03-01&to=2026-02-01", staff)));

        String usd = early.replace("\"line_items\"", "\"currency\":\"USD\",\"line_items\"");
        String denials = "select count(*) from audit_log where action = 'security.permission_denied'"
                + " and entity_id = 'MONEY_OTHER_CURRENCY' and tenant_id = (select id from tenants where external_org_id = ?)";
        long denied = Database.count(denials, WORLD.northside());
        assertEquals(List.of("currency"), fields(send("POST", "/api/v1/invoices", staff, usd)));
        assertEquals(denied + 1, Database.count(denials, WORLD.northside()), "the refusal is audited");
        assertEquals("USD", create(owner, usd).getString("currency"));
        assertEquals(denied + 1, Database.count(denials, WORLD.northside()));
    }
}
