package com.smbhub.system;

import static com.smbhub.system.ContactsIT.send;
import static com.smbhub.system.SystemUnderTest.get;
import static com.smbhub.system.SystemUnderTest.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What a client can send is answered at the edge, in the envelope, naming the field — never a 5xx
 * (issue 12: the 500s the probe found). Each case below answered 500 before.
 */
class BadInputIT {

    private static final World WORLD = World.create();

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String owner = token(WORLD.northside("owner"), null);

    private static List<String> fields(SystemUnderTest.Reply reply) {
        assertEquals(400, reply.status(), reply.body());
        assertEquals("VALIDATION_ERROR", reply.errorCode(), reply.body());
        return reply.json().getJsonObject("error").getJsonArray("details").getValuesAs(JsonObject.class).stream()
                .map(d -> d.getString("field")).toList();
    }

    private static String cursor(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("k:" + key).getBytes(StandardCharsets.UTF_8));
    }

    private String contact() {
        return send("POST", "/api/v1/contacts", owner, "{\"display_name\":\"Edge " + run + "\"}").json()
                .getJsonObject("data").getString("id");
    }

    @Test
    void malformedIdsInFiltersAndCursorsAreRefusedBeforeAnyQuery() {
        assertEquals(List.of("contact_id"), fields(get("/api/v1/invoices?contact_id=not-a-uuid", owner)));
        assertEquals(List.of("invoice_id"), fields(get("/api/v1/payments?invoice_id=1%27%20or%201=1", owner)));
        assertEquals(List.of("cursor"), fields(get("/api/v1/work-items?cursor="
                + cursor("2026-01-01T00:00:00Z\u0001nope"), owner)));
        assertEquals(List.of("cursor"), fields(get("/api/v1/invoices?cursor=" + cursor("2026-01-01T00:00:00Z\u0001x'"), owner)));
        assertEquals(List.of("cursor"), fields(get("/api/v1/contacts?cursor=" + cursor("ann\u0001not-an-id"), owner)));
        assertEquals(List.of("q"), fields(get("/api/v1/contacts?q=a%00b", owner)));
    }

    @Test
    void aTotalBeyondWhatIsStoredIsAFieldError() {
        String lines = "[" + "{\"name\":\"Gold\",\"qty\":1000000,\"rate\":1000000000},".repeat(3) + "{\"name\":\"x\",\"qty\":1,\"rate\":1}]";
        var reply = send("POST", "/api/v1/invoices", owner, "{\"contact_id\":\"" + contact() + "\",\"line_items\":" + lines + "}");
        assertEquals(List.of("line_items"), fields(reply));
    }

    @Test
    void controlCharactersAreRefusedAtTheFieldByTheBodyReader() {
        assertEquals(List.of("display_name"), fields(send("POST", "/api/v1/contacts", owner,
                "{\"display_name\":\"Nul\\u0000 " + run + "\"}")));
        assertEquals(List.of("line_items[0].name"), fields(send("POST", "/api/v1/invoices", owner, "{\"contact_id\":\""
                + contact() + "\",\"line_items\":[{\"name\":\"Bell\\u0007\",\"qty\":1,\"rate\":1}]}")));
        assertEquals(List.of("body"), fields(send("POST", "/api/v1/contacts", owner, "{\"\\u0000\":1}")));
        var lineBreaks = send("POST", "/api/v1/contacts", owner, "{\"display_name\":\"Tab " + run
                + "\",\"notes\":\"line one\\nline two\\tend\"}");
        assertEquals(201, lineBreaks.status(), "line breaks and tabs are text: " + lineBreaks.body());
    }

    @Test
    void numbersOutOfRangeAreRefusedNeverWrapped() {
        String invoice = send("POST", "/api/v1/invoices", owner, "{\"contact_id\":\"" + contact()
                + "\",\"line_items\":[{\"name\":\"Fix\",\"qty\":1,\"rate\":10}]}").json().getJsonObject("data").getString("id");
        assertEquals(List.of("expires_in_days"), fields(send("POST", "/api/v1/invoices/" + invoice + "/portal-link", owner,
                "{\"expires_in_days\":18446744073709551621}")));
        assertEquals(List.of("if_match_version"), fields(send("PATCH", "/api/v1/invoices/" + invoice, owner,
                "{\"notes\":\"x\",\"if_match_version\":18446744073709551616}")));
    }

    @Test
    void aDeeplyNestedBodyIsRefusedBeforeItIsParsed() {
        String deep = "{\"a\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
        assertEquals(List.of("body"), fields(send("POST", "/api/v1/contacts", owner, deep)));
        var webhook = StripeWebhooksIT.deliver(deep);
        assertEquals(400, webhook.status(), webhook.body());
        String nul = "{\"id\":\"evt_" + run + "\",\"type\":\"checkout.session.completed\",\"data\":{\"object\":{\"x\":\"a\\u0000\"}}}";
        var withNul = StripeWebhooksIT.deliver(nul);
        assertEquals(400, withNul.status(), withNul.body());
    }

    @Test
    void thePortalFormRefusesControlCharacters() throws Exception {
        String q = send("POST", "/api/v1/quotes", owner, "{\"contact_id\":\"" + contact() + "\",\"line_items\":[{\"name\":\"Plan\","
                + "\"qty\":1,\"rate\":50}]}").json().getJsonObject("data").getString("id");
        assertEquals(200, send("POST", "/api/v1/quotes/" + q + "/send", owner, "{\"to\":\"edge." + run + "@example.com\"}")
                .status());
        String link = send("POST", "/api/v1/quotes/" + q + "/portal-link", owner, null).json().getJsonObject("data")
                .getString("portal_path");
        var reply = QuotesIT.form(link + "/approve", "confirm=yes&note=ok%00then");
        assertEquals(400, reply.status(), reply.body());
        assertTrue(reply.body().contains("cannot be kept"), reply.body());
        assertEquals("SENT", get("/api/v1/quotes/" + q, owner).json().getJsonObject("data").getString("status"));
    }
}
