package com.smbhub.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smbhub.system.SystemUnderTest.Reply;
import jakarta.json.JsonObject;
import jakarta.mail.Message;
import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Sign-up, e-mail verification and password reset through the API (issue 13): validation, answers that
 * never tell whether an address has an account, links that work once and expire, limits per e-mail, the
 * verification gate on sending, and a reset that ends every API token of the person at once.
 */
class AccountIT {

    private static final String PASSWORD = "copper kettle 42";

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aNewcomerSignsUpDraftsBeforeVerifyingAndSendsOnlyAfter() throws Exception {
        String email = "pat." + run + "@example.com";
        Reply signup = signup(email, "Pat's Plumbing " + run, PASSWORD);
        assertEquals(202, signup.status(), signup.body());
        String token = token(email, PASSWORD);
        JsonObject me = SystemUnderTest.get("/api/v1/me", token).json().getJsonObject("data");
        assertFalse(me.getJsonObject("user").getBoolean("email_verified"));
        assertEquals("OWNER", me.getString("role"));
        assertEquals("pat-s-plumbing-" + run, me.getJsonObject("business").getString("id"));
        assertEquals("America/Toronto", me.getJsonObject("business").getString("timezone"));

        Reply contact = call("POST", "/api/v1/contacts", token, "{\"display_name\":\"Client " + run
                + "\",\"email\":\"client." + run + "@example.com\"}");
        assertEquals(201, contact.status(), contact.body());
        Reply invoice = call("POST", "/api/v1/invoices", token, "{\"contact_id\":\"" + contact.json().getJsonObject("data")
                .getString("id") + "\",\"line_items\":[{\"name\":\"Visit\",\"qty\":1,\"rate\":120}]}");
        assertEquals(201, invoice.status(), invoice.body());
        String invoiceId = invoice.json().getJsonObject("data").getString("id");
        Reply refused = call("POST", "/api/v1/invoices/" + invoiceId + "/send", token, "{}");
        assertEquals(403, refused.status(), refused.body());
        assertEquals("EMAIL_NOT_VERIFIED", refused.errorCode());
        assertEquals("DRAFT", SystemUnderTest.get("/api/v1/invoices/" + invoiceId, token).json().getJsonObject("data")
                .getString("status"));

        String link = linkIn(Mailbox.await(email, "Confirm your e-mail"), "/app/verify-email/");
        String secret = link.substring(link.lastIndexOf('/') + 1);
        Reply verified = SystemUnderTest.post("/api/v1/auth/verify-email", "{\"token\":\"" + secret + "\"}");
        assertEquals(200, verified.status(), verified.body());
        Reply again = SystemUnderTest.post("/api/v1/auth/verify-email", "{\"token\":\"" + secret + "\"}");
        assertEquals(400, again.status(), "single use: " + again.body());
        assertTrue(again.body().contains("does not work any more"), again.body());
        assertTrue(SystemUnderTest.get("/api/v1/me", token).json().getJsonObject("data").getJsonObject("user")
                .getBoolean("email_verified"));

        Reply sent = call("POST", "/api/v1/invoices/" + invoiceId + "/send", token, "{}");
        assertEquals(200, sent.status(), sent.body());

        String ops = SystemUnderTest.token("ops@smbhub.test", null);
        Reply report = SystemUnderTest.get("/api/v1/ops/activation?limit=100", ops);
        assertEquals(200, report.status(), report.body());
        JsonObject data = report.json().getJsonObject("data");
        assertTrue(data.getJsonObject("funnel").getInt("sent_invoice") >= 1, data.toString());
        JsonObject mine = data.getJsonArray("businesses").stream().map(v -> v.asJsonObject())
                .filter(b -> b.getString("id").equals("pat-s-plumbing-" + run)).findFirst().orElseThrow();
        assertFalse(mine.isNull("first_invoice_sent_at"), mine.toString());
        assertTrue(mine.isNull("first_payment_at") && mine.isNull("ttfv_seconds"), mine.toString());
        assertEquals(1, mine.getInt("wcba"), "the invoice sent is this week's one completed action");
        assertEquals(403, SystemUnderTest.get("/api/v1/ops/activation", token).status(), "only platform ops");
        assertEquals(401, SystemUnderTest.get("/api/v1/ops/activation", null).status());
        assertEquals(1, Database.count("select count(*) from audit_log where action = 'tenant.created' and entity_id ="
                + " (select cast(id as text) from tenants where external_org_id = ?)", "pat-s-plumbing-" + run));
        assertEquals(4, Database.count("select count(*) from analytics_events e join tenants t on t.id = e.tenant_id"
                + " where t.external_org_id = ? and e.event_name in ('auth.signup_completed', 'tenant.created',"
                + " 'tenant.profile_selected', 'auth.email_verified')", "pat-s-plumbing-" + run));
    }

