package com.smbhub.platform.security;

import com.smbhub.platform.errors.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Secrets a business gives us (its SMTP password) are stored encrypted with AES-256-GCM under the
 * server's key ({@code smbhub.secrets.key}, base64 of 32 bytes; ./smbhub makes one in var/). They
 * are decrypted only to use them and never shown or logged.
 */
@ApplicationScoped
public class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PREFIX = "aesgcm1:";

    @Inject @ConfigProperty(name = "smbhub.secrets.key") Optional<String> key;

    public Secrets() {
    }

    /** For tests. */
    public Secrets(String base64Key) {
        this.key = Optional.ofNullable(base64Key);
    }

    public String encrypt(String plain, String field) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, secretKey(field), new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv)
                    .put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    /** The plain secret, or empty when it cannot be opened (another key, damaged). */
    public Optional<String> decrypt(String stored) {
        if (stored == null || !stored.startsWith(PREFIX) || key.filter(k -> !k.isBlank()).isEmpty()) {
            return Optional.empty();
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, secretKey("password"), new GCMParameterSpec(128, all, 0, 12));
            return Optional.of(new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private SecretKeySpec secretKey(String field) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(key.orElse("").trim());
        } catch (IllegalArgumentException e) {
            bytes = new byte[0];
        }
        if (bytes.length != 32) {
            throw new ValidationException(field, "This server cannot store secrets yet (no smbhub.secrets.key); ask the operator");
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
