package com.smbhub.portal.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PortalTimerTest {

    @Test
    void aPortalPathIsTimedByItsTemplateNeverByItsToken() {
        assertEquals("/portal/invoices/{token}", PortalTimer.route("/invoices/pt_secret"));
        assertEquals("/portal/quotes/{token}/approve", PortalTimer.route("/quotes/pt_secret/approve"));
        assertEquals("/portal/invoices/{token}/pdf", PortalTimer.route("/invoices/pt_secret/pdf"));
        assertEquals("/portal/paid", PortalTimer.route("/paid"));
        for (String other : new String[] {null, "", "/", "/invoices", "/invoices/", "/invoices/x/steal", "/contacts/x",
                "/invoices/x/pay/more", "/quotes//pdf"}) {
            assertEquals("/portal/other", PortalTimer.route(other), other);
        }
    }
}