    @Test
    void badSignUpsAreRefusedFieldByFieldAndLeaveNothingBehind() throws Exception {
        String email = "bad." + run + "@example.com";
        List<String[]> cases = new ArrayList<>(List.of(
                new String[] {"password", body("Sam", email, "Biz " + run, "Password2024!", "general", "CA", "America/Toronto", "CAD")},
                new String[] {"password", body("Sam", email, "Biz " + run, "short", "general", "CA", "America/Toronto", "CAD")},
                new String[] {"profile_id", body("Sam", email, "Biz " + run, PASSWORD, "bakery", "CA", "America/Toronto", "CAD")},
                new String[] {"profile_id", body("Sam", email, "Biz " + run, PASSWORD, "base", "CA", "America/Toronto", "CAD")},
                new String[] {"timezone", body("Sam", email, "Biz " + run, PASSWORD, "general", "CA", "Mars/Olympus", "CAD")},
                new String[] {"currency", body("Sam", email, "Biz " + run, PASSWORD, "general", "CA", "America/Toronto", "XYZ")},
                new String[] {"country", body("Sam", email, "Biz " + run, PASSWORD, "general", "ZZ", "America/Toronto", "CAD")},
                new String[] {"email", body("Sam", "not-an-address", "Biz " + run, PASSWORD, "general", "CA", "America/Toronto", "CAD")},
                new String[] {"name", body("x".repeat(101), email, "Biz " + run, PASSWORD, "general", "CA", "America/Toronto", "CAD")},
                new String[] {"business_name", body("Sam", email, "y".repeat(201), PASSWORD, "general", "CA", "America/Toronto", "CAD")},
                new String[] {"business_name", body("Sam", email, "Line\\nbreak", PASSWORD, "general", "CA", "America/Toronto", "CAD")}));
        for (String[] c : cases) {
            Reply reply = SystemUnderTest.post("/api/v1/auth/signup", c[1]);
            assertEquals(400, reply.status(), c[1] + " → " + reply.body());
            assertEquals("VALIDATION_ERROR", reply.errorCode());
            assertTrue(reply.json().getJsonObject("error").getJsonArray("details").stream()
                    .anyMatch(d -> d.asJsonObject().getString("field").equals(c[0])), c[0] + ": " + reply.body());
        }
        Reply missing = SystemUnderTest.post("/api/v1/auth/signup", "{\"email\":\"" + email + "\"}");
        assertEquals(400, missing.status(), missing.body());
        Reply extra = SystemUnderTest.post("/api/v1/auth/signup", "{\"tenant_id\":\"x\"}");
        assertEquals(400, extra.status(), extra.body());
        assertEquals(0, Database.count("select count(*) from users where lower(email) = ?", email));
        assertEquals(0, Database.count("select count(*) from tenants where name = ?", "Biz " + run));
    }

    @Test
    void aKnownAddressGetsTheSameAnswerAndAnEmailInsteadOfASecondAccount() throws Exception {
        String known = "known." + run + "@example.com";
        String fresh = "fresh." + run + "@example.com";
        assertEquals(202, signup(known, "First " + run, PASSWORD).status());
        Reply again = signup(known, "Second " + run, "another kettle 77");
        Reply other = signup(fresh, "Third " + run, "another kettle 77");
        assertEquals(other.status(), again.status());
        assertEquals(withoutVolatile(other, fresh), withoutVolatile(again, known));
        Mailbox.await(known, "You already have an SMB Hub account");
        assertEquals(1, Database.count("select count(*) from users where lower(email) = ?", known));
        assertEquals(0, Database.count("select count(*) from tenants where name = ?", "Second " + run));
        assertEquals(401, SystemUnderTest.post("/api/v1/auth/token", "{\"username\":\"" + known
                + "\",\"password\":\"another kettle 77\"}").status(), "the first password still holds");
    }

