package com.smbhub.system;

import static com.smbhub.system.SystemUnderTest.get;
import static com.smbhub.system.SystemUnderTest.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Roles enforced by the services, audited; cursor pagination; the append-only audit log. */
class TeamAndAuditIT {

    private static final World WORLD = World.create();

    @Test
    void anOwnerSeesOnlyTheTeamOfTheirOwnBusiness() {
        var reply = get("/api/v1/team/members", token(WORLD.northside("owner"), null));
        assertEquals(200, reply.status(), reply.body());
        var emails = reply.json().getJsonArray("data").stream()
                .map(v -> v.asJsonObject().getJsonObject("user").getString("email")).toList();
        assertTrue(emails.contains(WORLD.northside("agent")));
        assertTrue(emails.contains(WORLD.both()));
        assertFalse(emails.stream().anyMatch(e -> e.endsWith("@" + WORLD.maple() + ".test")), emails.toString());
    }

    @Test
    void staffCannotManageTheTeamAndTheDenialIsAudited() throws SQLException {
        String denials = "select count(*) from audit_log where action = 'security.permission_denied'"
                + " and tenant_id = (select id from tenants where external_org_id = ?)";
        long before = Database.count(denials, WORLD.northside());
        var reply = get("/api/v1/team/members", token(WORLD.northside("staff"), null));
        assertEquals(403, reply.status());
        assertEquals("FORBIDDEN", reply.errorCode());
        assertEquals(before + 1, Database.count(denials, WORLD.northside()));
    }

    @Test
    void aRoleChangeIsSavedAndAuditedWithBeforeAndAfter() throws SQLException {
        String owner = token(WORLD.maple("owner"), null);
        JsonObject agent = member(owner, WORLD.maple("agent"));
        String audited = "select count(*) from audit_log where action = 'tenant.member_role_changed'"
                + " and entity_id = ? and before->>'role' = 'AGENT' and after->>'role' = 'STAFF'";
        long before = Database.count(audited, agent.getString("id"));
        try {
            var unversioned = patch("/api/v1/team/members/" + agent.getString("id"), owner, "{\"role\":\"STAFF\"}");
            assertEquals(428, unversioned.status(), unversioned.body());
            var changed = change(agent, owner, "{\"role\":\"STAFF\"}");
            assertEquals(200, changed.status(), changed.body());
            assertEquals("STAFF", changed.json().getJsonObject("data").getString("role"));
            assertEquals(before + 1, Database.count("select count(*) from audit_log where action = 'tenant.member_role_changed'"
                    + " and entity_id = ? and before->>'role' = 'AGENT' and after->>'role' = 'STAFF'",
                    agent.getString("id")));
        } finally {
            change(member(owner, WORLD.maple("agent")), owner, "{\"role\":\"AGENT\"}");
        }
    }

