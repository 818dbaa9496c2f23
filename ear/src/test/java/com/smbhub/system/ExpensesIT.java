package com.smbhub.system;

import static com.smbhub.system.ContactsIT.send;
import static com.smbhub.system.SystemUnderTest.get;
import static com.smbhub.system.SystemUnderTest.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Expenses against the deployed EAR (issue 15): a receipt photo becomes a draft with vendor, date and total read by
 * OCR, kept with its file; it is corrected, submitted and approved by an owner (the vendor becomes a contact); bad
 * input is named at its field and changes nothing; expenses stay in their business and an agent sees only theirs.
 */
class ExpensesIT {

    private static final World WORLD = World.create();
    private static final LocalDate BOUGHT = LocalDate.now(ZoneId.of("America/Toronto")).minusDays(3);

    /** A receipt as a phone would photograph a clean one: black print on white, 13 % HST on the subtotal. */
    static byte[] receipt(String vendor, LocalDate date, String subtotal) throws Exception {
        BigDecimal net = new BigDecimal(subtotal);
        BigDecimal tax = net.multiply(new BigDecimal("0.13")).setScale(2, RoundingMode.HALF_UP);
        String total = net.add(tax).toPlainString();
        List<String> lines = List.of(vendor, "123 Main St, Toronto", "Date: " + date,
                String.format("Supplies %13s", subtotal), String.format("SUBTOTAL %13s", subtotal),
                String.format("HST 13%% %14s", tax), String.format("TOTAL %16s", total),
                String.format("VISA %17s", total), "Thank you!");
        BufferedImage image = new BufferedImage(700, 80 + lines.size() * 50, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.MONOSPACED, Font.BOLD, 32));
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        for (int i = 0; i < lines.size(); i++) {
            g.drawString(lines.get(i), 40, 70 + i * 50);
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return png.toByteArray();
    }

    static SystemUnderTest.Reply upload(String token, String name, byte[] bytes) {
        return SystemUnderTest.send(HttpRequest.newBuilder(URI.create(SystemUnderTest.BASE + "/api/v1/expenses/upload?file_name="
                        + name)).header("Authorization", "Bearer " + token).header("Content-Type", "image/png")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build());
    }

    private static JsonObject data(SystemUnderTest.Reply reply) {
        return reply.json().getJsonObject("data");
    }

    @Test
    void aReceiptPhotoBecomesADraftThatIsSubmittedAndApproved() throws Exception {
        System.setProperty("java.awt.headless", "true");
        String owner = token(WORLD.northside("owner"), null);
        var uploaded = upload(owner, "receipt.png", receipt("CORNER HARDWARE", BOUGHT, "38.50"));
        assertEquals(201, uploaded.status(), uploaded.body());
        JsonObject draft = data(uploaded);
        assertEquals("DRAFT", draft.getString("status"));
        assertEquals("UPLOAD", draft.getString("source"));
        assertEquals("READ", draft.getString("scan_status"));
        assertEquals("CORNER HARDWARE", draft.getString("vendor"));
        assertEquals(BOUGHT.toString(), draft.getString("expense_date"));
        assertEquals("43.51", draft.getString("amount"));
        assertEquals("CAD", draft.getString("currency"));
        assertTrue(draft.getJsonObject("suggested").getJsonObject("amount").getJsonNumber("confidence").doubleValue() > 0.5,
                draft.toString());
        JsonObject file = data(get("/api/v1/files/" + draft.getString("receipt_file_id"), owner));
        assertEquals("EXPENSE", file.getString("linked_type"));
        assertEquals("image/png", file.getString("mime_type"));
        String id = draft.getString("id");

        var corrected = send("PATCH", "/api/v1/expenses/" + id, owner, "{\"if_match_version\":" + draft.getJsonNumber("version")
                + ",\"category\":\"Tools\",\"notes\":\"For the Elm St job\"}");
        assertEquals(200, corrected.status(), corrected.body());
        assertEquals("Tools", data(corrected).getString("category"));
        assertEquals("43.51", data(corrected).getString("amount"), "fields not sent stay");
        var submitted = send("POST", "/api/v1/expenses/" + id + "/submit", owner, null);
        assertEquals(200, submitted.status(), submitted.body());
        assertEquals("SUBMITTED", data(submitted).getString("status"));
        String staff = token(WORLD.northside("staff"), null);
        assertEquals(403, send("POST", "/api/v1/expenses/" + id + "/approve", staff, null).status(), "staff do not approve");
        var approved = send("POST", "/api/v1/expenses/" + id + "/approve", owner, null);
        assertEquals(200, approved.status(), approved.body());
        assertEquals("APPROVED", data(approved).getString("status"));
        assertEquals("[]", data(approved).getJsonArray("allowed_actions").toString());
        JsonObject vendor = data(get("/api/v1/contacts/" + data(approved).getString("vendor_contact_id"), owner));
        assertEquals("CORNER HARDWARE", vendor.getString("display_name"));
        assertEquals("VENDOR", vendor.getString("type"));
        assertEquals(409, send("PATCH", "/api/v1/expenses/" + id, owner, "{\"if_match_version\":"
                + data(approved).getJsonNumber("version") + ",\"amount\":\"1.00\"}").status(), "an approved expense is final");

        String month = BOUGHT.toString().substring(0, 7);
        JsonObject listed = data(get("/api/v1/expenses?status=APPROVED&month=" + month, owner));
        assertTrue(listed.getJsonArray("expenses").stream().map(JsonObject.class::cast).anyMatch(e -> e.getString("id").equals(id)));
        assertTrue(Double.parseDouble(listed.getJsonObject("totals").getString("CAD")) >= 43.51, listed.toString());
    }

