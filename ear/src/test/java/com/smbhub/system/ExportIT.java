package com.smbhub.system;

import static com.smbhub.system.ContactsIT.send;
import static com.smbhub.system.SystemUnderTest.get;
import static com.smbhub.system.SystemUnderTest.token;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * "Export everything" (issue 16): one ZIP of the business's own records — JSON lines and CSV per table, its files,
 * and a manifest whose counts and checksums match — downloadable by its owners and admins only.
 */
class ExportIT {

    private static final World WORLD = World.create();

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void anOwnerExportsEverythingAndTheZipHoldsTheBusinessAndOnlyIt() throws Exception {
        String owner = token(WORLD.northside("owner"), null);
        var contact = send("POST", "/api/v1/contacts", owner, "{\"display_name\":\"Export " + run + ", \\\"quoted\\\"\","
                + "\"email\":\"export." + run + "@example.com\",\"notes\":\"=SUM(A1:A2)\"}");
        assertEquals(201, contact.status(), contact.body());
        String contactId = contact.json().getJsonObject("data").getString("id");
        var file = FilesIT.upload(owner, "CONTACT", contactId, "plan-" + run + ".pdf", FilesIT.PDF);
        assertEquals(201, file.status(), file.body());
        String fileId = file.json().getJsonObject("data").getString("id");
        String items = ",\"line_items\":[{\"name\":\"Export " + run + "\",\"qty\":2,\"rate\":45}]}";
        var invoice = send("POST", "/api/v1/invoices", owner, "{\"contact_id\":\"" + contactId + "\"" + items);
        assertEquals(201, invoice.status(), invoice.body());
        var quote = send("POST", "/api/v1/quotes", owner, "{\"contact_id\":\"" + contactId + "\"" + items);
        assertEquals(201, quote.status(), quote.body());

        var started = send("POST", "/api/v1/export", owner, null);
        assertEquals(202, started.status(), started.body());
        String id = started.json().getJsonObject("data").getString("id");
        JsonObject done = awaitEnd(owner, id);
        assertEquals("COMPLETED", done.getString("status"), done.toString());
        assertEquals(done.getInt("total"), done.getInt("done"), done.toString());

        HttpResponse<byte[]> zip = download(owner, id);
        assertEquals(200, zip.statusCode());
        assertTrue(zip.headers().firstValue("Content-Disposition").orElse("").contains("smbhub-export-"));
        Map<String, byte[]> entries = unzip(zip.body());
        JsonObject manifest = Json.createReader(new StringReader(new String(entries.get("manifest.json"), StandardCharsets.UTF_8)))
                .readObject();
        String business = tenantOf(WORLD.northside());
        assertEquals(business, manifest.getString("business_id"));
        assertEquals("smbhub-export", manifest.getString("format"));
        JsonObject sums = manifest.getJsonObject("sha256");
        assertEquals(entries.size() - 1, sums.size(), "every entry but the manifest has its checksum");
        for (var e : sums.entrySet()) {
            assertEquals(((jakarta.json.JsonString) e.getValue()).getString(),
                    HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(entries.get(e.getKey()))), e.getKey());
        }
        for (String table : new String[] {"contacts", "work_items", "invoices", "payments", "files"}) {
            long rows = Database.count("select count(*) from " + table + " where tenant_id = cast(? as uuid)", business);
            assertEquals(rows, manifest.getJsonObject("rows").getInt(table), table);
            String lines = new String(entries.get(table + ".jsonl"), StandardCharsets.UTF_8);
            assertEquals(rows, lines.lines().count(), table + ".jsonl");
        }
        for (var e : entries.entrySet()) {
            if (e.getKey().endsWith(".jsonl")) {
                new String(e.getValue(), StandardCharsets.UTF_8).lines().forEach(line -> assertEquals(business,
                        Json.createReader(new StringReader(line)).readObject().getString("tenant_id"), "only the business's own rows"));
            }
        }
        String contacts = new String(entries.get("contacts.jsonl"), StandardCharsets.UTF_8);
        assertTrue(contacts.contains("\"id\":\"" + contactId + "\""), "ids kept");
        String csv = new String(entries.get("contacts.csv"), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFFid,") || csv.startsWith("\uFEFF"), "a byte-order mark for spreadsheets");
        assertTrue(csv.contains("\"Export " + run + ", \"\"quoted\"\"\""), "commas and quotes quoted");
        assertTrue(csv.contains("'=SUM(A1:A2)"), "no formula runs in a spreadsheet");
        assertArrayEquals(FilesIT.PDF, entries.get("files/" + fileId + "/plan-" + run + ".pdf"));
        assertPdf(entries, "pdfs/invoices/", "Invoice ", invoice.json().getJsonObject("data").getString("number"));
        assertPdf(entries, "pdfs/quotes/", "Quote ", quote.json().getJsonObject("data").getString("number"));
        assertEquals(Database.count("select count(*) from invoices where tenant_id = cast(? as uuid) and deleted_at is null", business),
                manifest.getJsonObject("pdfs").getInt("invoices"), "one PDF per invoice");
        assertEquals(entries.keySet().stream().filter(n -> n.startsWith("pdfs/quotes/")).count(),
                manifest.getJsonObject("pdfs").getInt("quotes"));
        assertTrue(Database.count("select count(*) from audit_log where action = 'export.downloaded' and entity_id = ?", id) >= 1);
        assertEquals(1, Database.count("select count(*) from notifications where kind = 'export.ready' and entity_id = ?", id),
                "everyone in the business sees it is ready");
        Mailbox.await(WORLD.northside("owner"), "Your SMB Hub export is ready");
    }

