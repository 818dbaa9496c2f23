package com.smbhub.platform.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * What SMB Hub counts and times for its operators, served by Payara at {@code /metrics} (Prometheus format,
 * docs/operations.md "Metrics and alerts"). Tags are bounded: route templates, methods, status codes, job names,
 * mail kinds, providers — never an id, an address or a business.
 */
@ApplicationScoped
public class Measures {

    static final Metadata REQUESTS = Metadata.builder().withName("smbhub.api.requests")
            .withDescription("API requests by route template and method, with their time").withUnit(MetricUnits.SECONDS).build();
    static final Metadata ERRORS = Metadata.builder().withName("smbhub.api.errors")
            .withDescription("API answers of 4xx and 5xx by route template, method and status").build();
    static final Metadata PAGES = Metadata.builder().withName("smbhub.portal.requests")
            .withDescription("Client portal page requests by route template, method and status, with their time")
            .withUnit(MetricUnits.SECONDS).build();
    static final Metadata BACK_OFFICE = Metadata.builder().withName("smbhub.backoffice.requests")
            .withDescription("Back-office requests by kind (page, init, uidl, heartbeat, upload, static, other) and status,"
                    + " with their time").withUnit(MetricUnits.SECONDS).build();
    static final Metadata MAIL_FAILURES = Metadata.builder().withName("smbhub.mail.failures")
            .withDescription("E-mails a mail server refused or could not be reached for, by kind").build();
    static final Metadata WEBHOOK_FAILURES = Metadata.builder().withName("smbhub.webhook.failures")
            .withDescription("Webhook processing attempts that failed, by provider; outcome retry or failed (for good)").build();
    static final Metadata JOB_RUNS = Metadata.builder().withName("smbhub.job.runs")
            .withDescription("Job runs by job and how they ended, with their time").withUnit(MetricUnits.SECONDS).build();

    @Inject MetricRegistry registry;

    /** One API request: its route template ("unmatched" when none), method, status and time. */
    public void request(String route, String method, int status, Duration took) {
        Tag r = new Tag("route", route);
        Tag m = new Tag("method", method);
        registry.timer(REQUESTS, r, m).update(took);
        if (status >= 400) {
            registry.counter(ERRORS, r, m, new Tag("status", Integer.toString(status))).inc();
        }
    }

    /** One client portal request: its route template, method, status and time (errors are told by the status tag). */
    public void portalRequest(String route, String method, int status, Duration took) {
        registry.timer(PAGES, new Tag("route", route), new Tag("method", method), new Tag("status", Integer.toString(status)))
                .update(took);
    }

    /** One back-office request: its kind to Vaadin (BackOfficeTimer), status and time. */
    public void backOfficeRequest(String kind, int status, Duration took) {
        registry.timer(BACK_OFFICE, new Tag("kind", kind), new Tag("status", Integer.toString(status))).update(took);
    }

    public void mailFailed(String kind) {
        registry.counter(MAIL_FAILURES, new Tag("kind", kind == null ? "other" : kind.toLowerCase())).inc();
    }

    public void webhookFailed(String provider, boolean forGood) {
        registry.counter(WEBHOOK_FAILURES, new Tag("provider", provider), new Tag("outcome", forGood ? "failed" : "retry")).inc();
    }

    public void jobRun(String job, String status, Duration took) {
        registry.timer(JOB_RUNS, new Tag("job", job), new Tag("status", status.toLowerCase())).update(took);
    }
}
