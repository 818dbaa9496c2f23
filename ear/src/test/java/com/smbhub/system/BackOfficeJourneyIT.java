package com.smbhub.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** Browser journeys through the back office shell. */
class BackOfficeJourneyIT {

    private static final World WORLD = World.create();

    @Test
    void theOwnerSignsInAndSeesTheHomeOfTheirBusiness() {
        try (BackOffice app = new BackOffice()) {
            app.signIn(WORLD.northside("owner"), "demo");
            app.waitForText("home-title", "Welcome to Northside Plumbing");
            assertEquals("Northside Plumbing", app.text("business-name"));
            assertFalse(app.driver.findElement(By.id("bottom-bar")).isDisplayed(), "desktop uses the side menu");
            assertTrue(app.driver.findElement(By.id("kpi-new")).isDisplayed());
            assertTrue(app.driver.findElement(By.id("next-actions")).isDisplayed());
            app.screenshot("home");
        }
    }

    @Test
    void theSharedUserSwitchesBusinessAndLogsOut() {
        try (BackOffice app = new BackOffice()) {
            app.signIn(WORLD.both(), "demo");
            app.click("business-" + WORLD.northside());
            app.waitForText("home-title", "Welcome to Northside Plumbing");

            app.click("switch-business");
            app.screenshot("choose-business");
            app.click("business-" + WORLD.maple());
            app.waitForText("home-title", "Welcome to Maple & Co");
            assertEquals("Maple & Co", app.text("business-name"));

            app.click("logout");
            app.waitForPath("login");
            app.open("");
            app.waitForPath("login");
        }
    }

    @Test
    void theMenuSpeaksTheLanguageOfEachBusiness() {
        try (BackOffice app = new BackOffice()) {
            app.signIn(WORLD.northside("staff"), "demo");
            app.waitForText("home-title", "Welcome to Northside Plumbing");
            assertEquals("Requests", app.text("nav-work"));
            app.click("logout");
            app.waitForPath("login");
            app.signIn(WORLD.maple("staff"), "demo");
            app.waitForText("home-title", "Welcome to Maple & Co");
            assertEquals("Orders / Issues", app.text("nav-work"));
            app.open("work");
            app.waitForText("page-title", "Orders / Issues");
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
                app.waitForText("home-title", "Welcome to Northside Plumbing");
                assertTrue(app.driver.findElements(By.id("nav-quotes")).isEmpty());
                assertEquals("Invoices", app.text("nav-invoices"));
                app.open("quotes");
                app.waitForText("page-message", "turned off for your business");
            }
        } finally {
            ProfileIT.patchOverrides(owner, "{\"capabilities\":{\"quotes\":null}}");
        }
    }

    @Test
    void aWrongPasswordIsShownAtTheForm() {
        try (BackOffice app = new BackOffice()) {
            app.signIn(WORLD.northside("staff"), "not-the-password");
            app.waitForText("login-error", "Wrong e-mail or password");
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
    void modulesThatHaveNotLandedSayComingSoon() {
        try (BackOffice app = new BackOffice()) {
            app.signIn(WORLD.northside("staff"), "demo");
            app.waitForText("home-title", "Welcome");
            app.open("expenses");
            app.waitForText("page-title", "Expenses");
            assertTrue(app.driver.findElement(By.tagName("body")).getText().contains("not available yet"));
        }
    }

    @Test
    void unknownPagesShowNotFound() {
        try (BackOffice app = new BackOffice()) {
            app.signIn(WORLD.northside("staff"), "demo");
            app.waitForText("home-title", "Welcome");
            app.open("no-such-page");
            app.waitForText("not-found", "Page not found");
        }
    }

    @Test
    void aBusinessUserCannotOpenTheOpsCommandCenter() {
        try (BackOffice app = new BackOffice()) {
            app.signIn(WORLD.maple("owner"), "demo");
            app.waitForText("home-title", "Welcome to Maple & Co");
            app.open("ops");
            app.waitForText("no-access", "No access");
        }
    }

    @Test
    void theOpsUserLandsInTheCommandCenterAndSeesWebhookEventsNeedingAttention() {
        String account = "acct_unknown_" + UUID.randomUUID().toString().substring(0, 8);
        StripeWebhooksIT.deliver(StripeWebhooksIT.sessionEvent(StripeWebhooksIT.eventId(), "checkout.session.completed",
                account, UUID.randomUUID().toString(), "pi_ops", 100, "paid"));
        try (BackOffice app = new BackOffice()) {
            app.signIn("ops@smbhub.test", "demo");
            app.waitForText("ops-title", "Command Center");
            app.waitForText("ops-webhooks", "No business has connected " + account);
            app.screenshot("ops-webhooks");
        }
    }

    @Test
    void onAPhoneTheNavigationIsABottomBar() {
        try (BackOffice app = new BackOffice(390, 844)) {
            app.signIn(WORLD.northside("owner"), "demo");
            app.waitForText("home-title", "Welcome to Northside Plumbing");
            app.screenshot("home-phone");
            assertTrue(app.driver.findElement(By.id("bottom-bar")).isDisplayed());
            app.driver.findElement(By.cssSelector("#bottom-bar a[href='inbox']")).click();
            app.waitForText("page-title", "Inbox");
        }
    }
}
