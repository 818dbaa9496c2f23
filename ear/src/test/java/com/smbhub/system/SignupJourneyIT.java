package com.smbhub.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smbhub.system.SystemUnderTest.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A plumber finds SMB Hub (issue 13): signs up in a fresh browser, is in their new business at once with
 * "confirm your e-mail" on every screen, follows the e-mailed link, and the note goes; the Home checklist
 * leads to card payments, a client, an invoice sent and paid by the client through test-mode checkout, then
 * shows every step done and the time to first value. Later they forget their password: the e-mailed link
 * sets a new one, and the API token they had stops working. Platform ops start a business for a customer. An owner
 * moving here signs up with "I have an export" and brings it in.
 */
class SignupJourneyIT {

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aPlumberSignsUpGetsPaidThroughTheChecklistAndLaterResetsTheirPassword() throws Exception {
        String email = "sam." + run + "@example.com";
        String business = "Pipe Pros " + run;
        try (BackOffice app = new BackOffice()) {
            app.open("login").click("to-signup");
            app.type("signup-name", "Sam Pipe");
            app.type("signup-email", email);
            app.type("signup-password", "short");
            app.waitForText("signup-strength-text", "At least 10 characters");
            app.type("signup-password", "copper kettle 42");
            app.waitForText("signup-strength-text", "Strength:");
            business(app, "signup", business, "America/Toronto");
            app.screenshot("signup");
            app.click("signup-submit");
            app.waitForText("business-name", business);
            app.waitForText("verify-banner", "Confirm your e-mail address");
            app.screenshot("signup-verify");

            String link = AccountIT.linkIn(Mailbox.await(email, "Confirm your e-mail"), "/app/verify-email/");
            app.driver.get(link);
            app.waitForText("verify-message", email + " is confirmed");
            app.click("verify-next");
            app.waitForText("business-name", business);
            assertFalse(app.driver.findElements(By.id("verify-banner")).stream().anyMatch(e -> e.isDisplayed()),
                    "the note goes once verified");

            // the checklist drives the first session: card payments, a client, an invoice sent, paid by the client
            HomeScreen home = new HomeScreen(app);
            home.waitForChecklist("0 of 4 done"); // sending and getting paid are listed once they can be done
            new SettingsScreen(app).open("payments");
            app.type("stripe-account", "acct_signup_" + run);
            app.click("stripe-save");
            app.waitForToast("Stripe account connected");
            String client = "Olive " + run;
            String clientEmail = "olive." + run + "@example.com";
            ContactsScreen contacts = new ContactsScreen(app).open().startNew(client).field("email", clientEmail);
            contacts.save();
            contacts.waitForDetail(client);
            DocumentScreen invoices = DocumentScreen.invoices(app).open().startNew().client(client)
                    .line(0, "Leak repair", null, "240");
            invoices.saveDraft(client).press("send").waitForRecipient(clientEmail);
            invoices.confirmSend();
            invoices.waitInList("Sent");
            String pay = AccountIT.linkIn(Mailbox.await(clientEmail, "Invoice"), "/portal/invoices/");
            try (BackOffice clientBrowser = new BackOffice(414, 860)) {
                new PortalScreen(clientBrowser).open(pay, "Pay").pay();
            }
            home.open();
            for (String step : new String[] {"payments", "contact", "first_send", "first_payment"}) {
                home.waitForStepDone(step);
            }
            app.click("skip-details");
            app.click("skip-numbers");
            app.waitForText("onboarding-ttfv", "from starting to your first payment took");
            app.screenshot("home-onboarding-done");
            app.click("onboarding-hide");
            home.open();
            app.waitForText("business-name", business);
            assertTrue(app.driver.findElements(By.id("onboarding")).isEmpty(), "hidden once done");
        }

        String old = SystemUnderTest.post("/api/v1/auth/token", "{\"username\":\"" + email
                + "\",\"password\":\"copper kettle 42\"}").json().getJsonObject("data").getString("access_token");
        try (BackOffice app = new BackOffice(414, 860)) {
            app.open("login").click("forgot-password");
            app.type("forgot-email", email);
            app.click("forgot-send");
            app.waitForText("forgot-message", "If an account uses " + email);
            String link = AccountIT.linkIn(Mailbox.await(email, "Choose a new SMB Hub password"), "/app/reset-password/");
            app.driver.get(link);
            app.type("reset-password", "a brand new kettle");
            app.type("reset-again", "a brand new kettle");
            app.screenshot("reset-password");
            app.click("reset-save");
            app.waitForText("reset-message", "Your password is changed");
            Reply stale = SystemUnderTest.get("/api/v1/me", old);
            assertEquals(401, stale.status(), "the API token from before the reset: " + stale.body());
            app.click("reset-sign-in");
            app.type("email", email);
            app.type("password", "a brand new kettle");
            app.click("sign-in");
            app.waitForText("business-name", business);
        }
    }

