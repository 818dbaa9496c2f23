package com.smbhub.system;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Message;
import jakarta.mail.Multipart;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The invoice editor in the browser: field errors, lines with tax, live totals, the saved draft in
 * the list, sending it, and recording the payment that makes it paid.
 */
class InvoicesJourneyIT {

    private static final World WORLD = World.create();

    @Test
    void createPlusDraftInvoiceOpensTheDraftOfTheNewItem() {
        String client = "Wanda " + UUID.randomUUID().toString().substring(0, 6);
        ContactsIT.send("POST", "/api/v1/contacts", SystemUnderTest.token(WORLD.northside("staff"), null),
                "{\"display_name\":\"" + client + "\"}");
        try (BackOffice app = new BackOffice()) {
            app.signIn(WORLD.northside("staff"), "demo");
            new HomeScreen(app).waitFor("Welcome");
            new WorkScreen(app).open(null).startNew("Gas line for " + client).contact(client).createWithInvoice();
            app.waitForPath("invoices");
            DocumentScreen.invoices(app).waitForFirstLine("Gas line for " + client);
        }
    }

    @Test
    void anOwnerDraftsAnInvoiceWithTwoLinesAndTax() throws Exception {
        String client = "Ivan " + UUID.randomUUID().toString().substring(0, 6);
        ContactsIT.send("POST", "/api/v1/contacts", SystemUnderTest.token(WORLD.northside("owner"), null),
                "{\"display_name\":\"" + client + "\"}");
        try (BackOffice app = new BackOffice()) {
            app.signIn(WORLD.northside("owner"), "demo");
            new HomeScreen(app).waitFor("Welcome");
            DocumentScreen invoices = DocumentScreen.invoices(app).open().startNew().line(0, "Repair", null, "120");
            invoices.press("save");
            var wait = BackOffice.await(app.driver, 15);
            wait.until(d -> invoices.clientRefused());
            invoices.client(client).addLine().line(1, "Parts", "2", "15.50").waitForTotals("Total $170.63");
            app.screenshot("invoice-editor");
            invoices.saveDraft(client).press("close"); // saved, it stayed open with Send; closed, the list
            invoices.waitInList("$170.63");
            app.screenshot("invoices");
            invoices.openRow(client, "send").send("ivan@example.com");
            invoices.waitInList("Sent");
            invoices.openRowShowing(client, "pay-record");
            app.screenshot("invoice-payment");
            invoices.recordPayment();
            invoices.waitInList("Paid");
            // the client had no e-mail on file: the receipt goes where the invoice went, from the payment's Send receipt
            invoices.openRowShowing(client, "pay-receipt-0");
            app.click("pay-receipt-0");
            app.waitForText("send-preview", "received your payment of $170.63");
            app.type("send-to", "ivan@example.com");
            invoices.confirmSend();
            app.waitForToast("Receipt sent to ivan@example.com");
        }
        Message receipt = Mailbox.await("ivan@example.com", "Receipt: your payment for invoice");
        String text = Mailbox.text(receipt);
        assertTrue(text.contains("received your payment of $170.63") && text.contains("/portal/invoices/"), text);
        assertTrue(((Multipart) receipt.getContent()).getBodyPart(1).getFileName().endsWith(".pdf"), "the invoice PDF");
    }

    @Test
    void theListsQuickActionMarksAnInvoicePaid() {
        String owner = SystemUnderTest.token(WORLD.northside("owner"), null);
        String client = "Quick " + UUID.randomUUID().toString().substring(0, 6);
        String contact = ContactsIT.send("POST", "/api/v1/contacts", owner, "{\"display_name\":\"" + client + "\"}").json()
                .getJsonObject("data").getString("id");
        var invoice = ContactsIT.send("POST", "/api/v1/invoices", owner, "{\"contact_id\":\"" + contact + "\","
                + "\"line_items\":[{\"name\":\"Callout\",\"qty\":1,\"rate\":80}]}").json().getJsonObject("data");
        ContactsIT.send("POST", "/api/v1/invoices/" + invoice.getString("id") + "/send", owner, "{\"to\":\"quick@example.com\"}");
        try (BackOffice app = new BackOffice()) {
            var wait = BackOffice.await(app.driver, 15);
            app.signIn(WORLD.northside("owner"), "demo");
            new HomeScreen(app).waitFor("Welcome");
            DocumentScreen invoices = DocumentScreen.invoices(app).open();
            invoices.waitInList(client);
            invoices.rowAction(invoice.getString("number"), "Mark paid");
            app.screenshot("invoice-quick-actions");
            invoices.confirm();
            wait.until(d -> "PAID".equals(SystemUnderTest.get("/api/v1/invoices/" + invoice.getString("id"), owner).json()
                    .getJsonObject("data").getString("status")));
        }
    }

    @Test
    void theListsSendIsTheEditorsDialogAddressedToTheClient() throws Exception {
        String owner = SystemUnderTest.token(WORLD.northside("owner"), null);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String email = "listsend-" + tag + "@example.com";
        String contact = ContactsIT.send("POST", "/api/v1/contacts", owner, "{\"display_name\":\"Lina " + tag + "\",\"email\":\""
                + email + "\"}").json().getJsonObject("data").getString("id");
        var invoice = ContactsIT.send("POST", "/api/v1/invoices", owner, "{\"contact_id\":\"" + contact + "\","
                + "\"line_items\":[{\"name\":\"Callout\",\"qty\":1,\"rate\":80}]}").json().getJsonObject("data");
        String number = invoice.getString("number");
        try (BackOffice app = new BackOffice()) {
            app.signIn(WORLD.northside("owner"), "demo");
            new HomeScreen(app).waitFor("Welcome");
            DocumentScreen invoices = DocumentScreen.invoices(app).open();
            invoices.waitInList("Lina " + tag);
            invoices.rowMenu(number, "Send");
            invoices.waitForRecipient(email); // prefilled, as in the editor
            invoices.waitForPreview(number);
            app.waitForText("send-attachments", number + ".pdf");
            app.screenshot("invoice-send-from-list");
            invoices.confirmSend();
            BackOffice.await(app.driver, 15).until(d -> "SENT".equals(SystemUnderTest.get("/api/v1/invoices/" + invoice.getString("id"),
                    owner).json().getJsonObject("data").getString("status")));
            Mailbox.await(email, number);
            // Sent mail (development): the row opens the message as sent, its link to the invoice one to follow
            app.open("sent-mail");
            app.openRow("sent-mail-grid", email, d -> !d.findElements(By.id("sent-mail-body")).isEmpty());
            app.waitForText("sent-mail-body", "/portal/invoices/");
            assertTrue(app.driver.findElements(By.cssSelector("#sent-mail-body a[href*='/portal/invoices/']")).size() == 1,
                    "the client's link is a link");
            app.screenshot("sent-mail-message");
        }
    }
}
