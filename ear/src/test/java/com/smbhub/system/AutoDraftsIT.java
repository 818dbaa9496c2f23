package com.smbhub.system;

import static com.smbhub.system.ContactsIT.send;
import static com.smbhub.system.InboxIT.awaitConversation;
import static com.smbhub.system.InboxIT.awaitMessages;
import static com.smbhub.system.SystemUnderTest.get;
import static com.smbhub.system.SystemUnderTest.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Text-to-Task by itself against the deployed EAR (issue 15): a business that turns it on (Settings → Inbox) gets
 * each new e-mail or text read into a draft — not an automatic reply, not a message with nothing to do — and a
 * draft at least as sure as its threshold applied: a DRAFT quote, nothing sent. A threshold no reading reaches
 * applies nothing; a text is drafted the same way. Only owners and admins change it; bad settings are named and
 * change nothing.
 */
class AutoDraftsIT {

    private static final World WORLD = World.create();
    private static String owner;
    private static String address;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void connect() {
        owner = token(WORLD.northside("owner"), null);
        address = "office@" + WORLD.northside() + ".test";
        var saved = Mailbox.connect(owner, address);
        assertEquals(200, saved.status(), saved.body());
    }

    private static JsonObject data(SystemUnderTest.Reply reply) {
        return reply.json().getJsonObject("data");
    }

    private static SystemUnderTest.Reply settle(String body) {
        return send("PUT", "/api/v1/settings/text-to-task", owner, body);
    }

    /** Delivers a message and returns its conversation once it is in the inbox. */
    private String receive(String from, String subject, String headers, String text) throws Exception {
        Mailbox.deliver(from.replaceAll(".*<|>", ""), address, "From: " + from + "\nTo: " + address + "\nSubject: " + subject
                + "\n" + headers + "\n" + text + "\n");
        String conversation = awaitConversation(owner, subject.replace(' ', '+')).getString("id");
        awaitMessages(owner, conversation, 1);
        return conversation;
    }

    /** The conversation's drafts once there are {@code count} (drafting follows storing by moments). */
    private static JsonArray awaitDrafts(String conversation, int count) throws InterruptedException {
        JsonArray drafts = null;
        for (int i = 0; i < 100; i++) {
            drafts = get("/api/v1/conversations/" + conversation + "/ai-drafts", owner).json().getJsonArray("data");
            if (drafts.size() >= count) {
                return drafts;
            }
            Thread.sleep(100);
        }
        return drafts;
    }