    @Test
    void onlyTheBusinesssOwnersAndAdminsGetItsExport() throws Exception {
        String owner = token(WORLD.northside("owner"), null);
        assertEquals(400, send("POST", "/api/v1/export", owner, "{\"pdfs\":\"yes\"}").status());
        assertEquals(400, send("POST", "/api/v1/export", owner, "{\"pdf\":false}").status(), "an unknown field");
        var started = send("POST", "/api/v1/export", owner, "{\"pdfs\":false}");
        for (int i = 0; i < 300 && started.status() == 409; i++) { // the other test's export is still going
            Thread.sleep(300);
            started = send("POST", "/api/v1/export", owner, "{\"pdfs\":false}");
        }
        assertEquals(202, started.status(), started.body());
        String id = started.json().getJsonObject("data").getString("id");
        assertEquals(false, started.json().getJsonObject("data").getBoolean("with_pdfs"));
        assertEquals("COMPLETED", awaitEnd(owner, id).getString("status"));
        Map<String, byte[]> entries = unzip(download(owner, id).body());
        assertTrue(entries.containsKey("invoices.jsonl") && entries.keySet().stream().noneMatch(n -> n.startsWith("pdfs/")),
                "the data without the PDFs: " + entries.keySet());
        assertEquals(403, send("POST", "/api/v1/export", token(WORLD.northside("staff"), null), null).status());
        assertEquals(403, download(token(WORLD.northside("staff"), null), id).statusCode());
        assertEquals(404, download(token(WORLD.maple("owner"), null), id).statusCode(), "another business's export is not there");
        assertEquals(404, download(owner, "not-an-id").statusCode());
        String reminders = get("/api/v1/jobs/runs?job=ar-reminders&limit=1", owner).json().getJsonArray("data").stream()
                .map(r -> r.asJsonObject().getString("id")).findFirst().orElse(null);
        if (reminders != null) {
            assertEquals(404, download(owner, reminders).statusCode(), "a reminders run has no export");
        }
    }

    /** The document's PDF is in the ZIP under its number, titled with it. */
    private static void assertPdf(Map<String, byte[]> entries, String folder, String title, String number) {
        byte[] pdf = entries.get(folder + number + ".pdf");
        assertTrue(pdf != null, folder + number + ".pdf in " + entries.keySet().stream().filter(n -> n.startsWith(folder)).toList());
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        assertTrue(text.startsWith("%PDF-") && text.contains(title + number), "a PDF titled " + title + number);
    }

    /** Waits for job run {@code id} to end and answers it. */
    static JsonObject awaitEnd(String owner, String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            JsonObject r = get("/api/v1/jobs/runs/" + id, owner).json().getJsonObject("data");
            if (!"STARTED".equals(r.getString("status"))) {
                return r;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("run " + id + " did not end");
    }

    static HttpResponse<byte[]> download(String token, String id) throws Exception {
        return SystemUnderTest.HTTP.send(HttpRequest.newBuilder(URI.create(SystemUnderTest.BASE + "/api/v1/export/" + id
                + "/download")).header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    static String tenantOf(String org) throws Exception {
        try (var db = Database.connect(); var q = db.prepareStatement("select cast(id as text) from tenants where external_org_id = ?")) {
            q.setString(1, org);
            try (var r = q.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }
}