    @Test
    void aDraftNeedsADateAndAnAmountBeforeItIsSubmittedAndARejectedOneIsCorrected() {
        String owner = token(WORLD.northside("owner"), null);
        var made = send("POST", "/api/v1/expenses", owner, "{\"vendor\":\"Bakery Supplies Co\",\"category\":\"Ingredients\"}");
        assertEquals(201, made.status(), made.body());
        String id = data(made).getString("id");
        var early = send("POST", "/api/v1/expenses/" + id + "/submit", owner, null);
        assertEquals(400, early.status(), early.body());
        assertTrue(early.body().contains("\"expense_date\"") && early.body().contains("\"amount\""), early.body());
        assertEquals("DRAFT", data(get("/api/v1/expenses/" + id, owner)).getString("status"));
        long version = data(get("/api/v1/expenses/" + id, owner)).getJsonNumber("version").longValue();
        assertEquals(200, send("PATCH", "/api/v1/expenses/" + id, owner, "{\"if_match_version\":" + version
                + ",\"amount\":\"18.20\",\"expense_date\":\"" + BOUGHT + "\"}").status());
        assertEquals(200, send("POST", "/api/v1/expenses/" + id + "/submit", owner, null).status());
        var rejected = send("POST", "/api/v1/expenses/" + id + "/reject", owner, "{\"review_notes\":\"Wrong card\"}");
        assertEquals(200, rejected.status(), rejected.body());
        assertEquals("REJECTED", data(rejected).getString("status"));
        assertEquals("Wrong card", data(rejected).getString("review_notes"));
        var again = send("PATCH", "/api/v1/expenses/" + id, owner, "{\"if_match_version\":"
                + data(rejected).getJsonNumber("version") + ",\"notes\":\"Paid by the business card\"}");
        assertEquals(200, again.status(), again.body());
        assertEquals("DRAFT", data(again).getString("status"), "a corrected expense is a draft again");
    }

    @Test
    void anExpenseOnAJobShowsOnTheJobAndOnTheClientsTimelineAndARejectedOneIsNotSpent() {
        String owner = token(WORLD.northside("owner"), null);
        var client = send("POST", "/api/v1/contacts", owner, "{\"display_name\":\"Ada " + UUID.randomUUID() + "\"}");
        assertEquals(201, client.status(), client.body());
        String clientId = data(client).getString("id");
        var item = send("POST", "/api/v1/work-items", owner, "{\"title\":\"Fix the leak\",\"contact_id\":\"" + clientId + "\"}");
        assertEquals(201, item.status(), item.body());
        String job = data(item).getString("id");
        String onJob = ",\"expense_date\":\"" + BOUGHT + "\",\"work_item_id\":\"" + job + "\"}";
        var pipes = send("POST", "/api/v1/expenses", owner, "{\"vendor\":\"Pipe Depot\",\"amount\":\"25.00\"" + onJob);
        assertEquals(201, pipes.status(), pipes.body());
        String wrong = data(send("POST", "/api/v1/expenses", owner, "{\"vendor\":\"Wrong Shop\",\"amount\":\"99.00\"" + onJob))
                .getString("id");
        assertEquals(200, send("POST", "/api/v1/expenses/" + wrong + "/submit", owner, null).status());
        assertEquals(200, send("POST", "/api/v1/expenses/" + wrong + "/reject", owner, null).status());

        JsonObject spent = data(get("/api/v1/expenses?work_item_id=" + job, owner));
        assertEquals(2, spent.getJsonArray("expenses").size(), spent.toString());
        assertEquals("25.00", spent.getJsonObject("totals").getString("CAD"), "a rejected expense is not spent");
        assertEquals("99.00", data(get("/api/v1/expenses?status=REJECTED&work_item_id=" + job, owner)).getJsonObject("totals")
                .getString("CAD"), "unless the rejected ones are asked for");
        var timeline = get("/api/v1/contacts/" + clientId + "/timeline", owner);
        assertEquals(200, timeline.status(), timeline.body());
        assertTrue(timeline.json().getJsonArray("data").stream().map(JsonObject.class::cast).anyMatch(line ->
                line.getString("type").equals("expense") && line.getString("id").equals(data(pipes).getString("id"))
                        && line.getString("title").equals("Expense of $25.00 at Pipe Depot on Fix the leak (draft)")), timeline.body());

        LocalDate today = LocalDate.now(ZoneId.of("America/Toronto"));
        assertEquals(201, send("POST", "/api/v1/expenses", owner, "{\"vendor\":\"Pipe Depot\",\"amount\":\"30.00\",\"expense_date\":\""
                + today + "\"}").status());
        JsonObject home = data(get("/api/v1/home/summary", owner));
        assertTrue(new BigDecimal(home.getJsonObject("expenses_this_month").getString("CAD")).compareTo(new BigDecimal("30.00")) >= 0,
                home.toString());

        assertEquals(404, get("/api/v1/expenses?work_item_id=" + UUID.randomUUID(), owner).status());
        assertEquals(404, get("/api/v1/expenses?work_item_id=" + job, token(WORLD.maple("owner"), null)).status(),
                "another business's work item");
        assertEquals(404, get("/api/v1/expenses?work_item_id=" + job, token(WORLD.northside("agent"), null)).status(),
                "an agent's scope: work assigned to them");
    }

