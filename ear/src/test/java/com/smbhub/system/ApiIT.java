package com.smbhub.system;

import static com.smbhub.system.SystemUnderTest.get;
import static com.smbhub.system.SystemUnderTest.post;
import static com.smbhub.system.SystemUnderTest.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The REST API base and the public edge, against the deployed EAR. */
class ApiIT {

    private static final World WORLD = World.create();

    @Test
    void readinessReportsTheDatabaseAndTheSchema() {
        var reply = get("/health/ready", null);
        assertEquals(200, reply.status());
        assertTrue(reply.body().contains("\"pending_migrations\":\"0\""), reply.body());
    }

    @Test
    void readinessReportsThisInstancesMemberOfTheDataGrid() {
        var reply = get("/health/ready", null);
        JsonObject grid = reply.json().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> check.getString("name").equals("data-grid")).findFirst().orElseThrow(() -> new AssertionError(reply.body()));
        assertEquals("UP", grid.getString("status"), reply.body());
        assertEquals("true", String.valueOf(grid.getJsonObject("data").get("joined")).replace("\"", ""), reply.body());
        assertEquals("1", String.valueOf(grid.getJsonObject("data").get("members")).replace("\"", ""), reply.body());
    }

    @Test
    void theInstanceWasReadyOnlyAfterItsWarmUpReadTheListPages() {
        var reply = get("/health/ready", null);
        JsonObject warmUp = reply.json().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> check.getString("name").equals("warm-up")).findFirst().orElseThrow();
        assertEquals("UP", warmUp.getString("status"), reply.body());
        assertEquals("done", warmUp.getJsonObject("data").getString("state"), reply.body());
        assertEquals("400", String.valueOf(warmUp.getJsonObject("data").get("requests")).replace("\"", ""), reply.body());
    }

    @Test
    void tokenThenMeGivesUserBusinessAndRole() {
        var reply = get("/api/v1/me", token(WORLD.northside("owner"), null));
        assertEquals(200, reply.status(), reply.body());
        JsonObject data = reply.json().getJsonObject("data");
        assertEquals(WORLD.northside("owner"), data.getJsonObject("user").getString("email"));
        assertEquals("Northside Plumbing", data.getJsonObject("business").getString("name"));
        assertEquals("OWNER", data.getString("role"));
        assertTrue(reply.json().getJsonObject("meta").getString("request_id").startsWith("req_"));
    }

    @Test
    void theSharedUserGetsOneTokenPerBusinessAndMeFollowsTheToken() {
        var maple = get("/api/v1/me", token(WORLD.both(), WORLD.maple())).json().getJsonObject("data");
        var northside = get("/api/v1/me", token(WORLD.both(), WORLD.northside())).json().getJsonObject("data");
        assertEquals("Maple & Co", maple.getJsonObject("business").getString("name"));
        assertEquals("Northside Plumbing", northside.getJsonObject("business").getString("name"));
        assertEquals("STAFF", maple.getString("role"));
    }

    @Test
    void aSharedUserMustNameTheBusiness() {
        var reply = post("/api/v1/auth/token", "{\"username\":\"" + WORLD.both() + "\",\"password\":\"demo\"}");
        assertEquals(400, reply.status());
        assertEquals("business", reply.json().getJsonObject("error").getJsonArray("details")
                .getJsonObject(0).getString("field"));
    }

    @Test
    void aBusinessTheUserDoesNotBelongToIsRefused() {
        var reply = post("/api/v1/auth/token",
                "{\"username\":\"" + WORLD.northside("owner") + "\",\"password\":\"demo\",\"business\":\"" + WORLD.maple() + "\"}");
        assertEquals(400, reply.status());
        assertEquals("VALIDATION_ERROR", reply.errorCode());
    }

    @Test
    void aWrongPasswordIs401WithTheErrorEnvelope() {
        var reply = post("/api/v1/auth/token", "{\"username\":\"" + WORLD.maple("staff") + "\",\"password\":\"nope\"}");
        assertEquals(401, reply.status());
        assertEquals("UNAUTHORIZED", reply.errorCode());
        var unknown = post("/api/v1/auth/token", "{\"username\":\"nobody@maple.test\",\"password\":\"nope\"}");
        assertEquals(reply.json().getJsonObject("error").getString("message"),
                unknown.json().getJsonObject("error").getString("message"), "no hint whether the e-mail exists");
    }

    @Test
    void fiveFailedSignInsInARowSlowTheAccountDown() {
        for (int i = 0; i < 5; i++) {
            assertEquals(401, post("/api/v1/auth/token",
                    "{\"username\":\"" + WORLD.maple("viewer") + "\",\"password\":\"wrong\"}").status());
        }
        var locked = post("/api/v1/auth/token", "{\"username\":\"" + WORLD.maple("viewer") + "\",\"password\":\"demo\"}");
        assertEquals(429, locked.status(), locked.body());
        assertEquals("RATE_LIMITED", locked.errorCode());
        assertTrue(locked.raw().headers().firstValue("Retry-After").isPresent());
    }

    @Test
    void anUnknownEmailIsSlowedDownExactlyLikeAKnownOneSoNeitherTellsWhichExists() {
        String nobody = "nobody." + UUID.randomUUID() + "@maple.test";
        for (int i = 0; i < 5; i++) {
            assertEquals(401, post("/api/v1/auth/token", "{\"username\":\"" + nobody + "\",\"password\":\"wrong\"}").status());
        }
        var slowed = post("/api/v1/auth/token", "{\"username\":\"" + nobody + "\",\"password\":\"wrong\"}");
        assertEquals(429, slowed.status(), slowed.body());
        assertTrue(slowed.raw().headers().firstValue("Retry-After").isPresent());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{bad json", "[]", "\"text\"", "", "{\"username\":1,\"password\":\"x\"}",
            "{\"username\":\"a@b.c\",\"password\":\"x\",\"admin\":true}", "{\"username\":\"a@b.c\"}",
            "{\"username\":null,\"password\":[]}", "{\"username\":\"\",\"password\":\"\"}"})
    void badInputIs400ValidationErrorNeverA500(String body) {
        var reply = post("/api/v1/auth/token", body);
        assertEquals(400, reply.status(), body + " -> " + reply.body());
        assertEquals("VALIDATION_ERROR", reply.errorCode());
        assertFalse(reply.json().getJsonObject("error").getJsonArray("details").isEmpty());
    }

    @Test
    void controlCharactersInASignInAreRefusedAtTheFieldLikeInAnyBody() {
        var reply = post("/api/v1/auth/token", "{\"username\":\"a\\u0000b@x.test\",\"password\":\"x\"}");
        assertEquals(400, reply.status(), reply.body());
        assertEquals("username", reply.json().getJsonObject("error").getJsonArray("details").getJsonObject(0).getString("field"));
    }

    @Test
    void meWithoutATokenIs401Envelope() {
        var reply = get("/api/v1/me", null);
        assertEquals(401, reply.status());
        assertEquals("UNAUTHORIZED", reply.errorCode());
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() throws Exception {
        var reply = get("/api/v1/me", forgedToken());
        assertEquals(401, reply.status());
        assertEquals("UNAUTHORIZED", reply.errorCode());
    }

    @Test
    void aBadBearerTokenDoesNotBlockAnOpenPath() {
        var reply = SystemUnderTest.send(HttpRequest.newBuilder(URI.create(SystemUnderTest.BASE
                        + "/api/v1/auth/token")).header("Authorization", "Bearer not.a.token")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + WORLD.maple("owner") + "\",\"password\":\"demo\"}"))
                .build());
        assertEquals(200, reply.status(), reply.body());
        assertEquals(401, get("/api/v1/me", "not.a.token").status());
    }

    @Test
    void aTamperedTokenIsRefused() {
        String[] parts = token(WORLD.northside("owner"), null).split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"" + WORLD.northside() + "\"", "\"" + WORLD.maple() + "\"");
        String tampered = parts[0] + "." + b64(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertEquals(401, get("/api/v1/me", tampered).status());
    }

    @Test
    void responsesCarryTheRequestIdInBodyAndHeader() {
        var reply = get("/api/v1/me", null);
        String header = reply.raw().headers().firstValue("X-Request-Id").orElseThrow();
        assertEquals(header, reply.json().getJsonObject("meta").getString("request_id"));
        assertTrue(reply.raw().headers().firstValue("X-Powered-By").isEmpty() && reply.raw().headers().firstValue("Server")
                .isEmpty(), "no server name or version: " + reply.raw().headers().map());
    }

    @Test
    void unknownApiPathsAndMethodsAnswerWithTheEnvelope() {
        var missing = get("/api/v1/no-such-thing", null);
        assertEquals(404, missing.status());
        assertEquals("NOT_FOUND", missing.errorCode());
        var method = get("/api/v1/auth/token", null);
        assertEquals(405, method.status());
    }

    @Test
    void portalLinksAnswerAFriendlyNotValidPageWithoutAToken() {
        var reply = get("/portal/invoices/" + "a".repeat(43), null);
        assertEquals(404, reply.status());
        assertTrue(reply.body().contains("This link is not valid"));
        assertEquals("no-referrer", reply.raw().headers().firstValue("Referrer-Policy").orElse(""));
        assertTrue(reply.body().contains("noindex"));
        assertFalse(reply.body().toLowerCase().contains("exception"));
    }

    @Test
    void portalPagesNeverShowAStackTraceEvenWithABadBearerToken() {
        var reply = get("/portal/quotes/abc", "not.a.token");
        assertNotEquals(500, reply.status());
        assertFalse(reply.body().contains("at com."));
    }

    @Test
    void theRootRedirectsToTheBackOffice() {
        var reply = get("/", null);
        assertEquals(302, reply.status());
        assertTrue(reply.raw().headers().firstValue("Location").orElse("").endsWith("/app/"));
    }

    private static String forgedToken() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var key = generator.generateKeyPair().getPrivate();
        String header = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        long now = System.currentTimeMillis() / 1000;
        String claims = b64(("{\"iss\":\"https://smbhub.local\",\"sub\":\"x\",\"upn\":\"owner@northside.test\","
                + "\"org_id\":\"northside\",\"groups\":[\"USER\"],\"iat\":" + now + ",\"exp\":" + (now + 600)
                + ",\"jti\":\"forged\"}").getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        return header + "." + claims + "." + b64(rsa.sign());
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
