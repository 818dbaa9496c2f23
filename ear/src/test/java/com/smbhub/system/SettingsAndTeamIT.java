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
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Settings → Business and Team through the API: rules at the field, profile switch, invitations, disable. */
class SettingsAndTeamIT {

    private static final World WORLD = World.create();

    private static List<String> fields(SystemUnderTest.Reply reply) {
        return reply.json().getJsonObject("error").getJsonArray("details").stream()
                .map(v -> v.asJsonObject().getString("field")).toList();
    }

    private static JsonObject member(String token, String email) {
        return get("/api/v1/team/members?limit=100", token).json().getJsonArray("data").stream().map(v -> v.asJsonObject())
                .filter(m -> m.getJsonObject("user").getString("email").equals(email)).findFirst().orElseThrow();
    }

    @Test
    void badSettingsAreRefusedAtTheirFieldsAndChangeNothing() {
        String owner = token(WORLD.northside("owner"), null);
        JsonObject before = get("/api/v1/settings/business", owner).json().getJsonObject("data");
        var refused = edit("PATCH", "/api/v1/settings/business", owner,
                "{\"name\":\"\",\"timezone\":\"Mars/Base\",\"currency\":\"XX\",\"profile_id\":\"bakery\",\"ar_days\":[400],"
                + "\"ar_send_hour\":24}");
        assertEquals(400, refused.status(), refused.body());
        assertEquals(List.of("name", "timezone", "currency", "profile_id", "ar_days", "ar_send_hour"), fields(refused));
        assertEquals(before, get("/api/v1/settings/business", owner).json().getJsonObject("data"));
        assertEquals(403, get("/api/v1/settings/business", token(WORLD.northside("staff"), null)).status());
        assertEquals(400, send("PATCH", "/api/v1/settings/business", owner, "{\"colour\":\"red\"}").status());
    }

    @Test
    void theBusinessDetailsChangeThroughTheApiAndNewDocumentsStartWithTheirNotesAndTerms() {
        String owner = token(WORLD.northside("owner"), null);
        String path = "/api/v1/settings/business/details";
        assertEquals(403, get(path, token(WORLD.northside("staff"), null)).status());
        assertEquals(428, send("PATCH", path, owner, "{\"city\":\"Toronto\"}").status());
        assertEquals(400, edit("PATCH", path, owner, "{\"colour\":\"red\"}").status());
        JsonObject before = get(path, owner).json().getJsonObject("data");
        var refused = edit("PATCH", path, owner, "{\"country\":\"XX\",\"email\":\"not-an-address\",\"website\":\"no site\","
                + "\"city\":\"two\\nlines\"}");
        assertEquals(400, refused.status(), refused.body());
        assertEquals(List.of("city", "country", "email", "website"), fields(refused).stream().sorted().toList());
        assertEquals(before, get(path, owner).json().getJsonObject("data"), "a refused change changes nothing");
        String notes = "Thank you for your business " + UUID.randomUUID();
        var saved = edit("PATCH", path, owner, "{\"legal_name\":\"Northside Plumbing Ltd.\",\"country\":\"ca\","
                + "\"default_notes\":\"" + notes + "\",\"default_terms\":\"Net 14\"}");
        assertEquals(200, saved.status(), saved.body());
        JsonObject details = saved.json().getJsonObject("data");
        assertEquals("CA", details.getString("country"));
        assertEquals("Northside Plumbing Ltd.", details.getString("legal_name"));
        assertEquals(before.get("city"), details.get("city"), "a field not sent keeps its value");
        assertTrue(get(path, token(WORLD.maple("owner"), null)).json().getJsonObject("data").isNull("legal_name"),
                "another business's details are its own");
        try {
            String contact = send("POST", "/api/v1/contacts", owner, "{\"display_name\":\"Defaults " + UUID.randomUUID()
                    + "\"}").json().getJsonObject("data").getString("id");
            String lines = "\"line_items\":[{\"name\":\"Job\",\"qty\":1,\"rate\":10}]";
            JsonObject plain = send("POST", "/api/v1/invoices", owner, "{\"contact_id\":\"" + contact + "\"," + lines + "}")
                    .json().getJsonObject("data");
            assertEquals(notes, plain.getString("notes"));
            assertEquals("Net 14", plain.getString("terms"));
            JsonObject own = send("POST", "/api/v1/quotes", owner, "{\"contact_id\":\"" + contact + "\"," + lines
                    + ",\"notes\":\"Ours\",\"terms\":null}").json().getJsonObject("data");
            assertEquals("Ours", own.getString("notes"));
            assertTrue(own.isNull("terms"), "terms sent as null stay empty");
            String item = send("POST", "/api/v1/work-items", owner, "{\"title\":\"Leak\",\"contact_id\":\"" + contact + "\"}")
                    .json().getJsonObject("data").getString("id");
            var fromWork = send("POST", "/api/v1/work-items/" + item + "/invoice", owner, "");
            assertEquals(201, fromWork.status(), fromWork.body());
            assertEquals(notes, fromWork.json().getJsonObject("data").getString("notes"));
        } finally {
            assertEquals(200, edit("PATCH", path, owner, "{\"default_notes\":null,\"default_terms\":\"\"}").status());
        }
        assertTrue(get(path, owner).json().getJsonObject("data").isNull("default_terms"));
    }

