package com.smbhub.system;

import java.nio.file.Path;
import org.openqa.selenium.By;

/** Page object of the work screen (web/work): the list, the quick "new" form and an item's dialog. */
final class WorkScreen {

    private final BackOffice app;

    WorkScreen(BackOffice app) {
        this.app = app;
    }

    WorkScreen open(String title) {
        app.open("work");
        if (title != null) {
            app.waitForText("page-title", title);
        }
        return this;
    }

    /** Opens the quick form and types the title. */
    WorkScreen startNew(String title) {
        app.click("new-work-item");
        app.type("wi-title", title);
        return this;
    }

    WorkScreen contact(String name) {
        app.pick("wi-contact", name);
        return this;
    }

    /** One of the profile's own fields in the quick form. */
    WorkScreen field(String key, String value) {
        app.type("wi-label-" + key, value);
        return this;
    }

    boolean fieldRefused(String key) {
        return app.driver.findElement(By.id("wi-label-" + key)).getAttribute("invalid") != null;
    }

    void create() {
        app.click("wi-save");
    }

    void createWithInvoice() {
        app.click("wi-save-invoice");
    }

    void waitInList(String text) {
        BackOffice.await(app.driver, 20).until(d -> d.findElement(By.id("work-grid")).getText().contains(text));
    }

    /** Opens the item with this title and waits for its dialog. */
    WorkScreen openItem(String title) {
        app.openRow("work-grid", title, d -> !d.findElements(By.id("wi-tabs")).isEmpty());
        return this;
    }

    /** Opens the item with this title in its edit form. */
    WorkScreen editItem(String title) {
        waitInList(title);
        app.openRow("work-grid", title, d -> !d.findElements(By.id("wi-edit-title")).isEmpty());
        BackOffice.await(app.driver, 20).until(d -> !d.findElements(By.cssSelector("#wi-edit-description textarea")).isEmpty());
        return this;
    }

    /** Waits until an item's edit form is open with this title (opened from elsewhere, e.g. the palette). */
    void waitForEditing(String title) {
        BackOffice.await(app.driver, 20).until(d -> d.findElements(By.id("wi-edit-title")).stream()
                .anyMatch(e -> title.equals(e.getAttribute("value"))));
    }

    WorkScreen describe(String text) {
        app.driver.findElement(By.cssSelector("#wi-edit-description textarea")).sendKeys(text);
        return this;
    }

    /** One of the profile's own fields in the edit form. */
    WorkScreen editField(String key, String value) {
        app.type("wi-edit-label-" + key, value);
        return this;
    }

    WorkScreen assign(String member) {
        app.click("wi-edit-assignee");
        BackOffice.await(app.driver, 20).until(d -> d.findElements(By.cssSelector("vaadin-select-item")).stream()
                .anyMatch(i -> i.getText().contains(member)));
        app.driver.findElements(By.cssSelector("vaadin-select-item")).stream()
                .filter(i -> i.getText().contains(member)).findFirst().orElseThrow().click();
        return this;
    }

    /** Saves the edit form and waits for it to close. */
    void save() {
        app.click("wi-edit-save");
        BackOffice.await(app.driver, 20).until(d -> d.findElements(By.id("wi-edit-save")).isEmpty());
    }

    /** Opens an item, waits until it offers to move to {@code status}, and moves it. */
    void openAndMove(String title, String status) {
        app.openRow("work-grid", title, d -> !d.findElements(By.id("status-" + status)).isEmpty());
        app.click("status-" + status);
    }

    boolean listShows(String text) {
        return app.driver.findElement(By.id("work-grid")).getText().contains(text);
    }

    boolean offersNew() {
        return app.driver.findElements(By.id("new-work-item")).stream().anyMatch(e -> e.isDisplayed());
    }

    /** On the open item's Files tab: uploads the file and waits for it in the list, then back to Details. */
    void attach(Path file) {
        app.tab("Files");
        app.upload("files-upload", file);
        app.waitForText("files-list", file.getFileName().toString());
    }

    void details() {
        app.tab("Details");
    }

    /** The open item's Activity tab shows this line. */
    void waitForActivity(String text) {
        app.tab("Activity");
        app.waitForText("wi-activity", text);
    }

    /** Moves the open item on (the dialog closes). */
    void moveTo(String status) {
        app.click("status-" + status);
        BackOffice.await(app.driver, 20).until(d -> d.findElements(By.id("wi-tabs")).isEmpty());
    }
}
