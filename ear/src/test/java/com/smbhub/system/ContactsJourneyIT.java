package com.smbhub.system;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The contacts screen in the browser. */
class ContactsJourneyIT {

    private static final World WORLD = World.create();

    @Test
    void staffCreatesAContactSeesFieldErrorsAndFindsItBySearch() {
        String name = "Dana " + UUID.randomUUID().toString().substring(0, 6);
        String line = String.format("%04d", Math.floorMod(name.hashCode(), 10_000));
        try (BackOffice app = new BackOffice()) {
            app.signIn(WORLD.northside("staff"), "demo");
            app.waitForText("home-title", "Welcome");
            ContactsScreen contacts = new ContactsScreen(app).open();
            contacts.startNew(name).field("email", "not-an-email").save();
            BackOffice.await(app.driver, 15).until(d -> contacts.fieldRefused("email"));
            app.screenshot("contact-field-error");
            contacts.field("email", name.replace(' ', '.').toLowerCase() + "@example.com").field("phone", "416 555 " + line).save();
            contacts.waitForDetail(name);
            assertTrue(contacts.detail().contains("+1416555" + line));
            contacts.search(name).waitInList(name);
            app.screenshot("contacts");
        }
    }

    /**
     * The day-to-day loop as Northside's STAFF: a new contact, a work item for it, a PDF attached, a
     * status move, and all of it on the contact's timeline, whose lines open the item.
     */
    @Test
    void contactWorkFileAndStatusAllLandOnTheTimeline() throws Exception {
        String name = "Tess " + UUID.randomUUID().toString().substring(0, 6);
        String job = "Fix tap for " + name;
        Path pdf = Files.createTempFile("estimate-", ".pdf");
        Files.write(pdf, FilesIT.PDF);
        try (BackOffice app = new BackOffice()) {
            app.signIn(WORLD.northside("staff"), "demo");
            app.waitForText("home-title", "Welcome");
            ContactsScreen contacts = new ContactsScreen(app).open().startNew(name);
            contacts.save();
            contacts.waitForDetail(name);
            WorkScreen work = new WorkScreen(app).open(null).startNew(job).contact(name);
            work.create();
            work.waitInList(job);
            work.openItem(job);
            app.tab("Files");
            app.upload("files-upload", pdf);
            app.waitForText("files-list", pdf.getFileName().toString());
            app.screenshot("work-item-files");
            app.tab("Details");
            work.moveTo("IN_PROGRESS");
            contacts.open().search(name).openContact(name);
            contacts.waitForTimeline(job + " moved to in progress");
            contacts.waitForTimeline("File " + pdf.getFileName() + " on " + job);
            app.screenshot("contact-timeline");
            contacts.openFirstTimelineLine();
            app.waitForPath("work");
            app.tab("Activity");
            app.waitForText("wi-activity", "attached " + pdf.getFileName());
            app.waitForText("wi-activity", "changed status from New to In progress");
            app.screenshot("work-item-activity");
        } finally {
            Files.deleteIfExists(pdf);
        }
    }

    @Test
    void staffImportsContactsFromACsvAfterAPreview() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        Path csv = Files.createTempFile("contacts-", ".csv");
        Files.writeString(csv, "Name,Email,Phone\n"
                + "Ivy Import " + run + ",ivy." + run + "@example.com,\n"
                + "Bad Row " + run + ",not-an-email,\n"
                + "Jon Import " + run + ",jon." + run + "@example.com,\n");
        try (BackOffice app = new BackOffice()) {
            app.signIn(WORLD.northside("staff"), "demo");
            app.waitForText("home-title", "Welcome");
            ContactsScreen contacts = new ContactsScreen(app).open();
            contacts.importFile(csv);
            app.waitForText("import-summary", "2 ready to import · 1 with errors");
            app.waitForText("import-rows", "Not a valid e-mail address");
            app.screenshot("contacts-import");
            app.click("import-confirm");
            contacts.search("Import " + run);
            BackOffice.await(app.driver, 15).until(d -> {
                String text = d.findElement(By.id("contact-grid")).getText();
                return text.contains("Ivy Import " + run) && text.contains("Jon Import " + run);
            });
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    @Test
    void aViewerSeesContactsButNoWayToChangeThem() {
        try (BackOffice app = new BackOffice()) {
            app.signIn(WORLD.northside("viewer"), "demo");
            app.waitForText("home-title", "Welcome");
            ContactsScreen contacts = new ContactsScreen(app).open();
            app.waitForText("contact-detail", "Choose a contact");
            assertFalse(contacts.offersNew());
        }
    }
}