    @Test
    void theCatalogThroughTheApiIsTheBusinesssOwn() {
        String owner = token(WORLD.northside("owner"), null);
        String name = "Drain cleaning " + UUID.randomUUID().toString().substring(0, 8);
        var refused = send("POST", "/api/v1/catalog", owner, "{\"name\":\"\",\"unit_price\":-1,\"tax_code\":\"NOPE\"}");
        assertEquals(400, refused.status(), refused.body());
        assertEquals(List.of("name", "unit_price"), fields(refused));
        assertEquals(403, send("POST", "/api/v1/catalog", token(WORLD.northside("viewer"), null),
                "{\"name\":\"" + name + "\",\"unit_price\":1}").status());
        var added = send("POST", "/api/v1/catalog", owner, "{\"name\":\"" + name + "\",\"unit_price\":\"120.50\",\"unit\":\"hour\","
                + "\"tax_code\":\"HST\"}");
        assertEquals(201, added.status(), added.body());
        String id = added.json().getJsonObject("data").getString("id");
        assertEquals(400, send("POST", "/api/v1/catalog", owner, "{\"name\":\"" + name.toUpperCase() + "\",\"unit_price\":1}")
                .status(), "one item per name");
        assertEquals(List.of(name), get("/api/v1/catalog?q=" + name.substring(0, 14).replace(" ", "%20"), owner).json()
                .getJsonArray("data").stream().map(v -> v.asJsonObject().getString("name")).filter(n -> n.equals(name)).toList());
        assertEquals(428, send("PATCH", "/api/v1/catalog/" + id, owner, "{\"unit_price\":99}").status());
        var changed = edit("PATCH", "/api/v1/catalog/" + id, owner, "{\"unit_price\":99,\"unit\":null}");
        assertEquals(200, changed.status(), changed.body());
        assertEquals("99", changed.json().getJsonObject("data").getString("unit_price"));
        assertTrue(changed.json().getJsonObject("data").isNull("unit"));
        String maple = token(WORLD.maple("owner"), null);
        assertEquals(404, get("/api/v1/catalog/" + id, maple).status());
        assertEquals(404, send("DELETE", "/api/v1/catalog/" + id, maple, null).status());
        assertTrue(get("/api/v1/catalog?q=" + name.substring(0, 14).replace(" ", "%20"), maple).json().getJsonArray("data")
                .isEmpty(), "another business's catalog is its own");
        assertEquals(200, send("DELETE", "/api/v1/catalog/" + id, owner, null).status());
        assertEquals(404, get("/api/v1/catalog/" + id, owner).status());
    }

