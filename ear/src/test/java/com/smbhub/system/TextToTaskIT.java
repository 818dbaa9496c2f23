package com.smbhub.system;

import static com.smbhub.system.ContactsIT.send;
import static com.smbhub.system.InboxIT.awaitConversation;
import static com.smbhub.system.InboxIT.awaitMessages;
import static com.smbhub.system.SystemUnderTest.get;
import static com.smbhub.system.SystemUnderTest.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Text-to-Task against the deployed EAR (issue 15): a received e-mail becomes a draft a person corrects and
 * applies — the quote it makes is a DRAFT linked to the conversation, applying twice makes one, nothing is sent;
 * similar open work of the same client is named before a second item; a work item's notes become its draft invoice;
 * drafts stay in their business and the caller's scope; bad input changes nothing.
 */
class TextToTaskIT {

    private static final World WORLD = World.create();
    private static final ZoneId TORONTO = ZoneId.of("America/Toronto");
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

    /** Delivers a message to Northside and returns the received message (as the API lists it). */
    private JsonObject receive(String from, String subject, String text) throws Exception {
        Mailbox.deliver(from.replaceAll(".*<|>", ""), address, "From: " + from + "\nTo: " + address + "\nSubject: " + subject
                + "\n\n" + text + "\n");
        JsonObject c = awaitConversation(owner, subject.replace(' ', '+'));
        return awaitMessages(owner, c.getString("id"), 1).getJsonArray("data").getJsonObject(0);
    }

    private static JsonObject data(SystemUnderTest.Reply reply) {
        return reply.json().getJsonObject("data");
    }

