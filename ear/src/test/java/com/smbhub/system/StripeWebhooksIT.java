package com.smbhub.system;

import static com.smbhub.system.ContactsIT.edit;
import static com.smbhub.system.ContactsIT.send;
import static com.smbhub.system.SystemUnderTest.get;
import static com.smbhub.system.SystemUnderTest.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The webhook idempotency suite (PRD 6.3.2): Stripe's events, built from Stripe's own example
 * objects and signed with the endpoint secret exactly as Stripe signs them, delivered again, at
 * once, out of order, for the wrong business, with bad signatures. Never a 500; nothing doubled.
 */
class StripeWebhooksIT {

    private static final World WORLD = World.create();

    static final String SECRET = System.getenv().getOrDefault("SMBHUB_STRIPE_WEBHOOK_SECRET", "whsec_unset");
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    /** A sent Northside invoice of 226.00 CAD (200 + 13 % HST). */
    static JsonObject sentInvoice(String owner, String run) {
        String who = run + "-" + UUID.randomUUID().toString().substring(0, 6);
        String contact = send("POST", "/api/v1/contacts", owner, "{\"display_name\":\"Card payer " + who + "\",\"email\":\"card."
                + who + "@example.com\"}").json().getJsonObject("data").getString("id");
        String id = send("POST", "/api/v1/invoices", owner, "{\"contact_id\":\"" + contact + "\",\"tax_code\":\"HST\","
                + "\"line_items\":[{\"name\":\"Install\",\"qty\":1,\"rate\":200}]}").json().getJsonObject("data").getString("id");
        var sent = send("POST", "/api/v1/invoices/" + id + "/send", owner, "{}");
        assertEquals(200, sent.status(), sent.body());
        return sent.json().getJsonObject("data");
    }

    static String eventId() {
        return "evt_test_" + UUID.randomUUID().toString().replace("-", "");
    }

    /** A Connect event wrapping a Checkout Session (Stripe's example object with our fields). */
    static String sessionEvent(String eventId, String type, String account, String invoiceId, String intent, long amount,
                               String paymentStatus) {
        JsonObjectBuilder metadata = Json.createObjectBuilder();
        if (invoiceId != null) {
            metadata.add("invoice_id", invoiceId);
        }
        JsonObject session = Json.createObjectBuilder(fixture("checkout.session.json"))
                .add("id", "cs_test_" + UUID.randomUUID().toString().replace("-", "")).add("status", "complete")
                .add("payment_status", paymentStatus).add("payment_intent", intent).add("amount_total", amount)
                .add("amount_subtotal", amount).add("currency", "cad").add("metadata", metadata).build();
        return event(eventId, type, account, session);
    }

    static String refundEvent(String eventId, String intent, long amount, long refunded) {
        JsonObject charge = Json.createObjectBuilder(fixture("charge.json")).add("payment_intent", intent)
                .add("amount", amount).add("amount_captured", amount).add("amount_refunded", refunded)
                .add("refunded", refunded >= amount).add("currency", "cad").build();
        return event(eventId, "charge.refunded", WORLD.northsideStripe(), charge);
    }

    static String event(String eventId, String type, String account, JsonObject object) {
        JsonObjectBuilder event = Json.createObjectBuilder(fixture("event.json")).add("id", eventId).add("type", type)
                .add("created", Instant.now().getEpochSecond()).add("data", Json.createObjectBuilder().add("object", object));
        if (account != null) {
            event.add("account", account);
        }
        return event.build().toString();
    }

    /** {@code Stripe-Signature: t=<seconds>,v1=<hex HMAC-SHA256 of "t.body">}, as Stripe signs. */
    static String signature(String body, String secret, long t) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static SystemUnderTest.Reply deliver(String body) {
        return deliver(body, signature(body, SECRET, Instant.now().getEpochSecond()));
    }

