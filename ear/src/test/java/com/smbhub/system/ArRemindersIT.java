package com.smbhub.system;

import static com.smbhub.system.ContactsIT.edit;
import static com.smbhub.system.ContactsIT.send;
import static com.smbhub.system.SystemUnderTest.get;
import static com.smbhub.system.SystemUnderTest.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Automatic payment reminders (issue 16): a run sends each unpaid invoice past due the reminder of the stage due
 * now, once, through the business's mail; a paid invoice gets none, nor one paid while the run is on, nor one held
 * (disputed, or the client opted out); runs are the business's own.
 */
class ArRemindersIT {

    private static final World WORLD = World.create();
    private static final ZoneId TORONTO = ZoneId.of("America/Toronto");

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @AfterAll
    static void realClock() {
        World.clock(WORLD.northside(), null);
    }

    private static String invoice(String owner, String email, LocalDate due) {
        String contact = send("POST", "/api/v1/contacts", owner, "{\"display_name\":\"Late payer\",\"email\":\"" + email + "\"}")
                .json().getJsonObject("data").getString("id");
        var draft = send("POST", "/api/v1/invoices", owner, "{\"contact_id\":\"" + contact + "\",\"due_date\":\"" + due + "\","
                + "\"line_items\":[{\"name\":\"Repair\",\"qty\":1,\"rate\":200}]}");
        assertEquals(201, draft.status(), draft.body());
        String id = draft.json().getJsonObject("data").getString("id");
        assertEquals(200, send("POST", "/api/v1/invoices/" + id + "/send", owner, "{}").status());
        return id;
    }

    /** Starts a run now and waits for its end. */
    private static JsonObject runNow(String owner) throws InterruptedException {
        var started = send("POST", "/api/v1/jobs/ar-reminders/run", owner, null);
        for (int i = 0; i < 100 && started.status() == 409; i++) { // the other test's run is still going
            Thread.sleep(300);
            started = send("POST", "/api/v1/jobs/ar-reminders/run", owner, null);
        }
        assertEquals(202, started.status(), started.body());
        return ExportIT.awaitEnd(owner, started.json().getJsonObject("data").getString("id"));
    }

    private static String stage(String owner, String id) {
        return get("/api/v1/invoices/" + id, owner).json().getJsonObject("data").getString("ar_stage");
    }

    private static long reminders(String id) throws Exception {
        return Database.count("select count(*) from audit_log where entity_id = ? and action = 'invoice.reminder_sent'", id);
    }

