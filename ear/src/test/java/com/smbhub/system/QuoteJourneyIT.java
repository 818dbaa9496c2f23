package com.smbhub.system;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Message;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 4's second journey: an owner writes a quote and sends it, the client approves it in the
 * portal (with a confirmation), the business sees the notification and converts the quote to an
 * invoice in one click.
 */
class QuoteJourneyIT {

    private static final World WORLD = World.create();

    @Test
    void quoteSentApprovedByTheClientAndConvertedToAnInvoice() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String client = "Quinn " + run;
        String email = "quinn." + run + "@example.com";
        ContactsIT.send("POST", "/api/v1/contacts", SystemUnderTest.token(WORLD.northside("owner"), null),
                "{\"display_name\":\"" + client + "\",\"email\":\"" + email + "\"}");
        try (BackOffice app = new BackOffice()) {
            app.signIn(WORLD.northside("owner"), "demo");
            new HomeScreen(app).waitFor("Welcome");
            DocumentScreen quotes = DocumentScreen.quotes(app).open().startNew().client(client)
                    .line(0, "Kitchen sink and tap", null, "640");
            quotes.waitForTotals("Total $723.20");
            app.screenshot("quote-editor");
            quotes.saveDraft(client).press("send").waitForRecipient(email);
            quotes.confirmSend();
            quotes.waitInList("Sent");

            Message mail = Mailbox.await(email, "Quote Q-");
            String text = Mailbox.text(mail);
            String link = text.lines().filter(l -> l.contains("/portal/quotes/")).findFirst().orElseThrow().trim();
            try (BackOffice clientBrowser = new BackOffice(414, 860)) {
                PortalScreen portal = new PortalScreen(clientBrowser).open(link, "Approve quote").note("Thursday works for us");
                clientBrowser.screenshot("portal-quote");
                portal.approve();
                portal.waitForText("has your approval");
            }

            new HomeScreen(app).open().waitForNotification("was approved by the client: “Thursday works for us”");
            app.screenshot("home-notifications");
            quotes.open().waitInList("Approved");
            quotes.openRow(client, "convert").press("convert");
            app.waitForPath("invoices");
            DocumentScreen invoices = DocumentScreen.invoices(app);
            invoices.waitForFirstLine("Kitchen sink and tap");
            assertTrue(invoices.totals().contains("Total $723.20"));
        }
    }
}
