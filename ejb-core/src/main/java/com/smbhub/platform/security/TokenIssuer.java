package com.smbhub.platform.security;

import com.smbhub.platform.Jsonp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Issues the RS256 API tokens that MicroProfile JWT verifies with the matching public key. */
@ApplicationScoped
public class TokenIssuer {

    @Inject @ConfigProperty(name = "mp.jwt.verify.issuer") String issuer;

    @Inject @ConfigProperty(name = "smbhub.jwt.private-key") Optional<String> privateKeyPem;

    @Inject @ConfigProperty(name = "smbhub.jwt.private-key.location") Optional<String> privateKeyLocation;

    @Inject @ConfigProperty(name = "smbhub.jwt.org-claim", defaultValue = "org_id") String orgClaim;

    @Inject @ConfigProperty(name = "smbhub.jwt.ttl-seconds", defaultValue = "3600") long ttlSeconds;

    private volatile PrivateKey key;

    public record Issued(String token, long expiresIn) {
    }

    /** {@code orgId}: the business the token works in; null only for platform ops (their reports, no business). */
    public Issued issue(String userId, String email, String orgId) {
        Instant now = Instant.now();
        String header = Jsonp.createObjectBuilder().add("alg", "RS256").add("typ", "JWT").build().toString();
        var builder = Jsonp.createObjectBuilder()
                .add("iss", issuer)
                .add("sub", userId)
                .add("upn", email);
        if (orgId != null) {
            builder.add(orgClaim, orgId);
        }
        String claims = builder
                .add("groups", Jsonp.createArrayBuilder().add("USER"))
                .add("iat", now.getEpochSecond())
                .add("exp", now.getEpochSecond() + ttlSeconds)
                .add("jti", UUID.randomUUID().toString())
                .build().toString();
        String signingInput = b64(header.getBytes(StandardCharsets.UTF_8)) + "." + b64(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return new Issued(signingInput + "." + b64(rsa.sign()), ttlSeconds);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign API token", e);
        }
    }

    public String orgClaim() {
        return orgClaim;
    }

    private PrivateKey key() throws GeneralSecurityException {
        if (key == null) {
            String pem = privateKeyPem.filter(s -> !s.isBlank()).orElseGet(this::readKeyFile);
            String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        }
        return key;
    }

    private String readKeyFile() {
        String location = privateKeyLocation.orElseThrow(() ->
                new IllegalStateException("Set smbhub.jwt.private-key or smbhub.jwt.private-key.location"));
        try {
            return Files.readString(Path.of(location.replaceFirst("^file:", "")));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the API signing key at " + location, e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
