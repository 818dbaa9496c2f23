package com.smbhub.system;

import static com.smbhub.system.ContactsIT.edit;
import static com.smbhub.system.ContactsIT.send;
import static com.smbhub.system.SystemUnderTest.get;
import static com.smbhub.system.SystemUnderTest.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The inbox's saved answers over the API: who may keep and read them, names unique, versions, businesses apart. */
class SavedAnswersIT {

    private static final World WORLD = World.create();

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void ownersKeepThemEveryoneWhoReadsTheInboxPicksFromThem() {
        String owner = token(WORLD.northside("owner"), null);
        var made = send("POST", "/api/v1/saved-answers", owner, "{\"name\":\"On our way " + run + "\",\"body\":\"Hello {client_name},"
                + " we are on our way. {business_name}\"}");
        assertEquals(201, made.status(), made.body());
        JsonObject answer = made.json().getJsonObject("data");
        String id = answer.getString("id");

        var twice = send("POST", "/api/v1/saved-answers", owner, "{\"name\":\"ON OUR WAY " + run + "\",\"body\":\"x\"}");
        assertEquals(400, twice.status());
        assertTrue(twice.body().contains("already have"), twice.body());
        var empty = send("POST", "/api/v1/saved-answers", owner, "{\"name\":\"\",\"body\":\"\"}");
        assertEquals(400, empty.status());
        assertTrue(empty.body().contains("\"name\"") && empty.body().contains("\"body\""), empty.body());

        String staff = token(WORLD.northside("staff"), null);
        assertEquals(403, send("POST", "/api/v1/saved-answers", staff, "{\"name\":\"Mine " + run + "\",\"body\":\"x\"}").status());
        assertTrue(get("/api/v1/saved-answers", staff).body().contains("On our way " + run));
        assertTrue(get("/api/v1/saved-answers", token(WORLD.northside("viewer"), null)).body().contains("On our way " + run));

        assertEquals(428, send("PATCH", "/api/v1/saved-answers/" + id, owner, "{\"body\":\"new\"}").status());
        var changed = edit("PATCH", "/api/v1/saved-answers/" + id, owner, "{\"body\":\"Be there soon, {client_name}.\"}");
        assertEquals(200, changed.status(), changed.body());
        assertEquals("Be there soon, {client_name}.", changed.json().getJsonObject("data").getString("body"));
        assertEquals(404, send("PATCH", "/api/v1/templates/" + id, owner, "{\"name\":\"x\",\"if_match_version\":0}").status(),
                "not an e-mail template");

        String maple = token(WORLD.maple("owner"), null);
        assertFalse(get("/api/v1/saved-answers", maple).body().contains(run));
        assertEquals(404, send("PATCH", "/api/v1/saved-answers/" + id, maple, "{\"body\":\"x\",\"if_match_version\":1}").status());
        assertEquals(404, send("DELETE", "/api/v1/saved-answers/" + id, maple, null).status());

        assertEquals(204, send("DELETE", "/api/v1/saved-answers/" + id, owner, null).status());
        assertFalse(get("/api/v1/saved-answers", owner).body().contains("On our way " + run));
        assertEquals(201, send("POST", "/api/v1/saved-answers", owner, "{\"name\":\"On our way " + run + "\",\"body\":\"again\"}")
                .status(), "a deleted answer's name is free again");
    }
}
