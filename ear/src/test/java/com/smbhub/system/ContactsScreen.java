package com.smbhub.system;

import java.nio.file.Path;
import org.openqa.selenium.By;

/** Page object of the contacts screen (web/contact): search, list, the form, the detail with its timeline, import. */
final class ContactsScreen {

    private final BackOffice app;

    ContactsScreen(BackOffice app) {
        this.app = app;
    }

    ContactsScreen open() {
        app.open("contacts");
        return this;
    }

    ContactsScreen startNew(String name) {
        app.click("new-contact");
        app.type("contact-display_name", name);
        return this;
    }

    /** A field of the form by its API name: email, phone, company_name, … */
    ContactsScreen field(String name, String value) {
        app.type("contact-" + name, value);
        return this;
    }

    boolean fieldRefused(String name) {
        return app.driver.findElement(By.id("contact-" + name)).getAttribute("invalid") != null;
    }

    void save() {
        app.click("save-contact");
    }

    void waitForDetail(String name) {
        app.waitForText("detail-name", name);
    }

    String detail() {
        return app.text("contact-detail");
    }

    ContactsScreen search(String text) {
        app.type("contact-search", text);
        return this;
    }

    void waitInList(String text) {
        BackOffice.await(app.driver, 15).until(d -> d.findElement(By.id("contact-grid")).getText().contains(text));
    }

    /** Opens the contact with this name from the list (search for it first). */
    void openContact(String name) {
        app.openRow("contact-grid", name, d -> d.findElements(By.id("detail-name")).stream()
                .anyMatch(e -> e.getText().equals(name)));
    }

    void waitForTimeline(String text) {
        app.waitForText("contact-timeline", text);
    }

    String timeline() {
        return app.text("contact-timeline");
    }

    /** Opens what the newest timeline line is about (a work item). */
    void openFirstTimelineLine() {
        app.driver.findElements(By.cssSelector("#contact-timeline a")).get(0).click();
    }

    /** Imports a CSV file up to its preview. */
    void importFile(Path csv) {
        app.click("import-contacts");
        app.upload("import-upload", csv);
    }

    /** Waits until the contact form is open with this name (a new contact started elsewhere). */
    void waitForEditing(String name) {
        BackOffice.await(app.driver, 20).until(d -> d.findElements(By.cssSelector("#contact-display_name input")).stream()
                .anyMatch(e -> name.equals(e.getAttribute("value"))));
    }

    /** The import's preview: its summary line and a text among its rows. */
    void waitForImportPreview(String summary, String row) {
        app.waitForText("import-summary", summary);
        app.waitForText("import-rows", row);
    }

    /** Chooses what a column of the file (its name normalised, e.g. "cell" for "Cell #") is imported as. */
    void importColumnAs(String column, String field) {
        app.click("import-as-" + column);
        app.choose(field);
    }

    /** Ticks "Import anyway" on the duplicate row of that line. */
    void importAnyway(long line) {
        app.click("import-anyway-" + line);
    }

    void confirmImport() {
        app.click("import-confirm");
    }

    /** Nothing chosen yet: the detail side says so. */
    void waitForNoSelection() {
        app.waitForText("contact-detail", "Choose a contact");
    }

    boolean offersNew() {
        return app.driver.findElements(By.id("new-contact")).stream().anyMatch(e -> e.isDisplayed());
    }
}
