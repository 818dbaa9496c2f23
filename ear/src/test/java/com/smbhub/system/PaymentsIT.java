package com.smbhub.system;

import static com.smbhub.system.ContactsIT.send;
import static com.smbhub.system.SystemUnderTest.get;
import static com.smbhub.system.SystemUnderTest.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Payments recorded by hand: partial, whole, never more than due (also at once), refunds; roles and businesses. */
class PaymentsIT {

    private static final World WORLD = World.create();

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    /** A sent invoice of 226.00 CAD (200 + 13 % HST). */
    private JsonObject sentInvoice(String owner) {
        return StripeWebhooksIT.sentInvoice(owner, run);
    }

    private static SystemUnderTest.Reply pay(String token, String invoiceId, String amount) {
        return send("POST", "/api/v1/payments", token, "{\"invoice_id\":\"" + invoiceId + "\",\"provider\":\"BANK\",\"amount\":"
                + amount + "}");
    }

    @Test
    void partThenTheRestMakesItPaidAndARefundOpensItAgain() {
        String owner = token(WORLD.northside("owner"), null);
        String id = sentInvoice(owner).getString("id");
        var part = pay(owner, id, "100.00");
        assertEquals(201, part.status(), part.body());
        JsonObject invoice = get("/api/v1/invoices/" + id, owner).json().getJsonObject("data");
        assertEquals("PARTIALLY_PAID", invoice.getString("status"));
        assertEquals("126.00", invoice.getString("amount_due"));
        assertEquals(List.of("amount"), fields(pay(owner, id, "126.01")));
        assertEquals(201, pay(owner, id, "126").status());
        invoice = get("/api/v1/invoices/" + id, owner).json().getJsonObject("data");
        assertEquals("PAID", invoice.getString("status"));
        assertEquals("0.00", invoice.getString("amount_due"));
        assertEquals(List.of("invoice_id"), fields(pay(owner, id, "1")));
        String first = part.json().getJsonObject("data").getString("id");
        assertEquals(200, send("POST", "/api/v1/payments/" + first + "/refund", owner, null).status());
        invoice = get("/api/v1/invoices/" + id, owner).json().getJsonObject("data");
        assertEquals("PARTIALLY_PAID", invoice.getString("status"));
        assertEquals("100.00", invoice.getString("amount_due"));
        assertEquals(400, send("POST", "/api/v1/payments/" + first + "/refund", owner, null).status());
        assertEquals(2, get("/api/v1/payments?invoice_id=" + id, owner).json().getJsonArray("data").size());
    }

    @Test
    void everyPaymentIsListedByMonthMethodAndStatusWithTotalsAndACsv() {
        World world = World.create(); // a business of its own: its months hold only these payments
        String owner = token(world.northside("owner"), null);
        JsonObject a = sentInvoice(owner);
        JsonObject b = sentInvoice(owner);
        String byBank = paid(owner, a.getString("id"), "BANK", "100", "2025-03-10T12:00:00-05:00", "=HYPERLINK(1)");
        // 23:30 on 31 March in Toronto is 1 April in UTC: March in the business's calendar
        String byCash = paid(owner, a.getString("id"), "CASH", "50", "2025-03-31T23:30:00-04:00", null);
        paid(owner, b.getString("id"), "CASH", "26", "2025-04-02T10:00:00-04:00", null);
        assertEquals(200, send("POST", "/api/v1/payments/" + byCash + "/refund", owner, null).status());

        JsonArray march = get("/api/v1/payments?month=2025-03", owner).json().getJsonArray("data");
        assertEquals(List.of(byCash, byBank), ids(march), "the last recorded first");
        JsonObject cash = march.getJsonObject(0);
        assertEquals("REFUNDED", cash.getString("status"));
        assertEquals("50.00", cash.getString("refunded"));
        assertEquals(a.getString("number"), cash.getString("invoice_number"));
        assertEquals(a.getString("contact_id"), cash.getString("contact_id"));
        assertTrue(cash.getString("client_name").startsWith("Card payer " + run), cash.toString());
        assertEquals(List.of(byCash), ids(get("/api/v1/payments?month=2025-03&method=cash", owner).json().getJsonArray("data")));
        assertEquals(List.of(byBank), ids(get("/api/v1/payments?month=2025-03&status=SUCCEEDED", owner).json().getJsonArray("data")));
        assertEquals(3, get("/api/v1/payments?limit=100", owner).json().getJsonArray("data").stream()
                .filter(v -> v.asJsonObject().getString("paid_at").startsWith("2025-")).count());

        var first = get("/api/v1/payments?month=2025-03&limit=1", owner).json();
        assertEquals(List.of(byCash), ids(first.getJsonArray("data")));
        String cursor = first.getJsonObject("meta").getString("cursor");
        assertEquals(List.of(byBank), ids(get("/api/v1/payments?month=2025-03&limit=1&cursor=" + cursor, owner).json()
                .getJsonArray("data")));

        JsonObject totals = get("/api/v1/payments/totals?month=2025-03", owner).json().getJsonArray("data").getJsonObject(0);
        assertEquals("CAD", totals.getString("currency"));
        assertEquals("150.00", totals.getString("received"));
        assertEquals("50.00", totals.getString("refunded"));
        assertEquals("100.00", totals.getString("net"));

        var csv = get("/api/v1/payments/csv?month=2025-03", owner);
        assertEquals(200, csv.status(), csv.body());
        assertTrue(csv.body().startsWith("\uFEFFDate,Client,Invoice,Method,Reference,Status,Amount,Refunded,Currency"), csv.body());
        assertTrue(csv.body().contains("2025-03-31,"), "the day in Toronto: " + csv.body());
        assertTrue(csv.body().contains(",Bank transfer,'=HYPERLINK(1),SUCCEEDED,100.00,0.00,CAD"), "no formula: " + csv.body());
        assertEquals(3, csv.body().strip().split("\r?\n").length);

        assertEquals(List.of("month"), fields(get("/api/v1/payments?month=2025-13", owner)));
        assertEquals(List.of("method"), fields(get("/api/v1/payments/totals?method=card", owner)));
        assertEquals(List.of("status"), fields(get("/api/v1/payments/csv?status=paid", owner)));
        assertEquals(List.of("cursor"), fields(get("/api/v1/payments?cursor=nope", owner)));
        assertEquals(403, get("/api/v1/payments?month=2025-03", token(world.northside("agent"), null)).status());
        assertEquals(403, get("/api/v1/payments/csv", token(world.northside("agent"), null)).status());
        assertEquals(List.of(), ids(get("/api/v1/payments?month=2025-03", token(world.maple("owner"), null)).json()
                .getJsonArray("data")), "another business's payments are not there");
        assertTrue(get("/api/v1/payments/totals?month=2025-03", token(world.maple("owner"), null)).json().getJsonArray("data")
                .isEmpty());
    }

