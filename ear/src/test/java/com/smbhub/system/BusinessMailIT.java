package com.smbhub.system;

import static com.smbhub.system.ContactsIT.send;
import static com.smbhub.system.SystemUnderTest.get;
import static com.smbhub.system.SystemUnderTest.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.mail.Message;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A business's own mail server and wording: a refusing server leaves the invoice a draft (502, logged),
 * a working one sends from the business's address with the business's words; the password never shows.
 */
class BusinessMailIT {

    private static final World WORLD = World.create();

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private JsonObject draft(String owner, String email) {
        String contact = send("POST", "/api/v1/contacts", owner, "{\"display_name\":\"Own mail " + run + " "
                + UUID.randomUUID().toString().substring(0, 4) + "\",\"email\":\"" + email + "\"}").json()
                .getJsonObject("data").getString("id");
        return send("POST", "/api/v1/invoices", owner, "{\"contact_id\":\"" + contact + "\",\"tax_code\":\"GST\","
                + "\"line_items\":[{\"name\":\"Alteration\",\"qty\":1,\"rate\":40}]}").json().getJsonObject("data");
    }

    @Test
    void aServerOnOurOwnNetworkOrOnAPortThatIsNotMailIsRefusedAtItsField() {
        String owner = token(WORLD.maple("owner"), null);
        for (String host : List.of("169.254.169.254", "10.0.0.5", "192.168.1.1", "0.0.0.0")) {
            var metadata = send("PUT", "/api/v1/settings/email", owner, "{\"host\":\"" + host + "\",\"port\":587,"
                    + "\"starttls\":true,\"username\":\"\",\"from_address\":\"office@maple.example\"}");
            assertEquals(400, metadata.status(), metadata.body());
            assertTrue(metadata.body().contains("\"field\":\"host\""), metadata.body());
        }
        var ssh = send("PUT", "/api/v1/settings/email", owner, "{\"host\":\"93.184.216.34\",\"port\":22,"
                + "\"starttls\":true,\"username\":\"\",\"from_address\":\"office@maple.example\"}");
        assertEquals(400, ssh.status(), ssh.body());
        assertTrue(ssh.body().contains("\"field\":\"port\""), ssh.body());
        assertFalse(get("/api/v1/settings/email", owner).json().getJsonObject("data").getBoolean("own_server"));
    }

    @Test
    void aRefusingServerChangesNothingAndAWorkingOneSendsTheBusinessesWords() throws Exception {
        String owner = token(WORLD.maple("owner"), null);
        try {
            var saved = send("PUT", "/api/v1/settings/email", owner, "{\"host\":\"127.0.0.1\",\"port\":9,\"starttls\":false,"
                    + "\"username\":\"office\",\"password\":\"s3cret-" + run + "\",\"from_address\":\"office@maple.example\"}");
            assertEquals(200, saved.status(), saved.body());
            assertTrue(saved.json().getJsonObject("data").getBoolean("password_set"));
            assertFalse(saved.body().contains("s3cret") || get("/api/v1/settings/email", owner).body().contains("s3cret"));
            assertEquals(0, Database.count("select count(*) from integration_connections where credentials_ref like ?",
                    "%s3cret%"));
            assertEquals(403, get("/api/v1/settings/email", token(WORLD.maple("staff"), null)).status());

            String email = "own." + run + "@example.com";
            JsonObject invoice = draft(owner, email);
            var refused = send("POST", "/api/v1/invoices/" + invoice.getString("id") + "/send", owner, "{}");
            assertEquals(502, refused.status(), refused.body());
            assertEquals("PROVIDER_ERROR", refused.errorCode());
            assertTrue(refused.body().contains("Could not reach your mail server") && !refused.body().contains("refused"),
                    "how the connection failed stays in the server log: " + refused.body());
            assertEquals("DRAFT", get("/api/v1/invoices/" + invoice.getString("id"), owner).json().getJsonObject("data")
                    .getString("status"));
            assertEquals(1, Database.count("select count(*) from mail_log where document_id = ?::uuid and status = 'FAILED'",
                    invoice.getString("id")));

            int smtp = Mailbox.IMAP_PORT - 43 + 25;
            assertEquals(200, send("PUT", "/api/v1/settings/email", owner, "{\"host\":\"127.0.0.1\",\"port\":" + smtp
                    + ",\"starttls\":false,\"username\":\"\",\"from_address\":\"office@maple.example\"}").status());
            assertEquals(400, send("PUT", "/api/v1/settings/wording/invoice_email", owner,
                    "{\"subject\":\"Bill {number}\",\"body\":\"No link here\"}").status());
            assertEquals(400, send("DELETE", "/api/v1/settings/wording/nope", owner, null).status());
            assertEquals(400, send("PUT", "/api/v1/settings/wording/invoice_email", owner,
                    "{\"subject\":\"Bill {nummer}\",\"body\":\"{link}\"}").status());
            var words = send("PUT", "/api/v1/settings/wording/invoice_email", owner,
                    "{\"subject\":\"Your Maple bill {number}\",\"body\":\"Hi {client_name}!\\n{message}Pay {amount} at {link}\\nMaple & Co\"}");
            assertEquals(200, words.status(), words.body());
            var sent = send("POST", "/api/v1/invoices/" + invoice.getString("id") + "/send", owner, "{\"message\":\"Cheers\"}");
            assertEquals(200, sent.status(), sent.body());
            Message mail = Mailbox.await(email, "Your Maple bill " + invoice.getString("number"));
            assertTrue(mail.getFrom()[0].toString().contains("office@maple.example"), mail.getFrom()[0].toString());
            String text = Mailbox.text(mail);
            assertTrue(text.startsWith("Hi Own mail " + run) && text.contains("Cheers") && text.contains("Pay $42.00 at http"),
                    text);
        } finally {
            send("DELETE", "/api/v1/settings/email", owner, null);
            send("DELETE", "/api/v1/settings/wording/invoice_email", owner, null);
        }
        assertFalse(get("/api/v1/settings/email", owner).json().getJsonObject("data").getBoolean("own_server"));
        assertFalse(get("/api/v1/settings/wording", owner).body().contains("Your Maple bill"));
    }
}
