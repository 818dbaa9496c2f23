package com.smbhub.system;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Page object of the inbox (web/inbox): the conversation list, the open thread, its actions and the answer box. */
final class InboxScreen {

    private final BackOffice app;

    InboxScreen(BackOffice app) {
        this.app = app;
    }

    InboxScreen open() {
        app.open("inbox");
        BackOffice.await(app.driver, 20).until(d -> !d.findElements(By.id("inbox-grid")).isEmpty());
        return this;
    }

    /** Waits (without reloading: the page looks for new mail itself) until a row shows this text; returns the seconds it took. */
    long waitForConversation(String text, int seconds) {
        long start = System.nanoTime();
        BackOffice.await(app.driver, seconds).until(d -> d.findElement(By.id("inbox-grid")).getText().contains(text));
        return Duration.ofNanos(System.nanoTime() - start).toSeconds();
    }

    /** Opens the conversation whose row shows this text (one click). */
    InboxScreen openConversation(String text) {
        BackOffice.await(app.driver, 30).until(d -> {
            d.findElements(By.cssSelector("#inbox-grid vaadin-grid-cell-content")).stream()
                    .filter(c -> c.getText().contains(text) && c.isDisplayed()).findFirst().ifPresent(WebElement::click);
            try {
                return new WebDriverWait(d, Duration.ofSeconds(2)).until(x -> !x.findElements(By.id("thread-who")).isEmpty());
            } catch (TimeoutException e) {
                return false;
            }
        });
        return this;
    }

    String who() {
        return app.text("thread-who");
    }

    String thread() {
        return app.text("thread-messages");
    }

    void waitInThread(String text, int seconds) {
        BackOffice.await(app.driver, seconds).until(d -> d.findElement(By.id("thread-messages")).getText().contains(text));
    }

    /** "Convert to work item" with the contact made from the sender on the way; two clicks. */
    void convertToWorkItem() {
        app.click("thread-convert");
        BackOffice.await(app.driver, 20).until(d -> !d.findElements(By.id("convert-save")).isEmpty());
        app.click("convert-save");
    }

    /** "Turn into…": the AI panel opens with what was read from the last received message. */
    void turnInto() {
        app.click("thread-ai");
        BackOffice.await(app.driver, 20).until(d -> !d.findElements(By.id("ai-apply")).isEmpty());
    }

    /** The AI panel's choice of what to make, as it reads ("Quote"). */
    String aiKind() {
        return app.driver.findElement(By.cssSelector("#ai-kind vaadin-radio-button[checked]")).getText();
    }

    /** Picks what to make ("Expense"); the panel reads the message again for it, with progress, and shows the reading. */
    void aiChoose(String kind) {
        BackOffice.await(app.driver, 10).until(d -> d.findElements(By.cssSelector("#ai-kind vaadin-radio-button")).stream()
                .filter(b -> b.getText().equals(kind)).findFirst().map(b -> {
                    b.click();
                    return true;
                }).orElse(false));
        BackOffice.await(app.driver, 30).until(d -> d.findElements(By.id("ai-rereading")).stream().noneMatch(WebElement::isDisplayed)
                && aiKind().equals(kind) && d.findElement(By.id("ai-apply")).isEnabled());
    }

    /** A field's value in the AI panel (its input). */
    String aiValue(String id) {
        return app.driver.findElement(By.cssSelector("#" + id + " input")).getDomProperty("value");
    }

    /** The panel's lines as "name qty rate", one each. */
    java.util.List<String> aiLines() {
        return app.driver.findElements(By.cssSelector("#ai-lines vaadin-horizontal-layout")).stream()
                .map(row -> row.findElements(By.cssSelector("input")).stream().map(i -> i.getDomProperty("value"))
                        .collect(java.util.stream.Collectors.joining(" "))).toList();
    }

    /** The words the panel marks in the message as found. */
    java.util.List<String> aiFound() {
        return app.driver.findElements(By.cssSelector("#ai-source mark")).stream().map(WebElement::getText).toList();
    }

    void aiType(String id, String text) {
        app.type(id, text);
    }

    /** "Apply as draft": waits for the toast that says what was drafted. */
    void applyAi() {
        app.click("ai-apply");
        app.waitForToast("drafted from the message");
    }

    /** "Send to QC": waits for the toast that says the review team has it. */
    void sendAiToQc() {
        app.click("ai-send-to-qc");
        app.waitForToast("Sent to the review team");
    }

    String convertTitle() {
        return app.driver.findElement(By.cssSelector("#convert-title input")).getAttribute("value");
    }

    void answer(String text) {
        WebElement box = BackOffice.await(app.driver, 20).until(d -> d.findElement(By.cssSelector("#composer-text textarea")));
        box.sendKeys(text);
        app.click("composer-send");
    }

    /** Test mode's "Simulate an incoming text": from this number, this text, through the signed webhook. */
    void simulateText(String from, String text) {
        app.click("inbox-simulate");
        WebElement number = BackOffice.await(app.driver, 20).until(d -> d.findElement(By.cssSelector("#simulate-from input")));
        number.clear();
        number.sendKeys(from);
        app.driver.findElement(By.cssSelector("#simulate-text textarea")).sendKeys(text);
        app.click("simulate-send");
        app.waitForToast("Text received");
    }

    boolean offersToCreateContact() {
        return !app.driver.findElements(By.id("thread-create-contact")).isEmpty();
    }

    boolean linkedToContact() {
        return !app.driver.findElements(By.id("thread-contact")).isEmpty();
    }

    boolean listShown() {
        return app.driver.findElement(By.id("inbox-grid")).isDisplayed();
    }

    /** No element of the thread reaches past the viewport's right edge (no sideways scrolling); the overflow in pixels. */
    double overflow() {
        Object over = ((org.openqa.selenium.JavascriptExecutor) app.driver).executeScript(
                "const w = document.documentElement.clientWidth; return Math.max(document.documentElement.scrollWidth,"
                        + " ...Array.from(document.querySelectorAll('#inbox-thread *')).map(e => e.getBoundingClientRect().right))"
                        + " - w;");
        return ((Number) over).doubleValue();
    }

    void back() {
        app.driver.findElements(By.cssSelector(".back-to-list")).stream().filter(WebElement::isDisplayed).findFirst()
                .orElseThrow().click();
        BackOffice.await(app.driver, 10).until(d -> d.findElement(By.id("inbox-grid")).isDisplayed());
    }
}
