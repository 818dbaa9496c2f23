package com.smbhub.system;

import static com.smbhub.system.ContactsIT.edit;
import static com.smbhub.system.ContactsIT.send;
import static com.smbhub.system.SystemUnderTest.get;
import static com.smbhub.system.SystemUnderTest.token;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Files through the API: type from content, checksum, authorised download, roles and businesses. */
class FilesIT {

    private static final World WORLD = World.create();

    static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    static SystemUnderTest.Reply upload(String token, String linkedType, String linkedId, String name, byte[] bytes) {
        return SystemUnderTest.send(HttpRequest.newBuilder(URI.create(SystemUnderTest.BASE + "/api/v1/files?linked_type="
                        + linkedType + "&linked_id=" + linkedId + "&file_name=" + name))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/pdf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build());
    }

    static HttpResponse<byte[]> download(String token, String fileId) throws Exception {
        return SystemUnderTest.HTTP.send(HttpRequest.newBuilder(URI.create(SystemUnderTest.BASE + "/api/v1/files/" + fileId
                + "/content")).header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private String workItem(String token, String title) {
        var reply = send("POST", "/api/v1/work-items", token, "{\"title\":\"" + title + "\"}");
        assertEquals(201, reply.status(), reply.body());
        return reply.json().getJsonObject("data").getString("id");
    }

    private static List<String> ids(SystemUnderTest.Reply list) {
        return list.json().getJsonArray("data").stream().map(v -> v.asJsonObject().getString("id")).toList();
    }

    @Test
    void aPdfIsStoredWithItsChecksumAndComesBackByteForByte() throws Exception {
        String staff = token(WORLD.northside("staff"), null);
        String item = workItem(staff, "Invoice copy " + run);
        var reply = upload(staff, "work_item", item, "quote%20" + run + ".pdf", PDF);
        assertEquals(201, reply.status(), reply.body());
        JsonObject file = reply.json().getJsonObject("data");
        assertEquals("application/pdf", file.getString("mime_type"));
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PDF)), file.getString("checksum_sha256"));
        assertEquals("quote " + run + ".pdf", file.getString("file_name"));
        HttpResponse<byte[]> content = download(staff, file.getString("id"));
        assertEquals(200, content.statusCode());
        assertArrayEquals(PDF, content.body());
        assertEquals("application/pdf", content.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(content.headers().firstValue("Content-Disposition").orElseThrow().startsWith("attachment;"));
        assertEquals("nosniff", content.headers().firstValue("X-Content-Type-Options").orElseThrow());
        // the system-test stack keeps files in its local S3 server (SMBHUB_FILES_STORE=s3-local)
        String store = System.getProperty("smbhub.it.files-store", "S3");
        assertEquals(1, Database.count("select count(*) from files where id = cast(? as uuid) and storage_provider = ?",
                file.getString("id"), store));
        assertEquals(List.of(file.getString("id")), ids(get("/api/v1/files?linked_type=WORK_ITEM&linked_id=" + item, staff)));
        var activity = get("/api/v1/work-items/" + item + "/activity", staff).json().getJsonArray("data");
        assertEquals("file.attached", activity.getJsonObject(0).getString("action"));
    }

    @Test
    void aRenamedExecutableAnEmptyFileAndUnknownBytesAreRefusedAndNothingIsStored() throws SQLException {
        String staff = token(WORLD.northside("staff"), null);
        String item = workItem(staff, "Suspicious " + run);
        long before = Database.count("select count(*) from files where tenant_id = (select id from tenants where external_org_id = ?)", WORLD.northside());
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        var refused = upload(staff, "WORK_ITEM", item, "invoice.pdf", exe);
        assertEquals(400, refused.status(), refused.body());
        assertEquals("file", refused.json().getJsonObject("error").getJsonArray("details").getJsonObject(0).getString("field"));
        assertEquals(400, upload(staff, "WORK_ITEM", item, "empty.pdf", new byte[0]).status());
        byte[] noise = new byte[2048];
        new Random(3).nextBytes(noise);
        assertEquals(400, upload(staff, "WORK_ITEM", item, "statement.pdf", noise).status());
        assertEquals(400, upload(staff, "INVOICE", item, "x.pdf", PDF).status());
        assertEquals(400, send("POST", "/api/v1/files?linked_type=WORK_ITEM&linked_id=" + item, staff, "x").status());
        byte[] huge = new byte[25 * 1024 * 1024 + 1];
        System.arraycopy(PDF, 0, huge, 0, PDF.length);
        var tooLarge = upload(staff, "WORK_ITEM", item, "scan.pdf", huge);
        assertEquals(400, tooLarge.status(), "the refusal reaches a client that sends its whole body first");
        assertTrue(tooLarge.body().contains("Larger than the limit of 25 MB"), tooLarge.body());
        assertEquals(before, Database.count("select count(*) from files where tenant_id = (select id from tenants where external_org_id = ?)", WORLD.northside()));
        assertTrue(ids(get("/api/v1/files?linked_type=WORK_ITEM&linked_id=" + item, staff)).isEmpty());
    }

