package com.smbhub.system;

import static com.smbhub.system.ContactsIT.send;
import static com.smbhub.system.SystemUnderTest.get;
import static com.smbhub.system.SystemUnderTest.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.mail.Message;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * "Message <business>" on the client's pages, against the deployed EAR: a plain form (no script) puts the
 * client's message in the business's inbox about that document; the answer is e-mailed with a link back to
 * the page, which shows both; bad, oversized and too many messages are refused with a page; other
 * businesses never see it.
 */
class PortalMessagesIT {

    private static final World WORLD = World.create();

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private static String contact(String staff, String name, String email) {
        var made = send("POST", "/api/v1/contacts", staff, "{\"display_name\":\"" + name + "\",\"email\":\"" + email + "\"}");
        assertEquals(201, made.status(), made.body());
        return made.json().getJsonObject("data").getString("id");
    }

    private static JsonObject document(String staff, String kind, String contact) {
        var made = send("POST", "/api/v1/" + kind, staff, "{\"contact_id\":\"" + contact + "\","
                + "\"line_items\":[{\"name\":\"Boiler service\",\"qty\":1,\"rate\":200}]}");
        assertEquals(201, made.status(), made.body());
        return made.json().getJsonObject("data");
    }

    private static String link(String staff, String kind, String id) {
        var reply = send("POST", "/api/v1/" + kind + "/" + id + "/portal-link", staff, null);
        assertEquals(200, reply.status(), reply.body());
        return reply.json().getJsonObject("data").getString("portal_path");
    }

