package com.smbhub.system;

import static com.smbhub.system.ContactsIT.send;
import static com.smbhub.system.SystemUnderTest.get;
import static com.smbhub.system.SystemUnderTest.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * "Today" is the business's day in its zone, whatever UTC's date is: Northside (Toronto) with its clock
 * set to hours when Toronto's date differs from UTC's (evenings, winter and summer time) and to hours
 * when they agree. Each run has businesses of its own, so the money cards start at zero.
 */
class BusinessDayIT {

    private static final ZoneId TORONTO = ZoneId.of("America/Toronto");

    @ParameterizedTest(name = "clock at {0}")
    @ValueSource(strings = {
            "2027-01-15T03:30:00Z", // 22:30 on 14 January in Toronto (EST), already the 15th in UTC
            "2027-07-15T02:15:00Z", // 22:15 on 14 July in Toronto (EDT)
            "2027-01-15T04:50:00Z", // 23:50 in Toronto, ten minutes before its midnight
            "2027-01-15T05:10:00Z", // 00:10 on the 15th in Toronto, just after its midnight
            "2027-01-15T16:00:00Z"  // 11:00 in Toronto, the same date as UTC
    })
    void todayDueOverdueAndTodaysPaymentsFollowTheBusinessesDay(String at) {
        World world = World.create();
        Instant now = Instant.parse(at);
        World.clock(world.northside(), now);
        ZonedDateTime local = now.atZone(TORONTO);
        LocalDate today = local.toLocalDate();
        String owner = token(world.northside("owner"), null);

        String client = send("POST", "/api/v1/contacts", owner, "{\"display_name\":\"Day client\",\"email\":\"day."
                + world.id() + "@example.com\"}").json().getJsonObject("data").getString("id");
        JsonObject dueToday = sent(owner, client, null, today);
        assertEquals(today.toString(), dueToday.getString("issue_date"), "a new invoice is dated the business's today");
        JsonObject dueYesterday = sent(owner, client, today.minusDays(2), today.minusDays(1));
        assertEquals("SENT", dueToday.getString("status"), "due today is not overdue yet");
        assertEquals("OVERDUE", dueYesterday.getString("status"));
        var overdueList = get("/api/v1/invoices?status=OVERDUE&limit=100", owner).json().getJsonArray("data").stream()
                .map(v -> v.asJsonObject().getString("id")).toList();
        assertEquals(List.of(dueYesterday.getString("id")), overdueList);

        JsonObject home = get("/api/v1/home/summary", owner).json().getJsonObject("data");
        assertEquals("452.00", home.getJsonObject("unpaid").getString("amount"));
        assertEquals("226.00", home.getJsonObject("overdue").getString("amount"));
        assertEquals("0.00", home.getJsonObject("todays_payments").getString("amount"));

        // paid just after the business's midnight (counts) and just before it (yesterday: does not count)
        ZonedDateTime midnight = today.atStartOfDay(TORONTO);
        pay(owner, dueToday.getString("id"), "10.00", midnight.plusMinutes(5).toOffsetDateTime().toString());
        pay(owner, dueToday.getString("id"), "20.00", midnight.minusMinutes(5).toOffsetDateTime().toString());
        pay(owner, dueYesterday.getString("id"), "30.00", null); // now
        home = get("/api/v1/home/summary", owner).json().getJsonObject("data");
        assertEquals("40.00", home.getJsonObject("todays_payments").getString("amount"), home.toString());
        assertEquals("392.00", home.getJsonObject("unpaid").getString("amount"));

        // work due later today is due today; work due before today's start (or earlier today, past now) is overdue
        String later = workItem(owner, "Later today", local.plusMinutes(5));
        String late = workItem(owner, "Yesterday evening", midnight.minusHours(1));
        List<String> dueTodayItems = titles(get("/api/v1/work-items?due=today&limit=100", owner));
        List<String> overdueItems = titles(get("/api/v1/work-items?due=overdue&limit=100", owner));
        assertTrue(dueTodayItems.contains(later), dueTodayItems.toString());
        assertFalse(dueTodayItems.contains(late), dueTodayItems.toString());
        assertTrue(overdueItems.contains(late), overdueItems.toString());
        assertFalse(overdueItems.contains(later), overdueItems.toString());
        assertEquals(1, get("/api/v1/home/summary", owner).json().getJsonObject("data").getJsonNumber("overdue_work_items")
                .longValue());

        // the business next door keeps the real clock
        String maple = token(world.maple("owner"), null);
        String mapleClient = send("POST", "/api/v1/contacts", maple, "{\"display_name\":\"Real-time client\"}").json()
                .getJsonObject("data").getString("id");
        LocalDate before = LocalDate.now(ZoneId.of("America/Vancouver"));
        var draft = send("POST", "/api/v1/invoices", maple, "{\"contact_id\":\"" + mapleClient + "\",\"tax_code\":\"GST\","
                + "\"line_items\":[{\"name\":\"Thing\",\"qty\":1,\"rate\":10}]}");
        LocalDate after = LocalDate.now(ZoneId.of("America/Vancouver"));
        String issued = draft.json().getJsonObject("data").getString("issue_date");
        assertTrue(issued.equals(before.toString()) || issued.equals(after.toString()), issued);
        World.clock(world.northside(), null);
    }

