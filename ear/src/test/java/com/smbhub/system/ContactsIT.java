package com.smbhub.system;

import static com.smbhub.system.SystemUnderTest.get;
import static com.smbhub.system.SystemUnderTest.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The contacts API against the deployed EAR: validation, duplicates, idempotency, versions, roles, tenants. */
class ContactsIT {

    private static final World WORLD = World.create();

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String line = String.format("%04d", Math.floorMod(run.hashCode(), 10_000));

    static SystemUnderTest.Reply send(String method, String path, String token, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(SystemUnderTest.BASE + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return SystemUnderTest.send(request.build());
    }

    /**
     * A change based on the record as it is now, as a client that just read it sends it: the version
     * comes from a GET of the record ({@code path} without its action, e.g. /void) and goes as If-Match.
     */
    static SystemUnderTest.Reply edit(String method, String path, String token, String body) {
        var current = SystemUnderTest.get(path.replaceFirst("/(void|merge)$", ""), token);
        assertEquals(200, current.status(), current.body());
        String etag = current.raw().headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag on " + path));
        return send(method, path, token, body, "If-Match", etag);
    }

    private JsonObject create(String token, String body) {
        var reply = send("POST", "/api/v1/contacts", token, body);
        assertEquals(201, reply.status(), reply.body());
        return reply.json().getJsonObject("data");
    }

    private static List<String> names(SystemUnderTest.Reply reply) {
        return reply.json().getJsonArray("data").stream().map(v -> v.asJsonObject().getString("display_name")).toList();
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void aContactIsCreatedNormalisedAndFoundBySearch() {
        String staff = token(WORLD.northside("staff"), null);
        JsonObject c = create(staff, "{\"display_name\":\"Ann Lee " + run + "\",\"email\":\" Ann." + run
                + "@Example.com\",\"phone\":\"(416) 555-" + line + "\",\"tags\":[\"VIP\"]}");
        assertEquals("ann." + run + "@example.com", c.getString("email"));
        assertEquals("+1416555" + line, c.getString("phone"));
        assertEquals(List.of("vip"), c.getJsonArray("tags").getValuesAs(JsonString.class)
                .stream().map(JsonString::getString).toList());
        assertTrue(c.getJsonArray("allowed_actions").toString().contains("update"));
        assertEquals(List.of("Ann Lee " + run), names(get("/api/v1/contacts?q=" + q("lee " + run), staff)));
        assertEquals(List.of("Ann Lee " + run), names(get("/api/v1/contacts?q=" + q("ann." + run), staff)));
        assertEquals(List.of("Ann Lee " + run), names(get("/api/v1/contacts?q=" + q("416 555-" + line), staff)));
        assertEquals(200, get("/api/v1/contacts/" + c.getString("id"), staff).status());
    }

    @Test
    void anotherBusinessNeverSeesOrChangesTheContact() {
        JsonObject c = create(token(WORLD.northside("staff"), null), "{\"display_name\":\"Private " + run + "\"}");
        String maple = token(WORLD.maple("owner"), null);
        assertEquals(404, get("/api/v1/contacts/" + c.getString("id"), maple).status());
        assertTrue(names(get("/api/v1/contacts?q=" + q(run), maple)).isEmpty());
        assertEquals(404, send("PATCH", "/api/v1/contacts/" + c.getString("id"), maple, "{\"display_name\":\"x\"}").status());
        assertEquals(404, send("DELETE", "/api/v1/contacts/" + c.getString("id"), maple, null).status());
        assertEquals("Private " + run, get("/api/v1/contacts/" + c.getString("id"), token(WORLD.northside("staff"), null))
                .json().getJsonObject("data").getString("display_name"));
    }

    @Test
    void aDuplicateEmailIsAConflictUnlessAllowed() {
        String staff = token(WORLD.maple("staff"), null);
        create(staff, "{\"display_name\":\"Bo " + run + "\",\"email\":\"bo" + run + "@x.test\"}");
        var dup = send("POST", "/api/v1/contacts", staff, "{\"display_name\":\"Bo again\",\"email\":\"BO" + run + "@x.test\"}");
        assertEquals(409, dup.status(), dup.body());
        assertEquals("CONFLICT", dup.errorCode());
        assertEquals("Bo " + run, dup.json().getJsonArray("data").getJsonObject(0).getString("display_name"));
        create(staff, "{\"display_name\":\"Bo again\",\"email\":\"bo" + run + "@x.test\",\"allow_duplicate\":true}");
    }

    @Test
    void aSharedPhoneIsAConflictOnlyWithASimilarName() {
        String staff = token(WORLD.maple("staff"), null);
        String phone = "416 555 " + (1000 + new java.util.Random().nextInt(9000));
        create(staff, "{\"display_name\":\"Kim Lee " + run + "\",\"phone\":\"" + phone + "\"}");
        var family = send("POST", "/api/v1/contacts", staff, "{\"display_name\":\"Sam Lee " + run + "\",\"phone\":\"" + phone + "\"}");
        assertEquals(201, family.status(), "another person on the same home line: " + family.body());
        var again = send("POST", "/api/v1/contacts", staff, "{\"display_name\":\"Lee, Kim " + run + "\",\"phone\":\"+1" + phone + "\"}");
        assertEquals(409, again.status(), again.body());
        assertEquals(1, again.json().getJsonArray("data").size(), again.body());
        assertEquals("Kim Lee " + run, again.json().getJsonArray("data").getJsonObject(0).getString("display_name"));
    }

    @Test
    void anIdempotencyKeyReplayCreatesOneContact() {
        String staff = token(WORLD.northside("staff"), null);
        String body = "{\"display_name\":\"Idem " + run + "\"}";
        var first = send("POST", "/api/v1/contacts", staff, body, "Idempotency-Key", "k-" + run);
        var second = send("POST", "/api/v1/contacts", staff, body, "Idempotency-Key", "k-" + run);
        assertEquals(201, first.status(), first.body());
        assertEquals(first.json().getJsonObject("data").getString("id"), second.json().getJsonObject("data").getString("id"));
        assertEquals(1, names(get("/api/v1/contacts?q=" + q("idem " + run), staff)).size());
        var other = send("POST", "/api/v1/contacts", staff, "{\"display_name\":\"Other\"}", "Idempotency-Key", "k-" + run);
        assertEquals(409, other.status());
    }

    @Test
    void aStaleVersionIsAConflictWithTheCurrentContact() {
        String staff = token(WORLD.northside("staff"), null);
        JsonObject c = create(staff, "{\"display_name\":\"Ver " + run + "\"}");
        String path = "/api/v1/contacts/" + c.getString("id");
        var ok = send("PATCH", path, staff, "{\"city\":\"Toronto\",\"if_match_version\":" + c.getInt("version") + "}");
        assertEquals(200, ok.status(), ok.body());
        var stale = send("PATCH", path, staff, "{\"city\":\"Ottawa\"}", "If-Match", "\"" + c.getInt("version") + "\"");
        assertEquals(409, stale.status(), stale.body());
        assertEquals("Toronto", stale.json().getJsonObject("data").getString("city"));
        assertNotNull(ok.raw().headers().firstValue("ETag").orElse(null));
    }

    @Test
    void deletedContactsAreHiddenAndCanBeRestored() {
        String staff = token(WORLD.maple("staff"), null);
        JsonObject c = create(staff, "{\"display_name\":\"Gone " + run + "\"}");
        String path = "/api/v1/contacts/" + c.getString("id");
        assertEquals(200, send("DELETE", path, staff, null).status());
        assertTrue(names(get("/api/v1/contacts?q=" + q(run), staff)).isEmpty());
        assertEquals(List.of("Gone " + run), names(get("/api/v1/contacts?deleted=true&q=" + q(run), staff)));
        var restored = send("POST", path + "/restore", staff, null);
        assertFalse(restored.json().getJsonObject("data").getBoolean("deleted"));
        assertEquals(List.of("Gone " + run), names(get("/api/v1/contacts?q=" + q(run), staff)));
    }

    @Test
    void theTimelineShowsLinkedWorkNewestFirstAndOnlyForTheBusiness() {
        String staff = token(WORLD.northside("staff"), null);
        JsonObject c = create(staff, "{\"display_name\":\"Tim " + run + "\"}");
        assertEquals(201, send("POST", "/api/v1/work-items", staff, "{\"title\":\"First " + run + "\",\"contact_id\":\""
                + c.getString("id") + "\"}").status());
        assertEquals(201, send("POST", "/api/v1/work-items", staff, "{\"title\":\"Second " + run + "\",\"contact_id\":\""
                + c.getString("id") + "\"}").status());
        var timeline = get("/api/v1/contacts/" + c.getString("id") + "/timeline", staff).json().getJsonArray("data");
        assertEquals(3, timeline.size(), timeline.toString());
        assertTrue(timeline.getJsonObject(0).getString("title").startsWith("Second " + run));
        assertEquals("contact", timeline.getJsonObject(2).getString("type"));
        assertEquals(404, get("/api/v1/contacts/" + c.getString("id") + "/timeline", token(WORLD.maple("owner"), null)).status());
        var mapleLink = send("POST", "/api/v1/work-items", token(WORLD.maple("staff"), null),
                "{\"title\":\"x\",\"type\":\"SUPPORT\",\"contact_id\":\"" + c.getString("id") + "\"}");
        assertEquals(400, mapleLink.status(), "a contact of another business cannot be linked");
    }

    @Test
    void aViewerReadsButCannotWrite() {
        String viewer = token(WORLD.northside("viewer"), null);
        assertEquals(200, get("/api/v1/contacts", viewer).status());
        var write = send("POST", "/api/v1/contacts", viewer, "{\"display_name\":\"Nope\"}");
        assertEquals(403, write.status());
        assertEquals("FORBIDDEN", write.errorCode());
    }

    @Test
    void anAgentSeesOnlyContactsOfItsAssignedWork() {
        create(token(WORLD.northside("staff"), null), "{\"display_name\":\"Unassigned " + run + "\"}");
        assertTrue(names(get("/api/v1/contacts?q=" + q(run), token(WORLD.northside("agent"), null))).isEmpty());
    }

    @Test
    void badInputIsRefusedAtTheField() {
        String staff = token(WORLD.northside("staff"), null);
        var reply = send("POST", "/api/v1/contacts", staff,
                "{\"display_name\":\"\",\"email\":\"nope\",\"phone\":\"12\",\"type\":\"FRIEND\"}");
        assertEquals(400, reply.status());
        var fields = reply.json().getJsonObject("error").getJsonArray("details").stream()
                .map(v -> v.asJsonObject().getString("field")).toList();
        assertTrue(fields.containsAll(List.of("display_name", "email", "phone", "type")), fields.toString());
        assertEquals(400, send("POST", "/api/v1/contacts", staff, "{\"display_name\":\"x\",\"tags\":\"vip\"}").status());
        assertEquals(400, send("POST", "/api/v1/contacts", staff, "{\"display_name\":\"x\",\"tenant_id\":\"y\"}").status());
        assertEquals(400, get("/api/v1/contacts?type=FRIEND", staff).status());
        assertEquals(400, send("POST", "/api/v1/contacts", staff, "{\"display_name\":\"a\\u0000b\"}").status());
        assertEquals(400, get("/api/v1/contacts?q=a%00b", staff).status(), "control characters are refused at the edge");
        assertEquals(404, get("/api/v1/contacts/not-a-uuid", staff).status());
    }

    @Test
    void theListPagesWithACursor() {
        String staff = token(WORLD.maple("staff"), null);
        for (int i = 0; i < 5; i++) {
            create(staff, "{\"display_name\":\"Page " + run + " " + i + "\"}");
        }
        var first = get("/api/v1/contacts?limit=2&q=" + q("page " + run), staff);
        assertEquals(List.of("Page " + run + " 0", "Page " + run + " 1"), names(first));
        String cursor = first.json().getJsonObject("meta").getString("cursor");
        var second = get("/api/v1/contacts?limit=2&q=" + q("page " + run) + "&cursor=" + cursor, staff);
        assertEquals(List.of("Page " + run + " 2", "Page " + run + " 3"), names(second));
    }
}
