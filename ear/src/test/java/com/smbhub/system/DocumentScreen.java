package com.smbhub.system;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Page object of the invoices and quotes screens (web/document): the list and the editor. Their
 * selectors live here and nowhere else; the two screens differ only by the prefix of their ids.
 */
final class DocumentScreen {

    private final BackOffice app;
    private final String path;
    private final String title;
    private final String noun;
    private final String prefix;

    private DocumentScreen(BackOffice app, String path, String title, String noun, String prefix) {
        this.app = app;
        this.path = path;
        this.title = title;
        this.noun = noun;
        this.prefix = prefix;
    }

    static DocumentScreen invoices(BackOffice app) {
        return new DocumentScreen(app, "invoices", "Invoices", "invoice", "inv");
    }

    static DocumentScreen quotes(BackOffice app) {
        return new DocumentScreen(app, "quotes", "Quotes", "quote", "quote");
    }

    DocumentScreen open() {
        app.open(path);
        app.waitForText("page-title", title);
        return this;
    }

    /** The business's profile turned the module off: the page says so. */
    void waitForTurnedOff() {
        app.waitForText("page-message", "turned off for your business");
    }

    DocumentScreen startNew() {
        app.click("new-" + noun);
        return this;
    }

    DocumentScreen client(String name) {
        app.pick(prefix + "-contact", name);
        return this;
    }

    boolean clientRefused() {
        return app.driver.findElement(By.id(prefix + "-contact")).getAttribute("invalid") != null;
    }

    DocumentScreen addLine() {
        app.click(prefix + "-add-line");
        return this;
    }

    /** Fills line {@code i} (0-based); a null qty keeps the form's 1. The totals update once the rate field is left. */
    DocumentScreen line(int i, String name, String qty, String rate) {
        app.type(prefix + "-line-" + i + "-name", name);
        if (qty != null) {
            app.type(prefix + "-line-" + i + "-qty", qty);
        }
        app.type(prefix + "-line-" + i + "-rate", rate);
        app.driver.findElement(By.cssSelector("#" + prefix + "-line-" + i + "-rate input")).sendKeys(Keys.TAB);
        return this;
    }

    void waitForTotals(String text) {
        app.waitForText(prefix + "-totals", text);
    }

    /** The payments section of an open invoice, once it shows {@code text}. */
    String payments(String text) {
        app.waitForText(prefix + "-payments", text);
        return app.text(prefix + "-payments");
    }

    String totals() {
        return app.text(prefix + "-totals");
    }

    /** Waits until the open editor's first line is named {@code name} (a document opened from elsewhere). */
    void waitForFirstLine(String name) {
        BackOffice.await(app.driver, 15).until(d -> d.findElements(By.cssSelector("#" + prefix + "-line-0-name input"))
                .stream().anyMatch(e -> name.equals(e.getAttribute("value"))));
    }

    /** An editor button: save, send, remind, void, link, pay-link, convert, approve, reject. */
    DocumentScreen press(String action) {
        app.click(prefix + "-" + action);
        return this;
    }

    /** Save draft: the list shows it and the editor opens again on the saved draft, Send next to Save. */
    DocumentScreen saveDraft(String client) {
        press("save");
        waitInList(client);
        BackOffice.await(app.driver, 20).until(d -> d.findElements(By.id(prefix + "-send")).stream()
                .anyMatch(WebElement::isDisplayed));
        return this;
    }

    void waitInList(String text) {
        BackOffice.await(app.driver, 20).until(d -> d.findElement(By.id(noun + "-grid")).getText().contains(text));
    }

    /** Opens the row of this client and waits for the editor to offer {@code action}. */
    DocumentScreen openRow(String client, String action) {
        return openRowShowing(client, prefix + "-" + action);
    }

    /** Opens the row of this client and waits for the element with this id (a section of the editor). */
    DocumentScreen openRowShowing(String client, String id) {
        app.openRow(noun + "-grid", client, d -> !d.findElements(By.id(id)).isEmpty());
        return this;
    }

    /** The send dialog: who it goes to (null keeps the client's address), then Send. */
    void send(String to) {
        press("send");
        if (to != null) {
            app.type("send-to", to);
        }
        app.click("send-confirm");
    }

    /** The send (or reminder) dialog's preview shows this text. */
    DocumentScreen waitForPreview(String text) {
        app.waitForText("send-preview", text);
        return this;
    }

    DocumentScreen message(String text) {
        app.driver.findElement(By.cssSelector("#send-message textarea")).sendKeys(text);
        return this;
    }

    DocumentScreen template(String name) {
        app.click("send-template");
        app.choose(name);
        return this;
    }

    void confirmSend() {
        app.click("send-confirm");
    }

    /** "Record payment" in the open invoice, brought into view first. */
    void recordPayment() {
        ((JavascriptExecutor) app.driver).executeScript("arguments[0].scrollIntoView({block: 'center'})",
                app.driver.findElement(By.id("pay-record")));
        app.click("pay-record");
    }

    /** A row's menu ("Mark paid", …) for the document with this number; waits for its confirmation. */
    void rowAction(String number, String label) {
        rowMenu(number, label);
        BackOffice.await(app.driver, 15).until(d -> !d.findElements(By.cssSelector("vaadin-confirm-dialog-overlay")).isEmpty());
    }

    /** Chooses {@code label} in the row's ⋯ menu of the document with this number. */
    DocumentScreen rowMenu(String number, String label) {
        app.click(prefix + "-actions-" + number);
        BackOffice.await(app.driver, 15).until(d -> d.findElements(By.cssSelector("vaadin-context-menu-item")).stream()
                .anyMatch(e -> e.getText().trim().equals(label) && e.isDisplayed()));
        app.driver.findElements(By.cssSelector("vaadin-context-menu-item")).stream()
                .filter(e -> e.getText().trim().equals(label)).findFirst().orElseThrow().click();
        return this;
    }

    void confirm() {
        app.confirm();
    }

    /** "Hold reminders" in the open invoice: the reason (its words) and a note; the dialog stays open for a look. */
    void holdReminders(String reason, String note) {
        app.click("inv-hold-reminders");
        BackOffice.await(app.driver, 15).until(d -> !d.findElements(By.cssSelector("#hold-why vaadin-radio-button")).isEmpty());
        app.driver.findElements(By.cssSelector("#hold-why vaadin-radio-button")).stream()
                .filter(e -> e.getText().trim().equals(reason)).findFirst().orElseThrow().click();
        app.driver.findElement(By.cssSelector("#hold-note textarea")).sendKeys(note);
    }

    void waitForRecipient(String email) {
        BackOffice.await(app.driver, 20).until(d -> d.findElements(By.cssSelector("#send-to input")).stream()
                .anyMatch(e -> email.equals(e.getAttribute("value"))));
    }
}