    @Test
    void aQuoteRequestBecomesADraftQuoteOnTheConversationAndNothingIsSent() throws Exception {
        String client = "maria-" + run + "@example.com";
        JsonObject message = receive("Maria Lopez <" + client + ">", "Leak " + run,
                "Can you quote 3 hrs labour at $85 to fix the leak at 42 Elm St by Friday?");
        String conversation = message.getString("conversation_id");
        var parsed = send("POST", "/api/v1/messages/" + message.getString("id") + "/ai/parse", owner, null);
        assertEquals(201, parsed.status(), parsed.body());
        JsonObject draft = data(parsed);
        assertEquals("DRAFT_QUOTE", draft.getString("intent"));
        assertEquals("PENDING_QC", draft.getString("status"));
        assertEquals("DRAFT_QUOTE", draft.getJsonArray("suggested_intents").getString(0));
        assertEquals(conversation, draft.getString("conversation_id"));
        JsonObject payload = draft.getJsonObject("payload");
        JsonObject line = payload.getJsonArray("line_items").getJsonObject(0);
        assertEquals("Labour", line.getString("name"));
        assertEquals(3, line.getInt("qty"));
        assertEquals(85, line.getInt("rate"));
        assertEquals(255, payload.getInt("total"));
        assertEquals("CAD", payload.getString("currency"), "a dollar sign in a Canadian business");
        LocalDate received = Instant.parse(message.getString("at")).atZone(TORONTO).toLocalDate();
        LocalDate friday = received.with(TemporalAdjusters.next(DayOfWeek.FRIDAY));
        assertEquals(friday.toString(), payload.getJsonObject("work_item").getString("due_date"));
        assertEquals("42 Elm St", payload.getJsonObject("work_item").getString("service_address"));
        assertTrue(draft.getJsonArray("allowed_actions").toString().contains("\"apply\""), draft.toString());
        String id = draft.getString("id");

        var again = send("POST", "/api/v1/messages/" + message.getString("id") + "/ai/parse", owner, "{}");
        assertEquals(200, again.status(), again.body());
        assertEquals(id, data(again).getString("id"), "one open draft per message");

        long version = draft.getJsonNumber("version").longValue();
        var wrong = send("PATCH", "/api/v1/ai-drafts/" + id, owner, "{\"if_match_version\":" + version
                + ",\"payload\":{\"intent\":\"DRAFT_QUOTE\",\"work_item\":{\"title\":\"Leak\",\"due_date\":\"Friday\"}}}");
        assertEquals(400, wrong.status(), wrong.body());
        assertTrue(wrong.body().contains("payload.work_item.due_date"), wrong.body());
        assertEquals(version, data(get("/api/v1/ai-drafts/" + id, owner)).getJsonNumber("version").longValue());

        String edited = payload.toString().replaceFirst("\"title\":\"[^\"]*\"", "\"title\":\"Kitchen leak at 42 Elm St\"");
        var corrected = send("PATCH", "/api/v1/ai-drafts/" + id, owner, "{\"if_match_version\":" + version + ",\"payload\":" + edited + "}");
        assertEquals(200, corrected.status(), corrected.body());
        assertEquals("[\"work_item.title\"]", data(corrected).getJsonArray("edited_fields").toString());

        var applied = send("POST", "/api/v1/ai-drafts/" + id + "/apply", owner, null);
        assertEquals(200, applied.status(), applied.body());
        JsonObject made = data(applied).getJsonObject("applied");
        assertEquals("APPLIED", data(applied).getString("status"));
        assertEquals("QUOTE", made.getString("type"));
        JsonObject quote = data(get("/api/v1/quotes/" + made.getString("id"), owner));
        assertEquals("DRAFT", quote.getString("status"), "a draft, never sent");
        JsonObject quoted = quote.getJsonArray("line_items").getJsonObject(0);
        assertEquals(0, new java.math.BigDecimal(quoted.getJsonString("qty").getString()).compareTo(java.math.BigDecimal.valueOf(3)), quote.toString());
        assertEquals(0, new java.math.BigDecimal(quoted.getJsonString("rate").getString()).compareTo(java.math.BigDecimal.valueOf(85)), quote.toString());
        JsonObject item = data(get("/api/v1/work-items/" + quote.getString("work_item_id"), owner));
        assertEquals("Kitchen leak at 42 Elm St", item.getString("title"), "the person's correction");
        assertEquals(conversation, item.getString("conversation_id"));
        assertEquals(friday + "T17:00", Instant.parse(item.getString("due_at")).atZone(TORONTO).toLocalDateTime().toString());
        JsonObject thread = data(get("/api/v1/conversations/" + conversation, owner));
        assertEquals(quote.getString("contact_id"), thread.getString("contact_id"), "the new client is linked to the thread");

        var twice = send("POST", "/api/v1/ai-drafts/" + id + "/apply", owner, "{\"create_anyway\":true}");
        assertEquals(200, twice.status(), twice.body());
        assertEquals(made.getString("id"), data(twice).getJsonObject("applied").getString("id"), "applying again: the same quote");
        assertEquals(1, get("/api/v1/quotes?contact_id=" + quote.getString("contact_id"), owner).json().getJsonArray("data").size());
        assertEquals(1, awaitMessages(owner, conversation, 1).getJsonArray("data").size(), "nothing was sent to the client");
        var listed = get("/api/v1/conversations/" + conversation + "/ai-drafts", owner).json().getJsonArray("data");
        assertEquals(1, listed.size());
        assertEquals("APPLIED", listed.getJsonObject(0).getString("status"));
    }

