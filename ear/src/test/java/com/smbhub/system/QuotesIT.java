package com.smbhub.system;

import static com.smbhub.system.ContactsIT.edit;
import static com.smbhub.system.ContactsIT.send;
import static com.smbhub.system.SystemUnderTest.get;
import static com.smbhub.system.SystemUnderTest.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Quotes through the API and the client portal: numbering, sending, the client's answer, conversion, isolation. */
class QuotesIT {

    private static final World WORLD = World.create();

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private String contact(String staff, String email) {
        return send("POST", "/api/v1/contacts", staff, "{\"display_name\":\"Quoted " + run + " " + UUID.randomUUID()
                .toString().substring(0, 4) + "\"" + (email == null ? "" : ",\"email\":\"" + email + "\"") + "}")
                .json().getJsonObject("data").getString("id");
    }

    private JsonObject quote(String staff, String extra) {
        var reply = send("POST", "/api/v1/quotes", staff, "{\"contact_id\":\"" + contact(staff, null) + "\",\"tax_code\":\"HST\","
                + "\"line_items\":[{\"name\":\"New boiler\",\"qty\":1,\"rate\":2500},{\"name\":\"Removal\",\"qty\":1,\"rate\":150}]"
                + extra + "}");
        assertEquals(201, reply.status(), reply.body());
        return reply.json().getJsonObject("data");
    }

    private static String link(String staff, String quoteId) {
        var reply = send("POST", "/api/v1/quotes/" + quoteId + "/portal-link", staff, null);
        assertEquals(200, reply.status(), reply.body());
        return reply.json().getJsonObject("data").getString("portal_path");
    }

