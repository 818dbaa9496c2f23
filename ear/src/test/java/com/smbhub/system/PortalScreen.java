package com.smbhub.system;

import org.openqa.selenium.By;

/** Page object of the client's portal page (a quote or an invoice behind its link), in a phone-sized browser. */
final class PortalScreen {

    private final BackOffice browser;

    PortalScreen(BackOffice browser) {
        this.browser = browser;
    }

    PortalScreen open(String link, String waitFor) {
        browser.driver.get(link);
        waitForText(waitFor);
        return this;
    }

    void waitForText(String text) {
        BackOffice.await(browser.driver, 20).until(d -> d.getPageSource().contains(text));
    }

    PortalScreen note(String text) {
        browser.driver.findElement(By.id("note")).sendKeys(text);
        return this;
    }

    /** Pay on the invoice page, then pay on the test-mode checkout; waits until the page says it arrived. */
    void pay() {
        browser.driver.findElement(By.cssSelector("button.pay")).click();
        waitForText("TEST MODE");
        browser.driver.findElement(By.id("test-pay")).click();
        waitForText("Payment received");
    }

    /** "Message <business>": writes and sends; waits for the page's thank-you. */
    void message(String text) {
        browser.driver.findElement(By.id("message")).sendKeys(text);
        browser.driver.findElement(By.id("send-message")).click();
        waitForText("has your message");
    }

    String address() {
        return browser.driver.getCurrentUrl();
    }

    /** Approve, then confirm it in the dialog that asks. */
    void approve() {
        browser.driver.findElement(By.id("approve")).click();
        BackOffice.await(browser.driver, 20).until(d -> !d.findElements(By.id("confirm")).isEmpty());
        browser.driver.findElement(By.id("confirm")).click();
    }
}