    @Test
    void aForwardedReceiptBecomesADraftExpenseWithThePictureAsItsReceipt() throws Exception {
        LocalDate bought = LocalDate.now(TORONTO).minusDays(1);
        byte[] png = ExpensesIT.receipt("PIPE DEPOT", bought, "38.50");
        String from = "jo-" + run + "@example.com";
        String subject = "Receipt " + run;
        String boundary = "part-" + run;
        Mailbox.deliver(from, address, "From: Jo Field <" + from + ">\nTo: " + address + "\nSubject: " + subject
                + "\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"" + boundary + "\"\n\n--" + boundary
                + "\nContent-Type: text/plain; charset=UTF-8\n\nReceipt for the copper fittings, paid by card.\n--" + boundary
                + "\nContent-Type: image/png; name=\"receipt.png\"\nContent-Disposition: attachment; filename=\"receipt.png\""
                + "\nContent-Transfer-Encoding: base64\n\n" + Base64.getMimeEncoder().encodeToString(png) + "\n--" + boundary + "--\n");
        JsonObject c = awaitConversation(owner, subject.replace(' ', '+'));
        JsonObject message = awaitMessages(owner, c.getString("id"), 1).getJsonArray("data").getJsonObject(0);
        var parsed = send("POST", "/api/v1/messages/" + message.getString("id") + "/ai/parse", owner,
                "{\"intent\":\"DRAFT_EXPENSE\"}");
        assertEquals(201, parsed.status(), parsed.body());
        JsonObject draft = data(parsed);
        assertEquals("DRAFT_EXPENSE", draft.getString("intent"));
        JsonObject payload = draft.getJsonObject("payload");
        JsonObject corrected = Json.createObjectBuilder(payload).add("expense",
                Json.createObjectBuilder(payload.getJsonObject("expense")).add("category", "Plumbing materials")).build();
        var edited = send("PATCH", "/api/v1/ai-drafts/" + draft.getString("id"), owner, "{\"if_match_version\":"
                + draft.getJsonNumber("version").longValue() + ",\"payload\":" + corrected + "}");
        assertEquals(200, edited.status(), edited.body());

        var applied = send("POST", "/api/v1/ai-drafts/" + draft.getString("id") + "/apply", owner, null);
        assertEquals(200, applied.status(), applied.body());
        JsonObject made = data(applied).getJsonObject("applied");
        assertEquals("EXPENSE", made.getString("type"));
        JsonObject expense = data(get("/api/v1/expenses/" + made.getString("id"), owner));
        assertEquals("DRAFT", expense.getString("status"), "a draft for a person to submit");
        assertEquals("PIPE DEPOT", expense.getString("vendor"), "the receipt names the shop, not the sender");
        assertEquals("43.51", expense.getString("amount"));
        assertEquals(bought.toString(), expense.getString("expense_date"), "the receipt's date, not the day it was forwarded");
        assertEquals("Plumbing materials", expense.getString("category"), "the person's correction wins");
        assertTrue(expense.getString("notes").contains(from), expense.toString());
        JsonObject file = data(get("/api/v1/files/" + expense.getString("receipt_file_id"), owner));
        assertEquals("image/png", file.getString("mime_type"));

        var twice = send("POST", "/api/v1/ai-drafts/" + draft.getString("id") + "/apply", owner, null);
        assertEquals(made.getString("id"), data(twice).getJsonObject("applied").getString("id"), "applying again: the same expense");
        assertEquals(1, awaitMessages(owner, c.getString("id"), 1).getJsonArray("data").size(), "nothing was sent");
    }

    @Test
    void aSpendTextedWithoutAReceiptBecomesADraftExpenseFromTheWords() throws Exception {
        JsonObject message = receive("Jo Field <jo-" + run + "@example.com>", "Parking " + run,
                "Parking at the Elm St job was $32 yesterday");
        var parsed = send("POST", "/api/v1/messages/" + message.getString("id") + "/ai/parse", owner,
                "{\"intent\":\"DRAFT_EXPENSE\"}");
        assertEquals(201, parsed.status(), parsed.body());
        var applied = send("POST", "/api/v1/ai-drafts/" + data(parsed).getString("id") + "/apply", owner, null);
        assertEquals(200, applied.status(), applied.body());
        JsonObject expense = data(get("/api/v1/expenses/" + data(applied).getJsonObject("applied").getString("id"), owner));
        assertEquals("32.00", expense.getString("amount"));
        assertEquals("MANUAL", expense.getString("source"));
        LocalDate received = Instant.parse(message.getString("at")).atZone(TORONTO).toLocalDate();
        assertEquals(received.minusDays(1).toString(), expense.getString("expense_date"));
        assertTrue(expense.isNull("receipt_file_id"), expense.toString());
    }

