package com.smbhub.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;

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
            new HomeScreen(app).waitFor("Welcome to Maple & Co");
            WorkScreen work = new WorkScreen(app).open("Orders / Issues").startNew(title);
            work.create();
            waitFor(app, d -> work.fieldRefused("external_order_id"));
            app.screenshot("work-order-id-required");
            work.field("external_order_id", "#" + run).create();
            work.waitInList(title);
            work.openAndMove(title, "IN_PROGRESS");
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
            new HomeScreen(app).waitFor("Welcome");
            ShellScreen shell = new ShellScreen(app);
            shell.search("skylight " + run, "Request: " + title, false);
            app.screenshot("command-palette");
            shell.openFirstResult();
            app.waitForPath("work");
            new WorkScreen(app).waitForEditing(title);
            shell.escape();
            shell.search("Rosa " + run, "New contact “Rosa " + run + "”", true);
            shell.openResult("New contact");
            app.waitForPath("contacts");
            new ContactsScreen(app).waitForEditing("Rosa " + run);
        }
    }

    @Test
    void staffEditsAnItemAndHandsItToTheAgent() {
        String title = "Radiator " + run;
        String staff = SystemUnderTest.token(WORLD.northside("staff"), null);
        assertEquals(201, ContactsIT.send("POST", "/api/v1/work-items", staff, "{\"title\":\"" + title + "\"}").status());
        try (BackOffice app = new BackOffice()) {
            app.signIn(WORLD.northside("staff"), "demo");
            new HomeScreen(app).waitFor("Welcome");
            WorkScreen work = new WorkScreen(app).open(null).editItem(title);
            work.describe("Bleed it first").editField("service_address", "7 Oak Ave").assign("Agent at Northside");
            app.screenshot("work-item");
            work.save();
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
            new HomeScreen(app).waitFor("Welcome");
            WorkScreen work = new WorkScreen(app).open(null);
            work.waitInList("Agent job " + run);
            assertFalse(work.listShows("Office job " + run));
        }
    }

    @Test
    void aViewerGetsNoCreateControl() {
        try (BackOffice app = new BackOffice()) {
            app.signIn(WORLD.northside("viewer"), "demo");
            new HomeScreen(app).waitFor("Welcome");
            WorkScreen work = new WorkScreen(app).open("Requests");
            assertFalse(work.offersNew());
        }
    }
}