    @Test
    void platformOpsStartABusinessForACustomerWhoTakesItOverFromTheEmailedLink() throws Exception {
        String owner = "dana." + run + "@example.com";
        String business = "Dana's Bakery " + run;
        try (BackOffice ops = new BackOffice()) {
            ops.signIn("ops@smbhub.test", "demo");
            ops.waitForText("ops-title", "Command Center");
            business(ops, "ops", business, "America/Halifax");
            ops.type("ops-owner-email", owner);
            ops.click("ops-start-business");
            ops.waitForToast("is ready");
        }
        String link = AccountIT.linkIn(Mailbox.await(owner, "is ready on SMB Hub"), "/app/invite/");
        try (BackOffice app = new BackOffice()) {
            InviteScreen invite = new InviteScreen(app).open(link);
            invite.waitForTitle(business);
            invite.join("Dana Baker", "flour and butter 9");
            invite.waitForMessage("You have joined " + business);
            app.signIn(owner, "flour and butter 9");
            app.waitForText("business-name", business);
            assertTrue(app.driver.findElements(By.id("verify-banner")).stream().noneMatch(e -> e.isDisplayed()),
                    "the invitation proved the address");
        }
    }

    @Test
    void anOwnerMovingHereSignsUpWithTheirExportAndBringsItIn() throws Exception {
        World old = World.create();
        String before = SystemUnderTest.token(old.northside("owner"), null);
        assertEquals(200, ContactsIT.send("POST", "/api/v1/sample-data", before, null).status());
        String exportRun = ContactsIT.send("POST", "/api/v1/export", before, null).json().getJsonObject("data").getString("id");
        assertEquals("COMPLETED", ExportIT.awaitEnd(before, exportRun).getString("status"));
        Path zip = Files.createTempFile("smbhub-export-", ".zip");
        Files.write(zip, ExportIT.download(before, exportRun).body());
        String email = "mover." + run + "@example.com";
        try (BackOffice app = new BackOffice()) {
            app.open("signup");
            app.type("signup-name", "Mo Ver");
            app.type("signup-email", email);
            app.type("signup-password", "copper kettle 42");
            business(app, "signup", "Moved Here " + run, "America/Toronto");
            app.click("signup-has-export");
            app.click("signup-submit");
            new SettingsScreen(app).waitForTab("Data");
            app.upload("import-export-upload", zip);
            app.waitForText("import-done", "Brought in 30 contacts");
            app.screenshot("settings-import");
            app.upload("import-export-upload", zip);
            app.waitForText("import-error", "already has records");
        } finally {
            Files.deleteIfExists(zip);
        }
    }

    /** A new business's fields (sign-up, ops), in Canada. */
    private static void business(BackOffice app, String prefix, String name, String zone) {
        app.type(prefix + "-business", name);
        app.pick(prefix + "-country", "Canada");
        app.pick(prefix + "-timezone", zone);
        app.pick(prefix + "-currency", "CAD");
    }
}