    @Test
    void aWorkItemsNotesBecomeItsDraftInvoiceQuoteOrExpense() {
        String client = data(send("POST", "/api/v1/contacts", owner, "{\"display_name\":\"Rita Moss " + run + "\"}")).getString("id");
        JsonObject job = data(send("POST", "/api/v1/work-items", owner, "{\"type\":\"JOB\",\"title\":\"Kitchen tap " + run
                + "\",\"contact_id\":\"" + client + "\",\"description\":\"Replaced the kitchen tap: 2 hrs labour at $85 and 1 tap at $120\"}"));
        String item = job.getString("id");
        var parsed = send("POST", "/api/v1/work-items/" + item + "/ai/parse", owner, null);
        assertEquals(201, parsed.status(), parsed.body());
        JsonObject draft = data(parsed);
        assertEquals("WORK_ITEM", draft.getString("source_type"));
        assertEquals(item, draft.getString("source_id"));
        assertEquals("DRAFT_INVOICE", draft.getString("intent"), "a job's notes bill it");
        assertEquals("[\"DRAFT_INVOICE\",\"DRAFT_QUOTE\",\"DRAFT_EXPENSE\"]", draft.getJsonArray("suggested_intents").toString(),
                "what notes can become, and nothing else");
        assertEquals(290, draft.getJsonObject("payload").getInt("total"), draft.toString());
        assertEquals(200, send("POST", "/api/v1/work-items/" + item + "/ai/parse", owner, null).status(), "one open draft per work item");
        var wrong = send("POST", "/api/v1/work-items/" + item + "/ai/parse", owner, "{\"intent\":\"CREATE_WORK_ITEM\"}");
        assertEquals(400, wrong.status(), wrong.body());
        assertTrue(wrong.body().contains("\"intent\""), wrong.body());

        var applied = send("POST", "/api/v1/ai-drafts/" + draft.getString("id") + "/apply", owner, null);
        assertEquals(200, applied.status(), applied.body());
        JsonObject made = data(applied).getJsonObject("applied");
        assertEquals("INVOICE", made.getString("type"));
        JsonObject invoice = data(get("/api/v1/invoices/" + made.getString("id"), owner));
        assertEquals("DRAFT", invoice.getString("status"), "a draft, never sent");
        assertEquals(item, invoice.getString("work_item_id"), "the work item's own invoice");
        assertEquals(client, invoice.getString("contact_id"));
        assertEquals(2, invoice.getJsonArray("line_items").size(), invoice.toString());

        String bare = data(send("POST", "/api/v1/work-items", owner, "{\"title\":\"Nothing written " + run + "\"}")).getString("id");
        var empty = send("POST", "/api/v1/work-items/" + bare + "/ai/parse", owner, null);
        assertEquals(400, empty.status(), empty.body());
        assertTrue(empty.body().contains("\"description\""), empty.body());
        assertEquals(404, send("POST", "/api/v1/work-items/" + item + "/ai/parse", token(WORLD.maple("owner"), null), null).status());
        assertEquals(403, send("POST", "/api/v1/work-items/" + item + "/ai/parse", token(WORLD.northside("viewer"), null), null).status());
    }

    @Test
    void similarOpenWorkOfTheSameClientIsNamedBeforeASecondItem() throws Exception {
        String client = "sam-" + run + "@example.com";
        JsonObject first = receive("Sam Reid <" + client + ">", "Blocked drain " + run,
                "The laundry drain is blocked again, can someone come out on Tuesday?");
        var one = data(send("POST", "/api/v1/messages/" + first.getString("id") + "/ai/parse", owner,
                "{\"intent\":\"CREATE_WORK_ITEM\"}"));
        var applied = send("POST", "/api/v1/ai-drafts/" + one.getString("id") + "/apply", owner, null);
        assertEquals(200, applied.status(), applied.body());
        String item = data(applied).getJsonObject("applied").getString("id");

        JsonObject second = receive("Sam Reid <" + client + ">", "Gutter " + run, "Also the gutter over the back door is leaking.");
        var two = data(send("POST", "/api/v1/messages/" + second.getString("id") + "/ai/parse", owner,
                "{\"intent\":\"CREATE_WORK_ITEM\"}"));
        var warned = send("POST", "/api/v1/ai-drafts/" + two.getString("id") + "/apply", owner, null);
        assertEquals(409, warned.status(), warned.body());
        assertEquals("SIMILAR_WORK", warned.json().getJsonObject("error").getString("code"));
        assertEquals(item, warned.json().getJsonArray("data").getJsonObject(0).getString("id"));
        assertEquals("PENDING_QC", data(get("/api/v1/ai-drafts/" + two.getString("id"), owner)).getString("status"));
        var anyway = send("POST", "/api/v1/ai-drafts/" + two.getString("id") + "/apply", owner, "{\"create_anyway\":true}");
        assertEquals(200, anyway.status(), anyway.body());
        assertTrue(!item.equals(data(anyway).getJsonObject("applied").getString("id")));
    }

