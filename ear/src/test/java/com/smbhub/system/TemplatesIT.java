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
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** E-mail templates: a business's own, the default of each kind (Settings → Business), a pick when sending. */
class TemplatesIT {

    private static final World WORLD = World.create();

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    /** Maple & Co's defaults go back to the standard e-mails, so other tests read the shipped wording. */
    @AfterEach
    void standardDefaults() {
        var reply = edit("PATCH", "/api/v1/settings/business", token(WORLD.maple("owner"), null), "{\"default_templates\":"
                + "{\"invoice_email\":\"tpl_invoice_default_v1\",\"quote_email\":\"tpl_quote_default_v1\","
                + "\"reminder_email\":\"tpl_msg_paylink_v1\"}}");
        assertEquals(200, reply.status(), reply.body());
    }

    static String create(String token, String kind, String name, String subject) {
        var reply = send("POST", "/api/v1/templates", token, "{\"kind\":\"" + kind + "\",\"name\":\"" + name + "\",\"subject\":\""
                + subject + "\",\"body\":\"Hello {client_name},\\n\\n{amount} is due. Pay here: {link}\\n\\n{business_name}\"}");
        assertEquals(201, reply.status(), reply.body());
        return reply.json().getJsonObject("data").getString("id");
    }

    private static long version(String token, String id) {
        return get("/api/v1/templates", token).json().getJsonArray("data").stream().map(v -> v.asJsonObject())
                .filter(t -> t.getString("id").equals(id)).findFirst().orElseThrow().getJsonNumber("version").longValue();
    }

    private String sentInvoice(String owner, String email) {
        String contact = send("POST", "/api/v1/contacts", owner, "{\"display_name\":\"Templated " + run + "\",\"email\":\""
                + email + "\"}").json().getJsonObject("data").getString("id");
        var invoice = send("POST", "/api/v1/invoices", owner, "{\"contact_id\":\"" + contact + "\","
                + "\"line_items\":[{\"name\":\"Alterations\",\"qty\":1,\"rate\":80}]}");
        assertEquals(201, invoice.status(), invoice.body());
        String id = invoice.json().getJsonObject("data").getString("id");
        assertEquals(200, send("POST", "/api/v1/invoices/" + id + "/send", owner, "{}").status());
        return id;
    }

    private static String stage(String owner, String invoice) {
        return get("/api/v1/invoices/" + invoice, owner).json().getJsonObject("data").getString("ar_stage");
    }

    @Test
    void theDefaultTemplateIsSentAndASenderMayPickAnother() throws Exception {
        String owner = token(WORLD.maple("owner"), null);
        String email = "templated." + run + "@example.com";
        String invoice = sentInvoice(owner, email);
        String firm = create(owner, "reminder_email", "Firm " + run, "Overdue {number} " + run);
        var settings = edit("PATCH", "/api/v1/settings/business", owner, "{\"default_templates\":{\"reminder_email\":\"" + firm + "\"}}");
        assertEquals(200, settings.status(), settings.body());
        assertEquals(firm, settings.json().getJsonObject("data").getJsonObject("default_templates").getString("reminder_email"));
        assertTrue(get("/api/v1/templates?kind=reminder_email", owner).json().getJsonArray("data").stream()
                .map(v -> v.asJsonObject()).anyMatch(t -> t.getString("id").equals(firm) && t.getBoolean("default")));

        assertEquals(200, send("POST", "/api/v1/invoices/" + invoice + "/remind", owner, "{}").status());
        Message mail = Mailbox.await(email, "Overdue ");
        assertTrue(mail.getSubject().endsWith(" " + run), mail.getSubject());
        String text = Mailbox.text(mail);
        assertTrue(text.contains("$80.00 is due") && text.contains("/portal/invoices/"), text);

        var picked = send("POST", "/api/v1/invoices/" + invoice + "/remind", owner, "{\"template_id\":\"tpl_msg_paylink_v1\"}");
        assertEquals(200, picked.status(), picked.body());
        Mailbox.await(email, "Reminder: invoice ");
        assertEquals("REMINDER_2", stage(owner, invoice));

        // a quote template, or another business's, is not a reminder of this business: nothing is sent
        String quoteTemplate = create(owner, "quote_email", "Quote " + run, "Your quote {number}");
        String northside = create(token(WORLD.northside("owner"), null), "reminder_email", "Theirs " + run, "Theirs {number}");
        for (String wrong : List.of(quoteTemplate, northside, "tpl_invoice_default_v1", "not-an-id")) {
            var refused = send("POST", "/api/v1/invoices/" + invoice + "/remind", owner, "{\"template_id\":\"" + wrong + "\"}");
            assertEquals(400, refused.status(), refused.body());
            assertEquals("template_id", refused.json().getJsonObject("error").getJsonArray("details").getJsonObject(0)
                    .getString("field"));
        }
        assertEquals("REMINDER_2", stage(owner, invoice));
        assertEquals(204, send("DELETE", "/api/v1/templates/" + northside, token(WORLD.northside("owner"), null), null).status());
    }

