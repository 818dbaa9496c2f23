package com.smbhub.system;

import static com.smbhub.system.ContactsIT.send;
import static com.smbhub.system.SystemUnderTest.get;
import static com.smbhub.system.SystemUnderTest.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
