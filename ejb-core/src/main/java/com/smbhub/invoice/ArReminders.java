package com.smbhub.invoice;

import com.smbhub.job.JobLedger;
import com.smbhub.job.JobRunStatus;
import com.smbhub.money.MoneyText;
import com.smbhub.platform.errors.ConflictException;
import com.smbhub.platform.errors.NotFoundException;
import com.smbhub.platform.errors.ProviderException;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.errors.VerificationRequiredException;
import com.smbhub.platform.mail.KeptConnections;
import com.smbhub.platform.security.Role;
import com.smbhub.platform.tenancy.RequestContext;
import com.smbhub.platform.tenancy.TenantEntry;
import com.smbhub.platform.time.BusinessClock;
import com.smbhub.profile.EffectiveProfile;
import com.smbhub.profile.ProfileService;
import com.smbhub.tenant.Tenant;
import com.smbhub.workitem.WorkItemDraft;
import com.smbhub.workitem.WorkItemService;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Automatic payment reminders (PRD 5.5, issue 16): for a business that turned them on, every unpaid invoice past
 * due gets the reminder of the stage due now (the days after the due date in Settings), through the business's own
 * mail settings, as its automation. Each invoice is its own transaction: a reminder is claimed before it goes and
 * the claim is undone if the mail server refuses, so it is sent once and retried next run.
 */
@Stateless
public class ArReminders {

    private static final Logger LOG = Logger.getLogger(ArReminders.class.getName());
    private static final long QUARTER_HOUR = 15 * 60;

    /** An invoice whose reminder is due, and the stage due now. */
    public record Due(String invoiceId, String number, ArStage stage) implements Serializable {
    }

    @PersistenceContext(unitName = "smbhub") EntityManager em;

    @EJB TenantEntry entry;

    @EJB ProfileService profiles;

    @EJB InvoiceSending sending;

    @EJB InvoiceService invoices;

    @EJB WorkItemService work;

    @EJB JobLedger ledger;

    @Resource SessionContext context;

    /** Whether the business wants its scheduled run now: reminders on and its day past its send hour. */
    public boolean dueNow(String tenantId) {
        ZonedDateTime local = BusinessClock.now(tenantId).atZone(em.find(Tenant.class, tenantId).zone());
        EffectiveProfile profile = profiles.effective();
        return profile.arRemindersEnabled() && local.getHour() >= profile.arSendHour();
    }

    /**
     * When the schedule (every quarter hour) next starts the reminders of a business in {@code zone} sending from
     * {@code hour}: at that hour today, at the next quarter hour when today's run is still to come, else tomorrow.
     */
    public static Instant nextRun(Instant now, ZoneId zone, int hour, boolean ranToday) {
        ZonedDateTime start = now.atZone(zone).toLocalDate().atTime(hour, 0).atZone(zone);
        if (now.isBefore(start.toInstant())) {
            return start.toInstant();
        }
        if (!ranToday) {
            return Instant.ofEpochSecond((now.getEpochSecond() / QUARTER_HOUR + 1) * QUARTER_HOUR);
        }
        return start.plusDays(1).toInstant();
    }

