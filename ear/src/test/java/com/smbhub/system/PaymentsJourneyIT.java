package com.smbhub.system;

import static com.smbhub.system.ContactsIT.send;
import static com.smbhub.system.SystemUnderTest.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The Payments screen in a browser: opened from Home's card, this month's payments, filtered, a row opening its invoice. */
class PaymentsJourneyIT {

    private static final World WORLD = World.create();

    @Test
    void anOwnerSeesThisMonthsPaymentsFiltersThemAndOpensAnInvoiceFromOne() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String owner = token(WORLD.northside("owner"), null);
        var invoice = StripeWebhooksIT.sentInvoice(owner, run);
        var paid = send("POST", "/api/v1/payments", owner, "{\"invoice_id\":\"" + invoice.getString("id")
                + "\",\"provider\":\"CASH\",\"amount\":40,\"method_label\":\"Till " + run + "\"}");
        assertEquals(201, paid.status(), paid.body());
        try (BackOffice app = new BackOffice()) {
            app.signIn(WORLD.northside("owner"), "demo");
            new HomeScreen(app).waitFor("Welcome");
            app.click("kpi-payments"); // Home's "Today's payments" opens the list it counts
            app.waitForText("payments-grid", "Cash · Till " + run);
            app.waitForText("payments-totals", "Received");
            app.screenshot("payments");
            app.click("payments-method");
            app.choose("Card");
            app.waitForText("payments-empty", "that match the filters");
            app.click("payments-method");
            app.choose("Any method");
            app.openRow("payments-grid", "Cash · Till " + run, d -> d.getCurrentUrl().contains("/invoices"));
            DocumentScreen.invoices(app).payments("40.00");
            // Ctrl+K finds the invoice by its client, and offers the commands whose names hold the words typed
            app.open("payments");
            ShellScreen shell = new ShellScreen(app);
            shell.waitForTitle("Payments");
            shell.search("payer " + run, "Invoice " + invoice.getString("number"), false);
            shell.escape();
            shell.search("settings tea", "Settings → Team", true);
            shell.openFirstResult();
            shell.waitForTitle("Settings");
        }
    }

    @Test
    void anAgentHasNoPaymentsInTheMenu() {
        try (BackOffice app = new BackOffice()) {
            app.signIn(WORLD.northside("agent"), "demo");
            new HomeScreen(app).waitFor("Welcome");
            ShellScreen shell = new ShellScreen(app);
            assertTrue(shell.inMenu("work"));
            assertFalse(shell.inMenu("payments"), "an agent sees no money");
        }
    }
}