    @Test
    void anotherBusinessCannotListDownloadOrRemoveAFileById() throws Exception {
        String staff = token(WORLD.northside("staff"), null);
        String item = workItem(staff, "Private " + run);
        String fileId = upload(staff, "WORK_ITEM", item, "private.pdf", PDF).json().getJsonObject("data").getString("id");
        String maple = token(WORLD.maple("owner"), null);
        assertEquals(404, download(maple, fileId).statusCode());
        assertEquals(404, get("/api/v1/files/" + fileId, maple).status());
        assertEquals(404, send("DELETE", "/api/v1/files/" + fileId, maple, null).status());
        assertEquals(404, get("/api/v1/files?linked_type=WORK_ITEM&linked_id=" + item, maple).status());
        assertEquals(404, upload(maple, "WORK_ITEM", item, "planted.pdf", PDF).status());
        assertEquals(200, download(staff, fileId).statusCode());
    }

    @Test
    void rolesDecideWhoMayAttachAndRemove() throws Exception {
        String staff = token(WORLD.northside("staff"), null);
        String item = workItem(staff, "Roles " + run);
        String fileId = upload(staff, "WORK_ITEM", item, "roles.pdf", PDF).json().getJsonObject("data").getString("id");
        String viewer = token(WORLD.northside("viewer"), null);
        assertEquals(200, download(viewer, fileId).statusCode());
        var denied = upload(viewer, "WORK_ITEM", item, "viewer.pdf", PDF);
        assertEquals(403, denied.status(), denied.body());
        assertEquals(403, send("DELETE", "/api/v1/files/" + fileId, viewer, null).status());
        String agent = token(WORLD.northside("agent"), null);
        assertEquals(404, download(agent, fileId).statusCode(), "an agent sees only files of assigned items");
        assertEquals(204, send("DELETE", "/api/v1/files/" + fileId, staff, null).status());
        assertEquals(404, download(staff, fileId).statusCode());
    }

    @Test
    void theContactTimelineShowsItsWorkTheirFilesAndMoves() {
        String staff = token(WORLD.northside("staff"), null);
        String contact = send("POST", "/api/v1/contacts", staff, "{\"display_name\":\"Timeline " + run + "\"}")
                .json().getJsonObject("data").getString("id");
        var item = send("POST", "/api/v1/work-items", staff, "{\"title\":\"Boiler " + run + "\",\"contact_id\":\"" + contact + "\"}")
                .json().getJsonObject("data").getString("id");
        assertEquals(201, upload(staff, "WORK_ITEM", item, "boiler.pdf", PDF).status());
        assertEquals(201, upload(staff, "CONTACT", contact, "id-card.pdf", PDF).status());
        assertEquals(200, edit("PATCH", "/api/v1/work-items/" + item, staff, "{\"status\":\"IN_PROGRESS\"}").status());
        var timeline = get("/api/v1/contacts/" + contact + "/timeline", staff).json().getJsonArray("data");
        List<String> types = timeline.stream().map(v -> v.asJsonObject().getString("type")).toList();
        assertEquals(List.of("status", "file", "file", "work_item", "contact"), types, timeline.toString());
        assertTrue(timeline.toString().contains("boiler.pdf") && timeline.toString().contains("id-card.pdf"));
    }
}
