package com.smbhub.system;

import static com.smbhub.system.ContactsIT.edit;
import static com.smbhub.system.ContactsIT.send;
import static com.smbhub.system.SystemUnderTest.get;
import static com.smbhub.system.SystemUnderTest.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The work items API against the deployed EAR: profile defaults and rules, state machine, roles, tenants. */
class WorkItemsIT {

    private static final World WORLD = World.create();

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private static JsonObject create(String token, String body) {
        var reply = send("POST", "/api/v1/work-items", token, body);
        assertEquals(201, reply.status(), reply.body());
        return reply.json().getJsonObject("data");
    }

    private static String userId(String token) {
        return get("/api/v1/me", token).json().getJsonObject("data").getJsonObject("user").getString("id");
    }

    private static List<String> fields(SystemUnderTest.Reply reply) {
        return reply.json().getJsonObject("error").getJsonArray("details").stream()
                .map(v -> v.asJsonObject().getString("field")).toList();
    }

    @Test
    void aNewItemTakesTheProfileDefaultsAndIsCounted() throws SQLException {
        String staff = token(WORLD.northside("staff"), null);
        String counted = "select count(*) from analytics_events where event_name = 'work_item.created'"
                + " and tenant_id = (select id from tenants where external_org_id = ?)";
        long events = Database.count(counted, WORLD.northside());
        JsonObject item = create(staff, "{\"title\":\"Leaking tap " + run + "\",\"labels_json\":{\"service_address\":\"12 Elm St\"}}");
        assertEquals("REQUEST", item.getString("type"));
        assertEquals("NEW", item.getString("status"));
        assertEquals("12 Elm St", item.getJsonObject("labels_json").getString("service_address"));
        assertTrue(item.getJsonArray("next_statuses").toString().contains("IN_PROGRESS"));
        assertEquals(events + 1, Database.count(counted, WORLD.northside()));
    }

    @Test
    void aRetailOrderNeedsItsOrderId() {
        String staff = token(WORLD.maple("staff"), null);
        var refused = send("POST", "/api/v1/work-items", staff, "{\"title\":\"Wrong size " + run + "\"}");
        assertEquals(400, refused.status(), refused.body());
        assertEquals(List.of("labels_json.external_order_id"), fields(refused));
        JsonObject order = create(staff, "{\"title\":\"Wrong size " + run + "\",\"labels_json\":{\"external_order_id\":\"#1042\"}}");
        assertEquals("ORDER", order.getString("type"));
        JsonObject support = create(staff, "{\"title\":\"Question " + run + "\",\"type\":\"SUPPORT\"}");
        assertEquals("SUPPORT", support.getString("type"));
        var unknown = send("POST", "/api/v1/work-items", staff, "{\"title\":\"x\",\"type\":\"SUPPORT\",\"labels_json\":{\"colour\":\"red\"}}");
        assertEquals(List.of("labels_json.colour"), fields(unknown));
    }

    @Test
    void statusFollowsTheStateMachine() {
        String staff = token(WORLD.northside("staff"), null);
        JsonObject item = create(staff, "{\"title\":\"Boiler " + run + "\"}");
        String path = "/api/v1/work-items/" + item.getString("id");
        assertEquals(428, send("PATCH", path, staff, "{\"status\":\"IN_PROGRESS\"}").status());
        assertEquals("IN_PROGRESS", edit("PATCH", path, staff, "{\"status\":\"IN_PROGRESS\"}").json()
                .getJsonObject("data").getString("status"));
        assertEquals("DONE", edit("PATCH", path, staff, "{\"status\":\"DONE\"}").json().getJsonObject("data").getString("status"));
        var illegal = edit("PATCH", path, staff, "{\"status\":\"CANCELED\"}");
        assertEquals(400, illegal.status());
        assertEquals(List.of("status"), fields(illegal));
        var stale = send("PATCH", path, staff, "{\"title\":\"x\",\"if_match_version\":0}");
        assertEquals(409, stale.status());
        assertEquals("DONE", stale.json().getJsonObject("data").getString("status"));
    }

