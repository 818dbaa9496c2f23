package com.smbhub.system;

import static com.smbhub.system.SystemUnderTest.get;
import static com.smbhub.system.SystemUnderTest.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Issue 15 in a browser: a quote request by e-mail becomes a draft quote from the AI panel, in a few clicks; a spend
 * mailed in becomes a draft expense; a job's notes become its draft invoice; ops approve a draft sent to them.
 */
class TextToTaskJourneyIT {

    private static final World WORLD = World.create();

    @Test
    void aQuoteRequestByMailBecomesADraftQuoteFromTheAiPanel() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String owner = receive("Maria Lopez", "Leak " + run, "Can you quote 3 hrs labour at $85 to fix the leak at 42 Elm St by Friday?");
        try (BackOffice app = new BackOffice()) {
            InboxScreen inbox = turnInto(app, "Leak " + run);
            app.screenshot("ai-panel");
            assertEquals("Quote", inbox.aiKind(), "suggests a quote");
            assertEquals(List.of("Labour 3 85"), inbox.aiLines());
            assertEquals("255", inbox.aiValue("ai-total"));
            assertEquals("42 Elm St", inbox.aiValue("ai-address"));
            assertTrue(!inbox.aiValue("ai-due").isBlank(), "the due date is filled");
            assertTrue(inbox.aiFound().contains("42 Elm St"), "found values are marked in the message: " + inbox.aiFound());
            inbox.applyAi();
            app.screenshot("ai-applied");
        }
        JsonObject conversation = get("/api/v1/conversations?q=" + run, owner).json().getJsonArray("data").getJsonObject(0);
        var drafts = get("/api/v1/conversations/" + conversation.getString("id") + "/ai-drafts", owner).json().getJsonArray("data");
        JsonObject applied = drafts.getJsonObject(0).getJsonObject("applied");
        assertEquals("QUOTE", applied.getString("type"));
        JsonObject quote = get("/api/v1/quotes/" + applied.getString("id"), owner).json().getJsonObject("data");
        assertEquals("DRAFT", quote.getString("status"));
        assertEquals("255.00", quote.getString("subtotal"), quote.toString());
        JsonObject item = get("/api/v1/work-items/" + quote.getString("work_item_id"), owner).json().getJsonObject("data");
        assertEquals(conversation.getString("id"), item.getString("conversation_id"), "linked to the conversation");
        ZoneId toronto = ZoneId.of("America/Toronto");
        var messages = get("/api/v1/conversations/" + conversation.getString("id") + "/messages", owner).json().getJsonArray("data");
        LocalDate received = Instant.parse(messages.getJsonObject(0).getString("at")).atZone(toronto).toLocalDate();
        assertEquals(received.with(TemporalAdjusters.next(DayOfWeek.FRIDAY)),
                Instant.parse(item.getString("due_at")).atZone(toronto).toLocalDate());
        assertEquals(1, messages.size(), "nothing was sent");
    }

    @Test
    void aSpendByMailBecomesADraftExpenseFromTheAiPanel() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String owner = receive("Jo Field", "Parking " + run, "Parking at the Elm St job was $32 yesterday");
        try (BackOffice app = new BackOffice()) {
            InboxScreen inbox = turnInto(app, "Parking " + run);
            inbox.aiChoose("Expense");
            BackOffice.await(app.driver, 20).until(d -> inbox.aiValue("ai-expense-amount").startsWith("32"));
            inbox.aiType("ai-expense-category", "Parking");
            app.screenshot("ai-expense");
            inbox.applyAi();
            app.waitForText("page-title", "Expenses");
            BackOffice.await(app.driver, 20).until(d -> !d.findElements(By.id("expense-drawer")).isEmpty());
        }
        JsonObject conversation = get("/api/v1/conversations?q=" + run, owner).json().getJsonArray("data").getJsonObject(0);
        var drafts = get("/api/v1/conversations/" + conversation.getString("id") + "/ai-drafts", owner).json().getJsonArray("data");
        JsonObject applied = drafts.getJsonObject(0).getJsonObject("applied");
        assertEquals("EXPENSE", applied.getString("type"));
        JsonObject expense = get("/api/v1/expenses/" + applied.getString("id"), owner).json().getJsonObject("data");
        assertEquals("DRAFT", expense.getString("status"));
        assertEquals("32.00", expense.getString("amount"));
        assertEquals("Parking", expense.getString("category"), "the person's value");
    }

    @Test
    void aJobsNotesBecomeItsDraftInvoiceFromTheWorkItem() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String owner = token(WORLD.northside("owner"), null);
        String client = ContactsIT.send("POST", "/api/v1/contacts", owner, "{\"display_name\":\"Rita Moss " + run + "\"}").json()
                .getJsonObject("data").getString("id");
        String title = "Kitchen tap " + run;
        var job = ContactsIT.send("POST", "/api/v1/work-items", owner, "{\"type\":\"JOB\",\"title\":\"" + title + "\",\"contact_id\":\""
                + client + "\",\"description\":\"Replaced the kitchen tap: 2 hrs labour at $85 and 1 tap at $120\"}");
        assertEquals(201, job.status(), job.body());
        try (BackOffice app = new BackOffice()) {
            app.signIn(WORLD.northside("owner"), "demo");
            new HomeScreen(app).waitFor("Welcome");
            new WorkScreen(app).open(null).openItem(title);
            app.click("wi-ai");
            InboxScreen panel = new InboxScreen(app);
            BackOffice.await(app.driver, 20).until(d -> !d.findElements(By.id("ai-panel")).isEmpty());
            assertEquals("Invoice", panel.aiKind(), "a job's notes bill it");
            assertEquals(List.of("Labour 2 85", "Tap 1 120"), panel.aiLines());
            app.screenshot("ai-work-item");
            app.click("ai-apply");
            app.waitForToast("drafted from the notes");
            app.waitForText("page-title", "Invoices");
        }
        var invoices = get("/api/v1/invoices?contact_id=" + client, owner).json().getJsonArray("data");
        assertEquals(1, invoices.size());
        assertEquals("DRAFT", invoices.getJsonObject(0).getString("status"));
        assertEquals(job.json().getJsonObject("data").getString("id"), invoices.getJsonObject(0).getString("work_item_id"));
    }

    @Test
    void opsApproveADraftSentToQcAndTheBusinessSeesItApplied() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String owner = receive("Ines Roy", "Heater " + run, "could someone have a look at the heater");
        try (BackOffice app = new BackOffice()) {
            turnInto(app, "Heater " + run).sendAiToQc();
        }
        JsonObject conversation = get("/api/v1/conversations?q=" + run, owner).json().getJsonArray("data").getJsonObject(0);
        String path = "/api/v1/conversations/" + conversation.getString("id") + "/ai-drafts";
        assertEquals("PENDING_QC", get(path, owner).json().getJsonArray("data").getJsonObject(0).getString("status"));
        try (BackOffice app = new BackOffice()) {
            app.signIn("ops@smbhub.test", "demo");
            OpsScreen ops = new OpsScreen(app).waitForIt();
            ops.waitForReviewQueue("drafts in 30 days", "Heater " + run);
            app.screenshot("ops-ai-queue");
            ops.openReview("Heater " + run);
            app.type("ai-title", "Service the water heater");
            app.screenshot("ops-ai-review");
            ops.approveAndApply();
        }
        JsonObject applied = get(path, owner).json().getJsonArray("data").getJsonObject(0);
        assertEquals("APPLIED", applied.getString("status"), "the business sees it applied: " + applied);
        JsonObject item = get("/api/v1/work-items/" + applied.getJsonObject("applied").getString("id"), owner).json()
                .getJsonObject("data");
        assertEquals("Service the water heater", item.getString("title"));
        assertEquals(conversation.getString("id"), item.getString("conversation_id"));
    }

    /** Mails Northside's connected mailbox from a new client; returns the owner's token. */
    private static String receive(String name, String subject, String text) throws Exception {
        String address = "office@" + WORLD.northside() + ".test";
        String owner = token(WORLD.northside("owner"), null);
        assertEquals(200, Mailbox.connect(owner, address).status());
        String client = name.toLowerCase().replace(' ', '.') + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Mailbox.deliver(client, address, "From: " + name + " <" + client + ">\nTo: " + address + "\nSubject: " + subject
                + "\n\n" + text + "\n");
        return owner;
    }

    /** Signs the owner in and opens the AI panel on the conversation with this subject. */
    private static InboxScreen turnInto(BackOffice app, String subject) {
        app.signIn(WORLD.northside("owner"), "demo");
        new HomeScreen(app).waitFor("Welcome");
        InboxScreen inbox = new InboxScreen(app).open();
        inbox.waitForConversation(subject, 30);
        inbox.openConversation(subject);
        inbox.turnInto();
        return inbox;
    }
}
