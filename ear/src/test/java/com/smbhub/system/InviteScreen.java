package com.smbhub.system;

/** Page object of the invitation page a new member opens from their e-mail (web/security/InviteView). */
final class InviteScreen {

    private final BackOffice app;

    InviteScreen(BackOffice app) {
        this.app = app;
    }

    InviteScreen open(String link) {
        app.driver.get(link);
        return this;
    }

    void waitForTitle(String text) {
        app.waitForText("invite-title", text);
    }

    void join(String name, String password) {
        app.type("invite-name", name);
        app.type("invite-password", password);
        app.click("invite-accept");
    }

    void waitForMessage(String text) {
        app.waitForText("invite-message", text);
    }
}
