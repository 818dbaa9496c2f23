package com.smbhub.system;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Multipart;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

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
            var wait = BackOffice.await(app.driver, 20);
            app.signIn(WORLD.northside("owner"), "demo");
            app.waitForText("home-title", "Welcome");
            app.open("quotes");
            app.waitForText("page-title", "Quotes");
            app.click("new-quote");
            ContactsJourneyIT.pickFromComboBox(app, "quote-contact", client);
            app.type("quote-line-0-name", "Kitchen sink and tap");
            app.type("quote-line-0-rate", "640");
            app.driver.findElement(By.cssSelector("#quote-line-0-rate input")).sendKeys(org.openqa.selenium.Keys.TAB);
            app.waitForText("quote-totals", "Total $723.20");
            app.screenshot("quote-editor");
            app.click("quote-save");
            wait.until(d -> d.findElement(By.id("quote-grid")).getText().contains(client));
            app.openRow("quote-grid", client, d -> !d.findElements(By.id("quote-send")).isEmpty());
            app.click("quote-send");
            wait.until(d -> d.findElements(By.cssSelector("#send-to input")).stream()
                    .anyMatch(e -> email.equals(e.getAttribute("value"))));
            app.click("send-confirm");
            wait.until(d -> d.findElement(By.id("quote-grid")).getText().contains("Sent"));

            jakarta.mail.Message mail = Mailbox.await(email, "Quote Q-");
            String text = ((Multipart) mail.getContent()).getBodyPart(0).getContent().toString();
            String link = text.lines().filter(l -> l.contains("/portal/quotes/")).findFirst().orElseThrow().trim();
            try (BackOffice clientBrowser = new BackOffice(414, 860)) {
                WebDriver browser = clientBrowser.driver;
                var clientWait = BackOffice.await(browser, 20);
                browser.get(link);
                clientWait.until(d -> d.getPageSource().contains("Approve quote"));
                browser.findElement(By.id("note")).sendKeys("Thursday works for us");
                clientBrowser.screenshot("portal-quote");
                browser.findElement(By.id("approve")).click();
                clientWait.until(d -> !d.findElements(By.id("confirm")).isEmpty());
                browser.findElement(By.id("confirm")).click();
                clientWait.until(d -> d.getPageSource().contains("has your approval"));
            }

            app.open("");
            app.waitForText("notifications", "was approved by the client: “Thursday works for us”");
            app.screenshot("home-notifications");
            app.open("quotes");
            wait.until(d -> d.findElement(By.id("quote-grid")).getText().contains("Approved"));
            app.openRow("quote-grid", client, d -> !d.findElements(By.id("quote-convert")).isEmpty());
            app.click("quote-convert");
            app.waitForPath("invoices");
            wait.until(d -> d.findElements(By.cssSelector("#inv-line-0-name input")).stream()
                    .anyMatch(e -> "Kitchen sink and tap".equals(e.getAttribute("value"))));
            assertTrue(app.text("inv-totals").contains("Total $723.20"));
        }
    }
}
