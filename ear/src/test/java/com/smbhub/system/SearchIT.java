package com.smbhub.system;

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

/** Global search (Ctrl+K's API) and the work.view event. */
class SearchIT {

    private static final World WORLD = World.create();

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private static List<String> titles(JsonObject data, String list, String field) {
        return data.getJsonArray(list).stream().map(v -> v.asJsonObject().getString(field)).toList();
    }

    @Test
    void findsContactsAndWorkOfTheBusinessOnly() {
        String staff = token(WORLD.northside("staff"), null);
        assertEquals(201, send("POST", "/api/v1/contacts", staff, "{\"display_name\":\"Quinn " + run + "\"}").status());
        assertEquals(201, send("POST", "/api/v1/work-items", staff, "{\"title\":\"Gutter " + run + "\"}").status());
        JsonObject found = get("/api/v1/search?q=" + run, staff).json().getJsonObject("data");
        assertEquals(List.of("Quinn " + run), titles(found, "contacts", "display_name"));
        assertEquals(List.of("Gutter " + run), titles(found, "work_items", "title"));
        JsonObject maple = get("/api/v1/search?q=" + run, token(WORLD.maple("owner"), null)).json().getJsonObject("data");
        assertTrue(maple.getJsonArray("contacts").isEmpty() && maple.getJsonArray("work_items").isEmpty());
        JsonObject agent = get("/api/v1/search?q=" + run, token(WORLD.northside("agent"), null)).json().getJsonObject("data");
        assertTrue(agent.getJsonArray("work_items").isEmpty(), "agents find only their own items");
        assertTrue(get("/api/v1/search?q=%25", staff).json().getJsonObject("data").getJsonArray("work_items").isEmpty(),
                "a lone wildcard is not a search");
        assertEquals(200, get("/api/v1/search", staff).status());
    }

    @Test
    void creatingAContactIsCounted() throws SQLException {
        String counted = "select count(*) from analytics_events where event_name = 'contacts.created'"
                + " and tenant_id = (select id from tenants where external_org_id = ?)";
        long before = Database.count(counted, WORLD.maple());
        assertEquals(201, send("POST", "/api/v1/contacts", token(WORLD.maple("staff"), null),
                "{\"display_name\":\"Counted " + run + "\"}").status());
        assertEquals(before + 1, Database.count(counted, WORLD.maple()));
    }

    @Test
    void openingTheWorkListIsCounted() throws Exception {
        String staff = token(WORLD.northside("staff"), null);
        String counted = "select count(*) from analytics_events where event_name = 'work.view'"
                + " and tenant_id = (select id from tenants where external_org_id = ?)";
        long before = Database.count(counted, WORLD.northside());
        assertEquals(200, get("/api/v1/work-items?limit=5", staff).status());
        long deadline = System.currentTimeMillis() + 10_000; // view events are written every two seconds
        long after = before;
        while (after == before && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
            after = Database.count(counted, WORLD.northside());
        }
        assertTrue(after > before, "work.view recorded");
    }
}