    @Test
    void draftsStayInTheirBusinessAndTheCallersScope() throws Exception {
        JsonObject message = receive("Ola <ola-" + run + "@example.com>", "Boiler " + run, "The boiler makes a banging noise.");
        String messageId = message.getString("id");
        String conversation = message.getString("conversation_id");
        String maple = token(WORLD.maple("owner"), null);
        String agent = token(WORLD.northside("agent"), null);
        String viewer = token(WORLD.northside("viewer"), null);
        assertEquals(404, send("POST", "/api/v1/messages/" + messageId + "/ai/parse", maple, null).status());
        assertEquals(404, send("POST", "/api/v1/messages/" + messageId + "/ai/parse", agent, null).status(), "not the agent's thread");
        assertEquals(403, send("POST", "/api/v1/messages/" + messageId + "/ai/parse", viewer, null).status());
        String id = data(send("POST", "/api/v1/messages/" + messageId + "/ai/parse", owner, null)).getString("id");
        for (String token : new String[] {maple, agent}) {
            assertEquals(404, get("/api/v1/ai-drafts/" + id, token).status());
            assertEquals(404, send("PATCH", "/api/v1/ai-drafts/" + id, token, "{\"if_match_version\":1,\"review_notes\":\"x\"}").status());
            assertEquals(404, send("POST", "/api/v1/ai-drafts/" + id + "/apply", token, null).status());
            assertEquals(404, send("POST", "/api/v1/ai-drafts/" + id + "/reject", token, null).status());
            assertEquals(404, send("POST", "/api/v1/ai-drafts/" + id + "/send-to-qc", token, null).status());
            assertEquals(404, get("/api/v1/conversations/" + conversation + "/ai-drafts", token).status());
        }
        assertEquals(403, send("POST", "/api/v1/ai-drafts/" + id + "/apply", viewer, null).status());
        assertEquals("PENDING_QC", data(get("/api/v1/ai-drafts/" + id, owner)).getString("status"), "nothing changed");

        String staff = token(WORLD.northside("staff"), null);
        var rejected = send("POST", "/api/v1/ai-drafts/" + id + "/reject", staff, "{\"review_notes\":\"Just a question\"}");
        assertEquals(200, rejected.status(), rejected.body());
        assertEquals("REJECTED", data(rejected).getString("status"));
        assertEquals("[]", data(rejected).getJsonArray("allowed_actions").toString());
        var late = send("POST", "/api/v1/ai-drafts/" + id + "/apply", owner, null);
        assertEquals(409, late.status(), late.body());
        assertEquals(0, data(get("/api/v1/conversations/" + conversation, owner)).getJsonArray("work_item_ids").size());
        var fresh = send("POST", "/api/v1/messages/" + messageId + "/ai/parse", owner, null);
        assertEquals(201, fresh.status(), "a rejected draft is not the message's open draft");
    }