    @Test
    void newMailIsDraftedByItselfAndASureDraftAppliedWithNothingSent() throws Exception {
        var saved = settle("{\"auto_draft\":true,\"auto_apply_at\":null}");
        assertEquals(200, saved.status(), saved.body());
        assertTrue(data(saved).getBoolean("auto_draft"));

        String leak = receive("Maria Lopez <maria-" + run + "@example.com>", "Leak " + run, "",
                "Can you quote 3 hrs labour at $85 to fix the leak at 42 Elm St by Friday?");
        JsonObject draft = awaitDrafts(leak, 1).getJsonObject(0);
        assertEquals("DRAFT_QUOTE", draft.getString("intent"));
        assertEquals("PENDING_QC", draft.getString("status"), "drafted, left for a person");
        assertTrue(draft.isNull("applied"), draft.toString());

        String away = receive("Out Of Office <ooo-" + run + "@example.com>", "Away " + run, "Auto-Submitted: auto-replied\n",
                "I am away until Monday; can you quote 2 hrs labour at $90 when I am back?");
        String thanks = receive("Sam Reid <sam-" + run + "@example.com>", "Thanks " + run, "", "Thanks, all good!");

        assertEquals(200, settle("{\"auto_draft\":true,\"auto_apply_at\":0.5}").status());
        String tap = receive("Jo Field <jo-" + run + "@example.com>", "Tap " + run, "",
                "Can you quote 2 hrs labour at $90 to replace the kitchen tap at 7 Oak Ave by Tuesday?");
        JsonObject applied = awaitDrafts(tap, 1).getJsonObject(0);
        for (int i = 0; i < 50 && applied.isNull("applied"); i++) {
            Thread.sleep(100);
            applied = awaitDrafts(tap, 1).getJsonObject(0);
        }
        assertEquals("APPLIED", applied.getString("status"), applied.toString());
        assertTrue(applied.getJsonObject("applied").getBoolean("automatically"));
        assertEquals("QUOTE", applied.getJsonObject("applied").getString("type"));
        JsonObject quote = data(get("/api/v1/quotes/" + applied.getJsonObject("applied").getString("id"), owner));
        assertEquals("DRAFT", quote.getString("status"), "a draft quote, never sent");
        assertEquals(1, awaitMessages(owner, tap, 1).getJsonArray("data").size(), "nothing was sent to the client");
        assertEquals(0, awaitDrafts(away, 0).size(), "an automatic reply is not drafted");
        assertEquals(0, awaitDrafts(thanks, 0).size(), "a message with nothing to do is not drafted");

        assertEquals(200, settle("{\"auto_draft\":true,\"auto_apply_at\":1}").status());
        String unsure = receive("Lee Park <lee-" + run + "@example.com>", "Heater " + run, "",
                "Can you quote 1 hrs labour at $95 to look at the water heater at 9 Pine Rd by Monday?");
        JsonObject kept = awaitDrafts(unsure, 1).getJsonObject(0);
        Thread.sleep(500);
        kept = awaitDrafts(unsure, 1).getJsonObject(0);
        assertTrue(kept.getJsonNumber("confidence").doubleValue() < 1.0, kept.toString());
        assertEquals("PENDING_QC", kept.getString("status"), "a reading below the threshold is never applied by itself");

        assertEquals(200, settle("{\"auto_draft\":false}").status());
        String off = receive("Ana Diaz <ana-" + run + "@example.com>", "Fence " + run, "",
                "Can you quote 4 hrs labour at $80 to fix the fence at 3 Birch St by Thursday?");
        Thread.sleep(500);
        assertEquals(0, awaitDrafts(off, 0).size(), "turned off: drafted only when a person asks");
    }

    @Test
    void aNewTextIsDraftedByItselfToo() throws Exception {
        var connected = TwilioIT.save(owner, "AC" + TwilioIT.hex(16), TwilioIT.hex(16), TwilioIT.newNumber());
        assertEquals(200, connected.status(), connected.body());
        assertEquals(200, settle("{\"auto_draft\":true,\"auto_apply_at\":null}").status());
        String from = TwilioIT.newNumber();
        var texted = send("POST", "/api/v1/settings/sms/simulate", owner, "{\"from\":\"" + from
                + "\",\"text\":\"Hi, the toilet at 12 Cedar Lane keeps running, can someone come fix it tomorrow? " + run + "\"}");
        assertEquals(200, texted.status(), texted.body());
        JsonObject draft = awaitDrafts(TwilioIT.conversationWith(owner, from).getString("id"), 1).getJsonObject(0);
        assertEquals("CREATE_WORK_ITEM", draft.getString("intent"), draft.toString());
        assertEquals("PENDING_QC", draft.getString("status"));
    }

    @Test
    void onlyOwnersAndAdminsChangeItAndBadSettingsChangeNothing() {
        var before = get("/api/v1/settings/text-to-task", owner);
        assertEquals(200, before.status(), before.body());
        String staff = token(WORLD.northside("staff"), null);
        assertEquals(403, send("PUT", "/api/v1/settings/text-to-task", staff, "{\"auto_draft\":true}").status());
        assertEquals(403, get("/api/v1/settings/text-to-task", staff).status());
        var low = settle("{\"auto_draft\":true,\"auto_apply_at\":0.3}");
        assertEquals(400, low.status(), low.body());
        assertTrue(low.body().contains("auto_apply_at"), low.body());
        var alone = settle("{\"auto_draft\":false,\"auto_apply_at\":0.9}");
        assertEquals(400, alone.status(), alone.body());
        assertEquals(400, settle("{\"auto_draft\":\"yes\"}").status());
        assertEquals(400, settle("{\"auto_apply_at\":\"high\",\"auto_draft\":true}").status());
        assertEquals(400, settle("{\"auto_draft\":true,\"other\":1}").status());
        assertEquals(data(before).toString(), data(get("/api/v1/settings/text-to-task", owner)).toString());
    }
}
