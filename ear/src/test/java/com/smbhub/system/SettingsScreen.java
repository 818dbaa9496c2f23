package com.smbhub.system;

import java.nio.file.Path;
import org.openqa.selenium.By;

/** Page object of the settings screen (web/settings): its tabs, Save, message templates and team invitations. */
final class SettingsScreen {

    private final BackOffice app;

    SettingsScreen(BackOffice app) {
        this.app = app;
    }

    /** Opens the screen on a tab (null: the first, Business). */
    SettingsScreen open(String tab) {
        app.open(tab == null ? "settings" : "settings?tab=" + tab);
        return this;
    }

    void waitForTab(String label) {
        app.waitForText("settings-tabs", label);
    }

    /** Save on the Business tab, and the confirmation that follows. */
    void save() {
        app.click("settings-save");
        app.waitForToast("Settings saved");
    }

    /** Fills in the details the business prints on its documents and presses Save details. */
    void fillDetails(String legalName, String website, String taxNumbers, String notes) {
        app.type("details-legal-name", legalName);
        app.type("details-website", website);
        app.type("details-tax-numbers", taxNumbers);
        app.type("details-notes", notes);
        app.click("details-save");
    }

    /** The error a field of the details shows, once it shows one. */
    String detailsError(String id) {
        return BackOffice.await(app.driver, 20).until(d -> d.findElements(By.cssSelector("#" + id + "[invalid]")).isEmpty() ? null
                : d.findElement(By.id(id)).getDomProperty("errorMessage"));
    }

    /** Uploads a logo on the Business tab and waits until it shows. */
    void uploadLogo(Path image) {
        app.upload("logo-upload", image);
        BackOffice.await(app.driver, 20).until(d -> !d.findElements(By.id("logo-image")).isEmpty());
    }

    /** Adds a tax on the Numbers tab and waits until it is listed. */
    void addTax(String code, String name, String rate) {
        app.type("tax-code", code);
        app.type("tax-name", name);
        app.type("tax-rate", rate);
        app.click("tax-add");
        app.waitForText("tax-list", code + " · " + name);
    }

    /** Retires a tax (confirmed) and waits until it has left the list. */
    void retireTax(String code) {
        app.click("tax-retire-" + code);
        app.confirm();
        BackOffice.await(app.driver, 20).until(d -> d.findElements(By.id("tax-retire-" + code)).isEmpty());
    }

    /** A new template of this kind ("reminder_email"), saved, and listed. */
    void newTemplate(String kind, String name, String subject) {
        app.click("template-new-" + kind);
        app.type("template-name", name);
        app.type("template-subject", subject);
        app.click("template-save");
        BackOffice.await(app.driver, 20).until(d -> d.findElements(By.cssSelector(".template-row")).stream()
                .anyMatch(r -> r.getText().contains(name)));
    }

    /** The default template of a kind, on the Business tab. */
    SettingsScreen defaultTemplate(String kind, String name) {
        app.click("settings-template-" + kind);
        app.choose(name);
        return this;
    }

    /** A stage of the automatic reminders (reminder_1, reminder_2, final) gets a reminder template of its own. */
    SettingsScreen stageTemplate(String stage, String name) {
        app.click("settings-ar-template-" + stage);
        app.choose(name);
        return this;
    }

    /** The Payments tab names the connected Stripe account. */
    void waitForStripe(String account) {
        app.waitForText("stripe-status", account);
    }

    /** The E-mail tab says which mail server sends. */
    void waitForMailServer(String text) {
        app.waitForText("smtp-status", text);
    }

    void waitForInviteMailed(String email) {
        app.waitForText("invite-mailed", "We e-mailed this link to " + email);
    }

    /** Invites by e-mail on the Team tab; returns the invitation link shown to copy. */
    String invite(String email) {
        app.type("invite-email", email);
        app.click("invite-send");
        return BackOffice.await(app.driver, 15).until(d -> {
            var field = d.findElements(By.cssSelector("#invite-link input"));
            return field.isEmpty() ? null : field.get(0).getAttribute("value");
        });
    }
}