    @Test
    void opsReviewTheDraftsSentToThemInTheirBusinessAndNoOneElseReachesTheQueue() throws Exception {
        JsonObject message = receive("Lee <lee-" + run + "@example.com>", "Fence " + run, "Can you look at our side fence?");
        String id = data(send("POST", "/api/v1/messages/" + message.getString("id") + "/ai/parse", owner,
                "{\"intent\":\"CREATE_WORK_ITEM\"}")).getString("id");
        var sent = send("POST", "/api/v1/ai-drafts/" + id + "/send-to-qc", owner, null);
        assertEquals(200, sent.status(), sent.body());
        assertTrue(data(sent).getString("qc_requested_at").length() > 0, sent.body());

        String ops = token("ops@smbhub.test", null);
        JsonObject business = data(get("/api/v1/me", owner)).getJsonObject("business");
        String mine = "/api/v1/ops/ai-drafts?limit=100&business=" + business.getString("id");
        var queue = get(mine, ops);
        assertEquals(200, queue.status(), queue.body());
        JsonObject row = queue.json().getJsonObject("data").getJsonArray("drafts").stream().map(JsonObject.class::cast)
                .filter(d -> d.getString("id").equals(id)).findFirst().orElseThrow(() -> new AssertionError(queue.body()));
        assertEquals(business.getString("id"), row.getString("business_id"));
        assertEquals(business.getString("name"), row.getString("business_name"));
        assertEquals("PENDING_QC", row.getString("status"));
        assertEquals(false, row.getBoolean("sla_breached"));
        JsonObject kpis = queue.json().getJsonObject("data").getJsonObject("kpis");
        assertTrue(kpis.getJsonNumber("drafts_30_days").longValue() >= 1, kpis.toString());
        assertEquals(240, kpis.getInt("sla_minutes"));

        assertEquals(403, get("/api/v1/ops/ai-drafts", owner).status(), "only platform ops");
        assertEquals(401, get("/api/v1/ops/ai-drafts", null).status());
        var bad = get("/api/v1/ops/ai-drafts?status=LOST", ops);
        assertEquals(400, bad.status(), bad.body());
        assertEquals("[]", get("/api/v1/ops/ai-drafts?business=" + UUID.randomUUID(), ops).json().getJsonObject("data")
                .getJsonArray("drafts").toString(), "an unknown business has none");
        var review = get("/api/v1/ops/ai-drafts/" + id, ops);
        assertEquals(200, review.status(), review.body());
        assertEquals(business.getString("name"), data(review).getString("business_name"));
        assertTrue(data(review).getString("source_text").contains("side fence"), review.body());
        assertEquals(403, get("/api/v1/ops/ai-drafts/" + id, owner).status(), "a business user cannot reach the queue");
        assertEquals(403, send("POST", "/api/v1/ops/ai-drafts/" + id + "/apply", owner, null).status());
        assertEquals(401, send("POST", "/api/v1/ops/ai-drafts/" + id + "/apply", null, null).status());
        assertEquals(404, get("/api/v1/ops/ai-drafts/" + UUID.randomUUID(), ops).status());
        assertEquals(404, get("/api/v1/ops/ai-drafts/not-an-id", ops).status());

        var claimed = send("POST", "/api/v1/ops/ai-drafts/" + id + "/claim", ops, null);
        assertEquals(200, claimed.status(), claimed.body());
        String opsId = data(claimed).getString("reviewer_id");
        assertTrue(!opsId.equals(data(get("/api/v1/me", owner)).getJsonObject("user").getString("id")), claimed.body());
        long version = data(claimed).getJsonNumber("version").longValue();
        String edited = data(claimed).getJsonObject("payload").toString()
                .replaceFirst("\"title\":\"[^\"]*\"", "\"title\":\"Side fence repair\"");
        assertEquals(400, send("PATCH", "/api/v1/ops/ai-drafts/" + id, ops, "{\"if_match_version\":" + version
                + ",\"payload\":{\"intent\":\"PARTY\"}}").status());
        var corrected = send("PATCH", "/api/v1/ops/ai-drafts/" + id, ops, "{\"if_match_version\":" + version
                + ",\"payload\":" + edited + ",\"review_notes\":\"Title fixed\"}");
        assertEquals(200, corrected.status(), corrected.body());
        var applied = send("POST", "/api/v1/ops/ai-drafts/" + id + "/apply", ops, null);
        assertEquals(200, applied.status(), applied.body());
        assertEquals("APPLIED", data(applied).getString("status"));
        assertEquals(opsId, data(applied).getString("reviewed_by"));
        JsonObject seen = data(get("/api/v1/ai-drafts/" + id, owner));
        assertEquals("APPLIED", seen.getString("status"), "the business sees it applied");
        assertEquals("Title fixed", seen.getString("review_notes"));
        JsonObject item = data(get("/api/v1/work-items/" + seen.getJsonObject("applied").getString("id"), owner));
        assertEquals("Side fence repair", item.getString("title"));
        String made = get("/api/v1/work-items/" + item.getString("id") + "/activity", owner).json().getJsonArray("data").stream()
                .map(JsonObject.class::cast).filter(a -> a.getString("action").equals("work_item.created")).findFirst()
                .orElseThrow().toString();
        assertTrue(made.toLowerCase(java.util.Locale.ROOT).contains("ops"), "the business sees ops made it: " + made);
        assertEquals(message.getString("conversation_id"), item.getString("conversation_id"));
        assertEquals(1, awaitMessages(owner, message.getString("conversation_id"), 1).getJsonArray("data").size(),
                "nothing was sent to the client");
        assertTrue(get(mine, ops).json().getJsonObject("data").getJsonArray("drafts").stream()
                .map(JsonObject.class::cast).noneMatch(d -> d.getString("id").equals(id)), "an applied draft leaves the open queue");
        assertTrue(get(mine + "&status=APPLIED", ops).body().contains(id));

        JsonObject other = receive("Kai <kai-" + run + "@example.com>", "Thanks " + run, "Thanks for coming yesterday!");
        String second = data(send("POST", "/api/v1/messages/" + other.getString("id") + "/ai/parse", owner, null)).getString("id");
        assertEquals(404, send("POST", "/api/v1/ops/ai-drafts/" + second + "/reject", ops, null).status(),
                "ops reach only what was sent to review");
        send("POST", "/api/v1/ai-drafts/" + second + "/send-to-qc", owner, null);
        var rejected = send("POST", "/api/v1/ops/ai-drafts/" + second + "/reject", ops, "{\"review_notes\":\"Nothing to do\"}");
        assertEquals(200, rejected.status(), rejected.body());
        JsonObject after = data(get("/api/v1/ai-drafts/" + second, owner));
        assertEquals("REJECTED", after.getString("status"));
        assertEquals("Nothing to do", after.getString("review_notes"));
        assertEquals(409, send("POST", "/api/v1/ops/ai-drafts/" + second + "/apply", ops, null).status());
    }

