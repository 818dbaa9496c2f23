package com.smbhub.system;

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
            app.waitForText("home-title", "Welcome");
            app.open("work");
            app.click("new-work-item");
            app.type("wi-title", "Gas line for " + client);
            ContactsJourneyIT.pickFromComboBox(app, "wi-contact", client);
            app.click("wi-save-invoice");
            app.waitForPath("invoices");
            BackOffice.await(app.driver, 15).until(d -> d.findElements(By.cssSelector("#inv-line-0-name input"))
                    .stream().anyMatch(e -> ("Gas line for " + client).equals(e.getAttribute("value"))));
        }
    }

    @Test
    void anOwnerDraftsAnInvoiceWithTwoLinesAndTax() {
        String client = "Ivan " + UUID.randomUUID().toString().substring(0, 6);
        ContactsIT.send("POST", "/api/v1/contacts", SystemUnderTest.token(WORLD.northside("owner"), null),
                "{\"display_name\":\"" + client + "\"}");
        try (BackOffice app = new BackOffice()) {
            app.signIn(WORLD.northside("owner"), "demo");
            app.waitForText("home-title", "Welcome");
            app.open("invoices");
            app.waitForText("page-title", "Invoices");
            app.click("new-invoice");
            app.type("inv-line-0-name", "Repair");
            app.type("inv-line-0-rate", "120");
            app.click("inv-save");
            var wait = BackOffice.await(app.driver, 15);
            wait.until(d -> d.findElement(By.id("inv-contact")).getAttribute("invalid") != null);
            ContactsJourneyIT.pickFromComboBox(app, "inv-contact", client);
            app.click("inv-add-line");
            app.type("inv-line-1-name", "Parts");
            app.type("inv-line-1-qty", "2");
            app.type("inv-line-1-rate", "15.50");
            app.driver.findElement(By.cssSelector("#inv-line-1-rate input")).sendKeys(org.openqa.selenium.Keys.TAB);
            app.waitForText("inv-totals", "Total $170.63");
            app.screenshot("invoice-editor");
            app.click("inv-save");
            wait.until(d -> d.findElement(By.id("invoice-grid")).getText().contains(client));
            app.waitForText("invoice-grid", "$170.63");
            app.screenshot("invoices");
            app.openRow("invoice-grid", client, d -> !d.findElements(By.id("inv-send")).isEmpty());
            app.click("inv-send");
            app.type("send-to", "ivan@example.com");
            app.click("send-confirm");
            wait.until(d -> d.findElement(By.id("invoice-grid")).getText().contains("Sent"));
            app.openRow("invoice-grid", client, d -> !d.findElements(By.id("pay-record")).isEmpty());
            ((org.openqa.selenium.JavascriptExecutor) app.driver).executeScript(
                    "arguments[0].scrollIntoView({block: 'center'})", app.driver.findElement(By.id("pay-record")));
            app.screenshot("invoice-payment");
            app.click("pay-record");
            wait.until(d -> d.findElement(By.id("invoice-grid")).getText().contains("Paid"));
        }
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
            app.waitForText("home-title", "Welcome");
            app.open("invoices");
            wait.until(d -> d.findElement(By.id("invoice-grid")).getText().contains(client));
            app.click("inv-actions-" + invoice.getString("number"));
            wait.until(d -> d.findElements(By.cssSelector("vaadin-context-menu-item")).stream()
                    .anyMatch(e -> e.getText().trim().equals("Mark paid") && e.isDisplayed()));
            app.driver.findElements(By.cssSelector("vaadin-context-menu-item")).stream()
                    .filter(e -> e.getText().trim().equals("Mark paid")).findFirst().orElseThrow().click();
            wait.until(d -> !d.findElements(By.cssSelector("vaadin-confirm-dialog-overlay")).isEmpty());
            app.screenshot("invoice-quick-actions");
            app.driver.findElement(By.cssSelector("vaadin-confirm-dialog-overlay [slot='confirm-button']")).click();
            wait.until(d -> "PAID".equals(SystemUnderTest.get("/api/v1/invoices/" + invoice.getString("id"), owner).json()
                    .getJsonObject("data").getString("status")));
        }
    }
}
