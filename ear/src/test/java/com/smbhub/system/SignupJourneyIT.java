package com.smbhub.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.smbhub.system.SystemUnderTest.Reply;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A plumber finds SMB Hub (issue 13): signs up in a fresh browser, is in their new business at once with
 * "confirm your e-mail" on every screen, follows the e-mailed link, and the note goes. Later they forget
 * their password: the e-mailed link sets a new one, and the API token they had stops working.
 */
class SignupJourneyIT {

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aPlumberSignsUpVerifiesTheirAddressAndLaterResetsTheirPassword() throws Exception {
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
            app.type("signup-business", business);
            app.pick("signup-country", "Canada");
            app.pick("signup-timezone", "America/Toronto");
            app.pick("signup-currency", "CAD");
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
}
