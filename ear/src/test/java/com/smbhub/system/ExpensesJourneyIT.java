package com.smbhub.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Issue 15 in a browser: a receipt photo upload becomes an expense draft with vendor, date and total filled, put on a
 * job and submitted; the job's Expenses tab shows it with the amount spent, and Home counts the month's expenses.
 */
class ExpensesJourneyIT {

    private static final World WORLD = World.create();

    @Test
    void aReceiptPhotoBecomesAFilledInDraftThatIsSubmittedOnAJobAndCounted() throws Exception {
        System.setProperty("java.awt.headless", "true");
        LocalDate bought = LocalDate.now(ZoneId.of("America/Toronto")).minusDays(2);
        Path photo = Files.createTempFile("receipt-", ".png");
        Files.write(photo, ExpensesIT.receipt("MAPLE LUMBER", bought, "56.81"));
        String job = "Deck rebuild " + UUID.randomUUID().toString().substring(0, 8);
        var made = ContactsIT.send("POST", "/api/v1/work-items", SystemUnderTest.token(WORLD.northside("owner"), null),
                "{\"title\":\"" + job + "\"}");
        assertEquals(201, made.status(), made.body());
        String jobId = made.json().getJsonObject("data").getString("id");
        try (BackOffice app = new BackOffice()) {
            app.signIn(WORLD.northside("owner"), "demo");
            new HomeScreen(app).waitFor("Welcome");
            app.open("expenses");
            app.waitForText("page-title", "Expenses");
            app.upload("expense-upload", photo);
            BackOffice.await(app.driver, 60).until(d -> !d.findElements(By.id("expense-drawer")).isEmpty());
            assertEquals("MAPLE LUMBER", value(app, "expense-vendor"));
            assertEquals("64.20", value(app, "expense-amount"));
            assertEquals(bought, LocalDate.parse(app.driver.findElement(By.cssSelector("#expense-date")).getAttribute("value")));
            String shown = value(app, "expense-date"); // one format: the picker shows the date as the list does
            assertTrue(shown.matches("\\d{1,2} [A-Z][a-z]{2} \\d{4}|[A-Z][a-z]{2} \\d{1,2}, \\d{4}"), shown);
            app.screenshot("expense-drawer");
            app.pick("expense-work-item", job);
            app.click("expense-submit");
            app.waitForToast("Expense submitted");
            app.waitForText("expenses-grid", "Submitted");
            app.waitForText("expenses-grid", shown);
            app.screenshot("expenses");

            app.open("work?item=" + jobId);
            BackOffice.await(app.driver, 20).until(d -> !d.findElements(By.id("wi-tabs")).isEmpty());
            app.tab("Expenses");
            app.waitForText("wi-expenses-grid", "MAPLE LUMBER");
            app.waitForText("wi-expenses-total", "Spent $64.20");
            app.open("");
            // the receipt may be dated last month; ExpensesIT counts the month's total
            BackOffice.await(app.driver, 20).until(d -> d.findElement(By.id("kpi-expenses")).getText().matches("\\$[\\d,]+\\.\\d\\d.*"));
        } finally {
            Files.deleteIfExists(photo);
        }
    }

    private static String value(BackOffice app, String id) {
        return BackOffice.await(app.driver, 10).until(d -> {
            String v = d.findElement(By.cssSelector("#" + id + " input")).getAttribute("value");
            return v == null || v.isBlank() ? null : v;
        });
    }
}
