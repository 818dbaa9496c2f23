package com.smbhub.portal.api;

import com.smbhub.platform.Jsonp;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Checks an API bearer token (MicroProfile JWT rules, RS256): the signature with the configured key
 * (a PEM public key, or a JWK set from a URL, chosen by the token's {@code kid}), the issuer, and
 * the lifetime ({@code exp} required, {@code nbf} honoured, both with a clock skew) and, when
 * audiences are configured, {@code aud}. Nothing else
 * is trusted: any other algorithm, a missing claim or a bad signature is no caller.
 */
public final class TokenVerifier {

    /** What the API uses of a verified token. */
    public record Claims(String subject, String email, String org, long expiresAt, long issuedAt) {
    }

    private static final Duration KEYS_TTL = Duration.ofMinutes(10);
    private static final Duration REFETCH_AFTER = Duration.ofMinutes(1);

    private final String issuer;
    private final Set<String> audiences;
    private final String orgClaim;
    private final long skewSeconds;
    private final Clock clock;
    private final PublicKey fixedKey;
    private final Supplier<String> keySet;
    private volatile Map<String, PublicKey> keys = Map.of();
    private volatile long keysFetchedAt = Long.MIN_VALUE / 2;

    /** {@code key}: PEM text or a JWK / JWK set; {@code keyLocation}: a URL or file with either (for an identity provider's keys). */
    public TokenVerifier(String issuer, String key, String keyLocation, String orgClaim, long skewSeconds, Clock clock) {
        this(issuer, Set.of(), key, keyLocation, orgClaim, skewSeconds, clock);
    }

    /** {@code audiences}: when not empty, the token's {@code aud} must name one of them. */
    public TokenVerifier(String issuer, Set<String> audiences, String key, String keyLocation, String orgClaim,
                         long skewSeconds, Clock clock) {
        this.issuer = issuer;
        this.audiences = Set.copyOf(audiences);
        this.orgClaim = orgClaim;
        this.skewSeconds = skewSeconds;
        this.clock = clock;
        if (key != null && !key.isBlank() && key.trim().startsWith("-----BEGIN")) {
            this.fixedKey = pem(key);
            this.keySet = null;
        } else if (key != null && !key.isBlank()) {
            this.fixedKey = null;
            this.keySet = () -> key;
        } else if (keyLocation != null && !keyLocation.isBlank()) {
            this.fixedKey = null;
            this.keySet = () -> read(keyLocation);
        } else {
            throw new IllegalArgumentException("no key: set mp.jwt.verify.publickey or mp.jwt.verify.publickey.location");
        }
    }

    /** The token's claims when it is genuine and current, else empty. */
    public Optional<Claims> verify(String token) {
        try {
            String[] parts = token.split("\\.", -1);
            if (parts.length != 3) {
                return Optional.empty();
            }
            JsonObject header = json(parts[0]);
            if (!"RS256".equals(string(header, "alg"))) {
                return Optional.empty();
            }
            PublicKey key = key(string(header, "kid"));
            if (key == null) {
                return Optional.empty();
            }
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(key);
            rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!rsa.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                return Optional.empty();
            }
            JsonObject claims = json(parts[1]);
            long now = clock.instant().getEpochSecond();
            Long exp = number(claims, "exp");
            Long nbf = number(claims, "nbf");
            if (!issuer.equals(string(claims, "iss")) || exp == null || exp + skewSeconds <= now
                    || (nbf != null && nbf - skewSeconds > now) || !audienceFits(claims.get("aud"))) {
                return Optional.empty();
            }
            String email = string(claims, "email");
            Long iat = number(claims, "iat");
            return Optional.of(new Claims(string(claims, "sub"), email != null ? email : string(claims, "upn"),
                    string(claims, orgClaim), exp + skewSeconds, iat == null ? 0 : iat));
        } catch (IllegalArgumentException | GeneralSecurityException | JsonException | ClassCastException e) {
            return Optional.empty();
        }
    }

    private boolean audienceFits(JsonValue aud) {
        if (audiences.isEmpty()) {
            return true;
        }
        if (aud instanceof JsonString one) {
            return audiences.contains(one.getString());
        }
        return aud instanceof JsonArray many && many.stream()
                .anyMatch(v -> v instanceof JsonString s && audiences.contains(s.getString()));
    }

    private PublicKey key(String kid) {
        if (fixedKey != null) {
            return fixedKey;
        }
        long now = clock.millis();
        Map<String, PublicKey> current = keys;
        boolean stale = now - keysFetchedAt > KEYS_TTL.toMillis();
        boolean unknown = !current.containsKey(kid == null ? "" : kid) && now - keysFetchedAt > REFETCH_AFTER.toMillis();
        if (stale || unknown) {
            synchronized (this) {
                if (keys == current) {
                    try {
                        String text = keySet.get();
                        keys = text.trim().startsWith("-----BEGIN") ? Map.of("", pem(text)) : jwks(text);
                    } catch (RuntimeException e) {
                        Logger.getLogger(TokenVerifier.class.getName())
                                .warning("token keys not loaded: " + e.getMessage());
                    }
                    keysFetchedAt = now;
                }
                current = keys;
            }
        }
        if (kid == null) {
            return current.size() == 1 ? current.values().iterator().next() : current.get("");
        }
        return current.get(kid);
    }

    /** RSA keys of a JWK set ({"keys":[…]}) or of a single JWK, by kid ("" for a key without one). */
    static Map<String, PublicKey> jwks(String text) {
        JsonObject document = Jsonp.createReader(new StringReader(text)).readObject();
        Map<String, PublicKey> found = new ConcurrentHashMap<>();
        for (JsonValue value : document.containsKey("keys") ? document.getJsonArray("keys") : List.of(document)) {
            JsonObject jwk = value.asJsonObject();
            if ("RSA".equals(string(jwk, "kty")) && !"enc".equals(string(jwk, "use"))) {
                try {
                    PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                            new BigInteger(1, Base64.getUrlDecoder().decode(string(jwk, "n"))),
                            new BigInteger(1, Base64.getUrlDecoder().decode(string(jwk, "e")))));
                    found.put(Optional.ofNullable(string(jwk, "kid")).orElse(""), key);
                } catch (GeneralSecurityException | IllegalArgumentException | NullPointerException e) {
                    // not a usable RSA key: skipped
                }
            }
        }
        return Map.copyOf(found);
    }

    static PublicKey pem(String text) {
        String body = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an RSA public key in PEM: " + e.getMessage(), e);
        }
    }

    private static String read(String location) {
        try {
            if (location.startsWith("http://") || location.startsWith("https://")) {
                HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                        .send(HttpRequest.newBuilder(URI.create(location)).timeout(Duration.ofSeconds(10)).build(),
                                HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(location + " answered " + response.statusCode());
                }
                return response.body();
            }
            return Files.readString(location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location));
        } catch (IOException e) {
            throw new IllegalStateException(location + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(location + ": interrupted", e);
        }
    }

    private static JsonObject json(String part) {
        return Jsonp.createReader(new StringReader(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8)))
                .readObject();
    }

    private static String string(JsonObject o, String name) {
        JsonValue v = o.get(name);
        return v instanceof JsonString s ? s.getString() : null;
    }

    private static Long number(JsonObject o, String name) {
        JsonValue v = o.get(name);
        return v instanceof JsonNumber n ? n.longValue() : null;
    }
}
