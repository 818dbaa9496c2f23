package com.smbhub.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
            new HomeScreen(app).waitFor("Welcome");
            ContactsScreen contacts = new ContactsScreen(app).open();
            contacts.startNew(name).field("email", "not-an-email").save();
            BackOffice.await(app.driver, 15).until(d -> contacts.fieldRefused("email"));
            app.screenshot("contact-field-error");
            contacts.field("email", name.replace(' ', '.').toLowerCase() + "@example.com").field("phone", "416 555 " + line).save();
            contacts.waitForDetail(name);
            assertTrue(contacts.detail().contains("+1 416-555-" + line), "the number as people read it");
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
            new HomeScreen(app).waitFor("Welcome");
            ContactsScreen contacts = new ContactsScreen(app).open().startNew(name);
            contacts.save();
            contacts.waitForDetail(name);
            WorkScreen work = new WorkScreen(app).open(null).startNew(job).contact(name);
            work.create();
            work.waitInList(job);
            work.openItem(job);
            work.attach(pdf);
            app.screenshot("work-item-files");
            work.details();
            work.moveTo("IN_PROGRESS");
            contacts.open().search(name).openContact(name);
            contacts.waitForTimeline(job + " moved to in progress");
            contacts.waitForTimeline("File " + pdf.getFileName() + " on " + job);
            app.screenshot("contact-timeline");
            contacts.openFirstTimelineLine();
            app.waitForPath("work");
            WorkScreen opened = new WorkScreen(app);
            opened.waitForActivity("attached " + pdf.getFileName());
            opened.waitForActivity("changed status from New to In progress");
            app.screenshot("work-item-activity");
        } finally {
            Files.deleteIfExists(pdf);
        }
    }

    /**
     * The client record as a hub, as Northside's OWNER: a client with a whole address, then from the client's page
     * a new request (the client already chosen, and named in the Requests list), a new invoice billed to them, and a
     * message addressed to them.
     */
    @Test
    void aNewRequestInvoiceOrMessageStartsFromTheClientsPage() {
        String name = "Hana " + UUID.randomUUID().toString().substring(0, 6);
        String job = "Gutter check for " + name;
        try (BackOffice app = new BackOffice()) {
            app.signIn(WORLD.northside("owner"), "demo");
            new HomeScreen(app).waitFor("Welcome");
            ContactsScreen contacts = new ContactsScreen(app).open().startNew(name)
                    .field("email", name.replace(' ', '.').toLowerCase() + "@example.com")
                    .field("address_line1", "12 Elm St").field("address_line2", "Unit 3").field("city", "Toronto")
                    .field("region", "ON").field("postal_code", "M4B 1B3").field("country", "Canada");
            contacts.save();
            contacts.waitForDetail(name);
            app.waitForText("contact-detail", "12 Elm St, Unit 3, Toronto ON M4B 1B3, Canada");
            app.screenshot("contact-hub");

            app.click("contact-new-work");
            app.waitForPath("work");
            BackOffice.await(app.driver, 20).until(d -> d.findElement(By.cssSelector("#wi-contact input"))
                    .getAttribute("value").startsWith(name));
            app.type("wi-title", job);
            app.click("wi-save");
            WorkScreen work = new WorkScreen(app);
            work.waitInList(job);
            work.waitInList(name); // the Client column

            contacts.open().search(name).openContact(name);
            app.click("contact-new-invoice");
            app.waitForPath("invoices");
            BackOffice.await(app.driver, 20).until(d -> d.findElement(By.cssSelector("#inv-contact input"))
                    .getAttribute("value").startsWith(name));
            DocumentScreen.invoices(app).line(0, "Gutter check", null, "90").saveDraft(name);

            contacts.open().search(name).openContact(name);
            app.click("contact-message");
            app.waitForPath("inbox");
            BackOffice.await(app.driver, 20).until(d -> d.findElement(By.cssSelector("#compose-contact input"))
                    .getAttribute("value").startsWith(name));
        }
    }

    @Test
    void staffImportsContactsFromACsvAfterAPreview() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        Path csv = Files.createTempFile("contacts-", ".csv");
        Files.writeString(csv, "Name,Email,Cell #\n"
                + "Ivy Import " + run + ",ivy." + run + "@example.com,416 555 0166\n"
                + "Bad Row " + run + ",not-an-email,\n"
                + ",nameless." + run + "@example.com,\n"
                + "Jon Import " + run + ",jon." + run + "@example.com,\n"
                + "Ivy Twin " + run + ",ivy." + run + "@example.com,\n");
        try (BackOffice app = new BackOffice()) {
            app.signIn(WORLD.northside("staff"), "demo");
            new HomeScreen(app).waitFor("Welcome");
            ContactsScreen contacts = new ContactsScreen(app).open();
            contacts.importFile(csv);
            contacts.waitForImportPreview("2 ready to import · 2 with errors · 1 duplicate", "Not a valid e-mail address");
            contacts.waitForImportPreview("2 ready to import", "Name is required"); // in words, not a field code
            contacts.importColumnAs("cell", "Phone"); // a column it does not know, chosen
            contacts.waitForImportPreview("2 ready to import", "+1 416-555-0166"); // as people read it
            contacts.importAnyway(6); // a second person with the same e-mail
            contacts.waitForImportPreview("3 ready to import · 2 with errors · 0 duplicates", "imported anyway");
            app.screenshot("contacts-import");
            contacts.confirmImport();
            contacts.search("Import " + run);
            contacts.waitInList("Ivy Import " + run);
            contacts.waitInList("Jon Import " + run);
            contacts.search("Twin " + run);
            contacts.waitInList("Ivy Twin " + run);
            assertEquals(1, Database.count("select count(*) from contacts where display_name = ? and phone = '+14165550166'",
                    "Ivy Import " + run));
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    @Test
    void aViewerSeesContactsButNoWayToChangeThem() {
        try (BackOffice app = new BackOffice()) {
            app.signIn(WORLD.northside("viewer"), "demo");
            new HomeScreen(app).waitFor("Welcome");
            ContactsScreen contacts = new ContactsScreen(app).open();
            contacts.waitForNoSelection();
            assertFalse(contacts.offersNew());
        }
    }
}
