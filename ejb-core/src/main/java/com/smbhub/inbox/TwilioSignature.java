package com.smbhub.inbox;

import com.twilio.security.RequestValidator;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code X-Twilio-Signature}: base64(HMAC-SHA1(auth token, the URL Twilio called + each POST parameter's
 * name and value, sorted by name)). Checked with the SDK's own validator; signed here only where this
 * server stands in for Twilio (test mode's "Simulate an incoming text" and status callbacks).
 */
public final class TwilioSignature {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TwilioSignature() {
    }

    public static boolean valid(String token, String url, Map<String, String> params, String signature) {
        return signature != null && !signature.isBlank() && new RequestValidator(token).validate(url, params, signature);
    }

    /** A new message sid in Twilio's form (SM and 32 hex digits), for texts this server makes up in test mode. */
    public static String messageSid() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return "SM" + HexFormat.of().formatHex(bytes);
    }

    public static String sign(String token, String url, Map<String, String> params) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, value) -> data.append(name).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
