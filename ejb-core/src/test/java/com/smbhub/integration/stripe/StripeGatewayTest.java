package com.smbhub.integration.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smbhub.platform.errors.ProviderException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SDK against a local HTTP double that answers with Stripe's own example objects. */
class StripeGatewayTest {

    private record Seen(String method, String path, Map<String, String> headers, Map<String, String> form) {
    }

    private HttpServer server;
    private final List<Seen> seen = new ArrayList<>();
    private volatile int status = 200;
    private volatile String answer;

    @BeforeEach
    void start() throws IOException {
        answer = fixture("checkout.session.json").replace("\"expires_at\": 1234567890", "\"expires_at\": 4102444800");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
        Map<String, String> form = new LinkedHashMap<>();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        for (String pair : body.split("&")) {
            if (!pair.isEmpty()) {
                String[] kv = pair.split("=", 2);
                form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        synchronized (seen) {
            seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, form));
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("Request-Id", "req_test");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/stripe";
    }

    private static StripeGateway.CheckoutRequest request() {
        return new StripeGateway.CheckoutRequest("acct_demo_northside", "7d1f0c8e-0000-4000-8000-000000000001", "INV-1001",
                "CAD", 11300, "https://example.test/ok", "https://example.test/back", "checkout-1");
    }

    @Test
    void aCheckoutIsADirectChargeOnTheConnectedAccountWithTheInvoiceInMetadata() {
        var checkout = new StripeGateway("sk_test_123", base()).createCheckout(request());

        assertEquals("cs_test_a1YS1URlnyQCN5fUUduORoQ7Pw41PJqDWkIVQCpJPqkfIhd6tVY8XB1OLY", checkout.id());
        assertEquals("https://checkout.stripe.com/pay/c/" + checkout.id(), checkout.url());
        assertEquals(Instant.ofEpochSecond(4102444800L), checkout.expiresAt());
        Seen call = seen.get(0);
        assertEquals("POST", call.method());
        assertEquals("/stripe/v1/checkout/sessions", call.path());
        assertEquals("Bearer sk_test_123", call.headers().get("authorization"));
        assertEquals("acct_demo_northside", call.headers().get("stripe-account"));
        assertEquals("checkout-1", call.headers().get("idempotency-key"));
        assertEquals("payment", call.form().get("mode"));
        assertEquals("7d1f0c8e-0000-4000-8000-000000000001", call.form().get("metadata[invoice_id]"));
        assertEquals("7d1f0c8e-0000-4000-8000-000000000001", call.form().get("payment_intent_data[metadata][invoice_id]"));
        assertEquals("11300", call.form().get("line_items[0][price_data][unit_amount]"));
        assertEquals("cad", call.form().get("line_items[0][price_data][currency]"));
        assertEquals("Invoice INV-1001", call.form().get("line_items[0][price_data][product_data][name]"));
        assertEquals("https://example.test/ok", call.form().get("success_url"));
    }

    @Test
    void stripesRefusalIsReportedWithItsReason() {
        status = 400;
        answer = "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"No such account: 'acct_demo_northside'\"}}";

        ProviderException e = assertThrows(ProviderException.class,
                () -> new StripeGateway("sk_test_123", base()).createCheckout(request()));
        assertTrue(e.getMessage().contains("No such account"), e.getMessage());
    }

    @Test
    void anUnreachableStripeIsSaidPlainly() throws IOException {
        String closed = base();
        server.stop(0);
        ProviderException e = assertThrows(ProviderException.class,
                () -> new StripeGateway("sk_test_123", closed).createCheckout(request()));
        assertTrue(e.getMessage().contains("could not be reached"), e.getMessage());
        server = HttpServer.create();
    }

    @Test
    void withoutAKeyNothingIsCalled() {
        StripeGateway gateway = new StripeGateway(null, base());
        assertEquals(false, gateway.configured());
        assertThrows(ProviderException.class, () -> gateway.createCheckout(request()));
        assertTrue(seen.isEmpty());
    }

    static String fixture(String name) throws IOException {
        try (InputStream in = StripeGatewayTest.class.getResourceAsStream("/stripe/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