    @Test
    void theTestClockRefusesBadInputAndUnknownBusinesses() {
        World world = World.create();
        String path = "/api/v1/test-support/businesses/" + world.northside() + "/clock";
        for (String body : new String[] {"{\"at\":\"tomorrow\"}", "{\"at\":5}", "{\"colour\":\"red\"}", "[]", "not json"}) {
            var refused = put(path, body);
            assertEquals(400, refused.status(), body + " -> " + refused.body());
            assertEquals("VALIDATION_ERROR", refused.errorCode());
        }
        var unknown = put("/api/v1/test-support/businesses/no-such-" + world.id() + "/clock", "{\"at\":null}");
        assertEquals(404, unknown.status(), unknown.body());
        var reset = put(path, "{\"at\":null}");
        assertEquals(200, reset.status(), reset.body());
    }

    private static SystemUnderTest.Reply put(String path, String body) {
        return SystemUnderTest.send(HttpRequest.newBuilder(URI.create(SystemUnderTest.BASE + path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** A sent invoice of 226.00 (200 + 13 % HST); {@code issued} null takes the business's today. */
    private static JsonObject sent(String owner, String client, LocalDate issued, LocalDate due) {
        var created = send("POST", "/api/v1/invoices", owner, "{\"contact_id\":\"" + client + "\",\"tax_code\":\"HST\","
                + (issued == null ? "" : "\"issue_date\":\"" + issued + "\",") + "\"due_date\":\"" + due + "\","
                + "\"line_items\":[{\"name\":\"Repair\",\"qty\":1,\"rate\":200}]}");
        assertEquals(201, created.status(), created.body());
        var sent = send("POST", "/api/v1/invoices/" + created.json().getJsonObject("data").getString("id") + "/send", owner, "{}");
        assertEquals(200, sent.status(), sent.body());
        return sent.json().getJsonObject("data");
    }

    private static void pay(String owner, String invoice, String amount, String paidAt) {
        var paid = send("POST", "/api/v1/payments", owner, "{\"invoice_id\":\"" + invoice + "\",\"provider\":\"BANK\",\"amount\":"
                + amount + (paidAt == null ? "" : ",\"paid_at\":\"" + paidAt + "\"") + "}");
        assertEquals(201, paid.status(), paid.body());
    }

    private static String workItem(String owner, String title, ZonedDateTime due) {
        var created = send("POST", "/api/v1/work-items", owner, "{\"title\":\"" + title + "\",\"due_at\":\""
                + due.toOffsetDateTime() + "\"}");
        assertEquals(201, created.status(), created.body());
        return title;
    }

    private static List<String> titles(SystemUnderTest.Reply reply) {
        assertEquals(200, reply.status(), reply.body());
        return reply.json().getJsonArray("data").stream().map(v -> v.asJsonObject().getString("title")).toList();
    }
}
