package com.smbhub.system;

import static com.smbhub.system.ContactsIT.send;
import static com.smbhub.system.SystemUnderTest.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * An administrator finds the jobs where the operations guide says (issue 16): signed in to Payara's admin console,
 * the server's Batch tab lists the executions of the jobs, this business's run among them.
 */
class AdminConsoleJourneyIT {

    private static final World WORLD = World.create();

    @Test
    void theAdminConsolesBatchPageListsTheJobsExecutions() throws Exception {
        String password = System.getProperty("smbhub.it.admin-password", "");
        assertFalse(password.isBlank(), "./smbhub test hands over the admin password (-Dsmbhub.it.admin-password)");
        String console = "http://localhost:" + System.getProperty("smbhub.it.admin-port", "28048");
        String owner = token(WORLD.northside("owner"), null);
        var started = send("POST", "/api/v1/jobs/export/run", owner, null);
        assertEquals(202, started.status(), started.body());
        var run = ExportIT.awaitEnd(owner, started.json().getJsonObject("data").getString("id"));
        String execution = String.valueOf(run.getJsonNumber("execution_id").longValue());
        try (BackOffice admin = new BackOffice(1280, 1100)) {
            admin.driver.get(console + "/");
            // the console installs itself on its first visit, which can take a minute
            BackOffice.await(admin.driver, 180).until(d -> !d.findElements(By.id("Login.username")).isEmpty());
            admin.driver.findElement(By.id("Login.username")).sendKeys("admin");
            admin.driver.findElement(By.id("Login.password")).sendKeys(password);
            admin.driver.findElement(By.id("Login.password")).submit();
            BackOffice.await(admin.driver, 180).until(d -> d.findElements(By.id("Login.username")).isEmpty()
                    && d.getPageSource().contains("Payara"));
            admin.driver.get(console + "/full/batch/batchJobsServer.jsf?target=server&tabSetName=serverInstTabs");
            BackOffice.await(admin.driver, 120).until(d -> d.getPageSource().contains("export")
                    && d.getPageSource().contains(execution));
            admin.screenshot("admin-console-batch");
        }
    }
}