    @Test
    void aReceiptForAPaymentThroughTheApi() throws Exception {
        String owner = token(WORLD.northside("owner"), null);
        String email = "receipt." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String contact = send("POST", "/api/v1/contacts", owner, "{\"display_name\":\"Receipt " + email + "\",\"email\":\""
                + email + "\"}").json().getJsonObject("data").getString("id");
        JsonObject invoice = send("POST", "/api/v1/invoices", owner, "{\"contact_id\":\"" + contact + "\",\"line_items\":"
                + "[{\"name\":\"Job\",\"qty\":1,\"rate\":50}]}").json().getJsonObject("data");
        assertEquals(200, send("POST", "/api/v1/invoices/" + invoice.getString("id") + "/send", owner, "{}").status());
        String paid = send("POST", "/api/v1/payments", owner, "{\"invoice_id\":\"" + invoice.getString("id")
                + "\",\"provider\":\"CASH\",\"amount\":\"20\"}").json().getJsonObject("data").getString("id");
        String path = "/api/v1/payments/" + paid + "/receipt";
        assertEquals(403, send("POST", path, token(WORLD.northside("viewer"), null), "{}").status());
        assertEquals(404, send("POST", path, token(WORLD.maple("owner"), null), "{}").status());
        assertEquals(400, send("POST", path, owner, "{\"to\":\"not an address\"}").status());
        var sent = send("POST", path, owner, "{\"message\":\"Thanks again\"}");
        assertEquals(200, sent.status(), sent.body());
        String text = Mailbox.text(Mailbox.await(email, "Receipt: your payment for invoice " + invoice.getString("number")));
        assertTrue(text.contains("Thanks again") && text.contains("received your payment of $20.00"), text);
        assertEquals(200, send("POST", "/api/v1/payments/" + paid + "/refund", owner, null).status());
        var refunded = send("POST", path, owner, "{}");
        assertEquals(400, refunded.status(), refunded.body());
        assertEquals(List.of("payment_id"), fields(refunded));
    }

    @Test
    void switchingTheProfileChangesTheWordsAndIsRecorded() throws SQLException {
        String owner = token(WORLD.maple("owner"), null);
        String selections = "select count(*) from analytics_events where event_name = 'tenant.profile_selected'"
                + " and tenant_id = (select id from tenants where external_org_id = ?)";
        long selected = Database.count(selections, WORLD.maple());
        try {
            var changed = edit("PATCH", "/api/v1/settings/business", owner,
                    "{\"profile_id\":\"general\",\"quotes_enabled\":false,\"ar_days\":[5,10],\"ar_send_hour\":7}");
            assertEquals(200, changed.status(), changed.body());
            JsonObject profile = get("/api/v1/profile", owner).json().getJsonObject("data");
            assertEquals("Requests", profile.getJsonObject("labels").getString("work_item_plural"));
            assertEquals(false, profile.getJsonObject("capabilities").getBoolean("quotes"));
            assertEquals("[5,10]", get("/api/v1/settings/business", owner).json().getJsonObject("data")
                    .getJsonArray("ar_days").toString());
            assertEquals(7, get("/api/v1/settings/business", owner).json().getJsonObject("data").getInt("ar_send_hour"));
            assertEquals(selected + 1, Database.count(selections, WORLD.maple()));
            assertTrue(Database.count("select count(*) from audit_log where action = 'tenant.settings_changed'") > 0);
            var stale = send("PATCH", "/api/v1/settings/business", owner, "{\"name\":\"Maple & Co\",\"if_match_version\":0}");
            assertEquals(409, stale.status(), stale.body());
        } finally {
            var back = edit("PATCH", "/api/v1/settings/business", owner,
                    "{\"profile_id\":\"retail_pos\",\"quotes_enabled\":true,\"ar_days\":[3,7,14],\"ar_send_hour\":9}");
            assertEquals(200, back.status(), back.body());
        }
        assertEquals("Orders / Issues", get("/api/v1/profile", owner).json().getJsonObject("data")
                .getJsonObject("labels").getString("work_item_plural"));
    }