    @Test
    void badInputIsNamedAndChangesNothing() throws Exception {
        JsonObject message = receive("Kim <kim-" + run + "@example.com>", "Invoice " + run, "Please send me the invoice for last week's job.");
        String messageId = message.getString("id");
        String parse = "/api/v1/messages/" + messageId + "/ai/parse";
        assertEquals(400, send("POST", parse, owner, "{\"intent\":\"PARTY\"}").status());
        assertEquals(400, send("POST", parse, owner, "{\"intent\":").status());
        assertEquals(400, send("POST", parse, owner, "{\"colour\":\"red\"}").status());
        assertEquals(404, send("POST", "/api/v1/messages/not-an-id/ai/parse", owner, null).status());
        assertEquals(404, send("POST", "/api/v1/messages/" + UUID.randomUUID() + "/ai/parse", owner, null).status());
        assertEquals(0, get("/api/v1/conversations/" + message.getString("conversation_id") + "/ai-drafts", owner)
                .json().getJsonArray("data").size(), "no draft from a refused request");
        String id = data(send("POST", parse, owner, null)).getString("id");
        assertEquals(428, send("PATCH", "/api/v1/ai-drafts/" + id, owner, "{\"review_notes\":\"x\"}").status());
        assertEquals(409, send("PATCH", "/api/v1/ai-drafts/" + id, owner, "{\"if_match_version\":99,\"review_notes\":\"x\"}").status());
        assertEquals(400, send("PATCH", "/api/v1/ai-drafts/" + id, owner, "{\"if_match_version\":1,\"payload\":[]}").status());
        assertEquals(400, send("PATCH", "/api/v1/ai-drafts/" + id, owner,
                "{\"if_match_version\":1,\"payload\":{\"intent\":\"NONE\"}}").status());
        assertEquals(400, send("POST", "/api/v1/ai-drafts/" + id + "/apply", owner, "{\"create_anyway\":\"yes\"}").status());
        assertEquals(404, get("/api/v1/ai-drafts/" + UUID.randomUUID(), owner).status());
        JsonObject after = data(get("/api/v1/ai-drafts/" + id, owner));
        assertEquals(1, after.getJsonNumber("version").longValue());
        assertEquals("PENDING_QC", after.getString("status"));
        String reply = data(send("POST", "/api/v1/conversations/" + message.getString("conversation_id") + "/messages", owner,
                "{\"text\":\"On its way.\"}")).getString("id");
        var outbound = send("POST", "/api/v1/messages/" + reply + "/ai/parse", owner, null);
        assertEquals(400, outbound.status(), "only a received message is read: " + outbound.body());
    }
}
