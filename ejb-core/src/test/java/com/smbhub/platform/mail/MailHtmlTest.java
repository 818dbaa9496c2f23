package com.smbhub.platform.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The HTML part says what the text says: its paragraphs, its link as a button, nothing a client typed as markup. */
class MailHtmlTest {

    private static final String TEXT = "Hello Ana <b>&</b>,\n\nNorthside sent you invoice INV-1001 for $120.00.\n\n"
            + "See it and pay here:\nhttps://hub.example/portal/invoices/abc?x=1&y=2\n\nQuestions? See https://northside.test\n";

    @Test
    void aLinkAloneOnItsLineIsAButtonWithTheAddressUnderIt() {
        String html = MailHtml.of("See it here:\n\nhttps://hub.example/portal/invoices/abc\n", MailHtml.button("INVOICE"));
        assertTrue(html.contains("<a href=\"https://hub.example/portal/invoices/abc\" style=\"display:inline-block;"), html);
        assertTrue(html.contains(">View invoice</a>"), html);
        assertEquals("Open", MailHtml.button(null));
        assertEquals("Open", MailHtml.button("conversation"));
    }

    @Test
    void textIsEscapedAndEveryOtherLinkIsClickable() {
        String html = MailHtml.of(TEXT, "View and pay");
        assertTrue(html.contains("Hello Ana &lt;b&gt;&amp;&lt;/b&gt;,"), html);
        assertFalse(html.contains("<b>"), html);
        assertTrue(html.contains("See it and pay here:</p><p style=\"margin:16px 0 8px\"><a href=\"https://hub.example/portal"
                + "/invoices/abc?x=1&amp;y=2\""), "the link on its own line is the button: " + html);
        assertTrue(html.contains(">View and pay</a>"), html);
        assertTrue(html.contains("Questions? See <a href=\"https://northside.test\""), html);
        assertTrue(html.startsWith("<!doctype html>") && html.contains("max-width:560px"), "one narrow column");
    }
}
