package com.smbhub.portal.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class TokenVerifierTest {

    static final String ISSUER = "https://smbhub.local";
    static final long NOW = 1_800_000_000L;
    static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
    static final KeyPair KEYS = keys();
    static final KeyPair OTHER = keys();

    static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String b64(String text) {
        return b64(text.getBytes(StandardCharsets.UTF_8));
    }

    static String pem(KeyPair keys) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    static String sign(KeyPair keys, String header, String claims) throws Exception {
        String content = b64(header) + "." + b64(claims);
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(keys.getPrivate());
        rsa.update(content.getBytes(StandardCharsets.US_ASCII));
        return content + "." + b64(rsa.sign());
    }

    static String claims(String iss, Long exp, Long nbf) {
        return "{\"iss\":\"" + iss + "\",\"sub\":\"u-1\",\"upn\":\"a@b.test\",\"org_id\":\"northside\""
                + (exp == null ? "" : ",\"exp\":" + exp) + (nbf == null ? "" : ",\"nbf\":" + nbf) + "}";
    }

    static final String RS256 = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";

    private final TokenVerifier verifier = new TokenVerifier(ISSUER, pem(KEYS), null, "org_id", 60, CLOCK);

    @Test
    void aGenuineCurrentTokenGivesItsClaims() throws Exception {
        var claims = verifier.verify(sign(KEYS, RS256, claims(ISSUER, NOW + 600, null))).orElseThrow();
        assertEquals("u-1", claims.subject());
        assertEquals("a@b.test", claims.email());
        assertEquals("northside", claims.org());
        assertEquals(NOW + 660, claims.expiresAt());
    }

    @Test
    void anotherKeyATamperedBodyOrGarbageIsNoCaller() throws Exception {
        assertTrue(verifier.verify(sign(OTHER, RS256, claims(ISSUER, NOW + 600, null))).isEmpty());
        String[] parts = sign(KEYS, RS256, claims(ISSUER, NOW + 600, null)).split("\\.");
        String tampered = parts[0] + "." + b64(claims(ISSUER, NOW + 600, null).replace("northside", "maple")) + "." + parts[2];
        assertTrue(verifier.verify(tampered).isEmpty());
        for (String junk : new String[] {"", "a.b", "a.b.c", "not.a.token", "..", parts[0] + "." + parts[1] + ".", "x.y.z.w"}) {
            assertTrue(verifier.verify(junk).isEmpty(), junk);
        }
    }

    @Test
    void onlyRs256IsTrusted() throws Exception {
        String body = b64(claims(ISSUER, NOW + 600, null));
        assertTrue(verifier.verify(b64("{\"alg\":\"none\"}") + "." + body + ".").isEmpty());
        // the public key used as an HMAC secret (algorithm confusion)
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(pem(KEYS).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String content = b64("{\"alg\":\"HS256\"}") + "." + body;
        assertTrue(verifier.verify(content + "." + b64(hmac.doFinal(content.getBytes(StandardCharsets.US_ASCII)))).isEmpty());
        assertTrue(verifier.verify(sign(KEYS, "{\"alg\":\"RS512\"}", claims(ISSUER, NOW + 600, null))).isEmpty());
    }

    @Test
    void issuerAndLifetimeAreChecked() throws Exception {
        assertTrue(verifier.verify(sign(KEYS, RS256, claims("https://evil.test", NOW + 600, null))).isEmpty());
        assertTrue(verifier.verify(sign(KEYS, RS256, claims(ISSUER, null, null))).isEmpty(), "exp is required");
        assertTrue(verifier.verify(sign(KEYS, RS256, claims(ISSUER, NOW - 61, null))).isEmpty(), "expired beyond the skew");
        assertTrue(verifier.verify(sign(KEYS, RS256, claims(ISSUER, NOW - 30, null))).isPresent(), "within the skew");
        assertTrue(verifier.verify(sign(KEYS, RS256, claims(ISSUER, NOW + 600, NOW + 120))).isEmpty(), "not yet valid");
    }

    @Test
    void configuredAudiencesMustBeNamed() throws Exception {
        TokenVerifier forApi = new TokenVerifier(ISSUER, Set.of("smbhub-api"), pem(KEYS), null, "org_id", 60, CLOCK);
        String base = claims(ISSUER, NOW + 600, null);
        assertTrue(forApi.verify(sign(KEYS, RS256, base)).isEmpty(), "no aud");
        assertTrue(forApi.verify(sign(KEYS, RS256, base.replace("}", ",\"aud\":\"other\"}"))).isEmpty());
        assertTrue(forApi.verify(sign(KEYS, RS256, base.replace("}", ",\"aud\":\"smbhub-api\"}"))).isPresent());
        assertTrue(forApi.verify(sign(KEYS, RS256, base.replace("}", ",\"aud\":[\"x\",\"smbhub-api\"]}"))).isPresent());
        assertTrue(verifier.verify(sign(KEYS, RS256, base.replace("}", ",\"aud\":\"other\"}"))).isPresent(),
                "without configured audiences aud is not checked");
    }

    @Test
    void anIdentityProvidersKeysComeFromItsJwkSetByKid() throws Exception {
        RSAPublicKey key = (RSAPublicKey) KEYS.getPublic();
        String jwks = "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"k2\",\"use\":\"sig\",\"n\":\"" + b64(unsigned(key.getModulus().toByteArray()))
                + "\",\"e\":\"" + b64(unsigned(key.getPublicExponent().toByteArray())) + "\"},"
                + "{\"kty\":\"EC\",\"kid\":\"k3\",\"crv\":\"P-256\",\"x\":\"a\",\"y\":\"b\"}]}";
        AtomicInteger fetches = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/jwks", exchange -> {
            fetches.incrementAndGet();
            byte[] body = jwks.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            TokenVerifier idp = new TokenVerifier(ISSUER, null, "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks",
                    "org_id", 60, CLOCK);
            assertTrue(idp.verify(sign(KEYS, "{\"alg\":\"RS256\",\"kid\":\"k2\"}", claims(ISSUER, NOW + 600, null))).isPresent());
            assertTrue(idp.verify(sign(KEYS, "{\"alg\":\"RS256\",\"kid\":\"k9\"}", claims(ISSUER, NOW + 600, null))).isEmpty());
            assertTrue(idp.verify(sign(OTHER, "{\"alg\":\"RS256\",\"kid\":\"k2\"}", claims(ISSUER, NOW + 600, null))).isEmpty());
            assertEquals(1, fetches.get(), "keys are fetched once, not per token (an unknown kid waits a minute)");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void withoutAKeyNothingCanBeVerified() {
        assertThrows(IllegalArgumentException.class, () -> new TokenVerifier(ISSUER, null, null, "org_id", 60, CLOCK));
        assertThrows(IllegalArgumentException.class, () -> new TokenVerifier(ISSUER, "-----BEGIN PUBLIC KEY-----\nxx\n-----END PUBLIC KEY-----",
                null, "org_id", 60, CLOCK));
    }

    private static byte[] unsigned(byte[] bytes) {
        return bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }
}