    @Test
    void onlyAnOwnerChangesAnOwnerAndTheRefusalIsAudited() throws SQLException {
        String admin = token(WORLD.northside("admin"), null);
        JsonObject owner = member(token(WORLD.northside("owner"), null), WORLD.northside("owner"));
        String denials = "select count(*) from audit_log where action = 'security.permission_denied'"
                + " and entity_id = 'MANAGE_OWNERS' and tenant_id = (select id from tenants where external_org_id = ?)";
        long before = Database.count(denials, WORLD.northside());
        var demoted = change(owner, admin, "{\"role\":\"STAFF\"}");
        assertEquals(400, demoted.status(), demoted.body());
        assertTrue(demoted.body().contains("owner"), demoted.body());
        var disabled = SystemUnderTest.send(HttpRequest.newBuilder(URI.create(SystemUnderTest.BASE
                        + "/api/v1/team/members/" + owner.getString("id") + "/disable"))
                .header("Authorization", "Bearer " + admin).POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(400, disabled.status(), disabled.body());
        assertEquals(before + 2, Database.count(denials, WORLD.northside()));
        assertEquals("OWNER", member(token(WORLD.northside("owner"), null), WORLD.northside("owner")).getString("role"));
    }

    @Test
    void aMemberOfAnotherBusinessCannotBeChanged() {
        JsonObject mapleAgent = member(token(WORLD.maple("owner"), null), WORLD.maple("agent"));
        var reply = change(mapleAgent, token(WORLD.northside("owner"), null), "{\"role\":\"VIEWER\"}");
        assertEquals(404, reply.status(), reply.body());
        assertEquals("AGENT", member(token(WORLD.maple("owner"), null), WORLD.maple("agent")).getString("role"));
    }

    @Test
    void theLastOwnerCannotBeDemoted() {
        String owner = token(WORLD.northside("owner"), null);
        JsonObject self = member(owner, WORLD.northside("owner"));
        var reply = change(self, owner, "{\"role\":\"STAFF\"}");
        assertEquals(400, reply.status());
        assertEquals("role", reply.json().getJsonObject("error").getJsonArray("details").getJsonObject(0).getString("field"));
    }

    @Test
    void badRoleChangesAre400Or404NeverA500() {
        String owner = token(WORLD.northside("owner"), null);
        String id = member(owner, WORLD.northside("viewer")).getString("id");
        assertEquals(400, patch("/api/v1/team/members/" + id, owner, "{\"role\":\"KING\"}").status());
        assertEquals(400, patch("/api/v1/team/members/" + id, owner, "{\"role\":3}").status());
        assertEquals(400, patch("/api/v1/team/members/" + id, owner, "{\"tenant_id\":\"x\"}").status());
        assertEquals(404, patch("/api/v1/team/members/not-an-id", owner, "{\"role\":\"STAFF\"}").status());
        assertEquals(404, patch("/api/v1/team/members/00000000-0000-0000-0000-000000000000", owner,
                "{\"role\":\"STAFF\"}").status());
    }

    @Test
    void listsUseCursorPagination() {
        String owner = token(WORLD.northside("owner"), null);
        var first = get("/api/v1/team/members?limit=2", owner);
        assertEquals(2, first.json().getJsonArray("data").size());
        String cursor = first.json().getJsonObject("meta").getString("cursor");
        assertNotNull(cursor);
        var second = get("/api/v1/team/members?limit=2&cursor=" + cursor, owner);
        assertEquals(200, second.status());
        assertFalse(second.json().getJsonArray("data").get(0).equals(first.json().getJsonArray("data").get(0)));
        assertEquals(400, get("/api/v1/team/members?limit=101", owner).status());
        assertEquals(400, get("/api/v1/team/members?cursor=garbage", owner).status());
    }

    @Test
    void theSharedUserListsBothBusinesses() {
        var reply = get("/api/v1/businesses", token(WORLD.both(), WORLD.maple()));
        var ids = reply.json().getJsonArray("data").stream().map(v -> v.asJsonObject().getString("id")).toList();
        assertEquals(List.of(WORLD.maple(), WORLD.northside()), ids);
    }

    @Test
    void signInsAreAudited() throws SQLException {
        String logins = "select count(*) from audit_log where action = 'auth.login_completed'"
                + " and entity_id = (select id::text from users where email = ?)";
        long before = Database.count(logins, WORLD.northside("admin"));
        token(WORLD.northside("admin"), null);
        assertEquals(before + 1, Database.count(logins, WORLD.northside("admin")));
    }

    @Test
    void theAuditLogRefusesUpdatesAndDeletes() throws SQLException {
        // a row trigger refuses only rows that exist: make one, whichever test of the run comes first
        assertEquals(201, ContactsIT.send("POST", "/api/v1/contacts", token(WORLD.northside("owner"), null),
                "{\"display_name\":\"Audited " + System.nanoTime() + "\"}").status());
        try (Connection c = Database.connect()) {
            assertThrows(SQLException.class, () -> c.createStatement().executeUpdate("update audit_log set action = 'x'"));
            assertThrows(SQLException.class, () -> c.createStatement().executeUpdate("delete from audit_log"));
            assertThrows(SQLException.class, () -> c.createStatement().executeUpdate("truncate audit_log"));
        }
        assertTrue(Database.count("select count(*) from audit_log") > 0);
    }

    private static JsonObject member(String token, String email) {
        return get("/api/v1/team/members?limit=100", token).json().getJsonArray("data").stream()
                .map(v -> v.asJsonObject())
                .filter(m -> m.getJsonObject("user").getString("email").equals(email))
                .findFirst().orElseThrow();
    }

    private static SystemUnderTest.Reply patch(String path, String token, String body, String... headers) {
        return ContactsIT.send("PATCH", path, token, body, headers);
    }

    /** A role change based on the member as listed. */
    private static SystemUnderTest.Reply change(JsonObject member, String token, String body) {
        return patch("/api/v1/team/members/" + member.getString("id"), token, body,
                "If-Match", "\"" + member.getJsonNumber("version") + "\"");
    }
}
