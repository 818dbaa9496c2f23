package com.smbhub.web.testmode;

import com.smbhub.platform.Jsonp;
import com.smbhub.pos.SquareSettings;
import com.smbhub.pos.SquareWebhooks;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Test mode for POS sync ({@code smbhub.square.test-mode=true}, set by {@code ./smbhub run} and the test stack; 404
 * otherwise): stands in for Square's API at {@code /app/test-mode/square/v2/…} with Square's JSON shapes — locations,
 * customers search, orders search, refunds list — filtered by {@code updated_at} windows and paged with cursors. Each
 * access token (20+ letters; one starting with "EAAAbad" is refused, 401) is its own shop: a location, customers, completed
 * orders paid by card, a refund, spread over the last 30 days. For tests and demos, {@code /control/…} (JSON with the
 * {@code access_token}): {@code seed} resets the shop to so many customers, orders and refunds; {@code sale} rings up
 * a new sale now and {@code refund} refunds the latest, each posting Square's signed notice to this server's webhook
 * (the answer holds the notice, to replay it; {@code "notify": false} only answers it, webhook_status -1); {@code faults} makes {@code count} API calls, after the next
 * {@code after}, answer {@code status} (429, 500, 503). Nothing else in the code knows it exists.
 */
@WebServlet("/test-mode/square/*")
public class TestModeSquare extends HttpServlet {

    private static final String[] FIRST = {"Ava", "Noah", "Mia", "Liam", "Zoe", "Omar", "Lena", "Ravi", "Iris", "Theo"};
    private static final String[] LAST = {"Patel", "Nguyen", "Garcia", "Smith", "Kowalski", "Okafor", "Rossi", "Tremblay"};
    private static final String[][] ITEMS = {{"Linen shirt", "4800"}, {"Candle", "1800"}, {"Tote bag", "2400"},
            {"Gift card", "5000"}, {"Scarf", "3200"}, {"Mug", "1400"}, {"Notebook", "900"}};

    @Inject @ConfigProperty(name = "smbhub.square.test-mode", defaultValue = "false") boolean enabled;

    @Inject @ConfigProperty(name = "smbhub.square.webhook-signature-key") Optional<String> signatureKey;

    @Inject @ConfigProperty(name = "smbhub.public-url", defaultValue = "http://localhost:8080") String publicUrl;

    private final Map<String, Shop> shops = new ConcurrentHashMap<>();

    /** One token's Square account: its records by id, each a Square object with its {@code updated_at}. */
    static final class Shop {
        final String merchantId;
        final String locationId;
        final Map<String, JsonObject> customers = new ConcurrentHashMap<>();
        final Map<String, JsonObject> orders = new ConcurrentHashMap<>();
        final Map<String, JsonObject> refunds = new ConcurrentHashMap<>();
        final AtomicInteger faults = new AtomicInteger();
        final AtomicInteger before = new AtomicInteger();
        volatile int faultStatus;
        int next;

