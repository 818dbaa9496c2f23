package com.smbhub.system;

import static com.smbhub.system.ContactsIT.send;
import static com.smbhub.system.SystemUnderTest.get;
import static com.smbhub.system.SystemUnderTest.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Sending an invoice: the mail server receives it with the PDF and a working client link; then it is SENT. */
class SendingIT {

    private static final World WORLD = World.create();

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private static JsonObject draft(String token, String clientEmail, String run) {
        String contact = send("POST", "/api/v1/contacts", token, "{\"display_name\":\"Mailed " + run + "\""
                + (clientEmail == null ? "" : ",\"email\":\"" + clientEmail + "\"") + "}").json().getJsonObject("data").getString("id");
        var reply = send("POST", "/api/v1/invoices", token, "{\"contact_id\":\"" + contact + "\",\"tax_code\":\"HST\","
                + "\"line_items\":[{\"name\":\"Repair\",\"qty\":2,\"rate\":120},{\"name\":\"Parts\",\"qty\":1,\"rate\":30}]}");
        assertEquals(201, reply.status(), reply.body());
        return reply.json().getJsonObject("data");
    }

    @Test
    void theClientReceivesThePdfAndALinkAndTheInvoiceIsSent() throws Exception {
        String owner = token(WORLD.northside("owner"), null);
        String email = "client." + run + "@example.com";
        JsonObject invoice = draft(owner, email, run);
        var sent = send("POST", "/api/v1/invoices/" + invoice.getString("id") + "/send", owner, "{\"message\":\"Thank you!\"}");
        assertEquals(200, sent.status(), sent.body());
        assertEquals("SENT", sent.json().getJsonObject("data").getString("status"));

        Message mail = Mailbox.await(email, invoice.getString("number"));
        assertTrue(mail.getSubject().contains("Northside Plumbing"));
        Multipart parts = (Multipart) mail.getContent();
        String text = Mailbox.text(mail);
        assertTrue(text.contains("Thank you!") && text.contains("$305.10"), text);
        String link = text.lines().filter(l -> l.contains("/portal/invoices/")).findFirst().orElseThrow().trim();
        String html = Mailbox.html(mail);
        assertTrue(html != null && html.contains("href=\"" + link + "\"") && html.contains(">View invoice</a>")
                && html.contains("Thank you!"), "the HTML part has the same words and the link as a button: " + html);
        Part pdf = parts.getBodyPart(1);
        assertEquals(invoice.getString("number") + ".pdf", pdf.getFileName());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        pdf.getDataHandler().writeTo(bytes);
        assertEquals("%PDF-", bytes.toString(StandardCharsets.ISO_8859_1).substring(0, 5));
        var page = get(link.substring(link.indexOf("/portal/")), null);
        assertEquals(200, page.status());
        assertTrue(page.body().contains(invoice.getString("number")));
        assertTrue(Database.count("select count(*) from mail_log where status = 'SENT' and recipient = ?", email) == 1);
        assertTrue(Database.count("select count(*) from audit_log where action = 'invoice.sent' and entity_id = ?",
                invoice.getString("id")) == 1);
    }

    @Test
    void withoutAnAddressOrWithTheWrongRoleNothingIsSent() throws Exception {
        String owner = token(WORLD.northside("owner"), null);
        JsonObject invoice = draft(owner, null, run);
        String path = "/api/v1/invoices/" + invoice.getString("id") + "/send";
        var refused = send("POST", path, owner, "{}");
        assertEquals(400, refused.status(), refused.body());
        assertEquals(List.of("to"), refused.json().getJsonObject("error").getJsonArray("details").stream()
                .map(v -> v.asJsonObject().getString("field")).toList());
        assertEquals(400, send("POST", path, owner, "{\"to\":\"not-an-address\"}").status());
        assertEquals(403, send("POST", path, token(WORLD.northside("agent"), null), "{\"to\":\"a@example.com\"}").status());
        assertEquals(404, send("POST", path, token(WORLD.maple("owner"), null), "{\"to\":\"a@example.com\"}").status());
        assertEquals("DRAFT", get("/api/v1/invoices/" + invoice.getString("id"), owner).json().getJsonObject("data")
                .getString("status"));
        var other = send("POST", path, owner, "{\"to\":\"someone." + run + "@example.com\"}");
        assertEquals(200, other.status(), other.body());
        Mailbox.await("someone." + run + "@example.com", invoice.getString("number"));
    }

    @Test
    void remindersGoToTheClientAndMoveTheCollectionStage() throws Exception {
        String owner = token(WORLD.northside("owner"), null);
        String email = "late." + run + "@example.com";
        JsonObject invoice = draft(owner, email, run);
        String id = invoice.getString("id");
        var early = send("POST", "/api/v1/invoices/" + id + "/remind", owner, "{}");
        assertEquals(400, early.status(), "a draft gets no reminder");
        assertEquals(200, send("POST", "/api/v1/invoices/" + id + "/send", owner, "{}").status());
        assertEquals("NONE", get("/api/v1/invoices/" + id, owner).json().getJsonObject("data").getString("ar_stage"));
        var first = send("POST", "/api/v1/invoices/" + id + "/remind", owner, "{\"message\":\"Just checking in.\"}");
        assertEquals(200, first.status(), first.body());
        assertEquals("REMINDER_1", first.json().getJsonObject("data").getString("ar_stage"));
        Message mail = Mailbox.await(email, "Reminder: invoice " + invoice.getString("number"));
        String text = Mailbox.text(mail);
        assertTrue(text.contains("Just checking in.") && text.contains("$305.10 still unpaid") && text.contains("/portal/invoices/"),
                text);
        assertEquals("REMINDER_2", send("POST", "/api/v1/invoices/" + id + "/remind", owner, "{}").json()
                .getJsonObject("data").getString("ar_stage"));
        assertEquals("FINAL", send("POST", "/api/v1/invoices/" + id + "/remind", owner, "{}").json()
                .getJsonObject("data").getString("ar_stage"));
        Mailbox.await(email, "Final reminder: invoice " + invoice.getString("number"));
        assertEquals(403, send("POST", "/api/v1/invoices/" + id + "/remind", token(WORLD.northside("viewer"), null), "{}").status());
        assertEquals(404, send("POST", "/api/v1/invoices/" + id + "/remind", token(WORLD.maple("owner"), null), "{}").status());
        assertEquals(1, Database.count("select count(*) from audit_log where entity_id = ? and action = 'invoice.reminder_sent'"
                + " and after->>'ar_stage' = 'REMINDER_1'", id));
    }
}