    @Test
    void aResetLinkWorksOnceForThirtyMinutesAndEndsEveryTokenOfThePerson() throws Exception {
        String email = "reset." + run + "@example.com";
        assertEquals(202, signup(email, "Reset Co " + run, PASSWORD).status());
        String old = token(email, PASSWORD);
        assertEquals(200, SystemUnderTest.get("/api/v1/me", old).status());

        Reply known = SystemUnderTest.post("/api/v1/auth/password-reset", "{\"email\":\"" + email + "\"}");
        Reply unknown = SystemUnderTest.post("/api/v1/auth/password-reset", "{\"email\":\"nobody." + run + "@example.com\"}");
        assertEquals(202, known.status(), known.body());
        assertEquals(known.status(), unknown.status());
        assertEquals(withoutVolatile(known, null), withoutVolatile(unknown, null));

        String secret = secretOf(Mailbox.await(email, "Choose a new SMB Hub password"), "/app/reset-password/");
        Reply weak = confirm(secret, "qwertyuiop123");
        assertEquals(400, weak.status(), weak.body());
        Reply done = confirm(secret, "a brand new kettle");
        assertEquals(200, done.status(), done.body());
        assertEquals(401, SystemUnderTest.get("/api/v1/me", old).status(), "the old API token stops working at once");
        assertEquals(400, confirm(secret, "yet another kettle").status(), "single use");
        assertEquals(401, SystemUnderTest.post("/api/v1/auth/token", "{\"username\":\"" + email
                + "\",\"password\":\"" + PASSWORD + "\"}").status());
        String fresh = token(email, "a brand new kettle");
        assertEquals(200, SystemUnderTest.get("/api/v1/me", fresh).status(), "a token issued after the reset works");
        assertEquals(1, Database.count("select count(*) from audit_log a join users u on a.entity_id = cast(u.id as text)"
                + " where a.action = 'auth.password_reset' and lower(u.email) = ?", email));
        assertEquals(1, Database.count("select count(*) from analytics_events e join users u on e.user_id = cast(u.id as text)"
                + " where e.event_name = 'auth.password_reset' and lower(u.email) = ?", email));

        assertEquals(202, SystemUnderTest.post("/api/v1/auth/password-reset", "{\"email\":\"" + email + "\"}").status());
        String expiring = secretOf(Mailbox.await(email, "Choose a new SMB Hub password", 2), "/app/reset-password/");
        try (Connection c = Database.connect(); var ps = c.prepareStatement("update account_links set expires_at ="
                + " now() - interval '1 minute' where user_id = (select id from users where lower(email) = ?)"
                + " and purpose = 'RESET_PASSWORD' and used_at is null")) {
            ps.setString(1, email);
            assertEquals(1, ps.executeUpdate());
        }
        Reply expired = confirm(expiring, "the kettle after that");
        assertEquals(400, expired.status(), expired.body());
        assertTrue(expired.body().contains("30 minutes"), expired.body());
    }

    @Test
    void requestsForOneAddressAreLimitedWithRetryAfter() {
        String email = "limited." + run + "@example.com";
        for (int i = 0; i < 3; i++) {
            assertEquals(202, SystemUnderTest.post("/api/v1/auth/password-reset", "{\"email\":\"" + email + "\"}").status());
        }
        Reply limited = SystemUnderTest.post("/api/v1/auth/password-reset", "{\"email\":\"" + email + "\"}");
        assertEquals(429, limited.status(), limited.body());
        assertEquals("RATE_LIMITED", limited.errorCode());
        assertTrue(Long.parseLong(limited.raw().headers().firstValue("Retry-After").orElse("0")) > 0);
    }

    @Test
    void malformedAndUnknownLinksAreClearErrors() {
        for (String body : List.of("{}", "{\"token\":\"short\"}", "{\"token\":\"" + "a".repeat(43) + "\"}",
                "{\"token\":12}", "not json")) {
            Reply reply = SystemUnderTest.post("/api/v1/auth/verify-email", body);
            assertEquals(400, reply.status(), body + " → " + reply.body());
            Reply reset = SystemUnderTest.post("/api/v1/auth/password-reset/confirm", body.replace("}", ",\"password\":\"x\"}"));
            assertEquals(400, reset.status(), body + " → " + reset.body());
        }
        assertEquals(401, SystemUnderTest.post("/api/v1/auth/resend-verification", "{}").status());
    }

    @Test
    void anOwnerAddsASecondBusinessThatSeesNothingOfTheFirst() throws Exception {
        String email = "two." + run + "@example.com";
        assertEquals(202, signup(email, "First Biz " + run, PASSWORD).status());
        String first = token(email, PASSWORD);
        assertEquals(201, call("POST", "/api/v1/contacts", first, "{\"display_name\":\"Only in the first\"}").status());
        Reply bad = call("POST", "/api/v1/businesses", first, "{\"name\":\"\",\"profile_id\":\"bakery\",\"country\":\"CA\","
                + "\"timezone\":\"America/Vancouver\",\"currency\":\"CAD\"}");
        assertEquals(400, bad.status(), bad.body());
        assertTrue(bad.body().contains("\"name\"") && bad.body().contains("\"profile_id\""), bad.body());
        Reply added = call("POST", "/api/v1/businesses", first, "{\"name\":\"Second Biz " + run + "\",\"profile_id\":"
                + "\"retail_pos\",\"country\":\"CA\",\"timezone\":\"America/Vancouver\",\"currency\":\"CAD\"}");
        assertEquals(201, added.status(), added.body());
        JsonObject made = added.json().getJsonObject("data");
        assertEquals("second-biz-" + run, made.getString("id"));
        assertEquals("OWNER", made.getString("role"));

        Reply second = SystemUnderTest.post("/api/v1/auth/token", "{\"username\":\"" + email + "\",\"password\":\""
                + PASSWORD + "\",\"business\":\"second-biz-" + run + "\"}");
        assertEquals(200, second.status(), second.body());
        String token = second.json().getJsonObject("data").getString("access_token");
        assertEquals(0, SystemUnderTest.get("/api/v1/contacts", token).json().getJsonArray("data").size(),
                "a new business sees nothing of any other");
        assertEquals("retail_pos", SystemUnderTest.get("/api/v1/me", token).json().getJsonObject("data")
                .getJsonObject("business").getString("profile_id"));

        String stranger = "stranger." + run + "@example.com";
        assertEquals(202, signup(stranger, "Stranger " + run, PASSWORD).status());
        Reply refused = SystemUnderTest.post("/api/v1/auth/token", "{\"username\":\"" + stranger + "\",\"password\":\""
                + PASSWORD + "\",\"business\":\"second-biz-" + run + "\"}");
        assertEquals(400, refused.status(), refused.body());
    }

