package com.smbhub.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The activation loop (issue 4's done-when): an owner adds a client and an invoice with two lines
 * and tax, sends it (the mail arrives with the PDF and the link), the client opens the link in a
 * browser of their own and pays through test-mode checkout, and the back office shows the invoice
 * paid, the card payment and the timeline lines, the owner and the client each get their e-mail — the server never
 * restarted.
 */
class ActivationJourneyIT {

    private static final World WORLD = World.create();

    @Test
    void invoiceSentPaidByTheClientAndSeenPaidInTheBackOffice() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String client = "Olivia " + run;
        String email = "olivia." + run + "@example.com";
        try (BackOffice app = new BackOffice()) {
            app.signIn(WORLD.northside("owner"), "demo");
            new HomeScreen(app).waitFor("Welcome");
            ContactsScreen contacts = new ContactsScreen(app).open().startNew(client).field("email", email);
            contacts.save();
            contacts.waitForDetail(client);

            DocumentScreen invoices = DocumentScreen.invoices(app).open().startNew().client(client)
                    .line(0, "Water heater install", null, "900").addLine().line(1, "Fittings", "4", "12.50");
            invoices.waitForTotals("Total $1,073.50");
            invoices.saveDraft(client).press("send").waitForRecipient(email);
            invoices.waitForPreview("Subject: Invoice INV-").message("Thanks for having us").waitForPreview("Thanks for having us");
            app.screenshot("invoice-send");
            invoices.confirmSend();
            invoices.waitInList("Sent");

            JsonObject invoice = invoiceOf(client);
            String number = invoice.getString("number");
            Message mail = Mailbox.await(email, number);
            Multipart parts = (Multipart) mail.getContent();
            assertEquals(number + ".pdf", parts.getBodyPart(1).getFileName());
            String text = Mailbox.text(mail);
            String link = text.lines().filter(l -> l.contains("/portal/invoices/")).findFirst().orElseThrow().trim();

            new SettingsScreen(app).open("payments");
            app.click("stripe-payment-mail");
            app.waitForToast("Owners and admins get an e-mail for each card payment");
            app.click("stripe-receipt-mail");
            app.waitForToast("Clients get a receipt by e-mail after each card payment");

            try (BackOffice clientBrowser = new BackOffice(414, 860)) {
                PortalScreen portal = new PortalScreen(clientBrowser).open(link, "Pay $1,073.50");
                clientBrowser.screenshot("portal-pay");
                portal.pay();
                assertTrue(portal.address().contains("/portal/invoices/"), portal.address());
            }

            invoices.open().waitInList(client);
            invoices.openRowShowing(client, "inv-payments");
            String payments = invoices.payments("$1,073.50");
            assertTrue(payments.contains("Stripe"), payments);
            // a paid invoice opens as the document, stamped, its payments above it — not a greyed-out form
            app.waitForText("inv-stamp", "PAID");
            app.waitForText("inv-sheet-lines", "Water heater install");
            assertTrue(app.driver.findElements(By.id("inv-line-0-name")).isEmpty(), "no form for a paid invoice");
            assertTrue(app.driver.findElement(By.id("inv-payments")).getLocation().getY()
                    < app.driver.findElement(By.id("inv-sheet")).getLocation().getY(), "payments first");
            app.screenshot("invoice-paid");
            new HomeScreen(app).open();
            app.waitForText("notifications", "Payment of $1,073.50 received by card for " + number + ", now paid in full");
            assertEquals("PAID", invoiceOf(client).getString("status"));
            String news = Mailbox.text(Mailbox.await(WORLD.northside("owner"), "received by card for " + number));
            assertTrue(news.contains("Payment of $1,073.50 received by card") && news.contains("/app/invoices?open="), news);
            Message receipt = Mailbox.await(email, "Receipt: your payment for invoice " + number);
            assertTrue(Mailbox.text(receipt).contains("received your payment of $1,073.50"), Mailbox.text(receipt));
            assertEquals(number + ".pdf", ((Multipart) receipt.getContent()).getBodyPart(1).getFileName());

            contacts.open().search(client).openContact(client);
            contacts.waitForTimeline("Payment of $1,073.50 received for " + number + " by card");
            String timeline = contacts.timeline();
            assertTrue(timeline.contains("Invoice " + number + " sent") && timeline.contains("Invoice " + number + " drafted"),
                    timeline);

            SettingsScreen settings = new SettingsScreen(app).open("payments");
            settings.waitForStripe(WORLD.northsideStripe());
            app.screenshot("settings-payments");
            settings.open("email").waitForMailServer("installation's mail server");
            app.screenshot("settings-email");
        }
    }

    private static JsonObject invoiceOf(String client) {
        String owner = SystemUnderTest.token(WORLD.northside("owner"), null);
        String contact = SystemUnderTest.get("/api/v1/contacts?q=" + client.replace(" ", "%20"), owner).json()
                .getJsonArray("data").getJsonObject(0).getString("id");
        return SystemUnderTest.get("/api/v1/invoices?contact_id=" + contact, owner).json().getJsonArray("data").getJsonObject(0);
    }
}
