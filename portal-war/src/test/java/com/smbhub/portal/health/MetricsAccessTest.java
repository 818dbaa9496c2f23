package com.smbhub.portal.health;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MetricsAccessTest {

    private static final String TOKEN = "k3J9x0PqTz81mWv4";

    @Test
    void onlyTheBearerTokenItselfIsLetIn() {
        assertTrue(MetricsAccess.allowed("Bearer " + TOKEN, TOKEN));
        assertTrue(MetricsAccess.allowed("bearer  " + TOKEN + " ", TOKEN));
        assertFalse(MetricsAccess.allowed(null, TOKEN));
        assertFalse(MetricsAccess.allowed("Basic " + TOKEN, TOKEN));
        assertFalse(MetricsAccess.allowed("Bearer " + TOKEN.substring(1), TOKEN));
        assertFalse(MetricsAccess.allowed("Bearer " + TOKEN + "x", TOKEN));
        assertFalse(MetricsAccess.allowed("Bearer", TOKEN));
    }
}
