package com.smbhub.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;

/** The Work screen in the browser: profile fields, status moves, agent and viewer views. */
class WorkJourneyIT {

    private static final World WORLD = World.create();

    private final String run = UUID.randomUUID().toString().substring(0, 6);

    private static void waitFor(BackOffice app, Function<WebDriver, Boolean> condition) {
        BackOffice.await(app.driver, 20).until(condition::apply);
    }

    @Test
    void aRetailOrderWithoutItsOrderIdIsRefusedAtTheFieldThenMoves() {
        String title = "Wrong size " + run;
        try (BackOffice app = new BackOffice()) {
            app.signIn(WORLD.maple("staff"), "demo");
            app.waitForText("home-title", "Welcome to Maple & Co");
            WorkScreen work = new WorkScreen(app).open("Orders / Issues").startNew(title);
            work.create();
            waitFor(app, d -> work.fieldRefused("external_order_id"));
            app.screenshot("work-order-id-required");
            work.field("external_order_id", "#" + run).create();
            work.waitInList(title);
            app.openRow("work-grid", title, d -> !d.findElements(By.id("status-IN_PROGRESS")).isEmpty());
            app.click("status-IN_PROGRESS");
            work.waitInList("In progress");
            app.screenshot("work");
        }
    }

    @Test
    void ctrlKFindsAnItemAndCreatesAContactFromWhatWasTyped() {
        String title = "Skylight " + run;
        String staff = SystemUnderTest.token(WORLD.northside("staff"), null);
        assertEquals(201, ContactsIT.send("POST", "/api/v1/work-items", staff, "{\"title\":\"" + title + "\"}").status());
        try (BackOffice app = new BackOffice()) {
            app.signIn(WORLD.northside("staff"), "demo");
            app.waitForText("home-title", "Welcome");
            new Actions(app.driver).keyDown(Keys.CONTROL)
                    .sendKeys("k").keyUp(Keys.CONTROL).perform();
            app.type("palette-input", "skylight " + run);
            app.waitForText("palette-results", "Request: " + title);
            app.screenshot("command-palette");
            app.driver.findElement(By.cssSelector("#palette-input input")).sendKeys(Keys.ENTER);
            app.waitForPath("work");
            waitFor(app, d -> d.findElements(By.id("wi-edit-title")).stream()
                    .anyMatch(e -> title.equals(e.getAttribute("value"))));
            app.driver.findElement(By.tagName("body")).sendKeys(Keys.ESCAPE);
            app.click("open-palette");
            app.type("palette-input", "Rosa " + run);
            waitFor(app, d -> d.findElement(By.id("palette-results")).getText().contains("New contact “Rosa " + run + "”"));
            app.driver.findElements(By.cssSelector("#palette-results .palette-line")).stream()
                    .filter(b -> b.getText().startsWith("New contact")).findFirst().orElseThrow().click();
            app.waitForPath("contacts");
            waitFor(app, d -> d.findElements(By.cssSelector("#contact-display_name input")).stream()
                    .anyMatch(e -> ("Rosa " + run).equals(e.getAttribute("value"))));
        }
    }

    @Test
    void staffEditsAnItemAndHandsItToTheAgent() {
        String title = "Radiator " + run;
        String staff = SystemUnderTest.token(WORLD.northside("staff"), null);
        assertEquals(201, ContactsIT.send("POST", "/api/v1/work-items", staff, "{\"title\":\"" + title + "\"}").status());
        try (BackOffice app = new BackOffice()) {
            app.signIn(WORLD.northside("staff"), "demo");
            app.waitForText("home-title", "Welcome");
            app.open("work");
            waitFor(app, d -> d.findElement(By.id("work-grid")).getText().contains(title));
            app.openRow("work-grid", title, d -> !d.findElements(By.id("wi-edit-title")).isEmpty());
            waitFor(app, d -> !d.findElements(By.cssSelector("#wi-edit-description textarea")).isEmpty());
            app.driver.findElement(By.cssSelector("#wi-edit-description textarea")).sendKeys("Bleed it first");
            app.type("wi-edit-label-service_address", "7 Oak Ave");
            app.click("wi-edit-assignee");
            waitFor(app, d -> d.findElements(By.cssSelector("vaadin-select-item")).stream()
                    .anyMatch(i -> i.getText().contains("Agent at Northside")));
            app.driver.findElements(By.cssSelector("vaadin-select-item")).stream()
                    .filter(i -> i.getText().contains("Agent at Northside")).findFirst().orElseThrow().click();
            app.screenshot("work-item");
            app.click("wi-edit-save");
            waitFor(app, d -> d.findElements(By.id("wi-edit-save")).isEmpty());
        }
        String agent = SystemUnderTest.token(WORLD.northside("agent"), null);
        var mine = SystemUnderTest.get("/api/v1/work-items?assigned_to=me&limit=100", agent).json().getJsonArray("data")
                .stream().map(v -> v.asJsonObject()).filter(o -> o.getString("title").equals(title)).findFirst().orElseThrow();
        assertEquals("Bleed it first", mine.getString("description"));
        assertEquals("7 Oak Ave", mine.getJsonObject("labels_json").getString("service_address"));
    }

    @Test
    void anAgentListsOnlyItsAssignedItems() {
        String staff = SystemUnderTest.token(WORLD.northside("staff"), null);
        String agent = SystemUnderTest.token(WORLD.northside("agent"), null);
        String agentId = SystemUnderTest.get("/api/v1/me", agent).json().getJsonObject("data").getJsonObject("user").getString("id");
        assertEquals(201, ContactsIT.send("POST", "/api/v1/work-items", staff,
                "{\"title\":\"Agent job " + run + "\",\"assigned_to\":\"" + agentId + "\"}").status());
        assertEquals(201, ContactsIT.send("POST", "/api/v1/work-items", staff, "{\"title\":\"Office job " + run + "\"}").status());
        try (BackOffice app = new BackOffice()) {
            app.signIn(WORLD.northside("agent"), "demo");
            app.waitForText("home-title", "Welcome");
            app.open("work");
            waitFor(app, d -> d.findElement(By.id("work-grid")).getText().contains("Agent job " + run));
            assertFalse(app.driver.findElement(By.id("work-grid")).getText().contains("Office job " + run));
        }
    }

    @Test
    void aViewerGetsNoCreateControl() {
        try (BackOffice app = new BackOffice()) {
            app.signIn(WORLD.northside("viewer"), "demo");
            app.waitForText("home-title", "Welcome");
            app.open("work");
            app.waitForText("page-title", "Requests");
            assertTrue(app.driver.findElements(By.id("new-work-item")).stream().noneMatch(e -> e.isDisplayed()));
        }
    }
}