        Shop(String token) {
            String h = Integer.toHexString(token.hashCode() & 0x7fffffff).toUpperCase();
            merchantId = "ML" + h + "TESTMODE";
            locationId = "L" + h + "TEST";
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        if (!enabled) {
            response.sendError(404);
            return;
        }
        Shop shop = authorised(request, response);
        if (shop == null || failed(shop, response)) {
            return;
        }
        if (path.equals("/v2/locations")) {
            json(response, 200, Jsonp.createObjectBuilder().add("locations", Jsonp.createArrayBuilder().add(Jsonp.createObjectBuilder()
                    .add("id", shop.locationId).add("name", "Test-mode shop").add("business_name", "Test-mode shop")
                    .add("merchant_id", shop.merchantId).add("status", "ACTIVE").add("currency", "USD").add("country", "US")
                    .add("timezone", "America/Toronto").add("type", "PHYSICAL"))).build());
        } else if (path.equals("/v2/refunds")) {
            Instant from = time(request.getParameter("updated_at_begin_time"));
            Instant until = time(request.getParameter("updated_at_end_time"));
            page(response, "refunds", shop.refunds, from, until, request.getParameter("cursor"), limit(request.getParameter("limit")));
        } else {
            error(response, 404, "INVALID_REQUEST_ERROR", "NOT_FOUND", "Resource not found: " + path);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        if (!enabled) {
            response.sendError(404);
            return;
        }
        JsonObject body;
        try {
            body = Jsonp.createReader(request.getReader()).readObject();
        } catch (JsonException | IllegalStateException e) {
            error(response, 400, "INVALID_REQUEST_ERROR", "BAD_REQUEST", "The body is not a JSON object");
            return;
        }
        if (path.startsWith("/control/")) {
            control(path.substring("/control/".length()), body, response);
            return;
        }
        Shop shop = authorised(request, response);
        if (shop == null || failed(shop, response)) {
            return;
        }
        if (path.equals("/v2/customers/search")) {
            JsonObject range = body.getJsonObject("query") == null ? null
                    : Optional.ofNullable(body.getJsonObject("query").getJsonObject("filter")).map(f -> f.getJsonObject("updated_at")).orElse(null);
            page(response, "customers", shop.customers, start(range), end(range), text(body, "cursor"), limit(body.get("limit")));
        } else if (path.equals("/v2/orders/search")) {
            JsonObject range = Optional.ofNullable(body.getJsonObject("query")).map(q -> q.getJsonObject("filter"))
                    .map(f -> f.getJsonObject("date_time_filter")).map(f -> f.getJsonObject("updated_at")).orElse(null);
            if (body.getJsonArray("location_ids") == null || !body.getJsonArray("location_ids").toString().contains(shop.locationId)) {
                error(response, 400, "INVALID_REQUEST_ERROR", "INVALID_VALUE", "location_ids must name a location of this merchant");
                return;
            }
            page(response, "orders", shop.orders, start(range), end(range), text(body, "cursor"), limit(body.get("limit")));
        } else {
            error(response, 404, "INVALID_REQUEST_ERROR", "NOT_FOUND", "Resource not found: " + path);
        }
    }

    /** The test and demo controls: seed, sale, refund, faults. */
    private void control(String what, JsonObject body, HttpServletResponse response) throws IOException {
        String token = text(body, "access_token");
        if (token == null || token.length() < 20) {
            error(response, 400, "INVALID_REQUEST_ERROR", "MISSING_REQUIRED_PARAMETER", "access_token (20+ letters) is required");
            return;
        }
        Shop shop = shop(token);
        switch (what) {
            case "seed" -> {
                Shop fresh = new Shop(token);
                seed(fresh, number(body, "customers", 8), number(body, "orders", 12), number(body, "refunds", 1));
                shops.put(token, fresh);
                JsonArrayBuilder emails = Jsonp.createArrayBuilder();
                fresh.customers.values().stream().map(c -> c.getString("email_address")).sorted().forEach(emails::add);
                json(response, 200, Jsonp.createObjectBuilder().add("merchant_id", fresh.merchantId).add("location_id", fresh.locationId)
                        .add("customers", fresh.customers.size()).add("orders", fresh.orders.size()).add("refunds", fresh.refunds.size())
                        .add("customer_emails", emails).build());
            }
            case "sale" -> {
                JsonObject order;
                synchronized (shop) {
                    order = order(shop, shop.next++, Instant.now().truncatedTo(ChronoUnit.MILLIS), randomCustomer(shop));
                    shop.orders.put(order.getString("id"), order);
                }
                notify(response, shop, !JsonValue.FALSE.equals(body.get("notify")), "order.created", "order", order.getString("id"),
                        Jsonp.createObjectBuilder()
                        .add("order_created", Jsonp.createObjectBuilder().add("order_id", order.getString("id"))
                                .add("location_id", shop.locationId).add("state", "COMPLETED").add("version", 1)
                                .add("created_at", order.getString("created_at"))).build());
            }
            case "refund" -> {
                JsonObject refund;
                synchronized (shop) {
                    JsonObject latest = shop.orders.values().stream().max(Comparator.comparing(o -> o.getString("created_at"))).orElse(null);
                    if (latest == null) {
                        error(response, 400, "INVALID_REQUEST_ERROR", "NOT_FOUND", "This shop has no sale to refund");
                        return;
                    }
                    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
                    refund = refund(shop, latest, now);
                    shop.refunds.put(refund.getString("id"), refund);
                    shop.orders.put(latest.getString("id"), Jsonp.createObjectBuilder(latest).add("updated_at", now.toString()).build());
                }
                notify(response, shop, !JsonValue.FALSE.equals(body.get("notify")), "refund.created", "refund", refund.getString("id"),
                        Jsonp.createObjectBuilder().add("refund", refund).build());
            }
            case "faults" -> {
                shop.faultStatus = number(body, "status", 503);
                shop.before.set(number(body, "after", 0));
                shop.faults.set(number(body, "count", 1));
                json(response, 200, Jsonp.createObjectBuilder().add("status", shop.faultStatus).add("count", shop.faults.get()).build());
            }
            default -> error(response, 404, "INVALID_REQUEST_ERROR", "NOT_FOUND", "No control " + what);
        }
    }

    /** Posts Square's signed notice of a change to this server's webhook; answers the notice and what the webhook said. */
    private void notify(HttpServletResponse response, Shop shop, boolean post, String type, String kind, String id,
                        JsonObject object) throws IOException {
        String url = (publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl) + SquareSettings.WEBHOOK_PATH;
        String event = Jsonp.createObjectBuilder().add("merchant_id", shop.merchantId).add("type", type)
                .add("event_id", UUID.randomUUID().toString()).add("created_at", Instant.now().toString())
                .add("data", Jsonp.createObjectBuilder().add("type", kind).add("id", id).add("object", object)).build().toString();
        String signature = SquareWebhooks.sign(signatureKey.orElse(""), url, event);
        int status = -1;
        try {
            status = !post ? -1 : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .header("x-square-hmacsha256-signature", signature).POST(HttpRequest.BodyPublishers.ofString(event)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            status = 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 0;
        }
        json(response, 200, Jsonp.createObjectBuilder().add("id", id).add("notice", event).add("signature", signature)
                .add("webhook_url", url).add("webhook_status", status).build());
    }

    private void seed(Shop shop, int customers, int orders, int refunds) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (int i = 0; i < customers; i++) {
            String first = FIRST[i % FIRST.length];
            String last = LAST[(i / FIRST.length) % LAST.length];
            Instant at = now.minus(Duration.ofMinutes(30L * 24 * 60 * (customers - i) / Math.max(1, customers) + 60));
            String id = "CUST" + shop.merchantId.substring(2, 8) + String.format("%06d", i);
            shop.customers.put(id, Jsonp.createObjectBuilder().add("id", id).add("created_at", at.toString()).add("updated_at", at.toString())
                    .add("given_name", first).add("family_name", last)
                    .add("email_address", (first + "." + last + "." + i + "@" + shop.merchantId.toLowerCase() + ".example").toLowerCase())
                    .add("phone_number", String.format("+1415555%04d", i % 10_000)).add("preferences",
                            Jsonp.createObjectBuilder().add("email_unsubscribed", false)).add("creation_source", "THIRD_PARTY")
                    .add("version", 0).build());
        }
        List<String> people = new ArrayList<>(shop.customers.keySet());
        people.sort(null);
        for (int i = 0; i < orders; i++) {
            Instant at = now.minus(Duration.ofSeconds(30L * 24 * 3600 * (orders - i) / Math.max(1, orders) + 30));
            JsonObject order = order(shop, shop.next++, at, people.isEmpty() || i % 3 == 2 ? null : people.get(i % people.size()));
            shop.orders.put(order.getString("id"), order);
        }
        List<JsonObject> sold = new ArrayList<>(shop.orders.values());
        sold.sort(Comparator.comparing(o -> o.getString("id")));
        for (int i = 0; i < refunds && i < sold.size(); i++) {
            JsonObject order = sold.get(sold.size() - 1 - i * 3 % sold.size());
            JsonObject refund = refund(shop, order, Instant.parse(order.getString("updated_at")).plusSeconds(60));
            shop.refunds.put(refund.getString("id"), refund);
        }
    }

    private static JsonObject order(Shop shop, int n, Instant at, String customer) {
        String id = String.format("ORD%s%08d", shop.merchantId.substring(2, 8), n);
        JsonArrayBuilder lines = Jsonp.createArrayBuilder();
        long total = 0;
        for (int k = 0; k <= n % 3; k++) {
            String[] item = ITEMS[(n + k * 3) % ITEMS.length];
            int quantity = 1 + (n + k) % 2;
            long price = Long.parseLong(item[1]);
            total += price * quantity;
            lines.add(Jsonp.createObjectBuilder().add("uid", id + "-" + k).add("name", item[0]).add("quantity", String.valueOf(quantity))
                    .add("base_price_money", money(price)).add("total_money", money(price * quantity)));
        }
        String paymentId = "PAY" + id.substring(3);
        JsonObjectBuilder order = Jsonp.createObjectBuilder().add("id", id).add("location_id", shop.locationId)
                .add("reference_id", "S-" + (1000 + n)).add("line_items", lines)
                .add("tenders", Jsonp.createArrayBuilder().add(Jsonp.createObjectBuilder().add("id", "TND" + id.substring(3))
                        .add("location_id", shop.locationId).add("transaction_id", id).add("created_at", at.toString())
                        .add("amount_money", money(total)).add("type", "CARD").add("payment_id", paymentId)
                        .add("card_details", Jsonp.createObjectBuilder().add("status", "CAPTURED").add("entry_method", "EMV")
                                .add("card", Jsonp.createObjectBuilder().add("card_brand", n % 2 == 0 ? "VISA" : "MASTERCARD")
                                        .add("last_4", String.format("%04d", 1111 + n % 8000))))))
                .add("total_money", money(total)).add("total_tax_money", money(0)).add("state", "COMPLETED")
                .add("created_at", at.toString()).add("updated_at", at.toString()).add("closed_at", at.toString()).add("version", 4);
        if (customer != null) {
            order.add("customer_id", customer);
        }
        return order.build();
    }

    private static JsonObject refund(Shop shop, JsonObject order, Instant at) {
        long amount = order.getJsonArray("line_items").getJsonObject(0).getJsonObject("base_price_money").getJsonNumber("amount").longValue();
        String id = "RFD" + order.getString("id").substring(3) + "_" + at.toEpochMilli() % 100_000;
        return Jsonp.createObjectBuilder().add("id", id).add("status", "COMPLETED").add("location_id", shop.locationId)
                .add("amount_money", money(amount)).add("payment_id", "PAY" + order.getString("id").substring(3))
                .add("order_id", order.getString("id")).add("reason", "Returned: wrong size").add("created_at", at.toString())
                .add("updated_at", at.toString()).build();
    }

    private static String randomCustomer(Shop shop) {
        return shop.customers.keySet().stream().sorted().findFirst().orElse(null);
    }

    private static JsonObjectBuilder money(long amount) {
        return Jsonp.createObjectBuilder().add("amount", amount).add("currency", "USD");
    }

    /** Records updated in [from, until), oldest change first, a page at a time (the cursor: base64 of the offset). */
    private static void page(HttpServletResponse response, String name, Map<String, JsonObject> records, Instant from, Instant until,
                             String cursor, int limit) throws IOException {
        int offset;
        try {
            offset = cursor == null || cursor.isEmpty() ? 0 : Integer.parseInt(new String(Base64.getUrlDecoder().decode(cursor),
                    StandardCharsets.UTF_8).replaceFirst("^off:", ""));
        } catch (IllegalArgumentException e) {
            error(response, 400, "INVALID_REQUEST_ERROR", "INVALID_CURSOR", "The cursor is not valid");
            return;
        }
        record Stamped(Instant at, String id, JsonObject record) {
        }
        List<Stamped> matching = records.values().stream()
                .map(o -> new Stamped(Instant.parse(o.getString("updated_at")), o.getString("id"), o))
                .filter(o -> (from == null || !o.at().isBefore(from)) && (until == null || o.at().isBefore(until)))
                .sorted(Comparator.comparing(Stamped::at).thenComparing(Stamped::id)).toList();
        JsonArrayBuilder items = Jsonp.createArrayBuilder();
        matching.stream().skip(offset).limit(limit).forEach(o -> items.add(o.record()));
        JsonObjectBuilder answer = Jsonp.createObjectBuilder().add(name, items);
        if (offset + limit < matching.size()) {
            answer.add("cursor", Base64.getUrlEncoder().withoutPadding().encodeToString(("off:" + (offset + limit)).getBytes(StandardCharsets.UTF_8)));
        }
        json(response, 200, answer.build());
    }

    /** The shop of a request's Bearer token, else null (answered 401 as Square does). */
    private Shop authorised(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String auth = request.getHeader("Authorization");
        String token = auth != null && auth.startsWith("Bearer ") ? auth.substring(7).trim() : "";
        if (token.length() < 20 || token.startsWith("EAAAbad")) {
            error(response, 401, "AUTHENTICATION_ERROR", "UNAUTHORIZED", "This request could not be authorized.");
            return null;
        }
        return shop(token);
    }

    private Shop shop(String token) {
        return shops.computeIfAbsent(token, t -> {
            Shop shop = new Shop(t);
            seed(shop, 8, 12, 1);
            return shop;
        });
    }

    /** Whether a fault was asked for this call (then answered). */
    private static boolean failed(Shop shop, HttpServletResponse response) throws IOException {
        if (shop.faults.get() <= 0 || shop.before.getAndUpdate(n -> Math.max(0, n - 1)) > 0
                || shop.faults.getAndUpdate(n -> Math.max(0, n - 1)) <= 0) {
            return false;
        }
        if (shop.faultStatus == 429) {
            error(response, 429, "RATE_LIMIT_ERROR", "RATE_LIMITED", "Rate limit exceeded");
        } else {
            error(response, shop.faultStatus, "API_ERROR", shop.faultStatus == 503 ? "SERVICE_UNAVAILABLE" : "INTERNAL_SERVER_ERROR",
                    "Square is having trouble; try again");
        }
        return true;
    }

    private static int limit(Object raw) {
        try {
            int n = raw instanceof JsonNumber j ? j.intValue() : raw == null ? 100 : Integer.parseInt(raw.toString());
            return Math.max(1, Math.min(n, 1000));
        } catch (NumberFormatException e) {
            return 100;
        }
    }

    private static Instant start(JsonObject range) {
        return range == null ? null : time(text(range, "start_at"));
    }

    private static Instant end(JsonObject range) {
        return range == null ? null : time(text(range, "end_at"));
    }

    private static Instant time(String at) {
        try {
            return at == null || at.isBlank() ? null : java.time.OffsetDateTime.parse(at).toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String text(JsonObject o, String name) {
        return o.get(name) instanceof JsonString s ? s.getString() : null;
    }

    private static int number(JsonObject o, String name, int otherwise) {
        return o.get(name) instanceof JsonNumber n ? n.intValue() : otherwise;
    }

    private static void error(HttpServletResponse response, int status, String category, String code, String detail) throws IOException {
        json(response, status, Jsonp.createObjectBuilder().add("errors", Jsonp.createArrayBuilder().add(Jsonp.createObjectBuilder()
                .add("category", category).add("code", code).add("detail", detail))).build());
    }

    private static void json(HttpServletResponse response, int status, JsonValue body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(body.toString());
    }
}