    @Test
    void eachUnpaidInvoiceGetsTheStageDueNowOnceAndAPaidOneNone() throws Exception {
        World.clock(WORLD.northside(), null); // the invoices are made today, whatever another test left
        String owner = token(WORLD.northside("owner"), null);
        assertEquals(200, edit("PATCH", "/api/v1/settings/business", owner, "{\"ar_enabled\":true,\"ar_days\":[3,7,14]}").status());
        LocalDate today = LocalDate.now(TORONTO);
        String late = invoice(owner, "late." + run + "@example.com", today.plusDays(1));
        String paid = invoice(owner, "paid." + run + "@example.com", today.plusDays(1));
        String due = get("/api/v1/invoices/" + paid, owner).json().getJsonObject("data").getString("amount_due");
        var payment = send("POST", "/api/v1/payments", owner, "{\"invoice_id\":\"" + paid + "\",\"provider\":\"BANK\",\"amount\":" + due + "}");
        assertTrue(payment.status() == 201 || payment.status() == 200, payment.body());

        World.clock(WORLD.northside(), Instant.now().plus(Duration.ofDays(5))); // 4 days past due: the first reminder
        JsonObject first = runNow(owner);
        assertEquals("COMPLETED", first.getString("status"), first.toString());
        assertTrue(first.getInt("done") >= 1, first.toString());
        assertEquals("REMINDER_1", stage(owner, late));
        Mailbox.await("late." + run + "@example.com", "Reminder:");
        assertEquals("NONE", stage(owner, paid), "a paid invoice gets no reminder");

        JsonObject again = runNow(owner);
        assertEquals("COMPLETED", again.getString("status"));
        assertEquals(1, reminders(late), "the same day's second run sends nothing again");

        // the final stage in the business's own words (Settings: a reminder template per stage)
        String lastCall = TemplatesIT.create(owner, "reminder_email", "Last call " + run, "Last call: invoice {number}");
        assertEquals(400, edit("PATCH", "/api/v1/settings/business", owner, "{\"ar_templates\":{\"third\":\"" + lastCall + "\"}}")
                .status(), "not a stage");
        assertEquals(400, edit("PATCH", "/api/v1/settings/business", owner, "{\"ar_templates\":{\"final\":\"tpl_quote_default_v1\"}}")
                .status(), "not a reminder template");
        var chosen = edit("PATCH", "/api/v1/settings/business", owner, "{\"ar_templates\":{\"final\":\"" + lastCall + "\"}}");
        assertEquals(200, chosen.status(), chosen.body());
        assertEquals(lastCall, chosen.json().getJsonObject("data").getJsonObject("ar_templates").getString("final"));
        try {
            World.clock(WORLD.northside(), Instant.now().plus(Duration.ofDays(20))); // back after a pause: FINAL is due
            runNow(owner);
            assertEquals("FINAL", stage(owner, late), "the stage due now, not every stage missed");
            assertEquals(2, reminders(late), "one mail for the pause, never three at once");
            Mailbox.await("late." + run + "@example.com", "Last call: invoice INV-");
        } finally {
            assertEquals(200, edit("PATCH", "/api/v1/settings/business", owner, "{\"ar_templates\":{\"final\":null}}").status());
        }
        assertEquals(1, Database.count("select count(*) from ar_reminders where invoice_id = cast(? as uuid) and stage = 'FINAL'"
                + " and automatic", late));
        String contact = get("/api/v1/invoices/" + late, owner).json().getJsonObject("data").getString("contact_id");
        String collection = "select count(*) from work_items w join tenant_members m on m.tenant_id = w.tenant_id"
                + " and m.user_id = w.assigned_to and m.role = 'OWNER' where w.contact_id = cast(? as uuid) and w.type = 'COLLECTION'"
                + " and w.priority = 'HIGH' and w.title like 'Collect payment of invoice %'";
        assertEquals(1, Database.count(collection, contact), "the final reminder leaves an owner a collection work item");
        runNow(owner);
        assertEquals(1, Database.count(collection, contact), "once");
        assertEquals(1, Database.count("select count(*) from analytics_events where event_name = 'ar.run_completed'"
                + " and properties ->> 'run_id' = ?", again.getString("id")), "each run's end is an event");
    }

