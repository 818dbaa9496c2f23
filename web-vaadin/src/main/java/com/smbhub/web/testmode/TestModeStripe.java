package com.smbhub.web.testmode;

import com.smbhub.integration.stripe.StripeGateway;
import com.smbhub.money.MoneyText;
import com.smbhub.money.Totals;
import com.smbhub.platform.Jsonp;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Test mode, for a machine that cannot reach Stripe ({@code smbhub.stripe.test-mode=true}, set by
 * {@code ./smbhub run} when no Stripe key is given; 404 otherwise). It stands in for Stripe's API
 * ({@code /app/test-mode/stripe/v1/…}: Checkout Sessions, Connect accounts and onboarding links,
 * answered with Stripe's own object shapes) and for its hosted checkout page, whose "Pay" completes
 * the payment the way Stripe does: a {@code checkout.session.completed} event, signed with the
 * webhook secret, posted to {@code /api/v1/webhooks/stripe}. Nothing else in the code knows it exists.
 */
@WebServlet("/test-mode/*")
public class TestModeStripe extends HttpServlet {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_SESSIONS = 10_000;

    /** A checkout session as this stand-in keeps it. */
    private record Session(String account, JsonObject json, String idempotencyKey) {
    }

    @Inject @ConfigProperty(name = "smbhub.stripe.test-mode", defaultValue = "false") boolean enabled;

    @Inject @ConfigProperty(name = "smbhub.stripe.secret-key") Optional<String> secretKey;

    @Inject @ConfigProperty(name = "smbhub.stripe.webhook-secret") Optional<String> webhookSecret;

    @Inject @ConfigProperty(name = "smbhub.public-url", defaultValue = "http://localhost:8080") String publicUrl;

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = path(request);
        if (!enabled) {
            notFound(response);
        } else if (path.startsWith("/checkout/")) {
            checkoutPage(response, sessions.get(path.substring("/checkout/".length())));
        } else if (path.equals("/onboarding")) {
            onboardingPage(request, response);
        } else {
            notFound(response);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = path(request);
        if (!enabled) {
            notFound(response);
        } else if (path.startsWith("/stripe/v1/")) {
            api(request, response, path.substring("/stripe/v1".length()));
        } else if (path.startsWith("/checkout/")) {
            pay(request, response, path.substring("/checkout/".length()));
        } else {
            notFound(response);
        }
    }

    // --- Stripe's API, as much of it as SMB Hub calls

    private void api(HttpServletRequest request, HttpServletResponse response, String path) throws IOException {
        String auth = request.getHeader("Authorization");
        if (secretKey.isEmpty() || auth == null || !auth.equals("Bearer " + secretKey.get())) {
            stripeError(response, 401, "Invalid API Key provided");
            return;
        }
        if (path.equals("/checkout/sessions")) {
            createSession(request, response);
        } else if (path.startsWith("/checkout/sessions/") && path.endsWith("/expire")) {
            String id = path.substring("/checkout/sessions/".length(), path.length() - "/expire".length());
            Session session = sessions.get(id);
            if (session == null) {
                stripeError(response, 404, "No such checkout.session: '" + id + "'");
                return;
            }
            Session closed = new Session(session.account(), Jsonp.createObjectBuilder(session.json()).add("status", "expired")
                    .build(), session.idempotencyKey());
            sessions.put(id, closed);
            json(response, closed.json());
        } else if (path.equals("/accounts")) {
            json(response, Jsonp.createObjectBuilder(fixture("account.json")).add("id", "acct_test_" + random(12))
                    .add("type", "express").add("created", Instant.now().getEpochSecond()).build());
        } else if (path.equals("/account_links")) {
            String back = request.getParameter("return_url");
            String url = base() + "/app/test-mode/onboarding?return=" + URLEncoder.encode(back == null ? "" : back,
                    StandardCharsets.UTF_8);
            json(response, Jsonp.createObjectBuilder().add("object", "account_link").add("created", Instant.now().getEpochSecond())
                    .add("expires_at", Instant.now().plusSeconds(300).getEpochSecond()).add("url", url).build());
        } else {
            stripeError(response, 404, "Unrecognized request URL (POST: /v1" + path + ")");
        }
    }

    private void createSession(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String account = request.getHeader("Stripe-Account");
        if (account == null || !account.matches("acct_[A-Za-z0-9_]{1,64}")) {
            stripeError(response, 400, "No such account: '" + account + "'");
            return;
        }
        String key = request.getHeader("Idempotency-Key");
        if (key != null) {
            Optional<Session> earlier = sessions.values().stream()
                    .filter(s -> key.equals(s.idempotencyKey()) && account.equals(s.account())).findFirst();
            if (earlier.isPresent()) {
                json(response, earlier.get().json());
                return;
            }
        }
        long amount;
        try {
            amount = Long.parseLong(request.getParameter("line_items[0][price_data][unit_amount]"));
        } catch (NumberFormatException e) {
            stripeError(response, 400, "Missing required param: line_items[0][price_data][unit_amount].");
            return;
        }
        if (sessions.size() >= MAX_SESSIONS) {
            sessions.clear();
        }
        String id = "cs_test_" + random(24);
        long now = Instant.now().getEpochSecond();
        JsonObject session = Jsonp.createObjectBuilder(fixture("checkout.session.json"))
                .add("id", id).add("object", "checkout.session").add("created", now).add("expires_at", now + 24 * 3600)
                .add("livemode", false).add("mode", "payment").add("status", "open").add("payment_status", "unpaid")
                .add("amount_subtotal", amount).add("amount_total", amount)
                .add("currency", request.getParameter("line_items[0][price_data][currency]"))
                .add("client_reference_id", value(request.getParameter("client_reference_id")))
                .add("metadata", Jsonp.createObjectBuilder()
                        .add("invoice_id", value(request.getParameter("metadata[invoice_id]")))
                        .add("invoice_number", value(request.getParameter("metadata[invoice_number]"))))
                .addNull("payment_intent")
                .add("success_url", value(request.getParameter("success_url")))
                .add("cancel_url", value(request.getParameter("cancel_url")))
                .add("url", base() + "/app/test-mode/checkout/" + id).build();
        sessions.put(id, new Session(account, session, key));
        json(response, session);
    }

    // --- Stripe's hosted pages

    private void checkoutPage(HttpServletResponse response, Session session) throws IOException {
        if (session == null || !"open".equals(session.json().getString("status"))) {
            send(response, 404, "This checkout is closed", "Go back to the invoice and press Pay again.");
            return;
        }
        JsonObject s = session.json();
        String amount = amount(s);
        page(response, 200, "Test-mode checkout", "<p class=\"note\"><strong>TEST MODE</strong> — no card is"
                + " charged and no money moves. This page stands in for Stripe's checkout on a machine that cannot reach Stripe.</p>"
                + "<h1>Pay " + escape(amount) + "</h1><p>Invoice " + escape(
                s.getJsonObject("metadata").getString("invoice_number", "")) + "</p>"
                + "<form method=\"post\"><button class=\"pay\" id=\"test-pay\" type=\"submit\">Pay " + escape(amount)
                + " (test)</button></form><a class=\"button\" href=\"" + escape(s.getString("cancel_url", "/"))
                + "\">Cancel</a>");
    }

    /** "Pay" on the test checkout: the session completes and Stripe's event goes through the webhook. */
    private void pay(HttpServletRequest request, HttpServletResponse response, String id) throws IOException {
        Session session = sessions.get(id);
        if (session == null || !"open".equals(session.json().getString("status"))) {
            send(response, 404, "This checkout is closed", "Go back to the invoice and press Pay again.");
            return;
        }
        JsonObject completed = Jsonp.createObjectBuilder(session.json()).add("status", "complete")
                .add("payment_status", "paid").add("payment_intent", "pi_test_" + random(24)).build();
        sessions.put(id, new Session(session.account(), completed, session.idempotencyKey()));
        JsonObject event = Jsonp.createObjectBuilder(fixture("event.json")).add("id", "evt_test_" + random(24))
                .add("account", session.account())
                .add("created", Instant.now().getEpochSecond()).add("type", "checkout.session.completed")
                .add("pending_webhooks", 1).add("data", Jsonp.createObjectBuilder().add("object", completed)).build();
        int status = deliver(event.toString());
        if (status / 100 != 2) {
            sessions.put(id, session);
            send(response, 502, "The payment did not complete",
                    "Test mode: the webhook answered " + status + ". Nothing was recorded; go back and try again.");
            return;
        }
        response.setStatus(303);
        response.setHeader("Location", completed.getString("success_url", base() + "/portal/paid"));
    }

    /** Posts the event to the webhook exactly as Stripe does: {@code Stripe-Signature: t=…,v1=HMAC-SHA256(t.body)}. */
    private int deliver(String body) {
        long t = Instant.now().getEpochSecond();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(webhookSecret.orElse("").getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String v1 = HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
            HttpRequest post = HttpRequest.newBuilder(URI.create(base() + "/api/v1/webhooks/stripe"))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json; charset=utf-8")
                    .header("Stripe-Signature", "t=" + t + ",v1=" + v1)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
            return http.send(post, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | GeneralSecurityException e) {
            return 502;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 503;
        }
    }

    private void onboardingPage(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String back = request.getParameter("return");
        if (back == null || !back.startsWith(base() + "/")) {
            notFound(response);
            return;
        }
        page(response, 200, "Test-mode Stripe onboarding", "<p class=\"note\"><strong>TEST MODE</strong> —"
                + " Stripe's onboarding would ask for the business's details and bank account here.</p>"
                + "<h1>Your Stripe account is ready</h1><a class=\"button\" id=\"test-onboarding-done\" href=\""
                + escape(back) + "\">Back to SMB Hub</a>");
    }

    // --- helpers

    private String base() {
        return publicUrl.replaceAll("/+$", "");
    }

    private static String path(HttpServletRequest request) {
        return request.getPathInfo() == null ? "" : request.getPathInfo();
    }

    private static String amount(JsonObject session) {
        String currency = session.getString("currency", "usd").toUpperCase();
        BigDecimal value = Totals.fromMinorUnits(session.getJsonNumber("amount_total").longValue(),
                currency);
        return MoneyText.format(value, currency);
    }

    private static JsonValue value(String text) {
        return text == null ? JsonValue.NULL : Jsonp.createValue(text);
    }

    private static String random(int chars) {
        StringBuilder out = new StringBuilder();
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        for (int i = 0; i < chars; i++) {
            out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    private static JsonObject fixture(String name) {
        try (InputStream in = StripeGateway.class.getResourceAsStream("/stripe/" + name);
             var reader = Jsonp.createReader(new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)))) {
            return reader.readObject();
        } catch (IOException e) {
            throw new IllegalStateException("Stripe fixture " + name + " is missing", e);
        }
    }

    private static void json(HttpServletResponse response, JsonObject body) throws IOException {
        response.setStatus(200);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Request-Id", "req_test_" + random(14));
        response.getWriter().write(body.toString());
    }

    private static void stripeError(HttpServletResponse response, int status, String message) throws IOException {
        JsonObjectBuilder error = Jsonp.createObjectBuilder().add("type", "invalid_request_error").add("message", message);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(Jsonp.createObjectBuilder().add("error", error).build().toString());
    }

    private static void notFound(HttpServletResponse response) throws IOException {
        send(response, 404, "Not found", "Test mode is off on this server.");
    }

    private static void send(HttpServletResponse response, int status, String title, String message) throws IOException {
        page(response, status, title, "<h1>" + escape(title) + "</h1><p>" + escape(message) + "</p>");
    }

    /** A small script-free page, not indexed, not cached. */
    private static void page(HttpServletResponse response, int status, String title, String body) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Robots-Tag", "noindex, nofollow");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
        response.getWriter().write("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + escape(title) + "</title>"
                + "<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;color:#1f2937}"
                + ".note{padding:.6rem;border-radius:.4rem;background:#fef3c7}a.button,button{display:inline-block;margin-top:1rem;"
                + "padding:.6rem 1rem;border:1px solid #635bff;border-radius:.4rem;color:#635bff;background:#fff;text-decoration:none;"
                + "font:inherit;cursor:pointer}button.pay{background:#635bff;color:#fff;margin-right:.5rem}</style></head><body><main>"
                + body + "</main></body></html>");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