    static SystemUnderTest.Reply write(String link, String text) {
        return SystemUnderTest.send(HttpRequest.newBuilder(URI.create(SystemUnderTest.BASE + link + "/message"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("text=" + URLEncoder.encode(text, StandardCharsets.UTF_8))).build());
    }

    private static JsonObject conversation(String token, String q) {
        var list = get("/api/v1/conversations?q=" + q, token);
        assertEquals(200, list.status(), list.body());
        var data = list.json().getJsonArray("data");
        assertEquals(1, data.size(), data.toString());
        return data.getJsonObject(0);
    }

    @Test
    void aClientsMessageReachesTheInboxAndTheAnswerComesBackByMailWithALinkToThePage() throws Exception {
        String owner = token(WORLD.northside("owner"), null);
        String email = "dana-" + run + "@example.com";
        String contact = contact(owner, "Dana " + run, email);
        JsonObject invoice = document(owner, "invoices", contact);
        String link = link(owner, "invoices", invoice.getString("id"));
        var page = get(link, null);
        assertTrue(page.body().contains("Message Northside Plumbing") && page.body().contains("action=\""), page.body());
        assertFalse(page.body().contains("<script"), "works without scripts");

        var sent = write(link, "Can I pay half now and half next week? " + run);
        assertEquals(303, sent.status(), sent.body());
        String back = sent.raw().headers().firstValue("Location").orElseThrow();
        assertTrue(back.endsWith(link + "?sent=1#messages"), back);
        var after = get(link + "?sent=1", null);
        assertTrue(after.body().contains("has your message"), after.body());
        assertTrue(after.body().contains("Can I pay half now and half next week? " + run), after.body());

        JsonObject c = conversation(owner, run);
        assertEquals("WEB_PORTAL", c.getString("channel"));
        assertEquals(contact, c.getString("contact_id"));
        assertEquals("Invoice " + invoice.getString("number"), c.getString("subject"));
        assertEquals("INVOICE", c.getString("document_type"));
        assertEquals(invoice.getString("id"), c.getString("document_id"));
        assertEquals(1, c.getInt("unread_count"));
        assertTrue(c.getJsonArray("allowed_actions").toString().contains("reply"), c.toString());

        var answer = send("POST", "/api/v1/conversations/" + c.getString("id") + "/messages", owner,
                "{\"text\":\"Yes, half now is fine. " + run + "\"}");
        assertEquals(201, answer.status(), answer.body());
        assertEquals("SENT", answer.json().getJsonObject("data").getString("state"));
        Message mail = Mailbox.await(email, "Invoice " + invoice.getString("number"));
        String text = Mailbox.text(mail);
        assertTrue(text.contains("Yes, half now is fine. " + run), text);
        Matcher url = Pattern.compile("https?://\\S+(/portal/invoices/[A-Za-z0-9_-]{43})").matcher(text);
        assertTrue(url.find(), "a link back to the page: " + text);
        var fromMail = get(url.group(1), null);
        assertEquals(200, fromMail.status());
        assertTrue(fromMail.body().contains("Yes, half now is fine. " + run), "the page shows the answer: " + fromMail.body());
        assertEquals(200, get(link, null).status(), "the link the client had still opens");

        assertEquals(303, write(link, "Thanks! " + run).status());
        assertEquals(3, get("/api/v1/conversations/" + c.getString("id") + "/messages", owner).json().getJsonArray("data").size(),
                "one conversation per document");
    }

    @Test
    void aMessageFromTheQuotePageIsAboutThatQuote() {
        String staff = token(WORLD.northside("staff"), null);
        JsonObject quote = document(staff, "quotes", contact(staff, "Quinn " + run, "quinn-" + run + "@example.com"));
        String link = link(staff, "quotes", quote.getString("id"));
        assertTrue(get(link, null).body().contains("Message Northside Plumbing"));
        assertEquals(303, write(link, "Does this include the valve? " + run).status());
        JsonObject c = conversation(staff, run);
        assertEquals("QUOTE", c.getString("document_type"));
        assertEquals(quote.getString("id"), c.getString("document_id"));
        assertEquals("Quote " + quote.getString("number"), c.getString("subject"));
    }

    @Test
    void emptyOversizedControlAndTooManyMessagesAreRefusedWithAPageAndChangeNothing() {
        String owner = token(WORLD.northside("owner"), null);
        JsonObject invoice = document(owner, "invoices", contact(owner, "Lee " + run, "lee-" + run + "@example.com"));
        String link = link(owner, "invoices", invoice.getString("id"));
        var empty = write(link, "   ");
        assertEquals(400, empty.status());
        assertTrue(empty.body().contains("Write your message"), empty.body());
        var huge = write(link, "x".repeat(2001));
        assertEquals(400, huge.status());
        assertTrue(huge.body().contains("2,000"), huge.body());
        assertEquals(400, write(link, "a\u0000b " + run).status());
        assertEquals(404, write("/portal/invoices/" + "A".repeat(43), "hello " + run).status());
        assertTrue(get("/api/v1/conversations?q=" + run, owner).json().getJsonArray("data").isEmpty(), "nothing stored");
        for (int n = 1; n <= 10; n++) {
            assertEquals(303, write(link, "message " + n + " " + run).status());
        }
        var limited = write(link, "one more " + run);
        assertEquals(429, limited.status(), limited.body());
        assertTrue(limited.raw().headers().firstValue("Retry-After").isPresent());
        String id = conversation(owner, run).getString("id");
        assertEquals(10, get("/api/v1/conversations/" + id + "/messages", owner).json().getJsonArray("data").size());
    }

    @Test
    void aBusinessWithItsInboxOffOffersNoMessageForm() {
        String owner = token(WORLD.maple("owner"), null);
        JsonObject invoice = document(owner, "invoices", contact(owner, "Off " + run, "off-" + run + "@example.com"));
        String link = link(owner, "invoices", invoice.getString("id"));
        assertEquals(200, ProfileIT.patchOverrides(owner, "{\"capabilities\":{\"inbox\":false}}").status());
        try {
            var page = get(link, null);
            assertEquals(200, page.status());
            assertFalse(page.body().contains("send-message"), "no form when nobody would read it");
            var refused = write(link, "Anyone there? " + run);
            assertEquals(409, refused.status(), refused.body());
        } finally {
            assertEquals(200, ProfileIT.patchOverrides(owner, "{\"capabilities\":{\"inbox\":null}}").status());
        }
        assertTrue(get(link, null).body().contains("send-message"));
    }

    @Test
    void aPortalConversationStaysInItsBusiness() {
        String owner = token(WORLD.northside("owner"), null);
        JsonObject invoice = document(owner, "invoices", contact(owner, "Kai " + run, "kai-" + run + "@example.com"));
        assertEquals(303, write(link(owner, "invoices", invoice.getString("id")), "Private note " + run).status());
        String id = conversation(owner, run).getString("id");
        String maple = token(WORLD.maple("owner"), null);
        assertTrue(get("/api/v1/conversations?q=" + run, maple).json().getJsonArray("data").isEmpty());
        assertEquals(404, get("/api/v1/conversations/" + id, maple).status());
        assertEquals(404, send("POST", "/api/v1/conversations/" + id + "/messages", maple, "{\"text\":\"x\"}").status());
    }
}
