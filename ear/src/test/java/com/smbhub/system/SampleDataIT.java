package com.smbhub.system;

import static com.smbhub.system.ContactsIT.send;
import static com.smbhub.system.SystemUnderTest.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smbhub.system.SystemUnderTest.Reply;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * "Fill with sample data" / "Remove sample data" and the demo that looks alive (issue 13): a business in
 * its third month with work in every status and documents in every state whose amounts add up, only in
 * the business that asked, once; removing it leaves what the business's own work refers to.
 */
class SampleDataIT {

    private static final World WORLD = World.create();

    @Test
    void aFilledBusinessShowsWorkAndMoneyInEveryStateWithAmountsThatAddUp() {
        String owner = SystemUnderTest.token(WORLD.northside("owner"), null);
        Reply made = send("POST", "/api/v1/sample-data", owner, null);
        assertEquals(200, made.status(), made.body());
        JsonObject counts = data(made).asJsonObject();
        assertEquals(30, counts.getInt("contacts"));
        assertEquals(40, counts.getInt("work_items"));
        assertEquals(18, counts.getInt("invoices"));
        assertEquals(8, counts.getInt("quotes"));
        assertTrue(counts.getInt("payments") >= 10, counts.toString());
        JsonObject again = data(send("POST", "/api/v1/sample-data", owner, null)).asJsonObject();
        assertEquals(0, again.getInt("contacts"), "a second fill makes nothing: " + again);

        for (String status : List.of("NEW", "IN_PROGRESS", "WAITING", "NEEDS_APPROVAL", "DONE", "CANCELED")) {
            assertFalse(list("/api/v1/work-items?status=" + status, owner).isEmpty(), "work " + status);
        }
        Set<String> assignees = new HashSet<>();
        list("/api/v1/work-items?limit=100", owner).forEach(w -> assignees.add(String.valueOf(w.asJsonObject().get("assigned_to"))));
        assertTrue(assignees.size() >= 5, "every member and nobody: " + assignees);
        for (String status : List.of("DRAFT", "SENT", "OVERDUE", "PARTIALLY_PAID", "PAID", "VOID")) {
            assertFalse(list("/api/v1/invoices?status=" + status, owner).isEmpty(), "invoice " + status);
        }
        for (String status : List.of("DRAFT", "SENT", "APPROVED", "REJECTED", "EXPIRED", "CONVERTED")) {
            assertFalse(list("/api/v1/quotes?status=" + status, owner).isEmpty(), "quote " + status);
        }
        for (JsonValue v : list("/api/v1/invoices?limit=100", owner)) {
            JsonObject i = v.asJsonObject();
            BigDecimal total = new BigDecimal(i.getString("total"));
            BigDecimal paid = new BigDecimal(i.getString("amount_paid"));
            BigDecimal due = new BigDecimal(i.getString("amount_due"));
            if (!i.getString("status").equals("VOID")) {
                assertEquals(0, total.subtract(paid).compareTo(due), "due = total - paid: " + i);
            }
            assertTrue(total.signum() > 0 && i.getString("number").startsWith("SAMPLE-INV-"), i.toString());
        }
        assertTrue(list("/api/v1/invoices?status=SENT", owner).stream().anyMatch(i -> !i.asJsonObject().isNull("viewed_at"))
                && list("/api/v1/invoices?status=SENT", owner).stream().anyMatch(i -> i.asJsonObject().isNull("viewed_at")),
                "some sent invoices were opened by their clients, some not yet");
        JsonObject opened = list("/api/v1/invoices?status=SENT", owner).stream().map(JsonValue::asJsonObject)
                .filter(i -> !i.isNull("viewed_at")).findFirst().orElseThrow();
        assertTrue(list("/api/v1/contacts/" + opened.getString("contact_id") + "/timeline", owner).stream()
                .anyMatch(e -> e.asJsonObject().getString("title").equals("Invoice " + opened.getString("number")
                        + " opened by the client")), "the timeline says when the client opened it");
        JsonObject home = data(get("/api/v1/home/summary", owner)).asJsonObject();
        for (String money : List.of("unpaid", "overdue", "todays_payments")) {
            assertTrue(new BigDecimal(home.getJsonObject(money).getString("amount")).signum() > 0, money + ": " + home);
        }
        assertTrue(home.getInt("new_work_items") > 0 && home.getInt("overdue_work_items") > 0, home.toString());

        String paidInvoice = list("/api/v1/invoices?status=PAID", owner).get(0).asJsonObject().getString("id");
        String client = data(get("/api/v1/invoices/" + paidInvoice, owner)).asJsonObject().getString("contact_id");
        Set<String> lines = new HashSet<>();
        list("/api/v1/contacts/" + client + "/timeline", owner).forEach(e -> lines.add(e.asJsonObject().getString("title")));
        assertTrue(lines.stream().anyMatch(t -> t.contains("sent")) && lines.stream().anyMatch(t -> t.startsWith("Payment")),
                "the client's timeline tells the story: " + lines);

        String maple = SystemUnderTest.token(WORLD.maple("owner"), null);
        assertFalse(data(get("/api/v1/sample-data", maple)).asJsonObject().getBoolean("present"), "only the business that asked");
        assertTrue(list("/api/v1/invoices", maple).isEmpty(), "Maple & Co has no invoices");
    }

