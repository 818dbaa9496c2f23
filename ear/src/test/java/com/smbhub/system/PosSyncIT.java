package com.smbhub.system;

import static com.smbhub.system.ContactsIT.send;
import static com.smbhub.system.SystemUnderTest.get;
import static com.smbhub.system.SystemUnderTest.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * POS sync with Square (issue 16) against the test-mode stand-in for Square's API: a retail business connects its
 * account, customers become contacts (matched, never twice), orders ORDER work items and refunds SUPPORT items; a
 * second run, an overlap or a replayed notice changes nothing; Square's notices start a sync of their business only;
 * 429 and 5xx are waited out, and a Square that keeps failing leaves the cursor where the next run goes on.
 */
class PosSyncIT {

    private static final World WORLD = World.create();

    /** A Square access token of its own (the stand-in makes each token its own shop). */
    private static String squareToken() {
        return "EAAAtest" + UUID.randomUUID().toString().replace("-", "");
    }

    private static JsonObject control(String what, String body) {
        var reply = SystemUnderTest.send(HttpRequest.newBuilder(URI.create(SystemUnderTest.BASE + "/app/test-mode/square/control/" + what))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    private static JsonObject seed(String square, int customers, int orders, int refunds) {
        return control("seed", "{\"access_token\":\"" + square + "\",\"customers\":" + customers + ",\"orders\":" + orders
                + ",\"refunds\":" + refunds + "}");
    }

    private static void connect(String owner, String square, String location) {
        var reply = send("PUT", "/api/v1/settings/square", owner, "{\"access_token\":\"" + square + "\",\"location_id\":\"" + location + "\"}");
        assertEquals(200, reply.status(), reply.body());
        assertTrue(reply.json().getJsonObject("data").getBoolean("connected"));
    }

    private static JsonObject runNow(String owner) throws InterruptedException {
        var started = send("POST", "/api/v1/jobs/pos-sync/run", owner, null);
        for (int i = 0; i < 100 && started.status() == 409; i++) { // a notice's sync is still going
            Thread.sleep(300);
            started = send("POST", "/api/v1/jobs/pos-sync/run", owner, null);
        }
        assertEquals(202, started.status(), started.body());
        return ExportIT.awaitEnd(owner, started.json().getJsonObject("data").getString("id"));
    }

    private static long synced(String business, String type) throws Exception {
        return Database.count("select count(*) from work_items w join tenants t on t.id = w.tenant_id where t.external_org_id = ?"
                + " and w.source = 'POS_SYNC' and w.type = ? and w.deleted_at is null", business, type);
    }

    /** Sum of the versions of the business's synced items: unchanged when a run changes nothing. */
    private static long versions(String business) throws Exception {
        return Database.count("select coalesce(sum(w.version), 0) from work_items w join tenants t on t.id = w.tenant_id"
                + " where t.external_org_id = ? and w.source = 'POS_SYNC'", business);
    }

    private static long runs(String business) throws Exception {
        return Database.count("select count(*) from job_runs r join tenants t on t.id = r.tenant_id where t.external_org_id = ?"
                + " and r.job = 'pos-sync'", business);
    }

    private static JsonObject latestRun(String owner) throws InterruptedException {
        JsonObject last = get("/api/v1/jobs/runs?job=pos-sync&limit=1", owner).json().getJsonArray("data").getJsonObject(0);
        return ExportIT.awaitEnd(owner, last.getString("id"));
    }

    private static SystemUnderTest.Reply notice(String body, String signature) {
        return SystemUnderTest.send(HttpRequest.newBuilder(URI.create(SystemUnderTest.BASE + "/api/v1/webhooks/square"))
                .header("Content-Type", "application/json").header("x-square-hmacsha256-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    @Test
    void salesComeInOnceAndASecondRunChangesNothing() throws Exception {
        String owner = token(WORLD.maple("owner"), null);
        String square = squareToken();
        JsonObject shop = seed(square, 30, 250, 5); // orders in three pages of 100
        String known = shop.getJsonArray("customer_emails").getString(0);
        var contact = send("POST", "/api/v1/contacts", owner, "{\"display_name\":\"Known client\",\"email\":\"" + known + "\"}");
        assertEquals(201, contact.status(), contact.body());
        connect(owner, square, shop.getString("location_id"));

        JsonObject first = runNow(owner);
        assertEquals("COMPLETED", first.getString("status"), first.toString());
        assertEquals(30 + 250 + 5, first.getInt("done"), first.toString());
        assertEquals(250, synced(WORLD.maple(), "ORDER"));
        assertEquals(5, synced(WORLD.maple(), "SUPPORT"));
        assertEquals(1, Database.count("select count(*) from contacts c join tenants t on t.id = c.tenant_id"
                + " where t.external_org_id = ? and c.email = ? and c.deleted_at is null", WORLD.maple(), known), "matched, not doubled");
        assertEquals(29, Database.count("select count(*) from contacts c join tenants t on t.id = c.tenant_id"
                + " where t.external_org_id = ? and c.email like ? and c.display_name <> 'Known client'", WORLD.maple(),
                "%@" + shop.getString("merchant_id").toLowerCase() + ".example"));
        JsonObject order = send("GET", "/api/v1/work-items?type=ORDER&limit=1", owner, null).json().getJsonArray("data").getJsonObject(0);
        assertTrue(order.getJsonObject("labels_json").getString("external_order_id").startsWith("ORD"), order.toString());

        long before = versions(WORLD.maple());
        JsonObject second = runNow(owner);
        assertEquals("COMPLETED", second.getString("status"), second.toString());
        assertEquals(0, second.getInt("done"), second.toString());
        assertEquals(250, synced(WORLD.maple(), "ORDER"));
        assertEquals(before, versions(WORLD.maple()), "a second run changes nothing");

        // a notice of a new sale syncs it (and only it); the same notice again starts nothing
        long runsBefore = runs(WORLD.maple());
        JsonObject sale = control("sale", "{\"access_token\":\"" + square + "\"}");
        assertEquals(200, sale.getInt("webhook_status"));
        JsonObject byNotice = latestRun(owner);
        assertEquals("WEBHOOK", byNotice.getString("trigger"));
        assertEquals("COMPLETED", byNotice.getString("status"), byNotice.toString());
        assertEquals(251, synced(WORLD.maple(), "ORDER"));
        var replay = notice(sale.getString("notice"), sale.getString("signature"));
        assertEquals(200, replay.status(), replay.body());
        assertTrue(replay.json().getJsonObject("data").getBoolean("duplicate"));
        assertEquals(runsBefore + 1, runs(WORLD.maple()), "the replayed notice started nothing");

        // a refund updates its sale and comes in as a return to look at
        JsonObject refund = control("refund", "{\"access_token\":\"" + square + "\"}");
        assertEquals(200, refund.getInt("webhook_status"));
        assertEquals("COMPLETED", latestRun(owner).getString("status"));
        assertEquals(6, synced(WORLD.maple(), "SUPPORT"));
        assertEquals(251, synced(WORLD.maple(), "ORDER"));
    }

    @Test
    void aNoticeNotSignedBySquareOrNotANoticeChangesNothing() throws Exception {
        String body = "{\"merchant_id\":\"MLnobody\",\"type\":\"order.created\",\"event_id\":\"" + UUID.randomUUID() + "\"}";
        assertEquals(403, notice(body, "bm90IGEgc2lnbmF0dXJl").status());
        assertEquals(403, SystemUnderTest.send(HttpRequest.newBuilder(URI.create(SystemUnderTest.BASE + "/api/v1/webhooks/square"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build()).status());
        String key = System.getenv("SMBHUB_SQUARE_WEBHOOK_SIGNATURE_KEY");
        assertNotNull(key, "run the tests with ./smbhub test");
        String url = SystemUnderTest.BASE + "/api/v1/webhooks/square";
        assertEquals(400, notice("[1,2", sign(key, url, "[1,2")).status());
        assertEquals(400, notice("{\"type\":\"order.created\"}", sign(key, url, "{\"type\":\"order.created\"}")).status());
        var stranger = notice(body, sign(key, url, body)); // signed, but no business has this merchant
        assertEquals(200, stranger.status(), stranger.body());
        assertEquals("REJECTED", stranger.json().getJsonObject("data").getString("status"));
    }

    @Test
    void squareBusyIsWaitedOutAndASquareThatKeepsFailingIsResumedFromTheCursor() throws Exception {
        World world = World.create(); // a shop of its own: its runs are not another test's
        String owner = token(world.maple("owner"), null);
        String square = squareToken();
        JsonObject shop = seed(square, 5, 250, 0);
        connect(owner, square, shop.getString("location_id"));

        // customers (one page), orders page 1, then Square fails on page 2 every time
        control("faults", "{\"access_token\":\"" + square + "\",\"status\":503,\"after\":2,\"count\":100}");
        JsonObject failed = runNow(owner);
        assertEquals("FAILED", failed.getString("status"), failed.toString());
        assertTrue(failed.getString("errors").contains("503"), failed.toString());
        assertEquals(100, synced(world.maple(), "ORDER"), "the first page is in; the cursor stops at the second");

        // Square busy twice, then answering: waited out within the run, which goes on from page 2
        control("faults", "{\"access_token\":\"" + square + "\",\"status\":429,\"count\":2}");
        JsonObject resumed = runNow(owner);
        assertEquals("COMPLETED", resumed.getString("status"), resumed.toString());
        assertEquals(150, resumed.getInt("done"), resumed.toString());
        assertEquals(250, synced(world.maple(), "ORDER"), "nothing twice, nothing missing");
    }

    @Test
    void noticesArrivingTogetherStartOneSyncAtATimeAndNoSaleComesInTwice() throws Exception {
        World world = World.create();
        String owner = token(world.maple("owner"), null);
        String square = squareToken();
        JsonObject shop = seed(square, 2, 3, 0);
        connect(owner, square, shop.getString("location_id"));
        assertEquals("COMPLETED", runNow(owner).getString("status"));
        List<JsonObject> sales = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) { // six sales rung up, their notices held back
            sales.add(control("sale", "{\"access_token\":\"" + square + "\",\"notify\":false}"));
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try { // and the six notices arriving at once
            var posted = new java.util.ArrayList<java.util.concurrent.Future<SystemUnderTest.Reply>>();
            for (JsonObject sale : sales) {
                posted.add(pool.submit(() -> notice(sale.getString("notice"), sale.getString("signature"))));
            }
            for (var reply : posted) {
                assertEquals(200, reply.get().status(), reply.get().body());
            }
        } finally {
            pool.shutdown();
        }
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        while (synced(world.maple(), "ORDER") < 9 || Database.count("select count(*) from job_runs r join tenants t"
                + " on t.id = r.tenant_id where t.external_org_id = ? and r.status = 'STARTED'", world.maple()) > 0) {
            assertTrue(System.nanoTime() < deadline, "the notices' syncs did not end");
            Thread.sleep(200);
        }
        assertEquals(9, synced(world.maple(), "ORDER"), "each sale once");
        assertEquals(9, Database.count("select count(distinct w.labels_json ->> 'external_order_id') from work_items w join tenants t"
                + " on t.id = w.tenant_id where t.external_org_id = ? and w.type = 'ORDER'", world.maple()));
    }

    @Test
    void onlyOwnersAndAdminsOfARetailBusinessConnectSquare() throws Exception {
        String square = squareToken();
        JsonObject shop = seed(square, 1, 1, 0);
        String body = "{\"access_token\":\"" + square + "\",\"location_id\":\"" + shop.getString("location_id") + "\"}";
        assertEquals(403, send("PUT", "/api/v1/settings/square", token(WORLD.maple("staff"), null), body).status());
        assertEquals(403, send("POST", "/api/v1/jobs/pos-sync/run", token(WORLD.maple("staff"), null), null).status());
        String general = token(WORLD.northside("owner"), null); // its profile does not sync a point of sale
        var refused = send("PUT", "/api/v1/settings/square", general, body);
        assertEquals(403, refused.status(), refused.body());
        assertEquals(403, send("POST", "/api/v1/jobs/pos-sync/run", general, null).status());

        String owner = token(WORLD.maple("owner"), null);
        var badToken = send("PUT", "/api/v1/settings/square", owner, "{\"access_token\":\"EAAAbadbadbadbadbadbadbad\",\"location_id\":\"L1\"}");
        assertEquals(400, badToken.status(), badToken.body());
        var badLocation = send("PUT", "/api/v1/settings/square", owner, "{\"access_token\":\"" + square + "\",\"location_id\":\"Lnone\"}");
        assertEquals(400, badLocation.status(), badLocation.body());
        assertTrue(badLocation.body().contains("location_id"), badLocation.body());

        // one Square account belongs to one business
        World other = World.create();
        connect(token(other.maple("owner"), null), square, shop.getString("location_id"));
        var taken = send("PUT", "/api/v1/settings/square", owner, body);
        assertEquals(400, taken.status(), taken.body());
        assertFalse(get("/api/v1/settings/square", owner).body().contains(shop.getString("merchant_id")));
    }

    private static String sign(String key, String url, String body) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(key.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
        return java.util.Base64.getEncoder().encodeToString(mac.doFinal((url + body).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
