package com.smbhub.system;

import static com.smbhub.system.ContactsIT.send;
import static com.smbhub.system.SystemUnderTest.get;
import static com.smbhub.system.SystemUnderTest.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An AGENT (the ASSIGNED grant) works inside their own scope: work they take is theirs, and every id
 * they send — a contact on work or on an invoice — is one they may already see; duplicate answers name
 * only contacts they may see (issue 12, found by the probe).
 */
class AgentScopeIT {

    private static final World WORLD = World.create();

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String staff = token(WORLD.northside("staff"), null);
    private final String agent = token(WORLD.northside("agent"), null);

    private static String userId(String token) {
        return get("/api/v1/me", token).json().getJsonObject("data").getJsonObject("user").getString("id");
    }

    private static String id(SystemUnderTest.Reply reply) {
        assertEquals(201, reply.status(), reply.body());
        return reply.json().getJsonObject("data").getString("id");
    }

    private static List<String> fields(SystemUnderTest.Reply reply) {
        assertEquals(400, reply.status(), reply.body());
        return reply.json().getJsonObject("error").getJsonArray("details").getValuesAs(JsonObject.class).stream()
                .map(d -> d.getString("field")).toList();
    }

    private String staffContact(String extra) {
        return id(send("POST", "/api/v1/contacts", staff, "{\"display_name\":\"Office client " + run + "\"" + extra + "}"));
    }

    @Test
    void anAgentCannotAssignWorkToAnotherOrLinkAContactTheyDoNotSee() {
        String staffId = userId(staff);
        String foreign = staffContact("");
        assertEquals(List.of("assigned_to"), fields(send("POST", "/api/v1/work-items", agent,
                "{\"title\":\"For staff " + run + "\",\"assigned_to\":\"" + staffId + "\"}")));
        assertEquals(List.of("contact_id"), fields(send("POST", "/api/v1/work-items", agent,
                "{\"title\":\"Grab " + run + "\",\"contact_id\":\"" + foreign + "\"}")));
        assertEquals(404, get("/api/v1/contacts/" + foreign, agent).status(), "nothing was linked");
        assertEquals(404, get("/api/v1/contacts/" + foreign + "/timeline", agent).status());

        // their own work is theirs; a contact they create is one they may link
        JsonObject own = send("POST", "/api/v1/work-items", agent, "{\"title\":\"Mine " + run + "\"}").json().getJsonObject("data");
        assertEquals(userId(agent), own.getString("assigned_to"));
        String theirs = id(send("POST", "/api/v1/contacts", agent, "{\"display_name\":\"Met on site " + run + "\"}"));
        assertEquals(200, get("/api/v1/contacts/" + theirs, agent).status());
        var linked = send("PATCH", "/api/v1/work-items/" + own.getString("id"), agent,
                "{\"contact_id\":\"" + theirs + "\",\"if_match_version\":" + own.getJsonNumber("version") + "}");
        assertEquals(200, linked.status(), linked.body());
        JsonObject now = linked.json().getJsonObject("data");
        assertEquals(List.of("contact_id"), fields(send("PATCH", "/api/v1/work-items/" + own.getString("id"), agent,
                "{\"contact_id\":\"" + foreign + "\",\"if_match_version\":" + now.getJsonNumber("version") + "}")));
        assertEquals(List.of("assigned_to"), fields(send("PATCH", "/api/v1/work-items/" + own.getString("id"), agent,
                "{\"assigned_to\":\"" + staffId + "\",\"if_match_version\":" + now.getJsonNumber("version") + "}")));
    }

    @Test
    void anAgentCannotBillAContactOutsideTheirWork() {
        String agentId = userId(agent);
        String client = staffContact("");
        String foreign = staffContact("");
        String job = id(send("POST", "/api/v1/work-items", staff, "{\"title\":\"Agent job " + run + "\",\"assigned_to\":\""
                + agentId + "\",\"contact_id\":\"" + client + "\"}"));
        String lines = ",\"line_items\":[{\"name\":\"Callout\",\"qty\":1,\"rate\":80}]}";
        assertEquals(List.of("contact_id"), fields(send("POST", "/api/v1/invoices", agent,
                "{\"work_item_id\":\"" + job + "\",\"contact_id\":\"" + foreign + "\"" + lines)));
        assertEquals(201, send("POST", "/api/v1/invoices", agent,
                "{\"work_item_id\":\"" + job + "\",\"contact_id\":\"" + client + "\"" + lines).status());
    }

    @Test
    void aDuplicateAnswerNamesOnlyContactsTheAgentMaySee() {
        String email = "private." + run + "@x.test";
        staffContact(",\"email\":\"" + email + "\",\"notes\":\"Door code 4411\"");
        var dup = send("POST", "/api/v1/contacts", agent, "{\"display_name\":\"Someone\",\"email\":\"" + email + "\"}");
        assertEquals(409, dup.status(), dup.body());
        assertFalse(dup.body().contains("Door code") || dup.body().contains("Office client"), dup.body());
        assertEquals(0, dup.json().getJsonArray("data").size());

        var preview = send("POST", "/api/v1/contacts/import?dry_run=true", agent, "Name,Email\nSomeone," + email + "\n");
        assertEquals(200, preview.status(), preview.body());
        JsonObject row = preview.json().getJsonObject("data").getJsonArray("rows").getJsonObject(0);
        assertEquals("DUPLICATE", row.getString("outcome"));
        assertEquals("an existing contact", row.getString("duplicate_of"));

        var asStaff = send("POST", "/api/v1/contacts", staff, "{\"display_name\":\"Someone\",\"email\":\"" + email + "\"}");
        assertEquals("Office client " + run, asStaff.json().getJsonArray("data").getJsonObject(0).getString("display_name"),
                "people who see every contact are told which one");
    }
}
