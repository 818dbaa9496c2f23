package com.smbhub.pos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.square.utilities.WebhooksHelper;
import org.junit.jupiter.api.Test;

/** The test-mode stand-in signs notices as Square does: Square's own published vectors (its SDKs' tests). */
class SquareWebhooksTest {

    private static final String BODY = "{\"merchant_id\":\"MLEFBHHSJGVHD\",\"type\":\"webhooks.test_notification\","
            + "\"event_id\":\"ac3ac95b-f97d-458c-a6e6-18981597e05f\",\"created_at\":\"2022-07-13T20:30:59.037339943Z\","
            + "\"data\":{\"type\":\"webhooks\",\"id\":\"bc368e64-01aa-407e-b46e-3231809b1129\"}}";
    private static final String URL = "https://webhook.site/679a4f3a-dcfa-49ee-bac5-9d0edad886b9";

    @Test
    void signsSquaresPublishedVectors() {
        assertEquals("GF4YkrJgGBDZ9NIYbNXBnMzqb2HoL4RW/S6vkZ9/2N4=", SquareWebhooks.sign("Ibxx_5AKakO-3qeNVR61Dw", URL, BODY));
        assertEquals("Cxt7+aTi4rKgcA0bC4g9EHdVtLSDWdqccmL5MvihU4U=", SquareWebhooks.sign("signature-key",
                "https://webhook.site/webhooks", "{\"data\":{\"type\":\"webhooks\",\"id\":\">id<\"}}"));
    }

    @Test
    void whatItSignsTheSdkAcceptsAndAnyChangeItRefuses() {
        String signature = SquareWebhooks.sign("key", "https://hub.example/api/v1/webhooks/square", BODY);
        assertTrue(WebhooksHelper.verifySignature(BODY, signature, "key", "https://hub.example/api/v1/webhooks/square"));
        assertFalse(WebhooksHelper.verifySignature(BODY + " ", signature, "key", "https://hub.example/api/v1/webhooks/square"));
        assertFalse(WebhooksHelper.verifySignature(BODY, signature, "key", "http://hub.example/api/v1/webhooks/square"));
        assertFalse(WebhooksHelper.verifySignature(BODY, signature, "other", "https://hub.example/api/v1/webhooks/square"));
    }
}
