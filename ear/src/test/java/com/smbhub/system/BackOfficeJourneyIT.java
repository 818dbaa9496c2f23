package com.smbhub.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Browser journeys through the back office shell. */
class BackOfficeJourneyIT {

    private static final World WORLD = World.create();

    @Test
    void theOwnerSignsInAndSeesTheHomeOfTheirBusiness() {
        try (BackOffice app = new BackOffice()) {
            app.signIn(WORLD.northside("owner"), "demo");
            HomeScreen home = new HomeScreen(app).waitFor("Welcome to Northside Plumbing");
            ShellScreen shell = new ShellScreen(app);
            assertEquals("Northside Plumbing", shell.businessName());
            assertFalse(shell.bottomBarShown(), "desktop uses the side menu");
            assertTrue(home.showsCardsAndNextActions());
            app.screenshot("home");
        }
    }

    @Test
    void theSharedUserSwitchesBusinessAndLogsOut() {
        try (BackOffice app = new BackOffice()) {
            app.signIn(WORLD.both(), "demo");
            ShellScreen shell = new ShellScreen(app);
            HomeScreen home = new HomeScreen(app);
            shell.chooseBusiness(WORLD.northside());
            home.waitFor("Welcome to Northside Plumbing");

            shell.switchBusiness(WORLD.maple());
            home.waitFor("Welcome to Maple & Co");
            assertEquals("Maple & Co", shell.businessName());

            shell.signOut();
            app.open("");
            app.waitForPath("login");
        }
    }

    @Test
    void theMenuSpeaksTheLanguageOfEachBusiness() {
        try (BackOffice app = new BackOffice()) {
            app.signIn(WORLD.northside("staff"), "demo");
            new HomeScreen(app).waitFor("Welcome to Northside Plumbing");
            ShellScreen shell = new ShellScreen(app);
            assertEquals("Requests", shell.menuLabel("work"));
            shell.signOut();
            app.signIn(WORLD.maple("staff"), "demo");
            new HomeScreen(app).waitFor("Welcome to Maple & Co");
            assertEquals("Orders / Issues", shell.menuLabel("work"));
            new WorkScreen(app).open("Orders / Issues");
            app.screenshot("maple-menu");
        }
    }

    @Test
    void aModuleTheProfileTurnsOffLeavesTheMenuAndItsRouteSaysSo() {
        String owner = SystemUnderTest.token(WORLD.northside("owner"), null);
        try {
            assertEquals(200, ProfileIT.patchOverrides(owner, "{\"capabilities\":{\"quotes\":false}}").status());
            try (BackOffice app = new BackOffice()) {
                app.signIn(WORLD.northside("staff"), "demo");
                new HomeScreen(app).waitFor("Welcome to Northside Plumbing");
                ShellScreen shell = new ShellScreen(app);
                assertFalse(shell.inMenu("quotes"));
                assertEquals("Invoices", shell.menuLabel("invoices"));
                DocumentScreen.quotes(app).open().waitForTurnedOff();
            }
        } finally {
            ProfileIT.patchOverrides(owner, "{\"capabilities\":{\"quotes\":null}}");
        }
    }

    @Test
    void aWrongPasswordIsShownAtTheForm() {
        try (BackOffice app = new BackOffice()) {
            app.signIn(WORLD.northside("staff"), "not-the-password");
            app.waitForSignInError("Wrong e-mail or password");
            app.screenshot("login-error");
        }
    }

    @Test
    void aSignedOutVisitorIsSentToTheLoginPage() {
        try (BackOffice app = new BackOffice()) {
            app.open("contacts");
            app.waitForPath("login");
        }
    }

    @Test
    void unknownPagesShowNotFound() {
        try (BackOffice app = new BackOffice()) {
            app.signIn(WORLD.northside("staff"), "demo");
            new HomeScreen(app).waitFor("Welcome");
            app.open("no-such-page");
            new ShellScreen(app).waitForNotFound();
        }
    }

    @Test
    void aBusinessUserCannotOpenTheOpsCommandCenter() {
        try (BackOffice app = new BackOffice()) {
            app.signIn(WORLD.maple("owner"), "demo");
            new HomeScreen(app).waitFor("Welcome to Maple & Co");
            app.open("ops");
            new ShellScreen(app).waitForNoAccess();
        }
    }

    @Test
    void theOpsUserLandsInTheCommandCenterAndSeesWebhookEventsNeedingAttentionAndJobRuns() {
        String account = "acct_unknown_" + UUID.randomUUID().toString().substring(0, 8);
        StripeWebhooksIT.deliver(StripeWebhooksIT.sessionEvent(StripeWebhooksIT.eventId(), "checkout.session.completed",
                account, UUID.randomUUID().toString(), "pi_ops", 100, "paid"));
        String owner = SystemUnderTest.token(WORLD.northside("owner"), null);
        var export = ContactsIT.send("POST", "/api/v1/export", owner, null);
        assertTrue(export.status() == 202 || export.status() == 409, export.body());
        try (BackOffice app = new BackOffice()) {
            app.signIn("ops@smbhub.test", "demo");
            new OpsScreen(app).waitForIt().waitForWebhookProblem("No business has connected " + account);
            app.screenshot("ops-webhooks");
            app.click("ops-jobs-problems"); // every run, not only failures
            app.waitForText("ops-jobs", "export (Run now)");
        }
    }

    @Test
    void onAPhoneTheNavigationIsABottomBar() {
        try (BackOffice app = new BackOffice(390, 844)) {
            app.signIn(WORLD.northside("owner"), "demo");
            new HomeScreen(app).waitFor("Welcome to Northside Plumbing");
            app.screenshot("home-phone");
            ShellScreen shell = new ShellScreen(app);
            assertTrue(shell.bottomBarShown());
            shell.tapBottomBar("inbox");
            shell.waitForTitle("Inbox");
            shell.tapBottomBar("more");
            shell.waitForTitle("More");
            assertEquals(List.of("contacts", "quotes", "payments", "expenses", "settings"), shell.moreModules());
            app.screenshot("more-phone");
            shell.openMore("expenses");
            shell.waitForTitle("Expenses");
        }
    }
}