    @Test
    void aDisputedInvoiceAndOneWhoseClientOptedOutGetNoneUntilResumed() throws Exception {
        World.clock(WORLD.northside(), null);
        String owner = token(WORLD.northside("owner"), null);
        String staff = token(WORLD.northside("staff"), null);
        assertEquals(200, edit("PATCH", "/api/v1/settings/business", owner, "{\"ar_enabled\":true,\"ar_days\":[3,7,14]}").status());
        LocalDate due = LocalDate.now(TORONTO).plusDays(1);
        String disputed = invoice(owner, "disputed." + run + "@example.com", due);
        String optedOut = invoice(owner, "optout." + run + "@example.com", due);
        long version = get("/api/v1/invoices/" + disputed, owner).json().getJsonObject("data").getJsonNumber("version").longValue();
        var held = send("POST", "/api/v1/invoices/" + disputed + "/reminders/hold", staff,
                "{\"reason\":\"DISPUTED\",\"note\":\"Says the tap still drips\",\"if_match_version\":" + version + "}");
        assertEquals(200, held.status(), held.body());
        JsonObject h = held.json().getJsonObject("data");
        assertEquals("DISPUTED", h.getString("reminder_hold"));
        assertEquals("Says the tap still drips", h.getString("reminder_hold_note"));
        assertTrue(h.getJsonArray("allowed_actions").toString().contains("resume_reminders"), h.toString());
        assertTrue(h.getJsonArray("allowed_actions").toString().contains("\"remind\""), "a person may still remind");
        long v2 = get("/api/v1/invoices/" + optedOut, owner).json().getJsonObject("data").getJsonNumber("version").longValue();
        assertEquals(400, send("POST", "/api/v1/invoices/" + optedOut + "/reminders/hold", owner,
                "{\"reason\":\"LATER\",\"if_match_version\":" + v2 + "}").status(), "an unknown reason");
        assertEquals(403, send("POST", "/api/v1/invoices/" + optedOut + "/reminders/hold", token(WORLD.northside("viewer"), null),
                "{\"reason\":\"OPTED_OUT\",\"if_match_version\":" + v2 + "}").status(), "a viewer holds nothing");
        assertEquals(200, send("POST", "/api/v1/invoices/" + optedOut + "/reminders/hold", owner,
                "{\"reason\":\"OPTED_OUT\",\"if_match_version\":" + v2 + "}").status());

        World.clock(WORLD.northside(), Instant.now().plus(Duration.ofDays(5)));
        assertEquals("COMPLETED", runNow(owner).getString("status"));
        assertEquals(0, reminders(disputed), "a disputed invoice is skipped");
        assertEquals(0, reminders(optedOut), "so is one whose client asked for no reminders");

        long v3 = get("/api/v1/invoices/" + disputed, owner).json().getJsonObject("data").getJsonNumber("version").longValue();
        var resumed = send("POST", "/api/v1/invoices/" + disputed + "/reminders/resume", owner, "{\"if_match_version\":" + v3 + "}");
        assertEquals(200, resumed.status(), resumed.body());
        assertTrue(resumed.json().getJsonObject("data").isNull("reminder_hold"));
        runNow(owner);
        assertEquals("REMINDER_1", stage(owner, disputed), "resumed: the stage due now goes with the next run");
        assertEquals(0, reminders(optedOut));
        assertEquals(1, Database.count("select count(*) from audit_log where entity_id = ? and action = 'invoice.reminders_held'",
                disputed));
    }

    @Test
    void aPaymentArrivingWhileTheRunIsOnStopsItsReminder() throws Exception {
        World.clock(WORLD.northside(), null);
        String owner = token(WORLD.northside("owner"), null);
        assertEquals(200, edit("PATCH", "/api/v1/settings/business", owner, "{\"ar_enabled\":true,\"ar_days\":[3,7,14]}").status());
        String id = invoice(owner, "midrun." + run + "@example.com", LocalDate.now(TORONTO).plusDays(1));
        World.clock(WORLD.northside(), Instant.now().plus(Duration.ofDays(5)));
        String runId;
        try (Connection payment = Database.connect()) {
            // a payment being recorded: the invoice row changed, not yet committed, when the run lists its invoices
            payment.setAutoCommit(false);
            String txid;
            try (var paid = payment.prepareStatement("update invoices set amount_paid = total, amount_due = 0, status = 'PAID'"
                    + " where id = cast(? as uuid)"); var tx = payment.prepareStatement("select cast(pg_current_xact_id() as text)")) {
                paid.setString(1, id);
                assertEquals(1, paid.executeUpdate());
                try (var r = tx.executeQuery()) {
                    r.next();
                    txid = r.getString(1);
                }
            }
            var started = send("POST", "/api/v1/jobs/ar-reminders/run", owner, null);
            for (int i = 0; i < 100 && started.status() == 409; i++) {
                Thread.sleep(300);
                started = send("POST", "/api/v1/jobs/ar-reminders/run", owner, null);
            }
            assertEquals(202, started.status(), started.body());
            runId = started.json().getJsonObject("data").getString("id");
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (Database.count("select count(*) from pg_locks where not granted and locktype = 'transactionid'"
                    + " and cast(transactionid as text) = ?", txid) == 0) {
                assertTrue(System.nanoTime() < deadline, "the run never reached the invoice");
                Thread.sleep(100);
            }
            payment.commit(); // the payment lands while the run waits on the invoice
        }
        JsonObject ended = ExportIT.awaitEnd(owner, runId);
        assertEquals("COMPLETED", ended.getString("status"), ended.toString());
        assertEquals(0, reminders(id), "no reminder for an invoice paid while the run was on");
        assertEquals(0, Database.count("select count(*) from ar_reminders where invoice_id = cast(? as uuid)", id));
    }