    @Test
    void badInputIsNamedAndChangesNothing() {
        String owner = token(WORLD.northside("owner"), null);
        for (String body : List.of("{\"amount\":\"-5\"}", "{\"amount\":0}", "{\"amount\":\"lots\"}", "{\"currency\":\"dollars\"}",
                "{\"expense_date\":\"yesterday\"}", "{\"expense_date\":\"2099-01-01\"}", "{\"tax_total\":\"50\",\"amount\":\"10\"}",
                "{\"work_item_id\":\"" + UUID.randomUUID() + "\"}", "{\"colour\":\"red\"}", "{\"vendor\":", "[]")) {
            var refused = send("POST", "/api/v1/expenses", owner, body);
            assertEquals(400, refused.status(), body + " → " + refused.body());
        }
        assertEquals(400, get("/api/v1/expenses?month=2026-13", owner).status());
        assertEquals(400, get("/api/v1/expenses?status=LOST", owner).status());
        assertEquals(400, upload(owner, "notes.txt", "hello".getBytes()).status(), "not a receipt");
        assertEquals(400, upload(owner, "empty.png", new byte[0]).status());
        assertEquals(404, get("/api/v1/expenses/not-an-id", owner).status());
        String id = data(send("POST", "/api/v1/expenses", owner, "{\"amount\":\"9.99\"}")).getString("id");
        assertEquals(428, send("PATCH", "/api/v1/expenses/" + id, owner, "{\"amount\":\"1.00\"}").status());
        assertEquals(409, send("PATCH", "/api/v1/expenses/" + id, owner, "{\"if_match_version\":99,\"amount\":\"1.00\"}").status());
        assertEquals("9.99", data(get("/api/v1/expenses/" + id, owner)).getString("amount"));
        assertEquals(204, send("DELETE", "/api/v1/expenses/" + id, owner, null).status());
        assertEquals(404, get("/api/v1/expenses/" + id, owner).status());
    }

    @Test
    void expensesStayInTheirBusinessAndAnAgentSeesOnlyTheirs() throws Exception {
        String owner = token(WORLD.northside("owner"), null);
        String agent = token(WORLD.northside("agent"), null);
        String maple = token(WORLD.maple("owner"), null);
        String viewer = token(WORLD.northside("viewer"), null);
        JsonObject mine = data(upload(owner, "r.png", receipt("CORNER HARDWARE", BOUGHT, "10.62")));
        String id = mine.getString("id");
        for (String other : new String[] {maple, agent}) {
            assertEquals(404, get("/api/v1/expenses/" + id, other).status());
            assertEquals(404, send("POST", "/api/v1/expenses/" + id + "/submit", other, null).status());
            assertEquals(404, get("/api/v1/files/" + mine.getString("receipt_file_id"), other).status());
            assertTrue(get("/api/v1/expenses", other).json().getJsonObject("data").getJsonArray("expenses").stream()
                    .map(JsonObject.class::cast).noneMatch(e -> e.getString("id").equals(id)));
        }
        assertEquals(403, send("POST", "/api/v1/expenses", viewer, "{\"amount\":\"1.00\"}").status());
        assertEquals(200, get("/api/v1/expenses/" + id, viewer).status(), "a viewer reads");
        var theirs = send("POST", "/api/v1/expenses", agent, "{\"amount\":\"7.50\",\"vendor\":\"Parking\"}");
        assertEquals(201, theirs.status(), theirs.body());
        assertEquals(200, get("/api/v1/expenses/" + data(theirs).getString("id"), agent).status());
        assertEquals(403, send("POST", "/api/v1/expenses/" + data(theirs).getString("id") + "/approve", agent, null).status());
        assertEquals("DRAFT", data(get("/api/v1/expenses/" + id, owner)).getString("status"), "nothing changed");
    }
}