    @Test
    void assignmentOnlyToActiveMembersAndAgentsSeeOnlyTheirs() {
        String staff = token(WORLD.northside("staff"), null);
        String agent = token(WORLD.northside("agent"), null);
        String agentId = userId(agent);
        String mapleOwnerId = userId(token(WORLD.maple("owner"), null));
        var outsider = send("POST", "/api/v1/work-items", staff, "{\"title\":\"x\",\"assigned_to\":\"" + mapleOwnerId + "\"}");
        assertEquals(List.of("assigned_to"), fields(outsider));
        JsonObject mine = create(staff, "{\"title\":\"For agent " + run + "\",\"assigned_to\":\"" + agentId + "\"}");
        JsonObject other = create(staff, "{\"title\":\"Not for agent " + run + "\"}");
        var list = get("/api/v1/work-items?limit=100", agent).json().getJsonArray("data").stream()
                .map(v -> v.asJsonObject().getString("id")).toList();
        assertTrue(list.contains(mine.getString("id")));
        assertTrue(list.stream().noneMatch(id -> id.equals(other.getString("id"))));
        assertEquals(404, get("/api/v1/work-items/" + other.getString("id"), agent).status());
        assertEquals(404, send("PATCH", "/api/v1/work-items/" + other.getString("id"), agent, "{\"status\":\"DONE\"}").status());
        var moved = edit("PATCH", "/api/v1/work-items/" + mine.getString("id"), agent, "{\"status\":\"IN_PROGRESS\"}");
        assertEquals(200, moved.status(), moved.body());
    }

    @Test
    void anotherBusinessAndViewersCannotTouchIt() {
        JsonObject item = create(token(WORLD.northside("staff"), null), "{\"title\":\"Private " + run + "\"}");
        String maple = token(WORLD.maple("owner"), null);
        assertEquals(404, get("/api/v1/work-items/" + item.getString("id"), maple).status());
        assertEquals(404, send("PATCH", "/api/v1/work-items/" + item.getString("id"), maple, "{\"title\":\"x\"}").status());
        String viewer = token(WORLD.northside("viewer"), null);
        assertEquals(200, get("/api/v1/work-items/" + item.getString("id"), viewer).status());
        assertEquals(403, send("POST", "/api/v1/work-items", viewer, "{\"title\":\"x\"}").status());
    }

    @Test
    void homeSummaryShowsUrgentWorkOfTheBusinessOnly() {
        String staff = token(WORLD.northside("staff"), null);
        create(staff, "{\"title\":\"Burst pipe " + run + "\",\"priority\":\"URGENT\"}");
        JsonObject northside = get("/api/v1/home/summary", staff).json().getJsonObject("data");
        assertTrue(northside.getJsonArray("next_actions").stream()
                .anyMatch(v -> v.asJsonObject().getString("title").equals("Burst pipe " + run)), northside.toString());
        assertTrue(northside.getJsonNumber("new_work_items").longValue() >= 1);
        assertEquals("0.00", northside.getJsonObject("unpaid").getString("amount"));
        assertEquals("CAD", northside.getJsonObject("unpaid").getString("currency"));
        JsonObject maple = get("/api/v1/home/summary", token(WORLD.maple("staff"), null)).json().getJsonObject("data");
        assertTrue(maple.getJsonArray("next_actions").stream()
                .noneMatch(v -> v.asJsonObject().getString("title").equals("Burst pipe " + run)));
    }

    @Test
    void filtersAndBadInput() {
        String staff = token(WORLD.northside("staff"), null);
        create(staff, "{\"title\":\"Late " + run + "\",\"due_at\":\"2020-01-01T09:00:00-05:00\",\"priority\":\"urgent\"}");
        var overdue = get("/api/v1/work-items?due=overdue&priority=URGENT&limit=100", staff).json().getJsonArray("data");
        assertTrue(overdue.stream().anyMatch(v -> v.asJsonObject().getString("title").equals("Late " + run)));
        assertEquals(400, get("/api/v1/work-items?due=someday", staff).status());
        assertEquals(400, get("/api/v1/work-items?status=FINISHED", staff).status());
        assertEquals(400, send("POST", "/api/v1/work-items", staff, "{\"title\":\"x\",\"due_at\":\"tomorrow\"}").status());
        assertEquals(400, send("POST", "/api/v1/work-items", staff, "{\"description\":\"no title\"}").status());
        assertEquals(400, send("POST", "/api/v1/work-items", staff, "{\"title\":\"x\",\"contact_id\":\"nope\"}").status());
        assertEquals(400, send("POST", "/api/v1/work-items", staff, "{\"title\":\"x\",\"priority\":\"ASAP\"}").status());
    }
}
