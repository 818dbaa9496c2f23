package com.smbhub.system;

import static com.smbhub.system.ContactsIT.send;
import static com.smbhub.system.SystemUnderTest.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Message;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * PRD 3.15 A in a browser: an e-mail from an unknown client arrives at the development mail server, shows
 * up in the inbox by itself within 15 s, becomes a work item (with a contact made from the sender) in at
 * most 3 clicks after it was opened, the work item links back, and the answer from the composer reaches
 * the client, whose reply threads into the same conversation.
 */
class InboxJourneyIT {

    private static final World WORLD = World.create();

    @Test
    void anUnknownClientsMailBecomesWorkAndTheConversationGoesBothWays() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String address = "office@" + WORLD.northside() + ".test";
        String owner = token(WORLD.northside("owner"), null);
        var saved = Mailbox.connect(owner, address);
        assertEquals(200, saved.status(), saved.body());
        String client = "pat-" + run + "@example.com";
        try (BackOffice app = new BackOffice()) {
            app.signIn(WORLD.northside("owner"), "demo");
            new HomeScreen(app).waitFor("Welcome");
            InboxScreen inbox = new InboxScreen(app).open();
            Mailbox.deliver(client, address, "From: Pat Jones <" + client + ">\nTo: " + address + "\nSubject: Burst pipe "
                    + run + "\nMessage-ID: <burst-" + run + "@example.com>\nContent-Type: text/plain; charset=UTF-8\n\n"
                    + "Water everywhere under the sink at 12 Elm St. Can you come today?\n");
            long took = inbox.waitForConversation("Burst pipe " + run, 15);
            assertTrue(took <= 15, "arrived after " + took + " s");
            app.screenshot("inbox");

            inbox.openConversation("Burst pipe " + run);                        // open it
            assertTrue(inbox.who().contains("Unknown"), inbox.who());
            assertTrue(inbox.offersToCreateContact());
            assertTrue(inbox.thread().contains("Water everywhere"), inbox.thread());
            app.screenshot("inbox-conversation");
            inbox.convertToWorkItem();                                          // clicks 1 and 2 (3 is the spare)
            app.waitForPath("work");
            WorkScreen work = new WorkScreen(app);
            work.waitInList("Burst pipe " + run);
            app.click("wi-conversation");                                       // the work item links back
            app.waitForPath("inbox");
            inbox.waitInThread("Water everywhere", 20);
            assertTrue(inbox.linkedToContact(), "the sender became a contact");
            assertEquals("Pat Jones", inbox.who());

            java.nio.file.Path leaflet = java.nio.file.Files.createTempFile("what-to-expect", ".pdf");
            java.nio.file.Files.writeString(leaflet, "%PDF-1.4\n% what to expect\n");
            app.upload("composer-attach", leaflet);
            BackOffice.await(app.driver, 20).until(d -> d.findElement(org.openqa.selenium.By.id("composer-files")).getText()
                    .contains(leaflet.getFileName().toString()));
            inbox.answer("We will be there at 3 pm. " + run);
            app.waitForToast("Sent");
            Message answer = Mailbox.await(client, "Burst pipe " + run);
            assertTrue(Mailbox.text(answer).contains("We will be there at 3 pm"), Mailbox.text(answer));
            assertEquals(leaflet.getFileName().toString(),
                    ((jakarta.mail.Multipart) answer.getContent()).getBodyPart(1).getFileName(), "the file went with it");
            String ourId = answer.getHeader("Message-ID")[0];

            Mailbox.deliver(client, address, "From: Pat Jones <" + client + ">\nTo: " + address + "\nSubject: Re: Burst pipe "
                    + run + "\nMessage-ID: <thanks-" + run + "@example.com>\nIn-Reply-To: " + ourId + "\nReferences: <burst-"
                    + run + "@example.com> " + ourId + "\nMIME-Version: 1.0\nContent-Type: multipart/alternative; boundary=b\n\n"
                    + "--b\nContent-Type: text/plain\n\nPerfect, the door code is 4411.\n--b\nContent-Type: text/html\n\n"
                    + "<p>Perfect, the door code is <b>4411</b>.</p><img src=\"https://pics.example/sig.png\">\n--b--\n");
            inbox.waitInThread("door code is 4411", 30);
            app.driver.findElements(org.openqa.selenium.By.cssSelector(".message-format")).get(0).click();
            BackOffice.await(app.driver, 10).until(d -> d.findElements(org.openqa.selenium.By.cssSelector(".message-html b"))
                    .stream().anyMatch(b -> b.isDisplayed() && b.getText().equals("4411")));
            assertTrue(app.driver.findElements(org.openqa.selenium.By.cssSelector(".message-html img")).isEmpty(),
                    "no image until asked");
            String here = app.driver.getWindowHandle();
            app.driver.findElements(org.openqa.selenium.By.cssSelector(".message-images a, a.message-images")).get(0).click();
            BackOffice.await(app.driver, 10).until(d -> d.getWindowHandles().size() > 1);
            String original = app.driver.getWindowHandles().stream().filter(h -> !h.equals(here)).findFirst().orElseThrow();
            app.driver.switchTo().window(original);
            BackOffice.await(app.driver, 10).until(d -> d.getPageSource().contains("pics.example/sig.png"));
            app.driver.close();
            app.driver.switchTo().window(here);
            app.screenshot("inbox-thread");

            app.open("settings?tab=inbox");
            app.waitForText("mailbox-status", "Reading " + address);
            app.screenshot("settings-inbox");
        }
        var list = SystemUnderTest.get("/api/v1/conversations?q=" + run, owner).json().getJsonArray("data");
        assertEquals(1, list.size(), "one conversation: " + list);
    }

    @Test
    void onAPhoneTheListAndTheThreadAreOneScreenEach() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String address = "shop@" + WORLD.maple() + ".test";
        String owner = token(WORLD.maple("owner"), null);
        assertEquals(200, Mailbox.connect(owner, address).status());
        Mailbox.deliver("kim-" + run + "@example.com", address, "From: Kim <kim-" + run + "@example.com>\nTo: " + address
                + "\nSubject: Return order " + run + "\nMessage-ID: <ret-" + run + "@example.com>\n\nThe scarf is the wrong"
                + " colour; can I swap it for the blue one?\n");
        try (BackOffice app = new BackOffice(390, 844)) {
            app.signIn(WORLD.maple("owner"), "demo");
            new HomeScreen(app).waitFor("Welcome");
            InboxScreen inbox = new InboxScreen(app).open();
            inbox.waitForConversation("Return order " + run, 30);
            assertTrue(inbox.listShown());
            app.screenshot("inbox-phone");
            inbox.openConversation("Return order " + run);
            assertTrue(inbox.thread().contains("wrong colour"));
            assertTrue(!inbox.listShown(), "the thread has the screen");
            app.screenshot("inbox-phone-thread");
            assertTrue(inbox.overflow() <= 1, "wider than the phone by " + inbox.overflow() + " px");
            inbox.back();
            assertTrue(inbox.listShown());
        }
    }

    /**
     * A text in test mode: "Simulate an incoming text" posts it through the real, signed webhook; it shows up
     * by itself, is answered from the composer (the stand-in for Twilio receives it) and turns Delivered.
     */
    @Test
    void aTextFromAClientIsAnsweredFromTheInboxAndShowsDelivered() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String owner = token(WORLD.northside("owner"), null);
        String accountSid = "AC" + TwilioIT.hex(16);
        String authToken = TwilioIT.hex(16);
        String number = TwilioIT.newNumber();
        var saved = TwilioIT.save(owner, accountSid, authToken, number);
        assertEquals(200, saved.status(), saved.body());
        String from = TwilioIT.client();
        assertEquals(201, send("POST", "/api/v1/saved-answers", owner, "{\"name\":\"On my way " + run + "\",\"body\":\"Hello"
                + " {client_name}, {business_name} is on the way.\"}").status());
        try (BackOffice app = new BackOffice()) {
            app.signIn(WORLD.northside("owner"), "demo");
            new HomeScreen(app).waitFor("Welcome");
            InboxScreen inbox = new InboxScreen(app).open();
            inbox.simulateText(from, "Hi, leaking tap at 4 Oak Ave " + run);
            inbox.waitForConversation("leaking tap at 4 Oak Ave " + run, 15);
            inbox.openConversation("leaking tap at 4 Oak Ave " + run);
            assertEquals("Text message", app.text("thread-channel"));
            app.click("composer-saved");
            app.choose("On my way " + run);
            BackOffice.await(app.driver, 10).until(d -> d.findElement(org.openqa.selenium.By.cssSelector("#composer-text textarea"))
                    .getAttribute("value").contains("Hello there, Northside Plumbing is on the way"));
            inbox.answer("Tomorrow at 9 works " + run);
            app.waitForToast("Sent");
            String texted = TwilioIT.sentTo(from).getString("body");
            assertEquals("Hello there, Northside Plumbing is on the way. Tomorrow at 9 works " + run, texted,
                    "the saved answer, then what was typed after it as its own sentence");
            inbox.waitInThread("Delivered", 20);
            // the client sends a photo: fetched from (the stand-in for) Twilio and shown in the thread
            Map<String, String> photo = TwilioIT.incoming(accountSid, from, number, "This is the tap " + run);
            photo.put("NumMedia", "1");
            photo.put("MediaUrl0", "https://api.twilio.com/2010-04-01/Accounts/" + accountSid + "/Messages/"
                    + photo.get("MessageSid") + "/Media/ME" + TwilioIT.hex(16));
            photo.put("MediaContentType0", "image/png");
            assertEquals(200, TwilioIT.signed("/api/v1/webhooks/twilio/sms", photo, authToken).status());
            BackOffice.await(app.driver, 30).until(d -> d.findElements(org.openqa.selenium.By.cssSelector("img.inbox-picture"))
                    .stream().anyMatch(img -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d)
                            .executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", img))));
            app.click("thread-create-contact");
            app.type("new-contact-name", "Robin Oak " + run);
            app.click("new-contact-save");
            BackOffice.await(app.driver, 20).until(d -> d.findElement(org.openqa.selenium.By.id("thread-who")).getText()
                    .equals("Robin Oak " + run));
            app.screenshot("inbox-text");
        }
    }

    /** PRD 3.4: a client writes from their invoice page (no login); it is answered from the inbox and mailed back with a link. */
    @Test
    void aClientWritesFromTheirInvoicePageAndTheAnswerComesBackByMail() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String owner = token(WORLD.northside("owner"), null);
        String email = "sam-" + run + "@example.com";
        var contact = send("POST", "/api/v1/contacts", owner, "{\"display_name\":\"Sam Client " + run + "\",\"email\":\"" + email
                + "\"}");
        var invoice = send("POST", "/api/v1/invoices", owner, "{\"contact_id\":\"" + contact.json().getJsonObject("data")
                .getString("id") + "\",\"tax_code\":\"HST\",\"line_items\":[{\"name\":\"Water heater\",\"qty\":1,\"rate\":950}]}")
                .json().getJsonObject("data");
        String link = SystemUnderTest.BASE + send("POST", "/api/v1/invoices/" + invoice.getString("id") + "/portal-link", owner, null)
                .json().getJsonObject("data").getString("portal_path");
        try (BackOffice client = new BackOffice(414, 860)) {
            new PortalScreen(client).open(link, "Message Northside Plumbing").message("Can I pay in two parts? " + run);
            client.screenshot("portal-message");
        }
        try (BackOffice app = new BackOffice()) {
            app.signIn(WORLD.northside("owner"), "demo");
            new HomeScreen(app).waitFor("Welcome");
            InboxScreen inbox = new InboxScreen(app).open();
            inbox.openConversation("Invoice " + invoice.getString("number"));
            assertEquals("Client portal", app.text("thread-channel"));
            assertTrue(inbox.thread().contains("Can I pay in two parts? " + run), inbox.thread());
            inbox.answer("Of course: half now, half in May. " + run);
            app.waitForToast("Sent");
            app.click("thread-document");
            app.waitForPath("invoices");
        }
        String mail = Mailbox.text(Mailbox.await(email, "Invoice " + invoice.getString("number")));
        assertTrue(mail.contains("half in May") && mail.contains("/portal/invoices/"), mail);
    }
}