    @Test
    void deletingTheDefaultBringsBackTheStandardEmail() {
        String owner = token(WORLD.maple("owner"), null);
        String mine = create(owner, "invoice_email", "Short " + run, "Invoice {number}");
        assertEquals(200, edit("PATCH", "/api/v1/settings/business", owner,
                "{\"default_templates\":{\"invoice_email\":\"" + mine + "\"}}").status());
        assertEquals(204, send("DELETE", "/api/v1/templates/" + mine, owner, null).status());
        JsonObject defaults = get("/api/v1/settings/business", owner).json().getJsonObject("data").getJsonObject("default_templates");
        assertEquals("tpl_invoice_default_v1", defaults.getString("invoice_email"));
        assertFalse(get("/api/v1/templates", owner).json().getJsonArray("data").stream()
                .anyMatch(t -> t.asJsonObject().getString("id").equals(mine)));
        assertEquals(404, send("DELETE", "/api/v1/templates/" + mine, owner, null).status());
        assertEquals(1, count("template.deleted", mine));
    }

    @Test
    void ownersAndAdminsChangeTemplatesOfTheirOwnBusinessOnly() {
        String owner = token(WORLD.maple("owner"), null);
        String mine = create(owner, "quote_email", "Warm " + run, "Quote {number} for you");
        assertEquals(428, send("PATCH", "/api/v1/templates/" + mine, owner, "{\"name\":\"Warmer " + run + "\"}").status());
        var renamed = send("PATCH", "/api/v1/templates/" + mine, owner, "{\"name\":\"Warmer " + run + "\"}",
                "If-Match", "\"" + version(owner, mine) + "\"");
        assertEquals(200, renamed.status(), renamed.body());
        assertEquals("Quote {number} for you", renamed.json().getJsonObject("data").getString("subject"));
        assertEquals(403, send("POST", "/api/v1/templates", token(WORLD.northside("staff"), null),
                "{\"kind\":\"quote_email\",\"name\":\"S\",\"subject\":\"s\",\"body\":\"{link}\"}").status());
        String other = token(WORLD.northside("owner"), null);
        assertFalse(get("/api/v1/templates", other).json().getJsonArray("data").stream()
                .anyMatch(t -> t.asJsonObject().getString("id").equals(mine)), "another business does not see it");
        assertEquals(404, send("PATCH", "/api/v1/templates/" + mine, other, "{\"name\":\"x\"}").status());
        assertEquals(404, send("DELETE", "/api/v1/templates/" + mine, other, null).status());
        assertEquals(400, edit("PATCH", "/api/v1/settings/business", other,
                "{\"default_templates\":{\"quote_email\":\"" + mine + "\"}}").status());
        var bad = send("POST", "/api/v1/templates", owner, "{\"kind\":\"sms\",\"name\":\"warmer " + run.toUpperCase()
                + "\",\"subject\":\"{nope}\",\"body\":\"no link\"}");
        assertEquals(400, bad.status());
        assertEquals(Set.of("kind", "subject", "body"), bad.json().getJsonObject("error").getJsonArray("details").stream()
                .map(d -> d.asJsonObject().getString("field")).collect(Collectors.toSet()));
        var duplicate = send("POST", "/api/v1/templates", owner, "{\"kind\":\"quote_email\",\"name\":\"warmer " + run.toUpperCase()
                + "\",\"subject\":\"s\",\"body\":\"{link}\"}");
        assertEquals(400, duplicate.status());
        assertEquals(200, get("/api/v1/templates?kind=quote_email", token(WORLD.northside("viewer"), null)).status());
        assertEquals(400, get("/api/v1/templates?kind=sms", owner).status());
        assertEquals(1, count("template.created", mine));
        assertEquals(1, count("template.changed", mine));
    }

    private static long count(String action, String id) {
        try {
            return Database.count("select count(*) from audit_log where action = ? and entity_id = ?", action, id);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