    @Test
    void knownAndUnknownAddressesTakeTheSameTime() {
        List<String> known = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String email = "timed" + i + "." + run + "@example.com";
            assertEquals(202, signup(email, "Timed " + i + " " + run, PASSWORD).status());
            known.add(email);
        }
        List<Long> knownSignups = new ArrayList<>();
        List<Long> newSignups = new ArrayList<>();
        List<Long> knownResets = new ArrayList<>();
        List<Long> unknownResets = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int n = i;
            String email = known.get(n);
            String fresh = "untimed" + n + "." + run + "@example.com";
            knownSignups.add(timed(() -> signup(email, "Again " + n + " " + run, "another kettle 77"), 202));
            newSignups.add(timed(() -> signup(fresh, "Fresh " + n + " " + run, "another kettle 77"), 202));
            knownResets.add(timed(() -> SystemUnderTest.post("/api/v1/auth/password-reset", "{\"email\":\"" + email + "\"}"), 202));
            unknownResets.add(timed(() -> SystemUnderTest.post("/api/v1/auth/password-reset", "{\"email\":\"nobody" + n + "."
                    + run + "@example.com\"}"), 202));
        }
        assertClose("sign-up", median(knownSignups), median(newSignups));
        assertClose("password reset", median(knownResets), median(unknownResets));
    }

    /** Within noise: 60 ms, or a third of the slower one. */
    private static void assertClose(String what, long a, long b) {
        long slower = Math.max(a, b);
        assertTrue(Math.abs(a - b) <= Math.max(60, slower / 3), what + ": " + a + " ms for a known address, " + b
                + " ms for an unknown one");
    }

    private static long timed(java.util.function.Supplier<Reply> call, int status) {
        long started = System.nanoTime();
        Reply reply = call.get();
        long ms = (System.nanoTime() - started) / 1_000_000;
        assertEquals(status, reply.status(), reply.body());
        return ms;
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    static Reply signup(String email, String business, String password) {
        return SystemUnderTest.post("/api/v1/auth/signup", body("Pat Doe", email, business, password, "general", "CA",
                "America/Toronto", "CAD"));
    }

    private static String body(String name, String email, String business, String password, String profile, String country,
                               String zone, String currency) {
        return "{\"name\":\"" + name + "\",\"email\":\"" + email + "\",\"password\":\"" + password + "\",\"business_name\":\""
                + business + "\",\"profile_id\":\"" + profile + "\",\"country\":\"" + country + "\",\"timezone\":\"" + zone
                + "\",\"currency\":\"" + currency + "\"}";
    }

    private static String token(String email, String password) {
        Reply reply = SystemUnderTest.post("/api/v1/auth/token", "{\"username\":\"" + email + "\",\"password\":\""
                + password + "\"}");
        assertEquals(200, reply.status(), reply.body());
        return reply.json().getJsonObject("data").getString("access_token");
    }

    private static Reply confirm(String secret, String password) {
        return SystemUnderTest.post("/api/v1/auth/password-reset/confirm", "{\"token\":\"" + secret + "\",\"password\":\""
                + password + "\"}");
    }

    private static Reply call(String method, String path, String token, String body) {
        return SystemUnderTest.send(HttpRequest.newBuilder(URI.create(SystemUnderTest.BASE + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** The answer without what differs on every request (its id) and the address it names. */
    private static String withoutVolatile(Reply reply, String email) {
        String text = reply.json().getJsonObject("data").toString();
        return email == null ? text : text.replace(email, "<email>");
    }

    static String linkIn(Message mail, String path) throws Exception {
        return Mailbox.text(mail).lines().filter(l -> l.contains(path)).findFirst().orElseThrow().trim();
    }

    static String secretOf(Message mail, String path) throws Exception {
        String link = linkIn(mail, path);
        return link.substring(link.lastIndexOf('/') + 1);
    }
}
