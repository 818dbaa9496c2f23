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

    /** Filters the AI review queue to this business or subject and opens its row in the review panel. */
    void openReview(String subject) {
        app.type("ops-ai-business", subject);
        app.openRow("ops-ai-drafts", subject, d -> !d.findElements(org.openqa.selenium.By.id("ai-apply")).isEmpty());
    }

    /** "Approve + Apply" in the review panel: waits for the toast that says it was applied in the business. */
    void approveAndApply() {
        app.click("ai-apply");
        app.waitForToast("Applied in the business");
    }

    /** Waits until the AI review queue's KPI line and its grid show these texts. */
    void waitForReviewQueue(String kpi, String row) {
        app.waitForText("ops-ai-kpis", kpi);
        app.waitForText("ops-ai-drafts", row);
    }
}
