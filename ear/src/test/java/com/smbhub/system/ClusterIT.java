package com.smbhub.system;

import static com.smbhub.system.StripeWebhooksIT.eventId;
import static com.smbhub.system.StripeWebhooksIT.sentInvoice;
import static com.smbhub.system.StripeWebhooksIT.sessionEvent;
import static com.smbhub.system.StripeWebhooksIT.signature;
import static com.smbhub.system.SystemUnderTest.get;
import static com.smbhub.system.SystemUnderTest.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Two instances, one system (issue 18): what {@code ./smbhub test --cluster} checks on a cluster of its own — the load
 * balancer is {@link SystemUnderTest#BASE}, the instances' own addresses come in SMBHUB_CLUSTER_INSTANCES. Not part of
 * {@code ./smbhub test} (excluded in the ear module's failsafe configuration).
 */
class ClusterIT {

    private static final List<String> INSTANCES = List.of(System.getenv()
            .getOrDefault("SMBHUB_CLUSTER_INSTANCES", "http://127.0.0.1:29280,http://127.0.0.1:29380").split(","));
    /** The cluster's folder (its instances' pid files) and the command that brings a stopped instance back. */
    private static final Path VAR = Path.of(System.getenv().getOrDefault("SMBHUB_CLUSTER_VAR", "var/cluster-it"));
    private static final Path SMBHUB = Path.of(System.getenv().getOrDefault("SMBHUB_COMMAND", "../smbhub"));

    private static final World WORLD = World.create();
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aWebhookDeliveredToEveryInstanceAtOnceMakesOnePayment() throws Exception {
        String owner = token(WORLD.northside("owner"), null);
        String id = sentInvoice(owner, run).getString("id");
        String body = sessionEvent(eventId(), "checkout.session.completed", WORLD.northsideStripe(), id, "pi_" + run, 22600,
                "paid");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<SystemUnderTest.Reply>> replies = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String instance = INSTANCES.get(i % INSTANCES.size());
            replies.add(pool.submit(() -> SystemUnderTest.send(HttpRequest.newBuilder(URI.create(instance + "/api/v1/webhooks/stripe"))
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("Stripe-Signature", signature(body, StripeWebhooksIT.SECRET, Instant.now().getEpochSecond()))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build())));
        }
        for (Future<SystemUnderTest.Reply> reply : replies) {
            assertEquals(200, reply.get().status(), reply.get().body());
        }
        pool.shutdown();
        assertEquals(1, get("/api/v1/payments?invoice_id=" + id, owner).json().getJsonArray("data").size());
        assertEquals("PAID", get("/api/v1/invoices/" + id, owner).json().getJsonObject("data").getString("status"));
    }

    @Test
    void eachInstanceSeesEveryMemberOfTheDataGrid() throws Exception {
        List<Integer> seenBy = new ArrayList<>();
        for (String instance : INSTANCES) {
            int members = 0;
            String seen = "";
            for (long end = System.nanoTime() + 60_000_000_000L; members < INSTANCES.size() && System.nanoTime() < end; Thread.sleep(500)) {
                var reply = SystemUnderTest.send(HttpRequest.newBuilder(URI.create(instance + "/health/ready")).GET().build());
                seen = reply.body();
                members = reply.json().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                        .filter(check -> check.getString("name").equals("data-grid") && check.getString("status").equals("UP"))
                        .map(check -> Integer.valueOf(String.valueOf(check.getJsonObject("data").get("members")).replace("\"", "")))
                        .findFirst().orElse(0);
            }
            assertTrue(members >= INSTANCES.size(), instance + ": " + seen);
            seenBy.add(members);
        }
        assertEquals(1, seenBy.stream().distinct().count(), "every instance sees the same members (the admin server may be one): " + seenBy);
    }

    @Test
    void aRoleChangedOnOneInstanceHoldsOnTheOtherAtOnce() throws Exception {
        String staffLogin = WORLD.northside("staff");
        String staff = token(staffLogin, null);
        assertEquals("STAFF", role(INSTANCES.get(1), staff)); // the other instance now holds the caller for a minute
        String owner = token(WORLD.northside("owner"), null);
        JsonObject member = get("/api/v1/team/members", owner).json().getJsonArray("data").getValuesAs(JsonObject.class)
                .stream().filter(m -> m.getJsonObject("user").getString("email").equals(staffLogin)).findFirst().orElseThrow();
        var changed = SystemUnderTest.send(HttpRequest.newBuilder(URI.create(INSTANCES.get(0) + "/api/v1/team/members/"
                        + member.getString("id"))).header("Authorization", "Bearer " + owner)
                .header("Content-Type", "application/json").header("If-Match", String.valueOf(member.getInt("version")))
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"role\":\"ADMIN\"}")).build());
        assertEquals(200, changed.status(), changed.body());
        long until = System.nanoTime() + 3_000_000_000L; // the grid's message, not the cache's minute
        String seen;
        while (!"ADMIN".equals(seen = role(INSTANCES.get(1), staff)) && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        assertEquals("ADMIN", seen, "the other instance still answered with the role it had cached");
    }

    @Test
    void aProfileChangedOnOneInstanceShowsOnTheOtherAtOnce() throws Exception {
        String owner = token(WORLD.northside("owner"), null);
        String label = "Estimates " + run;
        assertEquals(200, profileOn(INSTANCES.get(0), owner).status()); // both instances now hold the profile
        assertEquals(200, profileOn(INSTANCES.get(1), owner).status());
        try {
            var changed = quotePluralOn(INSTANCES.get(0), owner, "\"" + label + "\"");
            assertEquals(200, changed.status(), changed.body());
            assertEquals(label, quotePluralSoon(INSTANCES.get(1), owner, label), "the other instance kept the profile it had cached");
        } finally {
            assertEquals(200, quotePluralOn(INSTANCES.get(1), owner, "null").status());
        }
        assertEquals("Quotes", quotePluralSoon(INSTANCES.get(0), owner, "Quotes"), "and back the other way");
    }

    /** Overrides the profile's "quote_plural" label (a JSON value) through that instance. */
    private static SystemUnderTest.Reply quotePluralOn(String instance, String token, String json) {
        return SystemUnderTest.send(HttpRequest.newBuilder(URI.create(instance + "/api/v1/profile/tenant-overrides"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"labels\":{\"quote_plural\":" + json + "}}")).build());
    }

    /** The profile's "quote_plural" label as the instance answers it, waited for up to 3 s (the grid's message, not a restart). */
    private static String quotePluralSoon(String instance, String token, String expected) throws InterruptedException {
        long until = System.nanoTime() + 3_000_000_000L;
        String seen;
        while (!expected.equals(seen = quotePlural(profileOn(instance, token))) && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        return seen;
    }

    private static SystemUnderTest.Reply profileOn(String instance, String token) {
        return SystemUnderTest.send(HttpRequest.newBuilder(URI.create(instance + "/api/v1/profile"))
                .header("Authorization", "Bearer " + token).build());
    }

    private static String quotePlural(SystemUnderTest.Reply profile) {
        return profile.json().getJsonObject("data").getJsonObject("labels").getString("quote_plural");
    }

    @Test
    void signInFailuresCountOnceAcrossInstances() {
        String nobody = "nobody." + run + "@maple.test";
        String body = "{\"username\":\"" + nobody + "\",\"password\":\"wrong\"}";
        for (int i = 0; i < 5; i++) { // 3 on one instance, 2 on the other: neither would slow down alone
            assertEquals(401, post(INSTANCES.get(i % INSTANCES.size()) + "/api/v1/auth/token", body).status());
        }
        for (String instance : INSTANCES) {
            var slowed = post(instance + "/api/v1/auth/token", body);
            assertEquals(429, slowed.status(), instance + " " + slowed.body());
        }
    }

    @Test
    void failedPortalLookUpsCountOnceAcrossInstances() {
        int allowed = 30; // smbhub.portal.lookups-per-window on the cluster
        for (int i = 0; i < allowed; i++) {
            var reply = SystemUnderTest.send(HttpRequest.newBuilder(URI.create(INSTANCES.get(i % INSTANCES.size())
                    + "/portal/invoices/not-a-link-" + run + i)).GET().build());
            assertEquals(404, reply.status(), "look-up " + i);
        }
        for (String instance : INSTANCES) {
            var reply = SystemUnderTest.send(HttpRequest.newBuilder(URI.create(instance + "/portal/invoices/not-a-link-" + run))
                    .GET().build());
            assertEquals(429, reply.status(), instance + " let a guess through after " + allowed + " on both");
        }
    }

    @Test
    void killingAnInstanceUnderLoadLosesOnlyWhatWasInFlightOnIt() throws Exception {
        String owner = token(WORLD.northside("owner"), null);
        long pid = Long.parseLong(Files.readString(VAR.resolve("nodes/smbhub-node/i2/config/pid")).trim());
        Map<Long, AtomicLong> failedAt = new ConcurrentHashMap<>();
        AtomicLong ok = new AtomicLong();
        long start = System.nanoTime();
        long[] killedAt = {Long.MAX_VALUE};
        List<Thread> clients = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread client = new Thread(() -> {
                while (System.nanoTime() - start < 10_000_000_000L) {
                    int status;
                    try {
                        status = get("/api/v1/me", owner).status();
                    } catch (RuntimeException e) { // the connection closed with the request in flight
                        status = -1;
                    }
                    if (status == 200) {
                        ok.incrementAndGet();
                    } else {
                        failedAt.computeIfAbsent(System.nanoTime(), k -> new AtomicLong()).incrementAndGet();
                    }
                }
            });
            client.start();
            clients.add(client);
        }
        try {
            Thread.sleep(3_000);
            killedAt[0] = System.nanoTime();
            ProcessHandle.of(pid).orElseThrow().destroyForcibly(); // kill -9
            for (Thread client : clients) {
                client.join();
            }
            long late = failedAt.keySet().stream().filter(at -> at > killedAt[0] + 3_000_000_000L).count();
            assertEquals(0, late, "requests failed after the load balancer had taken the dead instance out");
            assertTrue(failedAt.values().stream().mapToLong(AtomicLong::get).sum() <= 8,
                    "more failed than 4 clients had in flight: " + failedAt.size());
            assertTrue(ok.get() > 100, "requests served: " + ok.get());
        } finally {
            Process back = new ProcessBuilder(SMBHUB.toString(), "cluster").inheritIO().start();
            assertEquals(0, back.waitFor(), "./smbhub cluster brought the instance back");
        }
        assertEquals(200, SystemUnderTest.send(HttpRequest.newBuilder(URI.create(INSTANCES.get(1) + "/api/v1/me"))
                .header("Authorization", "Bearer " + owner).GET().build()).status(), "the instance is back and serves");
    }

    private static SystemUnderTest.Reply post(String url, String json) {
        return SystemUnderTest.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private static String role(String instance, String token) {
        var me = SystemUnderTest.send(HttpRequest.newBuilder(URI.create(instance + "/api/v1/me"))
                .header("Authorization", "Bearer " + token).GET().build());
        assertEquals(200, me.status(), me.body());
        return me.json().getJsonObject("data").getString("role");
    }
}
