package com.smbhub.system;

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

    /** Moves the open item on (the dialog closes). */
    void moveTo(String status) {
        app.click("status-" + status);
        BackOffice.await(app.driver, 20).until(d -> d.findElements(By.id("wi-tabs")).isEmpty());
    }
}
