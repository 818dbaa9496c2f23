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

    void waitForNotification(String text) {
        app.waitForText("notifications", text);
    }

    void quickAction(String label) {
        app.driver.findElements(By.cssSelector("#quick-actions a")).stream()
                .filter(a -> a.getText().equals(label)).findFirst().orElseThrow().click();
    }
}
