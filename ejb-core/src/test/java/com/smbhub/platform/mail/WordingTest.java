package com.smbhub.platform.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.security.Secrets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class WordingTest {

    private static Map<String, String> values(String message) {
        Map<String, String> v = new HashMap<>();
        v.put("client_name", "Jane");
        v.put("business_name", "Northside Plumbing");
        v.put("number", "INV-1001");
        v.put("amount", "$113.00");
        v.put("date", "9 December 2026");
        v.put("link", "https://x.test/portal/invoices/abc");
        v.put("message", message);
        return v;
    }

    @Test
    void placeholdersAreFilledAndTheOptionalLineTakesItsOwnParagraph() {
        String body = Wording.DEFAULTS.get("invoice_email").body();
        String with = Wording.fill(body, values("Thanks!"));
        assertTrue(with.startsWith("Hello Jane,\n\nThanks!\n\nNorthside Plumbing sent you invoice INV-1001 for $113.00, due 9 December 2026."),
                with);
        assertTrue(with.contains("https://x.test/portal/invoices/abc"));
        String without = Wording.fill(body, values(null));
        assertTrue(without.startsWith("Hello Jane,\n\nNorthside Plumbing sent you"), without);
        assertEquals("Price $1 and {unknown} stay", Wording.fill("Price $1 and {unknown} stay", values(null)));
        assertEquals("A \\ backslash $113.00", Wording.fill("A \\ backslash {amount}", values(null)));
    }

    @Test
    void everyShippedWordingKeepsTheLinkAndUsesKnownPlaceholdersOnly() {
        Wording.DEFAULTS.values().forEach(t -> {
            assertTrue(t.body().contains("{link}"), t.name());
            Matcher m = Pattern.compile("\\{([a-z_]+)}").matcher(t.subject() + t.body());
            while (m.find()) {
                assertTrue(Wording.PLACEHOLDERS.contains(m.group(1)), t.name() + " uses " + m.group());
            }
        });
    }

    @Test
    void secretsOpenOnlyWithTheirKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Secrets secrets = new Secrets(Base64.getEncoder().encodeToString(key));
        String sealed = secrets.encrypt("hunter2", "password");
        assertTrue(sealed.startsWith("aesgcm1:") && !sealed.contains("hunter2"));
        assertEquals("hunter2", secrets.decrypt(sealed).orElseThrow());
        assertTrue(new Secrets(Base64.getEncoder().encodeToString(new byte[32])).decrypt(sealed).isEmpty());
        assertThrows(ValidationException.class, () -> new Secrets(null).encrypt("x", "password"));
    }

    @Test
    void theShippedProfilesNameTheShippedTemplatesOfEachKind() throws Exception {
        for (String profile : new String[] {"base", "general", "retail_pos"}) {
            try (var in = WordingTest.class.getResourceAsStream("/profiles/" + profile + ".json")) {
                var templates = new com.fasterxml.jackson.databind.ObjectMapper().readTree(in).path("templates");
                Wording.PROFILE_KEYS.forEach((kind, key) -> {
                    if (templates.has(key)) {
                        assertEquals(Wording.SHIPPED_IDS.get(kind), templates.get(key).asText(), profile + ": " + key);
                    }
                });
            }
        }
        assertEquals(Wording.DEFAULTS.keySet(), Wording.PROFILE_KEYS.keySet());
        assertEquals(Wording.DEFAULTS.keySet(), Wording.SHIPPED_IDS.keySet());
    }
}