    /** Run {@code runId} for business {@code tenantId}: each due reminder sent, then the run's counts and errors kept. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void run(String tenantId, String runId) {
        ArReminders self = context.getBusinessObject(ArReminders.class);
        List<String> errors = new ArrayList<>();
        int done = 0;
        int skipped = 0;
        int failed = 0;
        List<Due> due;
        try {
            due = self.due(tenantId, runId);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Reminders of business " + tenantId + " could not be listed", e);
            ledger.ended(tenantId, runId, JobRunStatus.FAILED, 0, 0, 0, List.of("The unpaid invoices could not be read; the next run tries again"));
            return;
        }
        try (KeptConnections kept = KeptConnections.open()) { // one SMTP connection for the run's reminders
            for (Due d : due) {
                switch (remind(self, tenantId, runId, d, errors)) {
                    case DONE -> done++;
                    case SKIPPED -> skipped++;
                    case FAILED -> failed++;
                }
            }
        } catch (VerificationRequiredException e) { // nothing goes to a client yet: said once, not per invoice
            errors.add(e.getMessage());
            failed = due.size() - done - skipped;
        }
        ledger.ended(tenantId, runId, JobRunStatus.COMPLETED, done, skipped, failed, errors);
    }

    private enum Outcome { DONE, SKIPPED, FAILED }

    private static Outcome remind(ArReminders self, String tenantId, String runId, Due d, List<String> errors) {
        try {
            if (self.remind(tenantId, runId, d)) {
                if (d.stage() == ArStage.FINAL) {
                    collect(self, tenantId, runId, d, errors);
                }
                return Outcome.DONE;
            }
            return Outcome.SKIPPED; // sent meanwhile (by a person, or another run), or paid or voided since listed
        } catch (VerificationRequiredException e) {
            throw e;
        } catch (ProviderException e) {
            errors.add(d.number() + ": " + e.getMessage() + " — tried again next run");
            return Outcome.FAILED;
        } catch (ValidationException e) {
            errors.add(d.number() + ": " + e.errors().get(0).message());
            return Outcome.SKIPPED;
        } catch (ConflictException | NotFoundException e) {
            return Outcome.SKIPPED; // paid, voided or changed while the run went on
        } catch (RuntimeException e) {
            errors.add(d.number() + ": could not be sent — tried again next run");
            LOG.log(Level.WARNING, "Reminder of invoice " + d.invoiceId() + " failed", e);
            return Outcome.FAILED;
        }
    }

    /** The business's unpaid invoices past due whose stage due today is further than the one they are at. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Due> due(String tenantId, String runId) {
        return entry.asAutomation(tenantId, "job_run:" + runId, () -> {
            EffectiveProfile profile = profiles.effective();
            List<Integer> days = profile.arReminderDays();
            if (!profile.arRemindersEnabled() || days.isEmpty()) {
                return List.of();
            }
            LocalDate today = BusinessClock.today(em.find(Tenant.class, RequestContext.current().orElseThrow().tenantId()).zone());
            List<Invoice> unpaid = em.createQuery("select i from Invoice i where i.status in :open and i.amountDue > 0"
                            + " and i.endDate < :today and i.reminderHold is null and i.deletedAt is null order by i.endDate, i.id",
                            Invoice.class)
                    .setParameter("open", List.of(InvoiceStatus.SENT.name(), InvoiceStatus.PARTIALLY_PAID.name()))
                    .setParameter("today", today).getResultList();
            List<Due> due = new ArrayList<>();
            for (Invoice invoice : unpaid) {
                ArStage now = ArStage.dueOn(invoice.endDate(), today, days);
                if (now.ordinal() > ArStage.of(invoice.getArStage()).ordinal()) {
                    due.add(new Due(invoice.getId(), invoice.getNumber(), now));
                }
            }
            return due;
        });
    }

    private static void collect(ArReminders self, String tenantId, String runId, Due due, List<String> errors) {
        try {
            self.collection(tenantId, runId, due);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Collection work item of invoice " + due.invoiceId() + " not made", e);
            errors.add(due.number() + ": the final reminder went, but its collection work item could not be made");
        }
    }

    /**
     * After an invoice's final reminder: a COLLECTION work item, assigned to an owner, to chase the payment in person
     * (its own transaction; the final reminder's claim makes it once per invoice).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void collection(String tenantId, String runId, Due due) {
        entry.asAutomation(tenantId, "job_run:" + runId, () -> {
            InvoiceView invoice = invoices.get(due.invoiceId());
            String owner = em.createQuery("select m.userId from TenantMember m where m.role = :owner and m.status = 'ACTIVE'"
                    + " and m.deletedAt is null order by m.id", String.class).setParameter("owner", Role.OWNER).setMaxResults(1)
                    .getResultStream().findFirst().orElse(null);
            work.create(new WorkItemDraft("COLLECTION", "Collect payment of invoice " + invoice.number()
                    + (invoice.contactName() == null ? "" : " from " + invoice.contactName()),
                    "The final payment reminder went on " + BusinessClock.today(em.find(Tenant.class, tenantId).zone()) + ": "
                    + MoneyText.format(invoice.amountDue(), invoice.currency()) + " is still due since " + invoice.dueDate() + ".",
                    "HIGH", invoice.contactId(), null, owner, Map.of()), Optional.empty());
            return null;
        });
    }

    /** One invoice's reminder, in its own transaction; false when that stage went out meanwhile. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean remind(String tenantId, String runId, Due due) {
        return entry.asAutomation(tenantId, "invoice:" + due.invoiceId(), () -> sending.remindAutomatically(due.invoiceId(),
                due.stage(), runId));
    }
}
