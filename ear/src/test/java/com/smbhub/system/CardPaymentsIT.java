package com.smbhub.system;

import static com.smbhub.system.ContactsIT.edit;
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
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Card payments end to end on the system-test stack, which runs Stripe in test mode: the real SDK
 * talks to the test-mode stand-in, whose checkout completes the payment through the signed webhook.
 */
class CardPaymentsIT {

    private static final World WORLD = World.create();

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private static SystemUnderTest.Reply postForm(String url) {
        return SystemUnderTest.send(HttpRequest.newBuilder(URI.create(url.startsWith("http") ? url : SystemUnderTest.BASE + url))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private static SystemUnderTest.Reply getUrl(String url) {
        return SystemUnderTest.send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    @Test
    void theClientPaysFromThePortalAndTheInvoiceIsPaid() {
        String owner = token(WORLD.northside("owner"), null);
        JsonObject invoice = StripeWebhooksIT.sentInvoice(owner, run);
        String id = invoice.getString("id");
        assertTrue(invoice.getJsonArray("allowed_actions").toString().contains("payment_link"));
        String portal = send("POST", "/api/v1/invoices/" + id + "/portal-link", owner, null).json().getJsonObject("data")
                .getString("portal_path");
        var page = get(portal, null);
        assertTrue(page.body().contains("/pay\"") && page.body().contains("Pay $226.00"), page.body());

        var toCheckout = postForm(portal + "/pay");
        assertEquals(303, toCheckout.status(), toCheckout.body());
        String checkout = toCheckout.raw().headers().firstValue("Location").orElseThrow();
        assertTrue(checkout.contains("/app/test-mode/checkout/cs_test_"), checkout);
        // pressing Pay twice reuses the open checkout
        assertEquals(checkout, postForm(portal + "/pay").raw().headers().firstValue("Location").orElseThrow());
        var checkoutPage = getUrl(checkout);
        assertEquals(200, checkoutPage.status());
        assertTrue(checkoutPage.body().contains("TEST MODE") && checkoutPage.body().contains("$226.00"));

        var paid = postForm(checkout);
        assertEquals(303, paid.status(), paid.body());
        String back = paid.raw().headers().firstValue("Location").orElseThrow();
        assertTrue(back.endsWith(portal + "?paid=1"), back);
        JsonObject after = get("/api/v1/invoices/" + id, owner).json().getJsonObject("data");
        assertEquals("PAID", after.getString("status"));
        assertEquals("0.00", after.getString("amount_due"));
        assertTrue(after.isNull("payment_link_url"));
        var payments = get("/api/v1/payments?invoice_id=" + id, owner).json().getJsonArray("data");
        assertEquals(1, payments.size());
        assertEquals("STRIPE", payments.getJsonObject(0).getString("provider"));
        String receipt = getUrl(SystemUnderTest.BASE + portal + "?paid=1").body();
        assertTrue(receipt.contains("Payment received") && receipt.contains("Payments received") && receipt.contains("Card"),
                receipt);
        String history = get("/api/v1/invoices/" + id + "/activity", owner).body();
        assertTrue(history.contains("payment.recorded") && history.contains("invoice.payment_link_created")
                && history.contains("invoice.sent"), history);
        // the closed checkout cannot be paid twice; a paid invoice offers no Pay
        assertEquals(404, postForm(checkout).status());
        assertFalse(get(portal, null).body().contains("/pay\""));
        assertEquals(409, postForm(portal + "/pay").status());
        assertEquals(404, postForm("/portal/invoices/" + "A".repeat(43) + "/pay").status());
    }

    @Test
    void aPaymentByHandClosesTheOpenCheckoutAndAnOverpaymentIsACreditNeverANegativeDue() throws Exception {
        String owner = token(WORLD.northside("owner"), null);
        String id = StripeWebhooksIT.sentInvoice(owner, run).getString("id");
        String url = send("POST", "/api/v1/invoices/" + id + "/payment-link", owner, null).json().getJsonObject("data")
                .getString("payment_link_url");
        var bank = send("POST", "/api/v1/payments", owner, "{\"invoice_id\":\"" + id + "\",\"provider\":\"BANK\",\"amount\":\"100.00\"}");
        assertEquals(201, bank.status(), bank.body());
        JsonObject part = get("/api/v1/invoices/" + id, owner).json().getJsonObject("data");
        assertTrue(part.isNull("payment_link_url"), "the page for 226.00 is gone");
        assertEquals(404, getUrl(url).status(), "and closed on Stripe");
        String fresh = send("POST", "/api/v1/invoices/" + id + "/payment-link", owner, null).json().getJsonObject("data")
                .getString("payment_link_url");
        assertFalse(fresh.equals(url), "a new page for the 126.00 still due");

        // a page for the old amount paid anyway (opened elsewhere before it closed): recorded, never a negative due
        StripeWebhooksIT.deliver(StripeWebhooksIT.sessionEvent(StripeWebhooksIT.eventId(), "checkout.session.completed",
                WORLD.northsideStripe(), id, "pi_" + run + "over", 22600, "paid"));
        JsonObject paid = get("/api/v1/invoices/" + id, owner).json().getJsonObject("data");
        assertEquals("PAID", paid.getString("status"));
        assertEquals("0.00", paid.getString("amount_due"));
        assertEquals("100.00", paid.getString("amount_credit"));
        assertEquals("326.00", paid.getString("amount_paid"));
        assertEquals(1, Database.count("select count(*) from notifications where kind = 'invoice.overpaid'"
                + " and entity_id = '" + id + "'"));
        assertEquals(1, Database.count("select count(*) from audit_log where action = 'invoice.overpaid'"
                + " and entity_id = '" + id + "'"));
    }

    @Test
    void theBackOfficeMakesAPaymentLinkAndVoidingKillsIt() {
        String owner = token(WORLD.northside("owner"), null);
        String id = StripeWebhooksIT.sentInvoice(owner, run).getString("id");
        var link = send("POST", "/api/v1/invoices/" + id + "/payment-link", owner, null);
        assertEquals(200, link.status(), link.body());
        String url = link.json().getJsonObject("data").getString("payment_link_url");
        assertTrue(url.contains("/app/test-mode/checkout/cs_test_"), url);
        assertEquals(url, send("POST", "/api/v1/invoices/" + id + "/payment-link", owner, null).json().getJsonObject("data")
                .getString("payment_link_url"));
        assertEquals(403, send("POST", "/api/v1/invoices/" + id + "/payment-link", token(WORLD.northside("viewer"), null), null)
                .status());
        assertEquals(404, send("POST", "/api/v1/invoices/" + id + "/payment-link", token(WORLD.maple("owner"), null), null)
                .status());
        assertEquals(200, edit("POST", "/api/v1/invoices/" + id + "/void", owner, null).status());
        JsonObject voided = get("/api/v1/invoices/" + id, owner).json().getJsonObject("data");
        assertTrue(voided.isNull("payment_link_url"));
        assertFalse(voided.getJsonArray("allowed_actions").toString().contains("payment_link"));
        assertEquals(404, getUrl(url).status(), "the checkout was closed on Stripe");
        var again = send("POST", "/api/v1/invoices/" + id + "/payment-link", owner, null);
        assertEquals(400, again.status());
        assertEquals("payment_link", again.json().getJsonObject("error").getJsonArray("details").getJsonObject(0)
                .getString("field"));
    }

    @Test
    void ownersConnectTheStripeAccountAndNobodyElseDoes() throws Exception {
        String owner = token(WORLD.maple("owner"), null);
        var state = get("/api/v1/settings/payments", owner);
        assertEquals(200, state.status(), state.body());
        assertEquals(WORLD.mapleStripe(), state.json().getJsonObject("data").getString("stripe_account_id"));
        assertTrue(state.json().getJsonObject("data").getBoolean("card_payments_available"));
        assertEquals(200, get("/api/v1/settings/payments", token(WORLD.maple("admin"), null)).status());
        assertEquals(403, send("PUT", "/api/v1/settings/payments", token(WORLD.maple("admin"), null),
                "{\"stripe_account_id\":\"acct_x\"}").status());
        assertEquals(403, get("/api/v1/settings/payments", token(WORLD.maple("staff"), null)).status());
        var bad = send("PUT", "/api/v1/settings/payments", owner, "{\"stripe_account_id\":\"sk_live_oops\"}");
        assertEquals(400, bad.status());
        var taken = send("PUT", "/api/v1/settings/payments", owner, "{\"stripe_account_id\":\"" + WORLD.northsideStripe() + "\"}");
        assertEquals(400, taken.status());
        assertTrue(taken.body().contains("Another business"));
        var onboard = send("POST", "/api/v1/settings/payments/onboarding", owner, null);
        assertEquals(200, onboard.status(), onboard.body());
        String page = onboard.json().getJsonObject("data").getString("onboarding_url");
        assertTrue(page.contains("/app/test-mode/onboarding"), page);
        String created = get("/api/v1/settings/payments", owner).json().getJsonObject("data").getString("stripe_account_id");
        assertTrue(created.startsWith("acct_test_"), created);
        assertNotNull(created);
        var back = send("PUT", "/api/v1/settings/payments", owner, "{\"stripe_account_id\":\"" + WORLD.mapleStripe() + "\"}");
        assertEquals(200, back.status(), back.body());
        assertEquals(1, Database.count("select count(*) from audit_log where action = 'tenant.stripe_connected'"
                + " and after::text like ?", "%" + created + "%"));
    }
}
