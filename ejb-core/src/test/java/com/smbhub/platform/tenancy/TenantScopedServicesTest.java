package com.smbhub.platform.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every EJB runs inside a business ({@code @TenantScoped}: caller checked,
 * tenant set on the transaction) unless it is named below with the reason it may not. A new service
 * that forgets the interceptor fails here instead of reading across businesses.
 */
class TenantScopedServicesTest {

    /** Beans that run before, beside or without a business, each with why. */
    static final Map<String, String> WITHOUT_A_CALLERS_BUSINESS = Map.ofEntries(
            Map.entry("platform/security/Access", "resolves the caller's role; called inside tenant services"),
            Map.entry("platform/security/IdentityService", "sign-in and memberships, before a business is chosen"),
            Map.entry("platform/grid/DataGrid", "joins the data grid for caller-cache evictions and rate-limit counts, no business data"),
            Map.entry("platform/audit/AuditService", "writes the audit row of the caller's own transaction"),
            Map.entry("platform/mail/Mailer", "sends and logs mail for the calling service"),
            Map.entry("platform/analytics/ViewEvents", "writes queued events with their tenant column"),
            Map.entry("platform/db/DemoSeeder", "seeds businesses at start-up"),
            Map.entry("platform/db/Migrator", "runs Flyway at start-up"),
            Map.entry("platform/db/Readiness", "health check"),
            Map.entry("platform/metrics/Gauges", "metrics: counts of the whole installation (webhook backlog, connections)"),
            Map.entry("platform/time/TestSupport", "test stacks only: makes businesses"),
            Map.entry("profile/ProfileCatalog", "the shipped profiles, global"),
            Map.entry("invoice/CheckoutLinks", "called inside InvoiceService's transaction and tenant"),
            Map.entry("tenant/InvitationService", "the invitee is not a member yet"),
            Map.entry("account/SignupService", "makes the business; enters it through TenantEntry"),
            Map.entry("account/AccountService", "a person's own account (verification, reset), before any business"),
            Map.entry("job/JobsReport", "platform ops' report of every business's job runs, through CrossTenant"),
            Map.entry("job/JobLedger", "the batch jobs' runs: enters each run's business through TenantEntry"),
            Map.entry("export/Exporter", "the export job: enters the run's business through TenantEntry"),
            Map.entry("invoice/ArReminders", "the reminders job: enters the run's business through TenantEntry as its automation"),
            Map.entry("payment/StripeWebhooks", "webhook: stores first, the business is found from the event"),
            Map.entry("payment/StripeEventProcessor", "webhook: enters the event's business through TenantEntry"),
            Map.entry("payment/PaymentNews", "after a card payment committed: enters its business through TenantEntry.asAutomation"),
            Map.entry("payment/WebhookRetries", "timer: hands events to StripeEventProcessor"),
            Map.entry("payment/WebhookLog", "platform ops: every business's webhook events"),
            Map.entry("platform/analytics/Activation", "platform ops: activation over every business"),
            Map.entry("aidraft/AiDraftQueue", "platform ops: the QC queue over every business; decisions enter the draft's business through TenantEntry.asOps"),
            Map.entry("aidraft/AutoDrafts", "after new messages are stored: enters their business through TenantEntry.asAutomation"),
            Map.entry("portal/PortalService", "client portal: enters the token's business through TenantEntry"),
            Map.entry("platform/tenancy/Background", "runs a caller's work on a worker thread as that caller; the services it calls are tenant-scoped"),
            Map.entry("platform/tenancy/TenantEntry", "the one audited way into a business without a signed-in caller"),
            Map.entry("inbox/Mailboxes", "mail poller: leases every business's due mailboxes in the cross-business scope"),
            Map.entry("inbox/InboxIngest", "mail poller: enters the mailbox's business through TenantEntry"),
            Map.entry("inbox/MailPoller", "timer: hands leased mailboxes to InboxIngest"),
            Map.entry("inbox/SmsMedia", "MMS fetcher: leases every business's due pictures, keeps each through TenantEntry"),
            Map.entry("inbox/SmsMediaFetcher", "timer: fetches leased pictures from Twilio and hands them to SmsMedia"),
            Map.entry("inbox/SmsWebhooks", "webhook: the business is the one whose number Twilio names, entered through TenantEntry"),
            Map.entry("pos/SquareWebhooks", "webhook: the business is the one whose merchant Square names, entered through TenantEntry"),
            Map.entry("pos/PosSync", "the POS sync job: enters the run's business through TenantEntry as its automation"),
            Map.entry("batch/JobLauncher", "starts batch executions; each run's business is entered through JobLedger"),
            Map.entry("batch/JobRecovery", "at start-up, has JobLauncher carry on the runs a crash left open"));

    @Test
    void everyServiceIsTenantScopedOrNamedWithItsReason() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<String> unscoped = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (String module : List.of("ejb-core", "batch-jobs")) {
            Path sources = root.resolve(module).resolve("src/main/java/com/smbhub");
            try (Stream<Path> paths = Files.walk(sources)) {
                for (Path file : paths.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String text = Files.readString(file);
                    if (!text.contains("@Stateless") && !text.contains("@Singleton")) {
                        continue;
                    }
                    String name = sources.relativize(file).toString().replace('\\', '/').replace(".java", "");
                    seen.add(name);
                    if (!text.contains("@TenantScoped")
                            && !WITHOUT_A_CALLERS_BUSINESS.containsKey(name)) {
                        unscoped.add(name);
                    }
                }
            }
        }
        assertTrue(seen.size() > 20, seen.toString());
        assertEquals(List.of(), unscoped, "add @TenantScoped, or name the bean here with why");
        List<String> stale = WITHOUT_A_CALLERS_BUSINESS.keySet().stream().filter(n -> !seen.contains(n)).sorted().toList();
        assertEquals(List.of(), stale, "names of beans that no longer exist");
    }
}