    @Test
    void anInvitationMakesAnInvitedMemberAndOnlyOwnersAndAdminsInvite() {
        String owner = token(WORLD.northside("owner"), null);
        String email = "invitee." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        var invited = send("POST", "/api/v1/team/invitations", owner, "{\"email\":\"" + email + "\",\"role\":\"AGENT\"}");
        assertEquals(201, invited.status(), invited.body());
        JsonObject data = invited.json().getJsonObject("data");
        assertTrue(data.getString("invite_path").startsWith("/app/invite/"));
        assertTrue(data.getBoolean("emailed"));
        try {
            Message mail = Mailbox.await(email, "Join Northside Plumbing");
            String text = Mailbox.text(mail);
            assertTrue(text.contains(data.getString("invite_path")), text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertEquals("INVITED", member(owner, email).getString("status"));
        var twice = send("POST", "/api/v1/team/invitations", owner, "{\"email\":\"" + email + "\",\"role\":\"STAFF\"}");
        assertEquals(201, twice.status(), "a repeated invite replaces the link");
        assertEquals(200, SystemUnderTest.send(HttpRequest.newBuilder(URI.create(SystemUnderTest.BASE
                + data.getString("invite_path"))).build()).status());
        assertEquals(403, send("POST", "/api/v1/team/invitations", token(WORLD.northside("staff"), null),
                "{\"email\":\"x@example.com\",\"role\":\"STAFF\"}").status());
        var adminOwner = send("POST", "/api/v1/team/invitations", token(WORLD.northside("admin"), null),
                "{\"email\":\"y@example.com\",\"role\":\"OWNER\"}");
        assertEquals(List.of("role"), fields(adminOwner));
        assertEquals(List.of("email"), fields(send("POST", "/api/v1/team/invitations", owner,
                "{\"email\":\"" + WORLD.northside("staff") + "\",\"role\":\"STAFF\"}")));
        assertEquals(List.of("email"), fields(send("POST", "/api/v1/team/invitations", owner,
                "{\"email\":\"not an address\",\"role\":\"STAFF\"}")));
        var withdrawn = send("POST", "/api/v1/team/members/" + member(owner, email).getString("id") + "/disable", owner, null);
        assertEquals("DISABLED", withdrawn.json().getJsonObject("data").getString("status"));
    }

    @Test
    void aDisabledMemberCannotWorkUntilEnabledAgain() {
        String owner = token(WORLD.maple("owner"), null);
        String viewerToken = token(WORLD.maple("admin"), null);
        String viewer = member(owner, WORLD.maple("admin")).getString("id");
        try {
            assertEquals(200, send("POST", "/api/v1/team/members/" + viewer + "/disable", owner, null).status());
            assertEquals(403, get("/api/v1/contacts", viewerToken).status());
            assertEquals(404, send("POST", "/api/v1/team/members/" + viewer + "/enable", token(WORLD.northside("owner"), null),
                    null).status(), "another business cannot touch the member");
        } finally {
            assertEquals(200, send("POST", "/api/v1/team/members/" + viewer + "/enable", owner, null).status());
        }
        assertEquals(200, get("/api/v1/contacts", viewerToken).status());
        String self = member(owner, WORLD.maple("owner")).getString("id");
        assertEquals(List.of("member"), fields(send("POST", "/api/v1/team/members/" + self + "/disable", owner, null)));
    }

    @Test
    void numberingMovesOnlyForwardAndNeverRepeatsANumber() {
        String owner = token(WORLD.maple("owner"), null);
        String contact = send("POST", "/api/v1/contacts", owner, "{\"display_name\":\"Numbered " + UUID.randomUUID() + "\"}")
                .json().getJsonObject("data").getString("id");
        String lines = "{\"contact_id\":\"" + contact + "\",\"line_items\":[{\"name\":\"x\",\"qty\":1,\"rate\":1}]}";
        String used = send("POST", "/api/v1/invoices", owner, lines).json().getJsonObject("data").getString("number");
        var now = get("/api/v1/settings/numbering", owner);
        assertEquals(200, now.status(), now.body());
        var invoice = now.json().getJsonObject("data").getJsonObject("invoice");
        long next = invoice.getJsonNumber("next_number").longValue();
        assertEquals(invoice.getString("prefix") + (next - 1), used);
        var back = send("PUT", "/api/v1/settings/numbering", owner, "{\"invoice\":{\"next_number\":" + (next - 1) + "},"
                + "\"quote\":{\"prefix\":\"\"}}");
        assertEquals(400, back.status(), back.body());
        assertTrue(back.body().contains("invoice.next_number") && back.body().contains("quote.prefix"), back.body());
        String fresh = "M" + UUID.randomUUID().toString().substring(0, 4).toUpperCase() + "-";
        var moved = send("PUT", "/api/v1/settings/numbering", owner, "{\"invoice\":{\"prefix\":\"" + fresh + "\",\"next_number\":5001}}");
        assertEquals(200, moved.status(), moved.body());
        assertEquals(fresh + "5001", send("POST", "/api/v1/invoices", owner, lines).json().getJsonObject("data").getString("number"));
        var reuse = send("PUT", "/api/v1/settings/numbering", owner, "{\"invoice\":{\"next_number\":5001}}");
        assertEquals(400, reuse.status(), "5001 is taken");
        assertEquals(403, send("PUT", "/api/v1/settings/numbering", token(WORLD.maple("staff"), null), "{}").status());
    }

    @Test
    void aTaxIsAddedAndRetiredButItsCodeNeverGoesToAnotherRate() {
        String owner = token(WORLD.northside("owner"), null);
        String code = "T" + UUID.randomUUID().toString().substring(0, 6).toUpperCase().replace("-", "");
        var bad = send("POST", "/api/v1/tax-codes", owner, "{\"code\":\"no spaces\",\"name\":\"\",\"rate_percent\":101}");
        assertEquals(400, bad.status(), bad.body());
        assertEquals(List.of("code", "name", "rate_percent"), fields(bad).stream().sorted().toList());
        assertEquals(403, send("POST", "/api/v1/tax-codes", token(WORLD.northside("staff"), null),
                "{\"code\":\"" + code + "\",\"name\":\"x\",\"rate_percent\":5}").status());
        var added = send("POST", "/api/v1/tax-codes", owner, "{\"code\":\"" + code.toLowerCase() + "\",\"name\":\"Harbour tax 9.975%\","
                + "\"rate_percent\":\"9.975\"}");
        assertEquals(201, added.status(), added.body());
        assertEquals(code, added.json().getJsonObject("data").getString("code"), "kept in capitals");
        assertEquals(400, send("POST", "/api/v1/tax-codes", owner, "{\"code\":\"" + code + "\",\"name\":\"Again\","
                + "\"rate_percent\":1}").status(), "a code in use");

        String contact = send("POST", "/api/v1/contacts", owner, "{\"display_name\":\"Taxed " + code + "\"}")
                .json().getJsonObject("data").getString("id");
        var invoice = send("POST", "/api/v1/invoices", owner, "{\"contact_id\":\"" + contact + "\",\"tax_code\":\"" + code
                + "\",\"line_items\":[{\"name\":\"Visit\",\"qty\":1,\"rate\":200}]}");
        assertEquals(201, invoice.status(), invoice.body());
        String id = invoice.json().getJsonObject("data").getString("id");
        assertEquals("19.95", invoice.json().getJsonObject("data").getString("tax_total"));

        assertEquals(404, send("DELETE", "/api/v1/tax-codes/NOPE" + code, owner, null).status());
        assertEquals(200, send("DELETE", "/api/v1/tax-codes/" + code, owner, null).status());
        assertTrue(get("/api/v1/tax-codes", owner).json().getJsonArray("data").stream()
                .noneMatch(t -> t.asJsonObject().getString("code").equals(code)), "no longer offered");
        assertEquals("19.95", get("/api/v1/invoices/" + id, owner).json().getJsonObject("data").getString("tax_total"),
                "the invoice keeps its tax");
        var reused = send("POST", "/api/v1/tax-codes", owner, "{\"code\":\"" + code + "\",\"name\":\"New rate\",\"rate_percent\":15}");
        assertEquals(400, reused.status(), reused.body());
        assertTrue(reused.body().contains("was used before"), reused.body());
    }

    @Test
    void aLogoIsAPngOrJpegOfItsOwnBusinessAndIsPrintedOnItsDocuments() throws Exception {
        String owner = token(WORLD.maple("owner"), null);
        byte[] png = image("png", 240, 80);
        assertEquals(400, putLogo(owner, "not an image".getBytes(StandardCharsets.UTF_8)).statusCode());
        assertEquals(400, putLogo(owner, image("gif", 10, 10)).statusCode(), "GIF is not taken");
        assertEquals(400, putLogo(owner, Arrays.copyOf(png, png.length / 2)).statusCode(), "a broken PNG");
        byte[] big = new byte[600 * 1024];
        System.arraycopy(png, 0, big, 0, png.length);
        var tooBig = putLogo(owner, big);
        assertEquals(400, tooBig.statusCode());
        assertTrue(new String(tooBig.body(), StandardCharsets.UTF_8).contains("512 KB"));
        assertEquals(403, putLogo(token(WORLD.maple("staff"), null), png).statusCode());
        assertEquals(404, logo(owner).statusCode(), "nothing stored by the refusals");

        assertEquals(200, putLogo(owner, png).statusCode());
        var stored = logo(token(WORLD.maple("viewer"), null));
        assertEquals(200, stored.statusCode());
        assertEquals("image/png", stored.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(Arrays.equals(png, stored.body()));
        assertEquals(404, logo(token(WORLD.northside("owner"), null)).statusCode(), "another business has no logo of Maple's");

        String contact = send("POST", "/api/v1/contacts", owner, "{\"display_name\":\"Logo " + UUID.randomUUID() + "\"}")
                .json().getJsonObject("data").getString("id");
        String invoice = send("POST", "/api/v1/invoices", owner, "{\"contact_id\":\"" + contact
                + "\",\"line_items\":[{\"name\":\"x\",\"qty\":1,\"rate\":1}]}").json().getJsonObject("data").getString("id");
        assertTrue(pdf(owner, invoice).contains("/Subtype/Image"), "the invoice PDF carries the logo");
        assertEquals(200, send("DELETE", "/api/v1/settings/logo", owner, null).status());
        assertEquals(404, logo(owner).statusCode());
        assertFalse(pdf(owner, invoice).contains("/Subtype/Image"), "and not once removed");
    }

    private static byte[] image(String format, int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.getGraphics().fillRect(10, 10, width / 2, height / 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    private static HttpResponse<byte[]> putLogo(String token, byte[] body) throws Exception {
        return SystemUnderTest.HTTP.send(HttpRequest.newBuilder(URI.create(SystemUnderTest.BASE + "/api/v1/settings/logo"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "image/png")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<byte[]> logo(String token) throws Exception {
        return SystemUnderTest.HTTP.send(HttpRequest.newBuilder(URI.create(SystemUnderTest.BASE + "/api/v1/settings/logo"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String pdf(String token, String invoice) throws Exception {
        return new String(SystemUnderTest.HTTP.send(HttpRequest.newBuilder(URI.create(SystemUnderTest.BASE + "/api/v1/invoices/"
                + invoice + "/pdf")).header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray())
                .body(), StandardCharsets.ISO_8859_1);
    }
}