    static SystemUnderTest.Reply form(String path, String body) {
        return SystemUnderTest.send(HttpRequest.newBuilder(URI.create(SystemUnderTest.BASE + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static List<String> fields(SystemUnderTest.Reply reply) {
        assertEquals(400, reply.status(), reply.body());
        return reply.json().getJsonObject("error").getJsonArray("details").getValuesAs(JsonObject.class).stream()
                .map(d -> d.getString("field")).toList();
    }

    @Test
    void theListFiltersByClientAndIssueDatesLikeInvoices() {
        String staff = token(WORLD.northside("staff"), null);
        String client = contact(staff, null);
        for (String day : List.of("2026-03-02", "2026-04-15")) {
            assertEquals(201, send("POST", "/api/v1/quotes", staff, "{\"contact_id\":\"" + client + "\",\"issue_date\":\""
                    + day + "\",\"line_items\":[{\"name\":\"Survey\",\"qty\":1,\"rate\":90}]}").status());
        }
        var march = get("/api/v1/quotes?contact_id=" + client + "&from=2026-03-01&to=2026-03-31", staff).json()
                .getJsonArray("data");
        assertEquals(List.of("2026-03-02"), march.getValuesAs(JsonObject.class).stream()
                .map(q -> q.getString("issue_date")).toList());
        assertEquals(2, get("/api/v1/quotes?contact_id=" + client, staff).json().getJsonArray("data").size());
        assertEquals(List.of("from"), fields(get("/api/v1/quotes?from=yesterday", staff)));
        assertEquals(List.of("to"), fields(get("/api/v1/quotes?from=2026-03-01&to=2026-02-01", staff)));
        assertEquals(List.of("status"), fields(get("/api/v1/quotes?status=OVERDUE", staff)));
    }

    @Test
    void aQuoteHasItsOwnNumbersTotalsAndFieldErrors() {
        String staff = token(WORLD.northside("staff"), null);
        JsonObject q = quote(staff, "");
        assertTrue(q.getString("number").matches("Q-\\d{4,}"), q.getString("number"));
        assertEquals("DRAFT", q.getString("status"));
        assertEquals("2994.50", q.getString("total"));
        assertEquals(LocalDate.parse(q.getString("issue_date")).plusDays(30).toString(), q.getString("expiry_date"));
        JsonObject next = quote(staff, "");
        assertEquals(Integer.parseInt(q.getString("number").substring(2)) + 1, Integer.parseInt(next.getString("number").substring(2)));
        assertTrue(fields(send("POST", "/api/v1/quotes", staff, "{\"contact_id\":\"" + contact(staff, null) + "\","
                + "\"issue_date\":\"2026-12-10\",\"expiry_date\":\"2026-12-01\",\"line_items\":[]}"))
                .containsAll(List.of("expiry_date", "line_items")));
        assertEquals(403, send("POST", "/api/v1/quotes", token(WORLD.northside("viewer"), null), "{}").status());
        assertEquals(404, get("/api/v1/quotes/" + q.getString("id"), token(WORLD.maple("owner"), null)).status());
        var patched = edit("PATCH", "/api/v1/quotes/" + q.getString("id"), staff, "{\"notes\":\"Includes removal\"}");
        assertEquals(200, patched.status(), patched.body());
        assertEquals("Includes removal", patched.json().getJsonObject("data").getString("notes"));
        var stale = send("PATCH", "/api/v1/quotes/" + q.getString("id"), staff, "{\"notes\":\"Lost update\"}",
                "If-Match", "\"" + q.getJsonNumber("version").longValue() + "\"");
        assertEquals(409, stale.status(), stale.body());
        assertEquals("Includes removal", stale.json().getJsonObject("data").getString("notes"));
        var replay = send("POST", "/api/v1/quotes", staff, "{\"contact_id\":\"" + q.getString("contact_id") + "\","
                + "\"line_items\":[{\"name\":\"Once\",\"qty\":1,\"rate\":5}]}", "Idempotency-Key", "q-" + run);
        var again = send("POST", "/api/v1/quotes", staff, "{\"contact_id\":\"" + q.getString("contact_id") + "\","
                + "\"line_items\":[{\"name\":\"Once\",\"qty\":1,\"rate\":5}]}", "Idempotency-Key", "q-" + run);
        assertEquals(replay.json().getJsonObject("data").getString("number"), again.json().getJsonObject("data").getString("number"));
    }

    @Test
    void theClientGetsTheQuoteApprovesItAndItBecomesAnInvoiceOnce() throws Exception {
        String owner = token(WORLD.northside("owner"), null);
        String email = "quoted." + run + "@example.com";
        var created = send("POST", "/api/v1/quotes", owner, "{\"contact_id\":\"" + contact(owner, email) + "\",\"tax_code\":\"HST\","
                + "\"discount\":{\"type\":\"percent\",\"value\":10},\"line_items\":[{\"name\":\"Bathroom refit\",\"qty\":1,\"rate\":4000}]}");
        JsonObject q = created.json().getJsonObject("data");
        var sent = send("POST", "/api/v1/quotes/" + q.getString("id") + "/send", owner, "{\"message\":\"As discussed.\"}");
        assertEquals(200, sent.status(), sent.body());
        assertEquals("SENT", sent.json().getJsonObject("data").getString("status"));
        Message mail = Mailbox.await(email, q.getString("number"));
        Multipart parts = (Multipart) mail.getContent();
        String text = Mailbox.text(mail);
        assertTrue(text.contains("As discussed.") && text.contains("approve or decline"), text);
        assertEquals(q.getString("number") + ".pdf", parts.getBodyPart(1).getFileName());
        String path = text.lines().filter(l -> l.contains("/portal/quotes/")).findFirst().orElseThrow().trim();
        path = path.substring(path.indexOf("/portal/"));

        var page = get(path, null);
        assertEquals(200, page.status());
        assertTrue(page.body().contains("Quote " + q.getString("number")) && page.body().contains("$4,068.00"), page.body());
        assertFalse(page.body().contains(q.getString("id")) || page.body().contains(q.getString("contact_id")));
        assertEquals("no-referrer", page.raw().headers().firstValue("Referrer-Policy").orElseThrow());
        assertTrue(page.raw().headers().firstValue("X-Robots-Tag").orElseThrow().contains("noindex"));
        assertTrue(page.body().getBytes(StandardCharsets.UTF_8).length < 100_000 && !page.body().contains("<script"));
        var confirm = form(path + "/approve", "note=" + URLEncoder.encode("Start Monday ✓", StandardCharsets.UTF_8));
        assertEquals(200, confirm.status());
        assertTrue(confirm.body().contains("Approve quote " + q.getString("number")), confirm.body());
        assertEquals("SENT", get("/api/v1/quotes/" + q.getString("id"), owner).json().getJsonObject("data").getString("status"),
                "nothing is decided before the confirmation");
        var done = form(path + "/approve", "confirm=yes&note=" + URLEncoder.encode("Start Monday ✓", StandardCharsets.UTF_8));
        assertEquals(303, done.status(), done.body());
        assertTrue(get(path + "?done=approved", null).body().contains("Approved"));
        JsonObject approved = get("/api/v1/quotes/" + q.getString("id"), owner).json().getJsonObject("data");
        assertEquals("APPROVED", approved.getString("status"));
        assertEquals("Start Monday ✓", approved.getString("decision_note"));
        assertEquals(409, form(path + "/reject", "confirm=yes").status());
        assertTrue(get("/api/v1/notifications", owner).body().contains("Quote " + q.getString("number") + " was approved by the client"));
        assertFalse(get("/api/v1/notifications", token(WORLD.maple("owner"), null)).body().contains(q.getString("number")));

        var invoice = send("POST", "/api/v1/quotes/" + q.getString("id") + "/convert-to-invoice", owner, null);
        assertEquals(201, invoice.status(), invoice.body());
        JsonObject inv = invoice.json().getJsonObject("data");
        assertEquals("DRAFT", inv.getString("status"));
        assertEquals(q.getString("total"), inv.getString("total"));
        assertEquals("Bathroom refit", inv.getJsonArray("line_items").getJsonObject(0).getString("name"));
        var again = send("POST", "/api/v1/quotes/" + q.getString("id") + "/convert-to-invoice", owner, null);
        assertEquals(200, again.status());
        assertEquals(inv.getString("id"), again.json().getJsonObject("data").getString("id"));
        JsonObject converted = get("/api/v1/quotes/" + q.getString("id"), owner).json().getJsonObject("data");
        assertEquals("CONVERTED", converted.getString("status"));
        assertEquals(inv.getString("id"), converted.getString("converted_invoice_id"));
        assertEquals(1, Database.count("select count(*) from invoices where quote_id = ?::uuid", q.getString("id")));
    }

    @Test
    void declinedExpiredAndForeignQuotesCannotBeApprovedOrConverted() throws Exception {
        String owner = token(WORLD.northside("owner"), null);
        JsonObject declined = quote(owner, "");
        assertEquals(200, send("POST", "/api/v1/quotes/" + declined.getString("id") + "/send", owner,
                "{\"to\":\"d." + run + "@example.com\"}").status());
        String path = link(owner, declined.getString("id")); // sending made a link; this one replaces it
        assertEquals(303, form(path + "/reject", "confirm=yes&note=Too+dear").status());
        assertEquals("REJECTED", get("/api/v1/quotes/" + declined.getString("id"), owner).json().getJsonObject("data")
                .getString("status"));
        assertTrue(get("/api/v1/notifications", owner).body().contains("Quote " + declined.getString("number") + " was declined"));
        assertEquals(List.of("status"), fields(send("POST", "/api/v1/quotes/" + declined.getString("id") + "/convert-to-invoice",
                owner, null)));

        LocalDate today = LocalDate.now(ZoneId.of("America/Toronto"));
        JsonObject old = quote(owner, ",\"issue_date\":\"" + today.minusDays(20) + "\",\"expiry_date\":\"" + today.minusDays(1) + "\"");
        assertEquals(List.of("expiry_date"), fields(send("POST", "/api/v1/quotes/" + old.getString("id") + "/send", owner,
                "{\"to\":\"e." + run + "@example.com\"}")));
        edit("PATCH", "/api/v1/quotes/" + old.getString("id"), owner, "{\"expiry_date\":\"" + today.plusDays(1) + "\"}");
        assertEquals(200, send("POST", "/api/v1/quotes/" + old.getString("id") + "/send", owner,
                "{\"to\":\"e." + run + "@example.com\"}").status());
        try (var db = Database.connect(); var ps = db.prepareStatement("update quotes set expiry_date = ? where id = ?::uuid")) {
            ps.setObject(1, today.minusDays(1)); // a day passes
            ps.setString(2, old.getString("id"));
            ps.executeUpdate();
        }
        String oldPath = link(owner, old.getString("id"));
        assertEquals("EXPIRED", get("/api/v1/quotes/" + old.getString("id"), owner).json().getJsonObject("data").getString("status"));
        var expiredPage = get(oldPath, null);
        assertTrue(expiredPage.body().contains("Expired on") && !expiredPage.body().contains("id=\"approve\""));
        assertEquals(409, form(oldPath + "/approve", "confirm=yes").status());
        assertEquals(1, get("/api/v1/quotes?status=EXPIRED", owner).json().getJsonArray("data").getValuesAs(JsonObject.class)
                .stream().filter(x -> x.getString("id").equals(old.getString("id"))).count());

        // a quote link opens only its quote; another business cannot touch it
        String token = path.substring(path.lastIndexOf('/') + 1);
        assertEquals(404, get("/portal/invoices/" + token, null).status());
        assertEquals(404, get("/portal/quotes/" + "B".repeat(43), null).status());
        String maple = token(WORLD.maple("owner"), null);
        assertEquals(404, send("POST", "/api/v1/quotes/" + old.getString("id") + "/approve", maple, null).status());
        assertEquals(404, send("POST", "/api/v1/quotes/" + declined.getString("id") + "/convert-to-invoice", maple, null).status());
        assertEquals(404, send("POST", "/api/v1/quotes/" + old.getString("id") + "/portal-link", maple, null).status());
    }

    @Test
    void aQuoteToldInPersonAndAWorkItemsDraftQuote() {
        String owner = token(WORLD.northside("owner"), null);
        JsonObject q = quote(owner, "");
        assertEquals(List.of("status"), fields(send("POST", "/api/v1/quotes/" + q.getString("id") + "/approve", owner, null)));
        send("POST", "/api/v1/quotes/" + q.getString("id") + "/send", owner, "{\"to\":\"p." + run + "@example.com\"}");
        var approved = send("POST", "/api/v1/quotes/" + q.getString("id") + "/approve", owner, "{\"note\":\"On the phone\"}");
        assertEquals(200, approved.status(), approved.body());
        assertEquals("APPROVED", approved.json().getJsonObject("data").getString("status"));
        assertEquals(403, send("POST", "/api/v1/quotes/" + q.getString("id") + "/convert-to-invoice",
                token(WORLD.northside("viewer"), null), null).status());

        String item = send("POST", "/api/v1/work-items", owner, "{\"title\":\"Quote me " + run + "\",\"contact_id\":\""
                + contact(owner, null) + "\"}").json().getJsonObject("data").getString("id");
        var first = send("POST", "/api/v1/work-items/" + item + "/quote", owner, null);
        assertEquals(200, first.status(), first.body());
        var second = send("POST", "/api/v1/work-items/" + item + "/quote", owner, null);
        assertEquals(first.json().getJsonObject("data").getString("id"), second.json().getJsonObject("data").getString("id"));
        assertEquals("Quote me " + run, first.json().getJsonObject("data").getJsonArray("line_items").getJsonObject(0)
                .getString("name"));
    }

    @Test
    void aBusinessWithQuotesOffGetsCapabilityDisabled() {
        String owner = token(WORLD.maple("owner"), null);
        try {
            assertEquals(200, edit("PATCH", "/api/v1/settings/business", owner, "{\"quotes_enabled\":false}").status());
            var refused = send("POST", "/api/v1/quotes", owner, "{\"contact_id\":\"" + contact(owner, null) + "\","
                    + "\"line_items\":[{\"name\":\"x\",\"qty\":1,\"rate\":1}]}");
            assertEquals(403, refused.status(), refused.body());
            assertEquals("CAPABILITY_DISABLED", refused.errorCode());
        } finally {
            edit("PATCH", "/api/v1/settings/business", owner, "{\"quotes_enabled\":true}");
        }
    }
}
