package com.smbhub.system;

/** Page object of the ops Command Center (web/shell/OpsView). */
final class OpsScreen {

    private final BackOffice app;

    OpsScreen(BackOffice app) {
        this.app = app;
    }

    OpsScreen waitForIt() {
        app.waitForText("ops-title", "Command Center");
        return this;
    }

    /** Waits until the webhook events needing attention mention this text. */
    void waitForWebhookProblem(String text) {
        app.waitForText("ops-webhooks", text);
    }
}
