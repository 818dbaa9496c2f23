package com.smbhub.system;

import static com.smbhub.system.ContactsIT.send;
import static com.smbhub.system.SystemUnderTest.get;
import static com.smbhub.system.SystemUnderTest.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What the operators' scraper reads at {@code /metrics}: only with the metrics token; requests by route template and
 * method, errors by status, mail failures, webhook failures and backlog, job runs, database connections.
 */
class MetricsIT {

    private static final World WORLD = World.create();
    private static final String TOKEN = System.getenv().getOrDefault("SMBHUB_METRICS_TOKEN", "unset");

    private static SystemUnderTest.Reply metrics(String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(SystemUnderTest.BASE + "/metrics")).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return SystemUnderTest.send(request.build());
    }

    /** The value of the first series line named {@code name} carrying every tag given ({@code route="/invoices"}). */
    private static double value(String text, String name, String... tags) {
        return text.lines().filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
                .filter(l -> Arrays.stream(tags).allMatch(l::contains)).map(l -> l.substring(l.lastIndexOf(' ') + 1))
                .mapToDouble(Double::parseDouble).findFirst().orElse(Double.NaN);
    }

    private static double await(String name, double above, String... tags) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            String text = metrics("Bearer " + TOKEN).body();
            double v = value(text, name, tags);
            if (v > above || System.nanoTime() > deadline) {
                return v;
            }
            Thread.sleep(500);
        }
    }

    @Test
    void onlyTheScraperReadsThem() {
        for (String stranger : new String[] {null, "Bearer " + TOKEN + "x", "Basic " + TOKEN}) {
            var refused = metrics(stranger);
            assertEquals(404, refused.status(), "to anyone else there are no metrics");
            assertFalse(refused.body().contains("# TYPE"), refused.body());
        }
        var read = metrics("Bearer " + TOKEN);
        assertEquals(200, read.status(), read.body());
        assertTrue(read.body().contains("smbhub_db_connections"), read.body());
    }

    @Test
    void requestsErrorsMailWebhooksAndJobsAreCounted() throws Exception {
        String owner = token(WORLD.northside("owner"), null);
        String text = metrics("Bearer " + TOKEN).body();
        double lists = value(text, "smbhub_api_requests_seconds_count", "route=\"/invoices\"", "method=\"GET\"");
        double missing = value(text, "smbhub_api_errors_total", "route=\"/invoices/{id}\"", "status=\"404\"");
        assertEquals(200, get("/api/v1/invoices", owner).status());
        assertEquals(404, get("/api/v1/invoices/" + UUID.randomUUID(), owner).status());
        assertEquals(404, get("/api/v1/no-such-route", owner).status());
        text = metrics("Bearer " + TOKEN).body();
        assertEquals(Double.isNaN(lists) ? 1 : lists + 1,
                value(text, "smbhub_api_requests_seconds_count", "route=\"/invoices\"", "method=\"GET\""), text);
        assertEquals(Double.isNaN(missing) ? 1 : missing + 1,
                value(text, "smbhub_api_errors_total", "route=\"/invoices/{id}\"", "status=\"404\""), text);
        assertTrue(value(text, "smbhub_api_errors_total", "route=\"unmatched\"", "status=\"404\"") >= 1, text);
        assertTrue(value(text, "smbhub_db_connections", "state=\"open\"") >= 1, text);
        assertTrue(value(text, "smbhub_webhook_events", "status=\"received\"") >= 0, text);
        assertEquals(1, value(text, "smbhub_grid_members"), text);

        // a client portal page, by its route template: the link's token is never a tag
        String portalRoute = "route=\"/portal/invoices/{token}\"";
        double portal = value(text, "smbhub_portal_requests_seconds_count", portalRoute, "method=\"GET\"", "status=\"404\"");
        String unknown = "pt_metrics_" + UUID.randomUUID().toString().replace("-", "");
        assertEquals(404, get("/portal/invoices/" + unknown, null).status());
        text = metrics("Bearer " + TOKEN).body();
        assertEquals(Double.isNaN(portal) ? 1 : portal + 1,
                value(text, "smbhub_portal_requests_seconds_count", portalRoute, "method=\"GET\"", "status=\"404\""), text);
        assertFalse(text.contains(unknown), "a portal token in the metrics");

        // a back-office screen, by what it is to Vaadin: the path (an id here) is never a tag
        double pages = value(text, "smbhub_backoffice_requests_seconds_count", "kind=\"page\"", "status=\"200\"");
        String item = UUID.randomUUID().toString();
        assertEquals(200, get("/app/login", null).status());
        get("/app/work/" + item, null);
        text = metrics("Bearer " + TOKEN).body();
        assertTrue(value(text, "smbhub_backoffice_requests_seconds_count", "kind=\"page\"", "status=\"200\"")
                >= (Double.isNaN(pages) ? 1 : pages + 1), text);
        assertFalse(text.contains(item), "a back-office path in the metrics");
        for (String timer : List.of("smbhub_api_requests_seconds", "smbhub_portal_requests_seconds",
                "smbhub_backoffice_requests_seconds")) {
            assertTrue(text.contains(timer + "_bucket{"), timer + " has its histogram buckets");
        }

        // a refund whose payment never came fails its attempt and waits: a webhook failure and one more event waiting
        double retries = value(text, "smbhub_webhook_failures_total", "provider=\"stripe\"", "outcome=\"retry\"");
        var charge = Json.createObjectBuilder(StripeWebhooksIT.fixture("charge.json"))
                .add("payment_intent", "pi_metrics_" + UUID.randomUUID().toString().replace("-", ""))
                .add("amount", 1000).add("amount_captured", 1000).add("amount_refunded", 1000).add("currency", "cad").build();
        assertEquals(200, StripeWebhooksIT.deliver(StripeWebhooksIT.event(StripeWebhooksIT.eventId(), "charge.refunded",
                WORLD.northsideStripe(), charge)).status());
        assertEquals(Double.isNaN(retries) ? 1 : retries + 1, value(metrics("Bearer " + TOKEN).body(),
                "smbhub_webhook_failures_total", "provider=\"stripe\"", "outcome=\"retry\""));

        // a business's mail server that cannot be reached
        String maple = token(WORLD.maple("owner"), null);
        double mail = value(metrics("Bearer " + TOKEN).body(), "smbhub_mail_failures_total", "kind=\"invoice\"");
        assertEquals(200, send("PUT", "/api/v1/settings/email", maple, "{\"host\":\"127.0.0.1\",\"port\":9,\"starttls\":false,"
                + "\"username\":\"office\",\"password\":\"pw\",\"from_address\":\"office@maple.example\"}").status());
        try {
            String contact = send("POST", "/api/v1/contacts", maple, "{\"display_name\":\"Metrics " + UUID.randomUUID()
                    + "\",\"email\":\"metrics@example.com\"}").json().getJsonObject("data").getString("id");
            String invoice = send("POST", "/api/v1/invoices", maple, "{\"contact_id\":\"" + contact + "\",\"line_items\":"
                    + "[{\"name\":\"Job\",\"qty\":1,\"rate\":10}]}").json().getJsonObject("data").getString("id");
            assertEquals(502, send("POST", "/api/v1/invoices/" + invoice + "/send", maple, "{}").status());
        } finally {
            assertEquals(200, send("DELETE", "/api/v1/settings/email", maple, null).status());
        }
        assertEquals(Double.isNaN(mail) ? 1 : mail + 1, value(metrics("Bearer " + TOKEN).body(),
                "smbhub_mail_failures_total", "kind=\"invoice\""));

        // a job run, timed by how it ended
        double runs = value(metrics("Bearer " + TOKEN).body(), "smbhub_job_runs_seconds_count", "job=\"ar-reminders\"");
        assertEquals(202, send("POST", "/api/v1/jobs/ar-reminders/run", owner, "{}").status());
        assertTrue(await("smbhub_job_runs_seconds_count", Double.isNaN(runs) ? 0 : runs, "job=\"ar-reminders\"") >= 1,
                "the run is counted once it ended");
        List<String> names = List.of("smbhub_api_requests_seconds", "smbhub_api_errors_total", "smbhub_mail_failures_total",
                "smbhub_webhook_failures_total", "smbhub_webhook_events", "smbhub_job_runs_seconds", "smbhub_db_connections",
                "smbhub_grid_members", "smbhub_portal_requests_seconds", "smbhub_backoffice_requests_seconds");
        String all = metrics("Bearer " + TOKEN).body();
        for (String name : names) {
            assertTrue(all.contains("# HELP " + name) || all.contains("# TYPE " + name), name + " described");
        }
    }
}
