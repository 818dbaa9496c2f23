package com.smbhub.system;

import static com.smbhub.system.ContactsIT.send;
import static com.smbhub.system.SystemUnderTest.get;
import static com.smbhub.system.SystemUnderTest.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.mail.Message;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The inbox against the deployed EAR and the development mail server: a business connects its mailbox,
 * mail sent to it shows up threaded, the reply reaches the client with threading headers and the
 * client's answer joins the thread; a conversation becomes a work item; roles and businesses hold.
 */
class InboxIT {

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
        assertTrue(saved.json().getJsonObject("data").getBoolean("password_set"));
        assertFalse(saved.body().contains("\"any\""), "the password never comes back");
    }

    static JsonObject awaitConversation(String token, String q) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            var list = get("/api/v1/conversations?q=" + q, token);
            assertEquals(200, list.status(), list.body());
            var data = list.json().getJsonArray("data");
            if (!data.isEmpty()) {
                return data.getJsonObject(0);
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no conversation \"" + q + "\" arrived");
    }

    static JsonObject awaitMessages(String token, String conversation, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            var messages = get("/api/v1/conversations/" + conversation + "/messages", token);
            assertEquals(200, messages.status(), messages.body());
            if (messages.json().getJsonArray("data").size() >= count || System.nanoTime() > deadline) {
                return messages.json();
            }
            Thread.sleep(250);
        }
    }

    @Test
    void testConnectionOpensTheFolder() {
        var test = send("POST", "/api/v1/settings/inbox/test", owner, null);
        assertEquals(200, test.status(), test.body());
        assertTrue(test.json().getJsonObject("data").getString("result").startsWith("Connected: "), test.body());
    }

    @Test
    void mailFromAnUnknownClientArrivesIsAnsweredAndTheAnswerThreadsBack() throws Exception {
        String client = "client-" + run + "@example.com";
        String firstId = "first-" + run + "@example.com";
        Mailbox.deliver(client, address, "From: Dana Client <" + client + ">\nTo: " + address + "\nSubject: Leaking tap "
                + run + "\nMessage-ID: <" + firstId + ">\nContent-Type: text/plain; charset=ISO-8859-1\n"
                + "Content-Transfer-Encoding: quoted-printable\n\nThe kitchen tap drips, caf=E9 floor is wet.\n");
        JsonObject c = awaitConversation(owner, run);
        assertEquals(client + " (Unknown)", c.getString("display_name"));
        assertEquals(1, c.getInt("unread_count"));
        String id = c.getString("id");
        var messages = awaitMessages(owner, id, 1).getJsonArray("data");
        assertTrue(messages.getJsonObject(0).getString("text").contains("café floor"), messages.toString());

        var opened = get("/api/v1/conversations/" + id, owner);
        assertEquals(0, opened.json().getJsonObject("data").getInt("unread_count"), "opening it reads it");

        var reply = send("POST", "/api/v1/conversations/" + id + "/messages", owner, "{\"text\":\"We come at 9 tomorrow.\"}");
        assertEquals(201, reply.status(), reply.body());
        assertEquals("SENT", reply.json().getJsonObject("data").getString("state"));
        Message received = Mailbox.await(client, "Leaking tap " + run);
        assertEquals("<" + firstId + ">", received.getHeader("In-Reply-To")[0]);
        assertEquals(address, received.getReplyTo()[0].toString());
        String ourId = received.getHeader("Message-ID")[0];

        Mailbox.deliver(client, address, "From: " + client + "\nTo: " + address + "\nSubject: another thing " + run
                + "\nMessage-ID: <answer-" + run + "@example.com>\nIn-Reply-To: " + ourId + "\nReferences: <" + firstId + "> "
                + ourId + "\n\nThanks, see you then.\n");
        var thread = awaitMessages(owner, id, 3).getJsonArray("data");
        assertEquals(3, thread.size(), thread.toString());
        assertEquals("OUTBOUND", thread.getJsonObject(1).getString("direction"));
        assertTrue(thread.getJsonObject(2).getString("text").contains("see you then"));

        // the same message delivered again is one message
        Mailbox.deliver(client, address, "From: " + client + "\nTo: " + address + "\nSubject: Leaking tap " + run
                + "\nMessage-ID: <" + firstId + ">\n\nThe kitchen tap drips.\n");
        Thread.sleep(12_000);
        assertEquals(3, awaitMessages(owner, id, 4).getJsonArray("data").size());

        var work = send("POST", "/api/v1/conversations/" + id + "/convert", owner, "{\"target\":\"WORK_ITEM\"}");
        assertEquals(201, work.status(), work.body());
        JsonObject item = work.json().getJsonObject("data");
        assertEquals("Leaking tap " + run, item.getString("title"));
        assertEquals("EMAIL", item.getString("source"));
        assertEquals(id, item.getString("conversation_id"));
        var after = get("/api/v1/conversations/" + id, owner).json().getJsonObject("data");
        assertEquals(item.getString("id"), after.getJsonArray("work_item_ids").getString(0));
    }

    @Test
    void mailIsReadTheMomentTheServerAnnouncesIt() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!get("/api/v1/settings/inbox", owner).json().getJsonObject("data").getBoolean("pushed")) {
            assertTrue(System.nanoTime() < deadline, "the mailbox is watched with IMAP IDLE after its first read");
            Thread.sleep(250);
        }
        String client = "push-" + run + "@example.com";
        Mailbox.deliver(client, address, "From: " + client + "\nTo: " + address + "\nSubject: First " + run + "\n\nHello\n");
        awaitConversation(owner, "First%20" + run);
        // that read was moments ago: while watched, the schedule reads again only after a minute
        long sent = System.nanoTime();
        Mailbox.deliver(client, address, "From: " + client + "\nTo: " + address + "\nSubject: Second " + run + "\n\nAgain\n");
        awaitConversation(owner, "Second%20" + run);
        long seconds = Duration.ofNanos(System.nanoTime() - sent).toSeconds();
        assertTrue(seconds < 20, "read on the server's word, not on the schedule (" + seconds + " s)");
    }

    @Test
    void anAnswerCarriesTheBusinesssFilesAndKeepsACopyInTheThread() throws Exception {
        String client = "files-" + run + "@example.com";
        Mailbox.deliver(client, address, "From: " + client + "\nTo: " + address + "\nSubject: Send the plan " + run
                + "\nMessage-ID: <plan-" + run + "@example.com>\n\nCould you send the plan?\n");
        String id = awaitConversation(owner, run).getString("id");
        var item = send("POST", "/api/v1/work-items", owner, "{\"title\":\"Plan " + run + "\"}");
        assertEquals(201, item.status(), item.body());
        var file = FilesIT.upload(owner, "WORK_ITEM", item.json().getJsonObject("data").getString("id"), "plan.pdf",
                "%PDF-1.4\n% plan\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(201, file.status(), file.body());
        String fileId = file.json().getJsonObject("data").getString("id");

        var unknown = send("POST", "/api/v1/conversations/" + id + "/messages", owner, "{\"text\":\"x\",\"attachment_ids\":[\""
                + UUID.randomUUID() + "\"]}");
        assertEquals(400, unknown.status(), unknown.body());
        assertTrue(unknown.body().contains("attachment_ids"), unknown.body());
        assertEquals(400, send("POST", "/api/v1/conversations/" + id + "/messages", owner,
                "{\"text\":\"x\",\"attachment_ids\":\"not a list\"}").status());
        String maple = token(WORLD.maple("owner"), null);
        var mapleFile = send("POST", "/api/v1/conversations", maple, "{\"to\":\"x-" + run + "@example.com\",\"subject\":\"s\","
                + "\"text\":\"t\",\"attachment_ids\":[\"" + fileId + "\"]}");
        assertEquals(400, mapleFile.status(), "compose takes no files: " + mapleFile.body());

        var reply = send("POST", "/api/v1/conversations/" + id + "/messages", owner, "{\"text\":\"Here it is.\",\"attachment_ids\":[\""
                + fileId + "\"]}");
        assertEquals(201, reply.status(), reply.body());
        JsonObject sent = reply.json().getJsonObject("data");
        assertEquals("SENT", sent.getString("state"));
        assertEquals("plan.pdf", sent.getJsonArray("attachments").getJsonObject(0).getString("file_name"));
        Message mail = Mailbox.await(client, "Send the plan " + run);
        jakarta.mail.Multipart parts = (jakarta.mail.Multipart) mail.getContent();
        assertEquals("plan.pdf", parts.getBodyPart(1).getFileName());
        var thread = get("/api/v1/conversations/" + id + "/messages", owner).json().getJsonArray("data");
        assertEquals(1, thread.getJsonObject(1).getJsonArray("attachments").size(), "a copy stays with the answer");
    }

    @Test
    void htmlMailIsShownWithoutWhatRunsAndWithoutItsImagesUntilAsked() throws Exception {
        String client = "news-" + run + "@example.com";
        Mailbox.deliver(client, address, "From: " + client + "\nTo: " + address + "\nSubject: Spring offer " + run
                + "\nMIME-Version: 1.0\nContent-Type: text/html; charset=utf-8\n\n<p onclick=\"steal()\">Our <b>spring</b> offer</p>"
                + "<script>alert(1)</script><img src=\"https://tracker.example/open.gif?u=1\"><a href=\"javascript:x()\">x</a>\n");
        String id = awaitConversation(owner, run).getString("id");
        JsonObject m = awaitMessages(owner, id, 1).getJsonArray("data").getJsonObject(0);
        String html = m.getString("html");
        assertTrue(html.contains("<b>spring</b>"), html);
        for (String never : new String[] {"<script", "onclick", "javascript:", "<img", "tracker.example"}) {
            assertFalse(html.contains(never), never + " in " + html);
        }
        assertTrue(m.getBoolean("remote_images"), "it had an image to show when asked");
        assertTrue(m.getString("text").contains("Our spring offer"), m.getString("text"));
    }

    @Test
    void anotherBusinessAndAnAgentSeeNothingThatIsNotTheirs() throws Exception {
        String client = "other-" + run + "@example.com";
        Mailbox.deliver(client, address, "From: " + client + "\nTo: " + address + "\nSubject: Private " + run
                + "\nMessage-ID: <private-" + run + "@example.com>\n\nOnly Northside reads this.\n");
        String id = awaitConversation(owner, run).getString("id");

        String maple = token(WORLD.maple("owner"), null);
        assertEquals(404, get("/api/v1/conversations/" + id, maple).status());
        assertEquals(404, get("/api/v1/conversations/" + id + "/messages", maple).status());
        assertTrue(get("/api/v1/conversations?q=" + run, maple).json().getJsonArray("data").isEmpty());

        String agent = token(WORLD.northside("agent"), null);
        assertEquals(404, get("/api/v1/conversations/" + id, agent).status());
        assertTrue(get("/api/v1/conversations?q=" + run, agent).json().getJsonArray("data").isEmpty());
        String agentId = get("/api/v1/me", agent).json().getJsonObject("data").getJsonObject("user").getString("id");
        var refused = send("PATCH", "/api/v1/conversations/" + id, agent, "{\"assigned_to\":\"" + agentId + "\"}",
                "If-Match", "\"0\"");
        assertEquals(404, refused.status(), refused.body());

        String staff = token(WORLD.northside("staff"), null);
        var assigned = ContactsIT.edit("PATCH", "/api/v1/conversations/" + id, staff, "{\"assigned_to\":\"" + agentId + "\"}");
        assertEquals(200, assigned.status(), assigned.body());
        assertEquals(200, get("/api/v1/conversations/" + id, agent).status());
        var agentAssigns = ContactsIT.edit("PATCH", "/api/v1/conversations/" + id, agent, "{\"assigned_to\":null}");
        assertEquals(403, agentAssigns.status(), agentAssigns.body());

        String viewer = token(WORLD.northside("viewer"), null);
        assertEquals(200, get("/api/v1/conversations/" + id + "/messages", viewer).status());
        assertEquals(403, send("POST", "/api/v1/conversations/" + id + "/messages", viewer, "{\"text\":\"hi\"}").status());
    }

    @Test
    void composeStartsAConversationThatBecomesAnInvoiceOnce() throws Exception {
        String client = "compose-" + run + "@example.com";
        String contact = send("POST", "/api/v1/contacts", owner, "{\"display_name\":\"Compose " + run + "\",\"email\":\""
                + client + "\"}").json().getJsonObject("data").getString("id");
        var made = send("POST", "/api/v1/conversations", owner, "{\"contact_id\":\"" + contact + "\",\"subject\":\"Your boiler "
                + run + "\",\"text\":\"Time for the yearly service.\"}");
        assertEquals(201, made.status(), made.body());
        JsonObject c = made.json().getJsonObject("data");
        assertEquals("Compose " + run, c.getString("display_name"));
        assertTrue(Mailbox.text(Mailbox.await(client, "Your boiler " + run)).contains("yearly service"));
        var timeline = get("/api/v1/contacts/" + contact + "/timeline", owner).json().getJsonArray("data");
        assertTrue(timeline.stream().map(JsonObject.class::cast).anyMatch(e -> e.getString("type").equals("message")
                && e.getString("title").equals("E-mail sent: Your boiler " + run)
                && e.getString("id").equals(c.getString("id"))), timeline.toString());

        var invoice = send("POST", "/api/v1/conversations/" + c.getString("id") + "/convert", owner, "{\"target\":\"INVOICE\"}");
        assertEquals(201, invoice.status(), invoice.body());
        assertEquals(contact, invoice.json().getJsonObject("data").getString("contact_id"));
        var again = send("POST", "/api/v1/conversations/" + c.getString("id") + "/convert", owner, "{\"target\":\"INVOICE\"}");
        assertEquals(200, again.status(), again.body());
        assertEquals(invoice.json().getJsonObject("data").getString("id"), again.json().getJsonObject("data").getString("id"));
        assertEquals(1, get("/api/v1/conversations/" + c.getString("id"), owner).json().getJsonObject("data")
                .getJsonArray("work_item_ids").size(), "the draft hangs on the conversation's one work item");

        String mapleContact = send("POST", "/api/v1/contacts", token(WORLD.maple("owner"), null), "{\"display_name\":\"M "
                + run + "\",\"email\":\"m-" + run + "@example.com\"}").json().getJsonObject("data").getString("id");
        var foreign = send("POST", "/api/v1/conversations", owner, "{\"contact_id\":\"" + mapleContact + "\",\"subject\":\"x\","
                + "\"text\":\"y\"}");
        assertEquals(400, foreign.status(), foreign.body());
        assertTrue(foreign.body().contains("\"contact_id\""), foreign.body());
        var noAddress = send("POST", "/api/v1/conversations", owner, "{\"to\":\"not an address\",\"subject\":\"x\",\"text\":\"y\"}");
        assertEquals(400, noAddress.status());
        assertTrue(noAddress.body().contains("\"to\""), noAddress.body());
    }

    @Test
    void badInputIsRefusedAtItsField() {
        var host = send("PUT", "/api/v1/settings/inbox", owner, "{\"host\":\"10.0.0.5\",\"port\":993,\"security\":\"SSL\","
                + "\"username\":\"x\",\"password\":\"y\",\"address\":\"x@example.com\"}");
        assertEquals(400, host.status(), host.body());
        assertTrue(host.body().contains("\"host\""), host.body());
        var status = get("/api/v1/conversations?status=MAYBE", owner);
        assertEquals(400, status.status());
        assertTrue(status.body().contains("\"status\""), status.body());
        assertEquals(400, get("/api/v1/conversations?cursor=garbage", owner).status());
        assertEquals(404, get("/api/v1/conversations/not-an-id", owner).status());
        var empty = send("POST", "/api/v1/conversations/" + UUID.randomUUID() + "/messages", owner, "{\"text\":\"\"}");
        assertTrue(empty.status() == 400 || empty.status() == 404, empty.body());
        String staff = token(WORLD.northside("staff"), null);
        assertEquals(403, get("/api/v1/settings/inbox", staff).status());
    }
}
