package com.smbhub.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** A retail owner connects Square (test mode) in the browser and sees its sales appear as orders, then a new sale arrive. */
class PosJourneyIT {

    @Test
    void aRetailOwnerConnectsSquareAndSeesTheirSalesComeIn() {
        World own = World.create();
        String square = "EAAAjourney" + UUID.randomUUID().toString().replace("-", "");
        control("seed", "{\"access_token\":\"" + square + "\",\"customers\":2,\"orders\":3,\"refunds\":0}");
        try (BackOffice app = new BackOffice()) {
            app.signIn(own.maple("owner"), "demo");
            new HomeScreen(app).waitFor("Welcome");
            app.open("work");
            app.waitForText("pos-sync-state", "Square is not connected");
            new SettingsScreen(app).open("pos").waitForTab("Point of sale");
            app.waitForText("pos-test-mode", "Test mode");
            app.type("pos-token", square);
            app.click("pos-find");
            app.click("pos-connect");
            app.waitForToast("Square connected");
            app.waitForText("pos-runs", "brought in or updated");
            app.screenshot("settings-point-of-sale");

            app.open("work");
            app.waitForText("pos-sync-state", "Sales come in from Square (Test-mode shop)");
            app.waitForText("work-grid", "Square sale S-1002");
            app.waitForText("work-grid", "Square sale S-1000");
            app.screenshot("orders-from-square");

            // a sale rung up now arrives on Square's notice, without anyone pressing Sync
            control("sale", "{\"access_token\":\"" + square + "\"}");
            BackOffice.await(app.driver, 30).until(d -> {
                app.open("work");
                try {
                    BackOffice.await(d, 4).until(ExpectedConditions.textToBePresentInElementLocated(By.id("work-grid"),
                            "Square sale S-1003"));
                    return true;
                } catch (TimeoutException e) {
                    return false;
                }
            });
            app.waitForText("pos-sync-state", "1 brought in or updated");
        }
    }

    private static void control(String what, String body) {
        var reply = SystemUnderTest.send(HttpRequest.newBuilder(URI.create(SystemUnderTest.BASE + "/app/test-mode/square/control/" + what))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertEquals(200, reply.status(), reply.body());
    }
}
