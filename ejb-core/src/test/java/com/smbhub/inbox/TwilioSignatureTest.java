package com.smbhub.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Signatures as Twilio computes them: the vectors of Twilio's own SDK tests, checked by its validator. */
class TwilioSignatureTest {

    private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private static final Map<String, String> PARAMS = Map.of("Digits", "1234", "CallSid", "CA1234567890ABCDE",
            "To", "+18005551212", "Caller", "+14158675309", "From", "+14158675309");

    @Test
    void theSdksKnownVectorValidatesAndIsWhatThisServerSigns() {
        assertTrue(TwilioSignature.valid("12345", URL, PARAMS, "RSOYDt4T1cUTdK1PDd93/VVr8B8="));
        assertEquals("RSOYDt4T1cUTdK1PDd93/VVr8B8=", TwilioSignature.sign("12345", URL, PARAMS));
    }

    @Test
    void theValidatorAlsoAcceptsTheUrlWithItsDefaultPortAsTwilioMayHaveSignedIt() {
        assertTrue(TwilioSignature.valid("12345", "https://mycompany.com:443/myapp.php?foo=1&bar=2", PARAMS,
                "RSOYDt4T1cUTdK1PDd93/VVr8B8="));
        assertTrue(TwilioSignature.valid("12345", URL, PARAMS, "kvajT1Ptam85bY51eRf/AJRuM3w="));
    }

    @Test
    void anyChangeBreaksTheSignature() {
        String signed = TwilioSignature.sign("12345", URL, PARAMS);
        Map<String, String> changed = new HashMap<>(PARAMS);
        changed.put("Digits", "1235");
        assertFalse(TwilioSignature.valid("12345", URL, changed, signed), "a parameter");
        assertFalse(TwilioSignature.valid("12346", URL, PARAMS, signed), "the token");
        assertFalse(TwilioSignature.valid("12345", URL.replace("bar=2", "bar=3"), PARAMS, signed), "the query");
        assertFalse(TwilioSignature.valid("12345", "https://attacker.example/myapp.php?foo=1&bar=2", PARAMS, signed), "the host");
        changed = new HashMap<>(PARAMS);
        changed.put("Body", "");
        assertFalse(TwilioSignature.valid("12345", URL, changed, signed), "an added parameter, even empty");
        assertFalse(TwilioSignature.valid("12345", URL, PARAMS, null));
        assertFalse(TwilioSignature.valid("12345", URL, PARAMS, ""));
        assertFalse(TwilioSignature.valid("12345", URL, PARAMS, "not base64 at all!"));
    }

    @Test
    void textsInAnyScriptSignAsTheSdkChecksThem() {
        Map<String, String> params = Map.of("Body", "Küche tropft — 水漏れ 🚰", "From", "+4915112345678", "To", "+14165550100",
                "MessageSid", TwilioSignature.messageSid(), "AccountSid", "AC" + "0".repeat(32));
        String url = "http://localhost:8080/api/v1/webhooks/twilio/sms";
        assertTrue(TwilioSignature.valid("f00dfeed", url, params, TwilioSignature.sign("f00dfeed", url, params)));
        assertTrue(TwilioSignature.messageSid().matches("SM[0-9a-f]{32}"));
    }
}
