package com.smbhub.system;

import static com.smbhub.system.SystemUnderTest.get;
import static com.smbhub.system.SystemUnderTest.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** The profile engine through the API: effective profile per business, overrides by owners and admins. */
class ProfileIT {

    private static final World WORLD = World.create();

    static SystemUnderTest.Reply patchOverrides(String token, String body) {
        return SystemUnderTest.send(HttpRequest.newBuilder(URI.create(SystemUnderTest.BASE + "/api/v1/profile/tenant-overrides"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static JsonObject profile(String token) {
        var reply = get("/api/v1/profile", token);
        assertEquals(200, reply.status(), reply.body());
        return reply.json().getJsonObject("data");
    }

    @Test
    void eachBusinessGetsItsOwnProfile() {
        JsonObject northside = profile(token(WORLD.northside("staff"), null));
        JsonObject maple = profile(token(WORLD.maple("staff"), null));
        assertEquals("general", northside.getString("profile_id"));
        assertEquals("Requests", northside.getJsonObject("labels").getString("work_item_plural"));
        assertFalse(northside.getJsonObject("capabilities").getBoolean("pos_sync"));
        assertEquals("retail_pos", maple.getString("profile_id"));
        assertEquals("Orders / Issues", maple.getJsonObject("labels").getString("work_item_plural"));
        assertTrue(maple.getJsonObject("capabilities").getBoolean("pos_sync"));
        assertEquals("labels_json.external_order_id",
                maple.getJsonObject("required_fields").getJsonArray("work_item:ORDER").getString(1));
    }

    @Test
    void anOwnerOverridesTheProfileAndOnlyTheirBusinessChanges() throws SQLException {
        String owner = token(WORLD.northside("owner"), null);
        try {
            var reply = patchOverrides(owner, "{\"labels\":{\"quote_plural\":\"Estimates\"},\"capabilities\":{\"quotes\":false}}");
            assertEquals(200, reply.status(), reply.body());
            JsonObject data = reply.json().getJsonObject("data");
            assertEquals("Estimates", data.getJsonObject("labels").getString("quote_plural"));
            assertFalse(data.getJsonObject("capabilities").getBoolean("quotes"));
            assertEquals("Requests", data.getJsonObject("labels").getString("work_item_plural"), "maps deep-merge");
            assertEquals("Estimates", profile(token(WORLD.northside("staff"), null)).getJsonObject("labels").getString("quote_plural"));
            assertEquals("Quotes", profile(token(WORLD.maple("staff"), null)).getJsonObject("labels").getString("quote_plural"));
            assertTrue(Database.count("select count(*) from audit_log where action = 'tenant.profile_overrides_changed'") > 0);
        } finally {
            assertEquals(200, patchOverrides(owner, "{\"labels\":{\"quote_plural\":null},\"capabilities\":{\"quotes\":null}}").status());
        }
        JsonObject restored = profile(owner);
        assertEquals("Quotes", restored.getJsonObject("labels").getString("quote_plural"));
        assertTrue(restored.getJsonObject("capabilities").getBoolean("quotes"));
        assertEquals(0, restored.getJsonObject("tenant_overrides").size());
    }

    @Test
    void staffCannotChangeTheProfile() {
        var reply = patchOverrides(token(WORLD.maple("staff"), null), "{\"labels\":{\"inbox\":\"Mail\"}}");
        assertEquals(403, reply.status());
        assertEquals("FORBIDDEN", reply.errorCode());
    }

    @Test
    void anOverrideThatBreaksTheSchemaIsRefusedAtTheField() {
        String admin = token(WORLD.maple("admin"), null);
        var wrongType = patchOverrides(admin, "{\"capabilities\":{\"quotes\":\"no\"}}");
        assertEquals(400, wrongType.status(), wrongType.body());
        assertEquals("capabilities.quotes", wrongType.json().getJsonObject("error").getJsonArray("details")
                .getJsonObject(0).getString("field"));
        assertEquals(400, patchOverrides(admin, "{\"profile_id\":\"general\"}").status());
        assertEquals(400, patchOverrides(admin, "{\"colour\":\"red\"}").status());
        assertEquals(400, patchOverrides(admin, "{not json").status());
        assertEquals(400, patchOverrides(admin, "[1,2]").status());
        assertEquals("Orders / Issues", profile(admin).getJsonObject("labels").getString("work_item_plural"));
    }
}
