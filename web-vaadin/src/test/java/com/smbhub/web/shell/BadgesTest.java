package com.smbhub.web.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.vaadin.flow.component.html.Span;
import org.junit.jupiter.api.Test;

/** A status reads the same colour in every list: green done, red act now, grey over or not out, blue under way. */
class BadgesTest {

    @Test
    void eachMeaningHasOneColourAcrossKindsOfRecord() {
        assertEquals("badge success", Badges.theme("PAID"));
        assertEquals("badge success", Badges.theme("SUCCEEDED"));
        assertEquals("badge success", Badges.theme("DONE"));
        assertEquals("badge error", Badges.theme("OVERDUE"));
        assertEquals("badge error", Badges.theme("FAILED"));
        assertEquals("badge contrast", Badges.theme("DRAFT"));
        assertEquals("badge contrast", Badges.theme("VOID"));
        assertEquals("badge", Badges.theme("SENT"));
        assertEquals("badge", Badges.theme("IN_PROGRESS"));
        assertEquals("badge", Badges.theme(null));
    }

    @Test
    void aBadgeReadsTheStatusInWords() {
        Span badge = Badges.of("NEEDS_APPROVAL");
        assertEquals("Needs approval", badge.getText());
        assertEquals("badge", badge.getElement().getAttribute("theme"));
        assertEquals("Partially paid · disputed", Badges.of("PARTIALLY_PAID", "Partially paid · disputed").getText());
    }
}
