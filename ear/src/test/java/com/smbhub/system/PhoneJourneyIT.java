package com.smbhub.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * A plumber between jobs, on a phone (390×844): a new contact, a request for it, its invoice and the
 * invoice sent — each screen checked for anything cut off at the window's edge.
 */
class PhoneJourneyIT {

    private static final World WORLD = World.create();

    @Test
    void contactRequestInvoiceAndSendFitAPhone() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String name = "Pat " + tag;
        String email = "phone-" + tag + "@example.com";
        String job = "Leaking tap for " + name;
        try (BackOffice app = new BackOffice(390, 844)) {
            app.signIn(WORLD.northside("owner"), "demo");
            new HomeScreen(app).waitFor("Welcome");
            fits(app, "home");

            ContactsScreen contacts = new ContactsScreen(app).open();
            cards(app, "contact-grid");
            fits(app, "contacts as cards");
            app.screenshot("contacts-phone");
            contacts.startNew(name).field("email", email).field("phone", "416 555 0199");
            assertFalse(shown(app.driver, "contact-grid"), "the form is its own screen");
            fits(app, "the new contact form");
            contacts.save();
            contacts.waitForDetail(name);
            fits(app, "the contact");
            app.screenshot("contact-phone");
            app.driver.findElements(By.cssSelector("#contact-detail .back-to-list")).stream().filter(WebElement::isDisplayed)
                    .findFirst().orElseThrow().click(); // at the top of the contact, not scrolled away with the form
            BackOffice.await(app.driver, 15).until(d -> shown(d, "contact-grid") && !shown(d, "contact-detail"));

            WorkScreen work = new WorkScreen(app).open(null);
            cards(app, "work-grid");
            fits(app, "work as cards");
            work.startNew(job).contact(name);
            fits(app, "the new request");
            app.screenshot("work-new-phone");
            work.createWithInvoice();

            DocumentScreen invoices = DocumentScreen.invoices(app);
            BackOffice.await(app.driver, 20).until(d -> !d.findElements(By.id("inv-line-0-name")).isEmpty());
            invoices.line(0, "Replace tap washer", "2", "45");
            app.waitForText("inv-line-0-amount", "90.00");
            invoices.waitForTotals("Total");
            fits(app, "the invoice's lines");
            assertTrue(app.driver.findElements(By.id("dialog-back")).stream().anyMatch(WebElement::isDisplayed),
                    "the invoice has the back arrow at its top");
            app.screenshot("invoice-phone");
            invoices.saveDraft(name);
            invoices.press("send").waitForRecipient(email);
            invoices.waitForPreview(name);
            fits(app, "the send dialog");
            app.screenshot("invoice-send-phone");
            invoices.confirmSend();
            Mailbox.await(email, "");

            invoices.open();
            cards(app, "invoice-grid");
            invoices.waitInList(name);
            fits(app, "invoices as cards");
            app.screenshot("invoices-phone");
        }
        assertEquals(List.of(), cut, "nothing cut off on a phone");
    }

    private final List<String> cut = new ArrayList<>();

    /** Notes what on this screen reaches past the window's edges; the test fails at its end with all of them. */
    private void fits(BackOffice app, String screen) {
        app.cutOff().forEach(what -> cut.add(screen + ": " + what));
    }

    /** The list has switched to cards (it asks the browser how wide the window is once shown). */
    private static void cards(BackOffice app, String grid) {
        BackOffice.await(app.driver, 15).until(d -> d.findElement(By.id(grid)).getAttribute("class").contains("cards"));
    }

    private static boolean shown(WebDriver driver, String id) {
        return driver.findElements(By.id(id)).stream().anyMatch(WebElement::isDisplayed);
    }
}
