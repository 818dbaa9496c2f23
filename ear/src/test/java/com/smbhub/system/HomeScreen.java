package com.smbhub.system;

import org.openqa.selenium.By;

/** Page object of Home (web/home): the greeting, the cards, next actions, the onboarding checklist, quick actions. */
final class HomeScreen {

    private final BackOffice app;

    HomeScreen(BackOffice app) {
        this.app = app;
    }

    /** Waits until Home greets with this text ("Welcome to Northside Plumbing"). */
    HomeScreen waitFor(String greeting) {
        app.waitForText("home-title", greeting);
        return this;
    }

    HomeScreen open() {
        app.open("");
        return this;
    }

    boolean showsCardsAndNextActions() {
        return app.driver.findElement(By.id("kpi-new")).isDisplayed()
                && app.driver.findElement(By.id("next-actions")).isDisplayed();
    }

    void waitForChecklist(String text) {
        app.waitForText("onboarding", text);
    }

    /** Waits until the checklist marks this step ({@code profile}, …) done. */
    void waitForStepDone(String step) {
        BackOffice.await(app.driver, 20).until(d -> !d.findElements(
                By.cssSelector("#onboarding [data-step=" + step + "].step-done")).isEmpty());
    }

    /** "Fill with sample data" in the checklist, then waits for the note that the business shows sample data. */
    void fillWithSampleData() {
        app.click("sample-fill");
        app.waitForText("sample-note", "sample data");
    }

    /** "Remove sample data", confirmed, then waits until the note has gone. */
    void removeSampleData() {
        app.click("sample-remove");
        app.confirm();
        BackOffice.await(app.driver, 20).until(d -> d.findElements(By.id("sample-note")).isEmpty());
    }

    String card(String id) {
        return app.text(id);
    }

    void waitForNotification(String text) {
        app.waitForText("notifications", text);
    }

    void quickAction(String label) {
        app.driver.findElements(By.cssSelector("#quick-actions a")).stream()
                .filter(a -> a.getText().equals(label)).findFirst().orElseThrow().click();
    }
}
