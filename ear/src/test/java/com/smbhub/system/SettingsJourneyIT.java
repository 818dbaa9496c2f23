package com.smbhub.system;

import static com.smbhub.system.ContactsIT.send;
import static com.smbhub.system.SystemUnderTest.get;
import static com.smbhub.system.SystemUnderTest.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;

/** Settings in the browser: the onboarding checklist ticks, an invitation is accepted by a new person, Text-to-Task turned on, reminders run, everything exported. */
class SettingsJourneyIT {

    private static final World WORLD = World.create();

    @Test
    void savingTheBusinessDetailsTicksTheChecklist() throws Exception {
        try (BackOffice app = new BackOffice()) {
            app.signIn(WORLD.northside("owner"), "demo");
            new HomeScreen(app).waitFor("Welcome");
            HomeScreen home = new HomeScreen(app);
            home.waitForChecklist("Get started");
            app.screenshot("home-onboarding");
            SettingsScreen settings = new SettingsScreen(app).open(null);
            settings.waitForTab("Business");
            Path logo = Files.createTempFile("logo", ".png");
            BufferedImage image = new BufferedImage(240, 80, BufferedImage.TYPE_INT_RGB);
            image.getGraphics().fillRect(20, 20, 120, 40);
            ImageIO.write(image, "png", logo.toFile());
            settings.uploadLogo(logo);
            settings.fillDetails("Northside Plumbing Ltd.", "not a site", "GST/HST 123456789 RT0001",
                    "Pay by e-transfer to pay@northside.test");
            assertEquals("Not a web address, e.g. yourbusiness.com", settings.detailsError("details-website"));
            settings.fillDetails("Northside Plumbing Ltd.", "northside.test", "GST/HST 123456789 RT0001",
                    "Pay by e-transfer to pay@northside.test");
            app.waitForToast("Details saved");
            ((JavascriptExecutor) app.driver).executeScript("document.getElementById('details-legal-name').scrollIntoView()");
            app.screenshot("settings-business");
            settings.save();
            app.open("invoices?new=1");
            BackOffice.await(app.driver, 20).until(d -> "Pay by e-transfer to pay@northside.test".equals(
                    d.findElement(By.cssSelector("#inv-notes textarea")).getDomProperty("value")));
            home.open();
            try {
                home.waitForStepDone("details");
            } catch (TimeoutException e) {
                app.screenshot("failed-onboarding");
                throw e;
            }
        }
        theClientsPageShowsTheDetails();
    }

    /** What the business filled in is on the page its client opens (and on the PDF, the same letterhead). */
    private static void theClientsPageShowsTheDetails() {
        String owner = token(WORLD.northside("owner"), null);
        String contact = send("POST", "/api/v1/contacts", owner, "{\"display_name\":\"Details " + UUID.randomUUID() + "\"}")
                .json().getJsonObject("data").getString("id");
        String invoice = send("POST", "/api/v1/invoices", owner, "{\"contact_id\":\"" + contact
                + "\",\"line_items\":[{\"name\":\"Boiler service\",\"qty\":1,\"rate\":200}]}").json().getJsonObject("data")
                .getString("id");
        String link = send("POST", "/api/v1/invoices/" + invoice + "/portal-link", owner, null).json().getJsonObject("data")
                .getString("portal_path");
        String page = get(link, null).body();
        assertTrue(page.contains("Northside Plumbing Ltd.") && page.contains("GST/HST 123456789 RT0001")
                && page.contains("northside.test"), page);
    }

