package com.smbhub.system;

import static com.smbhub.system.ContactsIT.edit;
import static com.smbhub.system.ContactsIT.send;
import static com.smbhub.system.SystemUnderTest.get;
import static com.smbhub.system.SystemUnderTest.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The client portal's invoice page: a token opens only its document, rotation, privacy, throttling. */
class PortalIT {

    private static final World WORLD = World.create();

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private static JsonObject invoice(String staff, String run) {
        String contact = send("POST", "/api/v1/contacts", staff, "{\"display_name\":\"Portal " + run + "\"}")
                .json().getJsonObject("data").getString("id");
        var reply = send("POST", "/api/v1/invoices", staff, "{\"contact_id\":\"" + contact + "\",\"tax_code\":\"HST\","
                + "\"line_items\":[{\"name\":\"Boiler service\",\"qty\":1,\"rate\":200}]}");
        assertEquals(201, reply.status(), reply.body());
        return reply.json().getJsonObject("data");
    }

    private static String link(String staff, String invoiceId) {
        var reply = send("POST", "/api/v1/invoices/" + invoiceId + "/portal-link", staff, null);
        assertEquals(200, reply.status(), reply.body());
        return reply.json().getJsonObject("data").getString("portal_path");
    }

    @Test
    void aLinkShowsItsInvoiceAndNothingInternal() throws Exception {
        String staff = token(WORLD.northside("staff"), null);
        JsonObject invoice = invoice(staff, run);
        assertEquals(200, edit("PATCH", "/api/v1/invoices/" + invoice.getString("id"), staff,
                "{\"terms\":\"Net 14 <b>days</b>\"}").status());
        var page = get(link(staff, invoice.getString("id")), null);
        assertEquals(200, page.status());
        assertTrue(page.body().contains(invoice.getString("number")) && page.body().contains("Northside Plumbing"));
        assertTrue(page.body().contains("Net 14 &lt;b&gt;days&lt;/b&gt;"), "the terms, escaped");
        assertTrue(page.body().contains("$226.00"), page.body());
        // a Canadian business writes the month first, in full, as in its back office ("Due December 20, 2026")
        assertTrue(page.body().contains("Due " + DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH)
                .format(LocalDate.parse(invoice.getString("due_date")))), page.body());
        assertTrue(page.body().getBytes(StandardCharsets.UTF_8).length < 100_000);
        for (String internal : new String[] {invoice.getString("id"), invoice.getString("contact_id"),
                Database.count("select count(*) from tenants") > 0 ? tenantOf(WORLD.northside()) : "x", "Staff at Northside"}) {
            assertFalse(page.body().contains(internal), "leaks " + internal);
        }
        assertEquals("no-referrer", page.raw().headers().firstValue("Referrer-Policy").orElseThrow());
        String viewed = get("/api/v1/invoices/" + invoice.getString("id"), staff).json().getJsonObject("data").getString("viewed_at");
        get(link(staff, invoice.getString("id")), null);
        assertTrue(get("/api/v1/invoices/" + invoice.getString("id"), staff).json().getJsonObject("data").getString("viewed_at")
                .compareTo(viewed) >= 0, "the business sees when the client last opened it");
        assertEquals(1, Database.count("select count(*) from audit_log where action = 'invoice.viewed' and entity_id = ?",
                invoice.getString("id")), "the first view is in the history once");
        assertTrue(page.raw().headers().firstValue("X-Robots-Tag").orElseThrow().contains("noindex"));
        assertFalse(page.body().contains("<script"));
    }

    @Test
    void aLinkEntersItsBusinessThroughTheOneAuditedWayAndNamesTheDocumentNotTheToken() throws Exception {
        String staff = token(WORLD.northside("staff"), null);
        JsonObject invoice = invoice(staff, run);
        String path = link(staff, invoice.getString("id"));
        String entries = "select count(*) from audit_log where action = 'tenant.entered' and entity_type = 'entry'"
                + " and entity_id = 'PORTAL' and tenant_id = ?::uuid and actor_user_id is null and after->>'reference' = ?";
        String tenant = tenantOf(WORLD.northside());
        long before = Database.count(entries, tenant, "invoice:" + invoice.getString("id"));
        assertEquals(200, get(path, null).status());
        assertEquals(before + 1, Database.count(entries, tenant, "invoice:" + invoice.getString("id")));
        String token = path.substring(path.lastIndexOf('/') + 1);
        assertEquals(0, Database.count("select count(*) from audit_log where cast(after as text) like ?", "%" + token + "%"));
        assertEquals(404, get("/portal/invoices/" + randomToken(), null).status());
        assertEquals(before + 1, Database.count(entries, tenant, "invoice:" + invoice.getString("id")));
    }

    @Test
    void regeneratingALinkStopsTheOldOneAndUnknownLinksLookTheSame() {
        String staff = token(WORLD.northside("staff"), null);
        JsonObject invoice = invoice(staff, run);
        String first = link(staff, invoice.getString("id"));
        String second = link(staff, invoice.getString("id"));
        var old = get(first, null);
        var unknown = get("/portal/invoices/" + randomToken(), null);
        assertEquals(404, old.status());
        assertEquals(404, unknown.status());
        assertEquals(old.body(), unknown.body(), "a revoked link and an unknown one cannot be told apart");
        assertEquals(200, get(second, null).status());
        assertEquals(200, get(second + "/pdf", null).status());
        assertEquals(404, get(first + "/pdf", null).status());
        assertEquals(403, send("POST", "/api/v1/invoices/" + invoice.getString("id") + "/portal-link",
                token(WORLD.northside("viewer"), null), null).status());
        assertEquals(404, send("POST", "/api/v1/invoices/" + invoice.getString("id") + "/portal-link",
                token(WORLD.maple("owner"), null), null).status());
    }

    @Test
    void aVoidedInvoiceSaysSoOnItsLinkAndOnlyOwnersAndAdminsVoid() {
        String staff = token(WORLD.northside("staff"), null);
        JsonObject invoice = invoice(staff, run);
        String path = "/api/v1/invoices/" + invoice.getString("id");
        String link = link(staff, invoice.getString("id"));
        assertEquals(403, send("POST", path + "/void", staff, null).status());
        var voided = edit("POST", path + "/void", token(WORLD.northside("owner"), null), null);
        assertEquals(200, voided.status(), voided.body());
        assertEquals("VOID", voided.json().getJsonObject("data").getString("status"));
        assertEquals("0.00", voided.json().getJsonObject("data").getString("amount_due"));
        var page = get(link, null);
        assertEquals(410, page.status());
        assertTrue(page.body().contains("cancelled"));
        assertEquals(400, edit("PATCH", path, staff, "{\"notes\":\"x\"}").status());
        assertEquals(400, edit("POST", path + "/void", token(WORLD.northside("admin"), null), null).status());
    }

    @Test
    void guessingLinksFromOneAddressIsThrottledButALinkThatOpenedHereKeepsWorking() throws Exception {
        String staff = token(WORLD.northside("staff"), null);
        String link = link(staff, invoice(staff, run).getString("id"));
        for (int i = 0; i < 40; i++) {
            assertEquals(200, get(link, null).status(), "opening a valid link is not counted");
        }
        int throttled = 0;
        for (int i = 0; i < 1000 && throttled == 0; i++) {
            var reply = get("/portal/invoices/" + randomToken(), null);
            assertTrue(reply.status() == 404 || reply.status() == 429, String.valueOf(reply.status()));
            if (reply.status() == 429) {
                throttled = i;
                assertTrue(reply.raw().headers().firstValue("Retry-After").isPresent());
            }
        }
        assertTrue(throttled > 0 && throttled <= 100, "throttled after " + throttled);
        assertEquals(200, get(link, null).status(), "the client's own link still opens from the guessing address");
        assertEquals(200, get(link + "/pdf", null).status());
        Thread.sleep(6_000); // the system-test stack's window is 5 s; let the next tests through
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String tenantOf(String org) throws SQLException {
        try (var c = Database.connect(); var ps = c.prepareStatement("select id::text from tenants where external_org_id = ?")) {
            ps.setString(1, org);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    @Test
    void aLinkMayExpireAndAnExpiredLinkLooksLikeAnyOther() throws Exception {
        String staff = token(WORLD.northside("staff"), null);
        JsonObject invoice = invoice(staff, run);
        assertEquals(400, send("POST", "/api/v1/invoices/" + invoice.getString("id") + "/portal-link", staff,
                "{\"expires_in_days\":0}").status());
        var made = send("POST", "/api/v1/invoices/" + invoice.getString("id") + "/portal-link", staff, "{\"expires_in_days\":2}");
        assertEquals(200, made.status(), made.body());
        String path = made.json().getJsonObject("data").getString("portal_path");
        assertEquals(200, get(path, null).status());
        assertEquals(1, Database.count("select count(*) from portal_tokens where document_id = ?::uuid and revoked_at is null"
                + " and expires_at between now() + interval '47 hours' and now() + interval '49 hours'", invoice.getString("id")));
        try (var db = Database.connect(); var ps = db.prepareStatement(
                "update portal_tokens set expires_at = now() - interval '1 minute' where document_id = ?::uuid")) {
            ps.setString(1, invoice.getString("id"));
            ps.executeUpdate();
        }
        var expired = get(path, null);
        assertEquals(404, expired.status());
        assertTrue(expired.body().contains("This link is not valid"));
    }
}