    private static String paid(String owner, String invoiceId, String provider, String amount, String at, String label) {
        var reply = send("POST", "/api/v1/payments", owner, "{\"invoice_id\":\"" + invoiceId + "\",\"provider\":\"" + provider
                + "\",\"amount\":" + amount + ",\"paid_at\":\"" + at + "\"" + (label == null ? "" : ",\"method_label\":\"" + label
                + "\"") + "}");
        assertEquals(201, reply.status(), reply.body());
        return reply.json().getJsonObject("data").getString("id");
    }

    private static List<String> ids(JsonArray rows) {
        return rows.stream().map(v -> v.asJsonObject().getString("id")).toList();
    }

    @Test
    void paymentsAtOnceNeverPayMoreThanIsDue() throws Exception {
        String owner = token(WORLD.northside("owner"), null);
        String id = sentInvoice(owner).getString("id");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            results.add(pool.submit(() -> pay(owner, id, "100").status()));
        }
        int accepted = 0;
        for (Future<Integer> r : results) {
            accepted += r.get() == 201 ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(2, accepted, "226.00 due takes two payments of 100, not more");
        assertEquals("26.00", get("/api/v1/invoices/" + id, owner).json().getJsonObject("data").getString("amount_due"));
    }

    @Test
    void badInputRolesAndBusinessesAreRefused() {
        String owner = token(WORLD.northside("owner"), null);
        String id = sentInvoice(owner).getString("id");
        assertEquals(List.of("amount"), fields(pay(owner, id, "0")));
        assertEquals(List.of("amount"), fields(pay(owner, id, "\"ten\"")));
        assertEquals(List.of("amount"), fields(pay(owner, id, "10.001")));
        assertEquals(List.of("provider"), fields(send("POST", "/api/v1/payments", owner, "{\"invoice_id\":\"" + id
                + "\",\"provider\":\"STRIPE\",\"amount\":10}")));
        assertEquals(403, pay(token(WORLD.northside("agent"), null), id, "10").status());
        assertEquals(403, pay(token(WORLD.northside("viewer"), null), id, "10").status());
        assertEquals(404, pay(token(WORLD.maple("owner"), null), id, "10").status());
        assertEquals(404, get("/api/v1/payments?invoice_id=" + id, token(WORLD.maple("owner"), null)).status());
        assertTrue(get("/api/v1/invoices/" + id, owner).json().getJsonObject("data").getString("status").equals("SENT"));
    }

    private static List<String> fields(SystemUnderTest.Reply reply) {
        return reply.json().getJsonObject("error").getJsonArray("details").stream()
                .map(v -> v.asJsonObject().getString("field")).toList();
    }
}