    @Test
    void anOwnerPutsAServiceInTheCatalogPicksItIntoAnInvoiceAndSavesALineToIt() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        try (BackOffice app = new BackOffice()) {
            app.signIn(WORLD.northside("owner"), "demo");
            new HomeScreen(app).waitFor("Welcome");
            new SettingsScreen(app).open("catalog").waitForTab("Catalog");
            app.click("catalog-new");
            app.click("catalog-save");
            BackOffice.await(app.driver, 20).until(d -> !d.findElements(By.cssSelector("#catalog-name[invalid]")).isEmpty());
            app.type("catalog-name", "Drain cleaning " + run);
            app.type("catalog-price", "145");
            app.type("catalog-unit", "visit");
            app.click("catalog-save");
            app.waitForText("catalog-grid", "Drain cleaning " + run);
            app.screenshot("settings-catalog");
            app.open("invoices?new=1");
            DocumentScreen invoice = DocumentScreen.invoices(app);
            app.pick("inv-catalog", "Drain cleaning " + run);
            BackOffice.await(app.driver, 20).until(d -> ("Drain cleaning " + run).equals(
                    d.findElement(By.cssSelector("#inv-line-0-name input")).getDomProperty("value")));
            invoice.waitForTotals("$145.00");
            invoice.addLine().line(1, "Parts kit " + run, null, "30");
            app.click("inv-line-1-save");
            app.waitForToast("Parts kit " + run + " is in your catalog");
            app.screenshot("invoice-catalog");
        }
    }

    @Test
    void aNewOwnerLooksAroundWithSampleDataAndRemovesItAgain() {
        World own = World.create();
        try (BackOffice app = new BackOffice()) {
            app.signIn(own.northside("owner"), "demo");
            HomeScreen home = new HomeScreen(app).waitFor("Welcome");
            home.waitForChecklist("Get started");
            assertEquals("0", home.card("kpi-new"));
            home.fillWithSampleData();
            app.waitForText("kpi-new", "8");
            ((JavascriptExecutor) app.driver).executeScript("document.getElementById('home-title').scrollIntoView()");
            app.screenshot("home-sample-data");
            assertEquals(1, app.driver.findElements(By.cssSelector("#onboarding [data-step=contact].step-open")).size(),
                    "sample data ticks no step");
            for (String step : new String[] {"first_send", "first_payment"}) {
                assertEquals(0, app.driver.findElements(By.cssSelector("#onboarding [data-step=" + step + "]")).size(),
                        "not listed before there is a client of one's own: " + step);
            }
            home.removeSampleData();
            app.waitForText("kpi-new", "0");
        }
    }

    @Test
    void anOwnerTurnsOnTextToTaskByItself() {
        try (BackOffice app = new BackOffice()) {
            app.signIn(WORLD.maple("owner"), "demo");
            new HomeScreen(app).waitFor("Welcome");
            new SettingsScreen(app).open("inbox").waitForTab("Inbox");
            app.click("automation-draft");
            app.click("automation-apply");
            app.choose("90 % sure");
            app.click("automation-save");
            app.waitForToast("New messages are drafted automatically");
            app.waitForText("automation-reader", "read on this server by SMB Hub's own rules");
            app.screenshot("settings-text-to-task");
        }
        var saved = SystemUnderTest.get("/api/v1/settings/text-to-task", SystemUnderTest.token(WORLD.maple("owner"), null));
        assertEquals("{\"auto_draft\":true,\"auto_apply_at\":0.90,\"reader\":{\"by\":\"rules\"}}",
                saved.json().getJsonObject("data").toString(), "no model is configured on the test stack: nothing leaves it");
    }

    @Test
    void anOwnerRunsThePaymentRemindersNowAndSeesWhatTheRunDid() {
        World own = World.create();
        try (BackOffice app = new BackOffice()) {
            app.signIn(own.northside("owner"), "demo");
            new HomeScreen(app).waitFor("Welcome");
            new SettingsScreen(app).open("reminders").waitForTab("Reminders");
            app.waitForText("reminders-state", "from 9:00 in your time zone");
            app.waitForText("reminders-next", "Next run: ");
            app.click("reminders-run");
            app.waitForToast("(Run now): ");
            app.waitForText("reminders-runs", "(Run now): ");
            app.screenshot("settings-reminders");
        }
        assertEquals("COMPLETED", SystemUnderTest.get("/api/v1/jobs/runs?job=ar-reminders", SystemUnderTest.token(own.northside("owner"), null))
                .json().getJsonArray("data").getJsonObject(0).getString("status"));
    }

    @Test
    void anOwnerExportsEverythingWatchesItAndDownloadsTheZip() {
        World own = World.create();
        try (BackOffice app = new BackOffice()) {
            app.signIn(own.northside("owner"), "demo");
            new HomeScreen(app).waitFor("Welcome");
            new SettingsScreen(app).open("data").waitForTab("Data");
            app.click("export-start");
            app.waitForToast("Your export is ready to download");
            app.waitForText("export-runs", "items, until");
            app.screenshot("settings-export");
            String href = app.driver.findElement(By.cssSelector("#export-runs a[id^=export-download-]")).getAttribute("href");
            Object got = ((JavascriptExecutor) app.driver).executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + "fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done(r.status + ' ' + r.headers.get('content-type')"
                    + " + ' ' + new Uint8Array(b.slice(0, 2)).join(','))))", href);
            assertEquals("200 application/zip 80,75", got, "the ZIP (it starts with PK)");
            app.click("export-pdfs"); // the data only, without invoice and quote PDFs
            app.click("export-start");
            app.waitForText("export-runs", "items (no PDFs), until");
        }
    }

    @Test
    void anOwnerAddsATaxInSettingsAndRetiresIt() {
        World own = World.create();
        try (BackOffice app = new BackOffice()) {
            app.signIn(own.northside("owner"), "demo");
            new HomeScreen(app).waitFor("Welcome");
            SettingsScreen settings = new SettingsScreen(app).open("numbers");
            settings.waitForTab("Numbers");
            settings.addTax("PST", "PST 8% (Ontario, old)", "8");
            app.screenshot("settings-taxes");
            settings.retireTax("PST");
            assertEquals(1, SystemUnderTest.get("/api/v1/tax-codes", SystemUnderTest.token(own.northside("owner"), null)).json()
                    .getJsonArray("data").size(), "HST stays, PST is retired");
        }
    }

    @Test
    void anOwnerWritesATemplateAndMakesItTheDefaultReminder() throws Exception {
        String name = "Firm " + UUID.randomUUID().toString().substring(0, 8);
        String owner = SystemUnderTest.token(WORLD.maple("owner"), null);
        try (BackOffice app = new BackOffice()) {
            app.signIn(WORLD.maple("owner"), "demo");
            new HomeScreen(app).waitFor("Welcome");
            SettingsScreen settings = new SettingsScreen(app).open("email");
            settings.newTemplate("reminder_email", name, "Overdue: {number}");
            ((JavascriptExecutor) app.driver).executeScript(
                    "document.getElementById('template-new-reminder_email').scrollIntoView({block: 'end'})");
            app.screenshot("settings-templates");
            settings.open(null).defaultTemplate("reminder_email", name).stageTemplate("final", name).save();
            JsonObject business = SystemUnderTest.get("/api/v1/settings/business", owner).json().getJsonObject("data");
            String chosen = business.getJsonObject("default_templates").getString("reminder_email");
            assertEquals(chosen, business.getJsonObject("ar_templates").getString("final"), "the final stage's own template");
            assertEquals(name, SystemUnderTest.get("/api/v1/templates?kind=reminder_email", owner).json().getJsonArray("data")
                    .stream().map(v -> v.asJsonObject()).filter(t -> t.getString("id").equals(chosen)).findFirst()
                    .orElseThrow().getString("name"));

            // the reminder dialog offers both, with the new default chosen and previewed; another pick is sent
            String client = "Reminded " + name;
            String email = "reminded." + name.substring(5) + "@example.com";
            String contact = ContactsIT.send("POST", "/api/v1/contacts", owner, "{\"display_name\":\"" + client
                    + "\",\"email\":\"" + email + "\"}").json().getJsonObject("data").getString("id");
            String invoice = ContactsIT.send("POST", "/api/v1/invoices", owner, "{\"contact_id\":\"" + contact
                    + "\",\"line_items\":[{\"name\":\"Hem\",\"qty\":1,\"rate\":40}]}").json().getJsonObject("data").getString("id");
            assertEquals(200, ContactsIT.send("POST", "/api/v1/invoices/" + invoice + "/send", owner, "{}").status());
            DocumentScreen invoices = DocumentScreen.invoices(app).open();
            invoices.waitInList(client);
            invoices.openRow(client, "remind").press("remind").waitForPreview("Subject: Overdue: INV-");
            app.screenshot("invoice-remind-template");
            invoices.template("Standard payment reminder").waitForPreview("Subject: Reminder: invoice INV-");
            invoices.confirmSend();
            Mailbox.await(email, "Reminder: invoice INV-");

            // the next reminder starts from the second stage's own template (Settings → Business), as the daily run's would
            String second = TemplatesIT.create(owner, "reminder_email", "Second " + name, "Second notice: {number}");
            assertEquals(200, ContactsIT.edit("PATCH", "/api/v1/settings/business", owner,
                    "{\"ar_templates\":{\"reminder_2\":\"" + second + "\"}}").status());
            invoices.openRow(client, "remind").press("remind").waitForPreview("Subject: Second notice: INV-");
            invoices.confirmSend();
            Mailbox.await(email, "Second notice: INV-");

            // the client disputes it: the automatic reminders are held, with a note, and the list says so
            invoices.openRowShowing(client, "inv-hold-reminders");
            invoices.holdReminders("The client disputes it", "Says the hem is uneven; redo Friday");
            app.screenshot("invoice-hold-reminders");
            app.click("hold-confirm");
            invoices.waitInList("· disputed");
            JsonObject held = SystemUnderTest.get("/api/v1/invoices/" + invoice, owner).json().getJsonObject("data");
            assertEquals("DISPUTED", held.getString("reminder_hold"));
            assertEquals("Says the hem is uneven; redo Friday", held.getString("reminder_hold_note"));
            invoices.openRowShowing(client, "inv-resume-reminders");
            BackOffice.await(app.driver, 15).until(d -> d.findElement(By.id("inv-reminder-hold")).getAttribute("textContent")
                    .contains("Automatic reminders held: the client disputes it — Says the hem is uneven"));
            app.click("inv-resume-reminders");
            BackOffice.await(app.driver, 15).until(d -> SystemUnderTest.get("/api/v1/invoices/" + invoice, owner).json()
                    .getJsonObject("data").isNull("reminder_hold"));
        } finally {
            ContactsIT.edit("PATCH", "/api/v1/settings/business", owner,
                    "{\"default_templates\":{\"reminder_email\":\"tpl_msg_paylink_v1\"},\"ar_templates\":{\"final\":null}}");
        }
    }

    @Test
    void anOwnerInvitesAndTheInviteeJoinsWithTheLink() {
        String email = "newhire." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String link;
        try (BackOffice owner = new BackOffice()) {
            owner.signIn(WORLD.northside("owner"), "demo");
            new HomeScreen(owner).waitFor("Welcome");
            new HomeScreen(owner).quickAction("Invite your team");
            SettingsScreen settings = new SettingsScreen(owner);
            settings.waitForTab("Team");
            link = settings.invite(email);
            settings.waitForInviteMailed(email);
            owner.screenshot("settings-team-invite");
        }
        try (BackOffice invitee = new BackOffice()) {
            InviteScreen invite = new InviteScreen(invitee).open(link);
            invite.waitForTitle("Join Northside Plumbing");
            invite.join("Nia Newhire", "a-long-password-1");
            invite.waitForMessage("You have joined Northside Plumbing");
            invitee.signIn(email, "a-long-password-1");
            new HomeScreen(invitee).waitFor("Welcome to Northside Plumbing");
            invite.open(link).waitForMessage("does not work any more");
        }
        String owner = SystemUnderTest.token(WORLD.northside("owner"), null);
        assertEquals("ACTIVE", SystemUnderTest.get("/api/v1/team/members?limit=100", owner).json().getJsonArray("data")
                .stream().map(v -> v.asJsonObject()).filter(m -> m.getJsonObject("user").getString("email").equals(email))
                .findFirst().orElseThrow().getString("status"));
    }
}