    @Test
    void runsAreTheBusinesssOwnAndOnlyItsOwnersAndAdminsRunThem() throws Exception {
        String owner = token(WORLD.northside("owner"), null);
        String runId = runNow(owner).getString("id");
        assertEquals(403, send("POST", "/api/v1/jobs/ar-reminders/run", token(WORLD.northside("staff"), null), null).status());
        assertEquals(403, get("/api/v1/jobs/runs", token(WORLD.northside("viewer"), null)).status());
        String maple = token(WORLD.maple("owner"), null);
        assertEquals(404, get("/api/v1/jobs/runs/" + runId, maple).status(), "another business's run is not there");
        var mapleRuns = get("/api/v1/jobs/runs", maple);
        assertEquals(200, mapleRuns.status(), mapleRuns.body());
        assertTrue(mapleRuns.json().getJsonArray("data").stream()
                .noneMatch(r -> r.asJsonObject().getString("id").equals(runId)));
        assertTrue(get("/api/v1/jobs/runs?job=ar-reminders", owner).json().getJsonArray("data").stream()
                .anyMatch(r -> r.asJsonObject().getString("id").equals(runId)));
        assertEquals(403, send("POST", "/api/v1/jobs/pos-sync/run", owner, null).status(), "Northside's profile syncs no point of sale");
        assertEquals(404, send("POST", "/api/v1/jobs/nonsense/run", owner, null).status());
        assertEquals(400, get("/api/v1/jobs/runs?job=nonsense", owner).status());
        assertEquals(404, get("/api/v1/jobs/runs/not-an-id", owner).status());
    }

    @Test
    void aBusinessWhoseOwnerHasNotVerifiedTheirAddressSendsNoneAndItsRunSaysWhyOnce() throws Exception {
        // a business a World's owner adds waits for that owner's address to be verified before anything goes to a client;
        // a World of its own, so the class's owner keeps one business (a token without one is refused with two)
        World own = World.create();
        var added = send("POST", "/api/v1/businesses", token(own.northside("owner"), own.northside()), "{\"name\":\"Unverified "
                + run + "\",\"profile_id\":\"general\",\"country\":\"CA\",\"timezone\":\"America/Toronto\",\"currency\":\"CAD\"}");
        assertEquals(201, added.status(), added.body());
        String owner = token(own.northside("owner"), added.json().getJsonObject("data").getString("id"));
        assertEquals(200, edit("PATCH", "/api/v1/settings/business", owner, "{\"ar_enabled\":true,\"ar_days\":[3,7,14]}").status());
        String[] late = new String[2];
        for (int i = 0; i < late.length; i++) {
            String contact = send("POST", "/api/v1/contacts", owner, "{\"display_name\":\"Late " + i + "\",\"email\":\"unverified-"
                    + run + "-" + i + "@example.com\"}").json().getJsonObject("data").getString("id");
            var draft = send("POST", "/api/v1/invoices", owner, "{\"contact_id\":\"" + contact
                    + "\",\"line_items\":[{\"name\":\"Repair\",\"qty\":1,\"rate\":200}]}");
            assertEquals(201, draft.status(), draft.body());
            late[i] = draft.json().getJsonObject("data").getString("id");
            assertEquals(403, send("POST", "/api/v1/invoices/" + late[i] + "/send", owner, "{}").status(), "not sent yet");
        }
        try (Connection db = Database.connect(); var sent = db.prepareStatement("update invoices set status = 'SENT',"
                + " issue_date = current_date - 20, due_date = current_date - 10 where id = any (cast(? as uuid[]))")) {
            sent.setString(1, "{" + String.join(",", late) + "}"); // as if sent before: what is due is the first reminder
            assertEquals(2, sent.executeUpdate());
        }
        JsonObject ended = runNow(owner);
        assertEquals("COMPLETED", ended.getString("status"), ended.toString());
        assertEquals(0, ended.getInt("done"), ended.toString());
        assertEquals(2, ended.getInt("failed"), ended.toString());
        assertTrue(ended.getString("errors").startsWith("Verify your e-mail address first"), ended.toString());
        assertEquals(ended.getString("errors").indexOf("Verify"), ended.getString("errors").lastIndexOf("Verify"), "said once");
        for (String id : late) {
            assertEquals(0, reminders(id));
            assertEquals("NONE", stage(owner, id));
        }
    }
}