    static SystemUnderTest.Reply deliver(String body, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(SystemUnderTest.BASE + "/api/v1/webhooks/stripe"))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (signature != null) {
            request.header("Stripe-Signature", signature);
        }
        return SystemUnderTest.send(request.build());
    }

    private static String status(SystemUnderTest.Reply reply) {
        assertEquals(200, reply.status(), reply.body());
        return reply.json().getJsonObject("data").getString("status");
    }

    private static JsonObject invoice(String owner, String id) {
        return get("/api/v1/invoices/" + id, owner).json().getJsonObject("data");
    }

    private static List<JsonObject> payments(String owner, String invoiceId) {
        return get("/api/v1/payments?invoice_id=" + invoiceId, owner).json().getJsonArray("data")
                .getValuesAs(JsonObject.class);
    }

    @Test
    void theSameEventTenTimesMakesOnePayment() throws Exception {
        String owner = token(WORLD.northside("owner"), null);
        String id = sentInvoice(owner, run).getString("id");
        String event = eventId();
        String body = sessionEvent(event, "checkout.session.completed", WORLD.northsideStripe(), id, "pi_" + run + "a", 22600, "paid");
        assertEquals("PROCESSED", status(deliver(body)));
        for (int i = 0; i < 9; i++) {
            var again = deliver(body);
            assertEquals("PROCESSED", status(again));
            assertTrue(again.json().getJsonObject("data").getBoolean("duplicate"));
        }
        List<JsonObject> paid = payments(owner, id);
        assertEquals(1, paid.size());
        assertEquals("STRIPE", paid.get(0).getString("provider"));
        assertEquals("226.00", paid.get(0).getString("amount"));
        JsonObject invoice = invoice(owner, id);
        assertEquals("PAID", invoice.getString("status"));
        assertEquals("0.00", invoice.getString("amount_due"));
        assertEquals(1, Database.count("select count(*) from audit_log where action = 'tenant.entered'"
                + " and entity_id = 'STRIPE_WEBHOOK' and after->>'reference' = ?", event),
                "the event entered its business once, through the audited entry");
    }

    @Test
    void tenDeliveriesAtOnceAndASecondEventForTheSamePaymentMakeOnePayment() throws Exception {
        String owner = token(WORLD.northside("owner"), null);
        String id = sentInvoice(owner, run).getString("id");
        String intent = "pi_" + run + "b";
        String body = sessionEvent(eventId(), "checkout.session.completed", WORLD.northsideStripe(), id, intent, 22600, "paid");
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<SystemUnderTest.Reply>> replies = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            replies.add(pool.submit(() -> deliver(body)));
        }
        for (Future<SystemUnderTest.Reply> reply : replies) {
            assertEquals(200, reply.get().status(), reply.get().body());
        }
        pool.shutdown();
        // Stripe also sends async_payment_succeeded for the same payment intent: still one payment
        assertEquals("PROCESSED", status(deliver(sessionEvent(eventId(), "checkout.session.async_payment_succeeded",
                WORLD.northsideStripe(), id, intent, 22600, "paid"))));
        assertEquals(1, payments(owner, id).size());
        assertEquals("PAID", invoice(owner, id).getString("status"));
        assertEquals(1, Database.count("select count(*) from webhook_events where event_type = 'checkout.session.completed'"
                + " and payload::text like ?", "%" + intent + "%"));
    }

    @Test
    void partOfTheAmountThenTheRest() {
        String owner = token(WORLD.northside("owner"), null);
        String id = sentInvoice(owner, run).getString("id");
        status(deliver(sessionEvent(eventId(), "checkout.session.completed", WORLD.northsideStripe(), id, "pi_" + run + "c", 10000, "paid")));
        JsonObject invoice = invoice(owner, id);
        assertEquals("PARTIALLY_PAID", invoice.getString("status"));
        assertEquals("126.00", invoice.getString("amount_due"));
        status(deliver(sessionEvent(eventId(), "checkout.session.completed", WORLD.northsideStripe(), id, "pi_" + run + "d", 12600, "paid")));
        assertEquals("PAID", invoice(owner, id).getString("status"));
        assertEquals(2, payments(owner, id).size());
    }

    @Test
    void aRefundThatArrivesBeforeItsPaymentWaitsAndThenApplies() throws Exception {
        String owner = token(WORLD.northside("owner"), null);
        String id = sentInvoice(owner, run).getString("id");
        String intent = "pi_" + run + "e";
        String refund = eventId();
        assertEquals("RECEIVED", status(deliver(refundEvent(refund, intent, 22600, 22600))));
        assertEquals(1, Database.count("select count(*) from webhook_events where provider_event_id = ? and status = 'RECEIVED'"
                + " and attempts = 1 and last_error like '%has not arrived%' and next_attempt_at > now()", refund));
        assertEquals("PROCESSED", status(deliver(sessionEvent(eventId(), "checkout.session.completed", WORLD.northsideStripe(),
                id, intent, 22600, "paid"))));
        assertEquals(1, Database.count("select count(*) from webhook_events where provider_event_id = ? and status = 'PROCESSED'",
                refund));
        List<JsonObject> paid = payments(owner, id);
        assertEquals(1, paid.size());
        assertEquals("REFUNDED", paid.get(0).getString("status"));
        JsonObject invoice = invoice(owner, id);
        assertEquals("SENT", invoice.getString("status"));
        assertEquals("226.00", invoice.getString("amount_due"));
        // the same refund again, or an older partial one, changes nothing
        assertEquals("PROCESSED", status(deliver(refundEvent(eventId(), intent, 22600, 10000))));
        assertEquals("226.00", invoice(owner, id).getString("amount_due"));
    }

    @Test
    void aPartialRefundOpensThatMuchAgain() {
        String owner = token(WORLD.northside("owner"), null);
        String id = sentInvoice(owner, run).getString("id");
        String intent = "pi_" + run + "f";
        status(deliver(sessionEvent(eventId(), "checkout.session.completed", WORLD.northsideStripe(), id, intent, 22600, "paid")));
        status(deliver(refundEvent(eventId(), intent, 22600, 2600)));
        JsonObject invoice = invoice(owner, id);
        assertEquals("PARTIALLY_PAID", invoice.getString("status"));
        assertEquals("26.00", invoice.getString("amount_due"));
        assertEquals("SUCCEEDED", payments(owner, id).get(0).getString("status"));
    }

    @Test
    void aDelayedPaymentIsPendingUntilStripeSaysHowItEnded() {
        String owner = token(WORLD.northside("owner"), null);
        String id = sentInvoice(owner, run).getString("id");
        status(deliver(sessionEvent(eventId(), "checkout.session.completed", WORLD.northsideStripe(), id, "pi_" + run + "g", 22600, "unpaid")));
        assertEquals("PENDING", payments(owner, id).get(0).getString("status"));
        assertEquals("SENT", invoice(owner, id).getString("status"));
        status(deliver(sessionEvent(eventId(), "checkout.session.async_payment_succeeded", WORLD.northsideStripe(), id,
                "pi_" + run + "g", 22600, "paid")));
        assertEquals("PAID", invoice(owner, id).getString("status"));

        String other = sentInvoice(owner, run).getString("id");
        // the failure may even come first
        status(deliver(sessionEvent(eventId(), "checkout.session.async_payment_failed", WORLD.northsideStripe(), other,
                "pi_" + run + "h", 22600, "unpaid")));
        status(deliver(sessionEvent(eventId(), "checkout.session.completed", WORLD.northsideStripe(), other, "pi_" + run + "h", 22600, "unpaid")));
        assertEquals("FAILED", payments(owner, other).get(0).getString("status"));
        assertEquals("226.00", invoice(owner, other).getString("amount_due"));
    }

    @Test
    void aCardPaymentBringsTheClientOneReceiptOnceTheBusinessAskedForIt() throws Exception {
        String owner = token(WORLD.northside("owner"), null);
        String staff = token(WORLD.northside("staff"), null);
        assertEquals(403, send("PATCH", "/api/v1/settings/payments", staff, "{\"receipt_mail\":true}").status());
        assertEquals(400, send("PATCH", "/api/v1/settings/payments", owner, "{\"receipt_mail\":\"yes\"}").status());
        assertEquals(400, send("PATCH", "/api/v1/settings/payments", owner, "{\"receipts\":true}").status());
        var on = send("PATCH", "/api/v1/settings/payments", owner, "{\"receipt_mail\":true}");
        assertEquals(200, on.status(), on.body());
        assertTrue(on.json().getJsonObject("data").getBoolean("receipt_mail"));
        assertFalse(get("/api/v1/settings/payments", token(WORLD.maple("owner"), null)).json().getJsonObject("data")
                .getBoolean("receipt_mail"), "another business's setting is its own");
        try {
            JsonObject sent = sentInvoice(owner, run);
            String id = sent.getString("id");
            String email = get("/api/v1/contacts/" + sent.getString("contact_id"), owner).json().getJsonObject("data")
                    .getString("email");
            String body = sessionEvent(eventId(), "checkout.session.completed", WORLD.northsideStripe(), id, "pi_" + run + "r",
                    22600, "paid");
            for (int i = 0; i < 3; i++) {
                assertEquals("PROCESSED", status(deliver(body)));
            }
            String receipt = Mailbox.text(Mailbox.await(email, "Receipt: your payment for invoice " + sent.getString("number")));
            assertTrue(receipt.contains("received your payment of $226.00") && receipt.contains("/portal/invoices/"), receipt);
            String payment = payments(owner, id).get(0).getString("id");
            Thread.sleep(1500);
            assertEquals(1, Database.count("select count(*) from audit_log where action = 'payment.receipt_sent' and entity_id = ?",
                    payment), "one receipt, however often Stripe repeats the notice");

            // a client without an e-mail address: the payment stands and Home says the receipt did not go
            String contact = send("POST", "/api/v1/contacts", owner, "{\"display_name\":\"No mail " + run + "\"}").json()
                    .getJsonObject("data").getString("id");
            String other = send("POST", "/api/v1/invoices", owner, "{\"contact_id\":\"" + contact + "\",\"line_items\":"
                    + "[{\"name\":\"Install\",\"qty\":1,\"rate\":100}]}").json().getJsonObject("data").getString("id");
            var sentElsewhere = send("POST", "/api/v1/invoices/" + other + "/send", owner, "{\"to\":\"office." + run
                    + "@example.com\"}");
            assertEquals(200, sentElsewhere.status(), sentElsewhere.body());
            long amount = new BigDecimal(sentElsewhere.json().getJsonObject("data").getString("total")).movePointRight(2)
                    .longValueExact();
            assertEquals("PROCESSED", status(deliver(sessionEvent(eventId(), "checkout.session.completed",
                    WORLD.northsideStripe(), other, "pi_" + run + "s", amount, "paid"))));
            assertEquals("PAID", invoice(owner, other).getString("status"));
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (Database.count("select count(*) from notifications where kind = 'receipt.not_sent' and entity_id = ?"
                    + " and title like '%no valid e-mail address%'", other) == 0) {
                assertTrue(System.nanoTime() < deadline, "Home tells that the receipt did not go");
                Thread.sleep(300);
            }
        } finally {
            var off = send("PATCH", "/api/v1/settings/payments", owner, "{\"receipt_mail\":false}");
            assertEquals(200, off.status(), off.body());
        }
        assertEquals(1, Database.count("select count(*) from audit_log a join tenants t on t.id = a.tenant_id"
                + " where t.external_org_id = ? and a.action = 'tenant.receipt_mail_changed' and a.after->>'receipt_mail' = 'false'",
                WORLD.northside()));
    }

    @Test
    void eventsThatDoNotBelongAreKeptAsRejectedAndChangeNothing() {
        String owner = token(WORLD.northside("owner"), null);
        String id = sentInvoice(owner, run).getString("id");
        // an unknown invoice, no invoice at all, another business's account naming this invoice, an unknown account
        assertEquals("REJECTED", status(deliver(sessionEvent(eventId(), "checkout.session.completed", WORLD.northsideStripe(),
                UUID.randomUUID().toString(), "pi_" + run + "i", 22600, "paid"))));
        assertEquals("REJECTED", status(deliver(sessionEvent(eventId(), "checkout.session.completed", WORLD.northsideStripe(),
                null, "pi_" + run + "j", 22600, "paid"))));
        assertEquals("REJECTED", status(deliver(sessionEvent(eventId(), "checkout.session.completed", WORLD.mapleStripe(),
                id, "pi_" + run + "k", 22600, "paid"))));
        assertEquals("REJECTED", status(deliver(sessionEvent(eventId(), "checkout.session.completed", "acct_nobody_" + run,
                id, "pi_" + run + "l", 22600, "paid"))));
        assertEquals("REJECTED", status(deliver(sessionEvent(eventId(), "checkout.session.completed", null,
                id, "pi_" + run + "m", 22600, "paid"))));
        assertEquals("SENT", invoice(owner, id).getString("status"));
        assertEquals(0, payments(owner, id).size());
        // a voided invoice takes no payment
        String voided = sentInvoice(owner, run).getString("id");
        assertEquals(200, edit("POST", "/api/v1/invoices/" + voided + "/void", owner, null).status());
        assertEquals("REJECTED", status(deliver(sessionEvent(eventId(), "checkout.session.completed", WORLD.northsideStripe(),
                voided, "pi_" + run + "n", 22600, "paid"))));
        assertEquals("VOID", invoice(owner, voided).getString("status"));
        assertEquals(0, payments(owner, voided).size());
        // events SMB Hub does not use are kept and ignored
        assertEquals("IGNORED", status(deliver(event(eventId(), "customer.created", WORLD.northsideStripe(),
                fixture("customer.json")))));
    }

    @Test
    void whatIsNotStripesIsRefusedAndNotStored() throws Exception {
        String owner = token(WORLD.northside("owner"), null);
        String id = sentInvoice(owner, run).getString("id");
        long now = Instant.now().getEpochSecond();
        String[] ids = new String[5];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = eventId();
        }
        String[] bodies = new String[ids.length];
        for (int i = 0; i < ids.length; i++) {
            bodies[i] = sessionEvent(ids[i], "checkout.session.completed", WORLD.northsideStripe(), id, "pi_" + run + "x" + i, 22600, "paid");
        }
        List<SystemUnderTest.Reply> replies = List.of(
                deliver(bodies[0], signature(bodies[0], "whsec_wrong", now)),
                deliver(bodies[1], signature(bodies[1], SECRET, now - 301)),
                deliver(bodies[2], null),
                deliver(bodies[3], signature(bodies[3].replace("22600", "1"), SECRET, now)),
                deliver(bodies[4], "t=" + now + ",v1=zz"),
                deliver("not json", signature("not json", SECRET, now)),
                deliver("[1,2]", signature("[1,2]", SECRET, now)),
                deliver("{\"id\":\"nope\"}", signature("{\"id\":\"nope\"}", SECRET, now)));
        for (SystemUnderTest.Reply reply : replies) {
            assertEquals(400, reply.status(), reply.body());
            assertEquals("INVALID_SIGNATURE", reply.errorCode());
        }
        String big = "{\"pad\":\"" + "x".repeat(300_000) + "\"}";
        assertEquals(413, deliver(big, signature(big, SECRET, now)).status());
        for (String eventId : ids) {
            assertEquals(0, Database.count("select count(*) from webhook_events where provider_event_id = ?", eventId));
        }
        assertEquals("SENT", invoice(owner, id).getString("status"));
    }

    static JsonObject fixture(String name) {
        try (InputStream in = StripeWebhooksIT.class.getResourceAsStream("/stripe/" + name)) {
            try (var reader = Json.createReader(new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)))) {
                return reader.readObject();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