    @Test
    void removingLeavesWhatTheBusinessesOwnWorkRefersToAndOnlyOwnersAndAdminsMayDoIt() {
        World own = World.create();
        String owner = SystemUnderTest.token(own.maple("owner"), null);
        assertEquals(403, send("POST", "/api/v1/sample-data", SystemUnderTest.token(own.maple("staff"), null), null).status());
        assertEquals(200, send("POST", "/api/v1/sample-data", SystemUnderTest.token(own.maple("admin"), null), null).status());
        assertTrue(data(get("/api/v1/sample-data", SystemUnderTest.token(own.maple("viewer"), null))).asJsonObject()
                .getBoolean("present"));
        List<JsonValue> orders = list("/api/v1/work-items?type=ORDER&limit=100", owner);
        assertTrue(orders.size() > 10 && orders.stream().allMatch(o -> o.asJsonObject().getJsonObject("labels_json")
                .getString("external_order_id").startsWith("SQ-")), "a shop's orders have their order ids");

        JsonObject sent = list("/api/v1/invoices?status=SENT", owner).get(0).asJsonObject();
        Reply payment = send("POST", "/api/v1/payments", owner, "{\"invoice_id\":\"" + sent.getString("id")
                + "\",\"provider\":\"CASH\",\"amount\":\"1.00\"}");
        assertEquals(201, payment.status(), payment.body());
        String client = list("/api/v1/contacts?limit=100", owner).get(3).asJsonObject().getString("id");
        Reply mine = send("POST", "/api/v1/invoices", owner, "{\"contact_id\":\"" + client
                + "\",\"line_items\":[{\"name\":\"Gift card\",\"qty\":1,\"rate\":50}]}");
        assertEquals(201, mine.status(), mine.body());
        String ownInvoice = mine.json().getJsonObject("data").getString("id");

        assertEquals(403, send("DELETE", "/api/v1/sample-data", SystemUnderTest.token(own.maple("agent"), null), null).status());
        Reply removed = send("DELETE", "/api/v1/sample-data", owner, null);
        assertEquals(200, removed.status(), removed.body());
        JsonObject counts = data(removed).asJsonObject();
        assertFalse(counts.getBoolean("present"));
        assertEquals(17, counts.getInt("invoices"), "the invoice the business was paid on stays: " + counts);
        assertTrue(counts.getInt("contacts") <= 29, "the clients of kept invoices stay: " + counts);

        assertEquals(200, get("/api/v1/invoices/" + ownInvoice, owner).status());
        assertEquals(200, get("/api/v1/contacts/" + client, owner).status());
        assertEquals(200, get("/api/v1/invoices/" + sent.getString("id"), owner).status());
        assertEquals(2, list("/api/v1/invoices?limit=100", owner).size(), "its own invoice and the one it took a payment on");
        assertTrue(list("/api/v1/work-items?limit=100", owner).size() <= 2, "sample work is gone");
        assertFalse(data(get("/api/v1/sample-data", owner)).asJsonObject().getBoolean("present"));
        assertEquals(30, data(send("POST", "/api/v1/sample-data", owner, null)).asJsonObject().getInt("contacts"),
                "it can be filled again");
    }

    private static JsonValue data(Reply reply) {
        assertEquals(200, reply.status(), reply.body());
        return reply.json().get("data");
    }

    private static List<JsonValue> list(String path, String token) {
        return data(get(path, token)).asJsonArray();
    }
}
