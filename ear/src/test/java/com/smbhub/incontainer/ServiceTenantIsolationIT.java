package com.smbhub.incontainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smbhub.aidraft.AiDraftService;
import com.smbhub.aidraft.ChatReader;
import com.smbhub.catalog.CatalogEntry;
import com.smbhub.catalog.CatalogService;
import com.smbhub.contact.ContactDraft;
import com.smbhub.contact.ContactService;
import com.smbhub.contact.ContactView;
import com.smbhub.expense.ExpenseFields;
import com.smbhub.expense.ExpenseService;
import com.smbhub.expense.ExpenseView;
import com.smbhub.export.Exports;
import com.smbhub.extract.ChatExtractor;
import com.smbhub.extract.Extraction;
import com.smbhub.extract.Inbound;
import com.smbhub.file.FileService;
import com.smbhub.file.FileView;
import com.smbhub.home.HomeService;
import com.smbhub.inbox.ConversationView;
import com.smbhub.inbox.InboxService;
import com.smbhub.inbox.MessageView;
import com.smbhub.inbox.SavedAnswers;
import com.smbhub.invoice.InvoiceSending;
import com.smbhub.invoice.InvoiceService;
import com.smbhub.invoice.InvoiceView;
import com.smbhub.invoice.ReminderHold;
import com.smbhub.job.JobLedger;
import com.smbhub.job.JobRunStatus;
import com.smbhub.job.JobRunView;
import com.smbhub.job.Jobs;
import com.smbhub.money.DocumentDraft;
import com.smbhub.money.Drafts;
import com.smbhub.money.LineItem;
import com.smbhub.money.Numbering;
import com.smbhub.notification.NotificationService;
import com.smbhub.payment.PaymentNews;
import com.smbhub.payment.PaymentService;
import com.smbhub.payment.StripeAccounts;
import com.smbhub.payment.WebhookLog;
import com.smbhub.platform.db.DemoSeeder;
import com.smbhub.platform.errors.NotFoundException;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.mail.MailStatus;
import com.smbhub.platform.mail.Mailer;
import com.smbhub.platform.mail.SmtpSettings;
import com.smbhub.platform.mail.Wording;
import com.smbhub.platform.security.IdentityService;
import com.smbhub.platform.security.Membership;
import com.smbhub.platform.security.NotAMemberException;
import com.smbhub.platform.security.PermissionDeniedException;
import com.smbhub.platform.security.Role;
import com.smbhub.platform.tenancy.Background;
import com.smbhub.platform.tenancy.RequestContext;
import com.smbhub.platform.tenancy.TenantMissingException;
import com.smbhub.portal.PortalLinks;
import com.smbhub.pos.PosSync;
import com.smbhub.pos.SquareSettings;
import com.smbhub.profile.CapabilityDisabledException;
import com.smbhub.profile.ProfileService;
import com.smbhub.quote.QuoteService;
import com.smbhub.quote.QuoteView;
import com.smbhub.sample.SampleDataService;
import com.smbhub.tenant.BusinessSettingsService;
import com.smbhub.tenant.TeamService;
import com.smbhub.workitem.WorkItemDraft;
import com.smbhub.workitem.WorkItemService;
import com.smbhub.workitem.WorkItemView;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The tenant isolation suite inside the container: the real services, their tenant interceptor and
 * the server's EclipseLink and caches, on businesses of its own shaped like the demo's. Callers are set up the way the
 * web edges do it, through {@link RequestContext}.
 */
@ExtendWith(ArquillianExtension.class)
class ServiceTenantIsolationIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return IsolationDeployment.create(ServiceTenantIsolationIT.class);
    }

    /** This class's own pair of businesses (shaped like the demo's), made once in the container. */
    private static DemoSeeder.World world;

    @Inject DemoSeeder seeder;

    private DemoSeeder.World world() {
        if (world == null) {
            world = seeder.world();
        }
        return world;
    }

    private String n() {
        return world().northside();
    }

    private String m() {
        return world().maple();
    }

    @Inject IdentityService identity;

    @Inject TeamService team;

    @Inject StripeAccounts stripe;

    @Inject PaymentNews news;

    @Inject QuoteService quotes;

    @Inject BusinessSettingsService businessSettings;

    @Inject InvoiceSending sending;

    @Inject SmtpSettings smtp;

    @Inject AiDraftService drafts;

    @Inject ChatReader chat;

    @Inject Wording wording;

    @Inject PortalLinks links;

    @Inject NotificationService notifications;

    @Inject WebhookLog webhookLog;

    @Inject HomeService home;

    @Inject SampleDataService samples;

    @Inject ProfileService profiles;

    @Inject ContactService contacts;

    @Inject WorkItemService work;

    @Inject FileService files;

    @Inject InvoiceService invoices;

    @Inject Mailer mailer;

    @Inject PaymentService payments;

    @Inject InboxService inbox;

    @Inject SavedAnswers savedAnswers;

    @Inject CatalogService catalog;

    @Inject ExpenseService expenses;

    @Inject Background background;

    @Inject Jobs jobs;

    @Inject JobLedger ledger;

    @Inject Exports exports;

    @Inject SquareSettings square;

    @Inject PosSync posSync;

    @Test
    void aConversationOfOneBusinessIsInvisibleAndUntouchableFromAnother() {
        String owner = "owner@" + n() + ".test";
        String other = "owner@" + m() + ".test";
        String client = "leak-" + UUID.randomUUID() + "@example.test";
        ConversationView started = as(owner, n(), () -> inbox.compose(null, null, client, "Leak check", "Hello", Optional.empty()));
        String id = started.id();
        MessageView first = as(owner, n(), () -> inbox.messages(id)).get(0);
        ContactView mapleContact = as(other, m(), () -> contacts.create(ContactDraft.of("Leak " + UUID.randomUUID(), null, null),
                false, Optional.empty()));
        List<Supplier<?>> attempts = List.of(() -> inbox.open(id), () -> inbox.get(id), () -> inbox.messages(id),
                () -> inbox.update(id, null, null, "CLOSED"), () -> inbox.reply(id, "Hi", Optional.empty()),
                () -> inbox.retry(id, first.id()), () -> inbox.source(id, first.id()), () -> inbox.workItemDraft(id),
                () -> inbox.convertToWorkItem(id, new WorkItemDraft(null, "Leak", "", null, null, null, null, Map.of()),
                        Optional.empty()),
                () -> inbox.draftInvoice(id), () -> inbox.linkContact(id, mapleContact.id()));
        for (Supplier<?> attempt : attempts) {
            assertThrows(NotFoundException.class, () -> as(other, m(), attempt));
        }
        assertThrows(NotFoundException.class, () -> as(other, m(), () -> {
            inbox.requireMessage(first.id());
            return null;
        }));
        assertTrue(as(other, m(), () -> inbox.list(new InboxService.Filter(null, null, null, null, client), null, 50))
                .items().isEmpty());
        assertTrue(as(world().both(), m(), () -> inbox.list(new InboxService.Filter(null, null, null, null, client), null, 50))
                .items().isEmpty(), "a member of both sees it only in Northside");
        ConversationView after = as(owner, n(), () -> inbox.get(id));
        assertEquals("OPEN", after.status());
        assertEquals(started.version(), after.version());
        assertEquals(1, as(owner, n(), () -> inbox.list(new InboxService.Filter(null, null, null, null, client), null, 50))
                .items().size());
    }

    @Test
    void anExpenseOfOneBusinessIsInvisibleAndUntouchableFromAnother() {
        String vendor = "Corner Hardware " + UUID.randomUUID();
        ExpenseView made = as("owner@" + n() + ".test", n(), () -> expenses.create(new ExpenseFields(vendor,
                null, new BigDecimal("12.50"), null, null, null, null, null)));
        String other = "owner@" + m() + ".test";
        assertThrows(NotFoundException.class, () -> as(other, m(), () -> expenses.get(made.id())));
        assertThrows(NotFoundException.class, () -> as(other, m(), () -> expenses.update(made.id(), made.version(),
                new ExpenseFields("x", null, BigDecimal.ONE, null, null, null, null, null))));
        assertThrows(NotFoundException.class, () -> as(other, m(), () -> expenses.submit(made.id())));
        assertThrows(NotFoundException.class, () -> as(other, m(), () -> {
            expenses.delete(made.id());
            return null;
        }));
        assertTrue(as(other, m(), () -> expenses.list(null, null, null, 500)).items().stream().noneMatch(e -> e.id().equals(made.id())));
        assertEquals(vendor, as("owner@" + n() + ".test", n(), () -> expenses.get(made.id())).vendor());
    }

    @Test
    void workOffTheRequestThreadRunsAsTheSameCallerInTheSameBusinessOnly() throws Exception {
        String vendor = "Background Supply " + UUID.randomUUID();
        ExpenseView made = as("owner@" + n() + ".test", n(), () -> expenses.create(new ExpenseFields(vendor,
                null, new BigDecimal("9.90"), null, null, null, null, null)));
        String caller = Thread.currentThread().getName();
        String[] ranOn = new String[1];
        Future<ExpenseView> seen = as("owner@" + n() + ".test", n(), () -> background.start(() -> {
            ranOn[0] = Thread.currentThread().getName();
            return expenses.get(made.id());
        }));
        assertEquals(vendor, seen.get(30, TimeUnit.SECONDS).vendor());
        assertNotEquals(caller, ranOn[0], "the work ran on another thread");
        Future<ExpenseView> foreign = as("owner@" + m() + ".test", m(), () -> background.start(() -> expenses.get(made.id())));
        ExecutionException refused = assertThrows(ExecutionException.class, () -> foreign.get(30, TimeUnit.SECONDS));
        assertTrue(refused.getCause() instanceof NotFoundException
                || refused.getCause() instanceof EJBException && refused.getCause().getCause() instanceof NotFoundException,
                String.valueOf(refused.getCause()));
        assertThrows(TenantMissingException.class, () -> unwrap(() -> background.start(() -> expenses.get(made.id()))));
    }

    @Test
    void aJobRunOfOneBusinessIsInvisibleFromAnother() {
        String owner = "owner@" + n() + ".test";
        String other = "owner@" + m() + ".test";
        JobRunView run = as(owner, n(), () -> jobs.queue("ar-reminders"));
        try {
            assertThrows(NotFoundException.class, () -> as(other, m(), () -> jobs.get(run.id())));
            assertTrue(as(other, m(), () -> jobs.runs(null, 200)).stream().noneMatch(r -> r.id().equals(run.id())));
            assertTrue(as(other, m(), () -> jobs.runs("ar-reminders", 200)).stream().noneMatch(r -> r.id().equals(run.id())));
            assertEquals(run.id(), as(owner, n(), () -> jobs.get(run.id())).id());
            assertThrows(NotFoundException.class, () -> as(other, m(), () -> exports.download(run.id())));
            String otherTenant = tenantOf(other, m());
            RuntimeException looked = assertThrows(RuntimeException.class, () -> ledger.open(otherTenant, run.id()));
            assertTrue(String.valueOf(looked).contains("no job run"), "a run is looked up only in the business the job entered: " + looked);
            RuntimeException moved = assertThrows(RuntimeException.class, () -> ledger.progress(otherTenant, run.id(), 1, 1));
            assertTrue(String.valueOf(moved).contains("no job run"), String.valueOf(moved));
        } finally {
            ledger.ended(tenantOf(owner, n()), run.id(), JobRunStatus.COMPLETED, 0, 0, 0, List.of());
        }
    }

    @Test
    void aPosSyncOfOneBusinessWritesOnlyItsOwnRowsAndCannotBeAimedAtAnother() {
        String owner = "owner@" + m() + ".test"; // retail: syncs a point of sale
        String other = "owner@" + n() + ".test";
        String token = "EAAAisolation" + UUID.randomUUID().toString().replace("-", "");
        String location = as(owner, m(), () -> square.locations(token)).get(0).id();
        as(owner, m(), () -> square.connect(token, location));
        JobRunView run = as(owner, m(), () -> jobs.queue("pos-sync"));
        posSync.run(tenantOf(owner, m()), run.id());
        assertEquals("COMPLETED", as(owner, m(), () -> jobs.get(run.id())).status());
        assertTrue(as(owner, m(), () -> work.list(new WorkItemService.Filter(null, "ORDER", null, null, null), null, 200))
                .items().stream().anyMatch(w -> "POS_SYNC".equals(w.source())));
        assertTrue(as(other, n(), () -> work.list(new WorkItemService.Filter(null, null, null, null, null), null, 200))
                .items().stream().noneMatch(w -> "POS_SYNC".equals(w.source())));
        assertFalse(as(other, n(), () -> square.status()).connected());
        assertThrows(CapabilityDisabledException.class, () -> as(other, n(), () -> square.get()));
        RuntimeException aimed = assertThrows(RuntimeException.class, () -> posSync.run(tenantOf(other, n()), run.id()));
        assertTrue(String.valueOf(aimed).contains("no job run"), "a run is found only in the business the job entered: " + aimed);
        as(owner, m(), () -> square.disconnect());
    }

    @Test
    void aSavedAnswerOfOneBusinessIsInvisibleAndUntouchableFromAnother() {
        String name = "Leak " + UUID.randomUUID();
        SavedAnswers.Answer made = as("owner@" + n() + ".test", n(), () -> savedAnswers.create(name, "Private wording"));
        String other = "owner@" + m() + ".test";
        assertThrows(NotFoundException.class, () -> as(other, m(), () -> savedAnswers.get(made.id())));
        assertThrows(NotFoundException.class, () -> as(other, m(), () -> savedAnswers.update(made.id(), made.version(), "x", "y")));
        assertThrows(NotFoundException.class, () -> as(other, m(), () -> {
            savedAnswers.delete(made.id());
            return null;
        }));
        assertTrue(as(other, m(), () -> savedAnswers.list()).stream().noneMatch(a -> a.name().equals(name)));
        assertEquals("Private wording", as("owner@" + n() + ".test", n(), () -> savedAnswers.get(made.id())).body());
    }

    @Test
    void aCatalogItemOfOneBusinessIsInvisibleAndUntouchableFromAnother() {
        String name = "Private service " + UUID.randomUUID();
        CatalogEntry made = as("owner@" + n() + ".test", n(), () -> catalog.add(new CatalogEntry(null, name, "secret", BigDecimal.TEN,
                null, null, 0)));
        String other = "owner@" + m() + ".test";
        assertTrue(as(other, m(), () -> catalog.search("Private service")).stream().noneMatch(c -> c.name().equals(name)));
        assertThrows(NotFoundException.class, () -> as(other, m(), () -> catalog.get(made.id())));
        assertThrows(NotFoundException.class, () -> as(other, m(), () -> catalog.update(new CatalogEntry(made.id(), "Taken",
                null, BigDecimal.ONE, null, null, made.version()))));
        assertThrows(NotFoundException.class, () -> as(other, m(), () -> {
            catalog.remove(made.id());
            return null;
        }));
        // the same name is free in the other business
        assertEquals(name, as(other, m(), () -> catalog.add(new CatalogEntry(null, name, null, BigDecimal.ONE, null, null, 0))).name());
        assertEquals(List.of(name), as("owner@" + n() + ".test", n(), () -> catalog.search(name)).stream()
                .map(CatalogEntry::name).toList());
    }

    @Test
    void eachOwnerSeesOnlyTheTeamOfTheirBusiness() {
        List<String> northside = as("owner@" + n() + ".test", n(), () -> emails(team.members()));
        List<String> maple = as("owner@" + m() + ".test", m(), () -> emails(team.members()));
        assertTrue(northside.contains("agent@" + n() + ".test"));
        assertFalse(northside.stream().anyMatch(e -> e.endsWith("@" + m() + ".test")));
        assertFalse(maple.stream().anyMatch(e -> e.endsWith("@" + n() + ".test")));
    }

    @Test
    void anotherBusinessCannotChangeAMemberEvenAfterItWasLoaded() {
        TeamService.Member mapleAgent = as("owner@" + m() + ".test", m(), () -> team.members().stream()
                .filter(m -> m.email().equals("agent@" + m() + ".test")).findFirst().orElseThrow());
        // loaded in Maple (server caches warm); now Northside's owner tries to change it by id
        assertThrows(NotFoundException.class,
                () -> as("owner@" + n() + ".test", n(), () -> team.changeRole(mapleAgent.memberId(), mapleAgent.version(), Role.VIEWER)));
        Role after = as("owner@" + m() + ".test", m(), () -> team.members().stream()
                .filter(m -> m.memberId().equals(mapleAgent.memberId())).findFirst().orElseThrow().role());
        assertEquals(Role.AGENT, after);
    }

    @Test
    void theBusinessComesFromTheContextNotFromTheCaller() {
        assertEquals("Maple & Co", as(world().both(), m(), () -> home.greeting().businessName()));
        assertEquals("Northside Plumbing", as(world().both(), n(), () -> home.greeting().businessName()));
    }

    @Test
    void theOnboardingChecklistOfOneBusinessIsItsOwn() {
        as("owner@" + n() + ".test", n(), () -> {
            home.skipOnboarding("details");
            return null;
        });
        HomeService.Step northside = as("owner@" + n() + ".test", n(), () -> step(home.onboarding(), "details"));
        HomeService.Step maple = as("owner@" + m() + ".test", m(), () -> step(home.onboarding(), "details"));
        assertTrue(northside.done() || northside.skipped(), northside.toString());
        assertFalse(maple.skipped(), "a step skipped in Northside is not skipped in Maple & Co");
        assertTrue(as("agent@" + n() + ".test", n(), () -> home.onboarding().steps().isEmpty()), "not an agent's list");
        assertThrows(PermissionDeniedException.class, () -> as("agent@" + n() + ".test", n(), () -> {
            home.skipOnboarding("details");
            return null;
        }));
    }

    @Test
    void sampleDataFillsOnlyItsOwnBusinessAndNeverTicksTheChecklist() {
        DemoSeeder.World own = seeder.world();
        String owner = "owner@" + own.northside() + ".test";
        String mapleOwner = "owner@" + own.maple() + ".test";
        long mapleContacts = as(mapleOwner, own.maple(), () -> contacts.list(null, null, false, null, 200).items().size());
        SampleDataService.Summary made = as(owner, own.northside(), () -> samples.fill());
        assertEquals(30, made.contacts());
        assertEquals(40, made.workItems());
        assertTrue(as(owner, own.northside(), () -> samples.present()));
        assertFalse(as(mapleOwner, own.maple(), () -> samples.present()), "filled in Northside, not in Maple & Co");
        assertEquals(mapleContacts, (long) as(mapleOwner, own.maple(), () -> contacts.list(null, null, false, null, 200).items().size()));
        HomeService.Onboarding onboarding = as(owner, own.northside(), () -> home.onboarding());
        assertFalse(step(onboarding, "contact").done(), "sample contacts are not the first client");
        for (String key : List.of("first_send", "first_payment")) {
            assertTrue(onboarding.steps().stream().noneMatch(st -> st.key().equals(key)),
                    key + " cannot be done before a client of one's own, so it is not listed");
        }
        assertEquals(0, as(mapleOwner, own.maple(), () -> samples.remove()).contacts(), "nothing of Northside's removed from Maple & Co");
        assertTrue(as(owner, own.northside(), () -> samples.present()));
        assertThrows(PermissionDeniedException.class, () -> as("staff@" + own.northside() + ".test", own.northside(),
                () -> samples.remove()));
        assertEquals(30, as(owner, own.northside(), () -> samples.remove()).contacts());
        assertFalse(as(owner, own.northside(), () -> samples.present()));
    }

    private static HomeService.Step step(HomeService.Onboarding onboarding, String key) {
        return onboarding.steps().stream().filter(st -> st.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void eachBusinessGetsItsOwnEffectiveProfileAlsoFromTheCache() {
        String maple = as("staff@" + m() + ".test", m(), () -> profiles.effective().label("work_item_plural"));
        String northside = as("staff@" + n() + ".test", n(), () -> profiles.effective().label("work_item_plural"));
        String mapleAgain = as(world().both(), m(), () -> profiles.effective().label("work_item_plural"));
        assertEquals("Orders / Issues", maple);
        assertEquals("Requests", northside);
        assertEquals(maple, mapleAgain);
    }

    @Test
    void aContactOfOneBusinessIsInvisibleAndUntouchableFromAnother() {
        String name = "Isolated " + UUID.randomUUID();
        ContactView created = as("staff@" + n() + ".test", n(),
                () -> contacts.create(ContactDraft.of(name, null, null), false, Optional.empty()));
        as("staff@" + n() + ".test", n(), () -> contacts.get(created.id()));
        assertThrows(NotFoundException.class, () -> as("owner@" + m() + ".test", m(), () -> contacts.get(created.id())));
        assertThrows(NotFoundException.class, () -> as("owner@" + m() + ".test", m(),
                () -> contacts.update(created.id(), created.version(), ContactDraft.of("Stolen", null, null))));
        assertThrows(NotFoundException.class, () -> as("owner@" + m() + ".test", m(), () -> contacts.delete(created.id())));
        assertTrue(as("owner@" + m() + ".test", m(), () -> contacts.list(name, null, false, null, 10)).items().isEmpty());
        assertEquals(name, as("staff@" + n() + ".test", n(), () -> contacts.get(created.id())).displayName());
    }

    @Test
    void aWorkItemOfOneBusinessIsInvisibleAndUntouchableFromAnother() {
        WorkItemView item = as("staff@" + n() + ".test", n(),
                () -> work.create(WorkItemDraft.titled("Isolated job"), Optional.empty()));
        assertThrows(NotFoundException.class, () -> as("owner@" + m() + ".test", m(), () -> work.get(item.id())));
        assertThrows(NotFoundException.class, () -> as("owner@" + m() + ".test", m(),
                () -> work.update(item.id(), item.version(), WorkItemDraft.titled("Stolen"), "DONE")));
        assertTrue(as("owner@" + m() + ".test", m(), () -> work.list(new WorkItemService.Filter(null, null, null, null, null),
                null, 100)).items().stream().noneMatch(w -> w.id().equals(item.id())));
        assertEquals("NEW", as("staff@" + n() + ".test", n(), () -> work.get(item.id())).status());
    }

    @Test
    void aFileOfOneBusinessCannotBeListedOpenedOrRemovedFromAnother() {
        WorkItemView item = as("staff@" + n() + ".test", n(),
                () -> work.create(WorkItemDraft.titled("Job with a file"), Optional.empty()));
        FileView file = as("staff@" + n() + ".test", n(), () -> files.attach("WORK_ITEM", item.id(), "quote.pdf",
                new ByteArrayInputStream("%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII))));
        assertThrows(NotFoundException.class, () -> as("owner@" + m() + ".test", m(), () -> files.open(file.id())));
        assertThrows(NotFoundException.class, () -> as("owner@" + m() + ".test", m(), () -> files.get(file.id())));
        assertThrows(NotFoundException.class, () -> as("owner@" + m() + ".test", m(), () -> {
            files.remove(file.id());
            return null;
        }));
        assertThrows(NotFoundException.class, () -> as("owner@" + m() + ".test", m(), () -> files.list("WORK_ITEM", item.id())));
        assertThrows(NotFoundException.class, () -> as("owner@" + m() + ".test", m(), () -> files.attach("WORK_ITEM", item.id(),
                "x.pdf", new ByteArrayInputStream("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII)))));
        assertThrows(NotFoundException.class, () -> as("owner@" + m() + ".test", m(), () -> work.activity(item.id())));
        assertEquals(List.of(file.id()), as("staff@" + n() + ".test", n(),
                () -> files.list("WORK_ITEM", item.id()).stream().map(FileView::id).toList()));
    }

    @Test
    void importAndSearchStayInsideTheBusiness() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String csv = "Name,Email,Memo " + run + "\nImported " + run + ",imp." + run + "@x.test,Gate code 4\n";
        ContactService.ImportChoices notes = new ContactService.ImportChoices(Map.of("Memo " + run, "notes"), Set.of());
        assertEquals(1, as("staff@" + n() + ".test", n(), () -> contacts.importFile(csv, notes, true)).created());
        ContactService.ImportReport maple = as("staff@" + m() + ".test", m(),
                () -> contacts.importFile(csv, ContactService.ImportChoices.NONE, false));
        assertEquals(1, maple.ready(), "another business's contact is not a duplicate here");
        assertEquals(List.of("Memo " + run), maple.ignoredColumns(), "another business's column choices are not used here");
        assertEquals(List.of(), as("staff@" + n() + ".test", n(),
                () -> contacts.importFile(csv, ContactService.ImportChoices.NONE, false)).ignoredColumns(), "its own are");
        assertTrue(as("staff@" + m() + ".test", m(), () -> contacts.list(run, null, false, null, 10)).items().isEmpty());
        assertTrue(as("staff@" + m() + ".test", m(), () -> contacts.list("imp." + run, null, false, null, 10)).items().isEmpty());
        assertEquals(1, as("staff@" + n() + ".test", n(), () -> contacts.list(run, null, false, null, 10)).items().size());
        as("staff@" + n() + ".test", n(), () -> work.create(WorkItemDraft.titled("Searchable " + run), Optional.empty()));
        assertTrue(as("staff@" + m() + ".test", m(), () -> work.search(run, 10)).isEmpty());
        assertEquals(1, as("staff@" + n() + ".test", n(), () -> work.search(run, 10)).size());
    }

    @Test
    void anInvoiceOfOneBusinessIsInvisibleAndUntouchableFromAnother() {
        ContactView client = as("staff@" + n() + ".test", n(), () -> contacts.create(
                ContactDraft.of("Billed " + UUID.randomUUID(), null, null), false, Optional.empty()));
        DocumentDraft draft = new DocumentDraft(client.id(), null, null, null, null, null, "HST",
                List.of(new LineItem("Repair", BigDecimal.ONE, BigDecimal.TEN, null)), null, null, null);
        InvoiceView invoice = as("staff@" + n() + ".test", n(), () -> invoices.create(draft, Optional.empty()));
        assertThrows(NotFoundException.class, () -> as("owner@" + m() + ".test", m(), () -> invoices.get(invoice.id())));
        assertThrows(NotFoundException.class, () -> as("owner@" + m() + ".test", m(),
                () -> invoices.update(invoice.id(), invoice.version(), draft)));
        assertThrows(NotFoundException.class, () -> as("owner@" + m() + ".test", m(),
                () -> invoices.holdReminders(invoice.id(), ReminderHold.DISPUTED, null, invoice.version())));
        assertTrue(as("owner@" + m() + ".test", m(), () -> invoices.list(null, null, null, 100)).items().stream()
                .noneMatch(i -> i.id().equals(invoice.id())));
        assertTrue(as("owner@" + m() + ".test", m(), () -> invoices.taxCodes()).stream().noneMatch(t -> t.code().equals("HST")));
    }

    @Test
    void sentMailAndPaymentsOfOneBusinessAreInvisibleFromAnother() {
        String subject = "Private mail " + UUID.randomUUID();
        String northside = tenantOf("owner@" + n() + ".test", n());
        String owner = identity.personByEmail("owner@" + n() + ".test").orElseThrow().userId();
        mailer.logAlone(northside, owner, "INVOICE", null, "client@example.com", subject, MailStatus.SENT, null, "Private text");
        assertTrue(as("owner@" + n() + ".test", n(), () -> mailer.recent(500)).stream()
                .anyMatch(m -> m.subject().equals(subject)));
        assertTrue(as("owner@" + m() + ".test", m(), () -> mailer.recent(500)).stream()
                .noneMatch(m -> m.subject().equals(subject)));
        ContactView client = as("staff@" + n() + ".test", n(), () -> contacts.create(
                ContactDraft.of("Payer " + UUID.randomUUID(), null, null), false, Optional.empty()));
        InvoiceView invoice = as("staff@" + n() + ".test", n(), () -> invoices.create(new DocumentDraft(client.id(),
                null, null, null, null, null, null, List.of(new LineItem("Job", BigDecimal.ONE,
                BigDecimal.TEN, null)), null, null, null), Optional.empty()));
        assertEquals(List.of(invoice.id()), as("staff@" + n() + ".test", n(), () -> invoices.search(client.displayName(), 5))
                .stream().map(InvoiceView::id).toList(), "the palette finds an invoice by its client");
        assertTrue(as("owner@" + m() + ".test", m(), () -> invoices.search(client.displayName(), 5)).isEmpty());
        assertThrows(NotFoundException.class, () -> as("owner@" + m() + ".test", m(), () -> payments.ofInvoice(invoice.id())));
        assertThrows(NotFoundException.class, () -> as("owner@" + m() + ".test", m(), () -> payments.record(invoice.id(),
                "CASH", BigDecimal.ONE, null, null)));
    }

    @Test
    void paymentLinksStripeAccountsAndWebhookEventsStayWithTheirBusiness() {
        ContactView client = as("staff@" + n() + ".test", n(), () -> contacts.create(
                ContactDraft.of("Card " + UUID.randomUUID(), null, null), false, Optional.empty()));
        InvoiceView invoice = as("staff@" + n() + ".test", n(), () -> invoices.create(new DocumentDraft(client.id(),
                null, null, null, null, null, null, List.of(new LineItem("Job", BigDecimal.ONE,
                BigDecimal.TEN, null)), null, null, null), Optional.empty()));
        assertThrows(NotFoundException.class, () -> as("owner@" + m() + ".test", m(), () -> invoices.paymentLink(invoice.id())));
        assertEquals("acct_maple_" + world().id(), as("owner@" + m() + ".test", m(), () -> stripe.state()).accountId());
        assertEquals("acct_northside_" + world().id(), as("admin@" + n() + ".test", n(), () -> stripe.state()).accountId());
        // webhook events are the platform's: no business member reads or retries them
        assertThrows(PermissionDeniedException.class, () -> as("owner@" + n() + ".test", n(),
                () -> webhookLog.recent(false, 10)));
        assertThrows(PermissionDeniedException.class, () -> as("owner@" + n() + ".test", n(),
                () -> webhookLog.retry(UUID.randomUUID().toString())));
    }

    @Test
    void whatFollowsAPaymentEntersOnlyItsOwnBusiness() {
        String email = "paid." + UUID.randomUUID() + "@example.com";
        ContactView client = as("staff@" + n() + ".test", n(), () -> contacts.create(
                ContactDraft.of("Paid " + UUID.randomUUID(), email, null), false, Optional.empty()));
        InvoiceView invoice = as("staff@" + n() + ".test", n(), () -> invoices.create(new DocumentDraft(client.id(),
                null, null, null, null, null, null, List.of(new LineItem("Job", BigDecimal.ONE,
                BigDecimal.TEN, null)), null, null, null), Optional.empty()));
        as("owner@" + n() + ".test", n(), () -> sending.send(invoice.id(), null, null, null));
        String paid = as("owner@" + n() + ".test", n(), () -> payments.record(invoice.id(), "CASH", BigDecimal.ONE, null, null)).id();
        assertThrows(NotFoundException.class, () -> as("owner@" + m() + ".test", m(), () -> payments.get(paid)));
        Supplier<Long> receipts = () -> as("owner@" + n() + ".test", n(), () -> mailer.recent(500)).stream()
                .filter(m -> m.recipient().equals(email) && m.subject().startsWith("Receipt:")).count();
        as("owner@" + m() + ".test", m(), () -> stripe.mailReceipts(true));
        as("owner@" + n() + ".test", n(), () -> stripe.mailReceipts(true));
        try {
            String maple = tenantOf("owner@" + m() + ".test", m());
            news.mailOwners(maple, paid);
            news.sendReceipt(maple, paid);
            news.receiptNotSent(maple, paid, "named from another business");
            assertEquals(0L, receipts.get(), "another business's payment is not found in this one");
            assertTrue(as("staff@" + m() + ".test", m(), () -> notifications.recent(100)).stream()
                    .noneMatch(n -> invoice.id().equals(n.entityId())));
            news.sendReceipt(tenantOf("owner@" + n() + ".test", n()), paid);
            assertEquals(1L, receipts.get(), "in its own business the payment gets its receipt");
        } finally {
            as("owner@" + m() + ".test", m(), () -> stripe.mailReceipts(false));
            as("owner@" + n() + ".test", n(), () -> stripe.mailReceipts(false));
        }
    }

    @Test
    void aQuoteAndItsNotificationsStayWithTheirBusiness() {
        ContactView client = as("staff@" + n() + ".test", n(), () -> contacts.create(
                ContactDraft.of("Quoted " + UUID.randomUUID(), null, null), false, Optional.empty()));
        DocumentDraft draft = new DocumentDraft(client.id(), null, null, null, null, null, null, List.of(new LineItem("Job",
                BigDecimal.ONE, BigDecimal.TEN, null)), null, null, null);
        QuoteView quote = as("staff@" + n() + ".test", n(), () -> quotes.create(draft,
                Optional.empty()));
        assertThrows(NotFoundException.class, () -> as("owner@" + m() + ".test", m(), () -> quotes.get(quote.id())));
        assertThrows(NotFoundException.class, () -> as("owner@" + m() + ".test", m(),
                () -> quotes.update(quote.id(), quote.version(), draft)));
        assertThrows(NotFoundException.class, () -> as("owner@" + m() + ".test", m(), () -> quotes.decide(quote.id(), true, null)));
        assertThrows(NotFoundException.class, () -> as("owner@" + m() + ".test", m(), () -> quotes.convertToInvoice(quote.id())));
        assertThrows(NotFoundException.class, () -> as("owner@" + m() + ".test", m(), () -> links.regenerate(Drafts.Kind.QUOTE, quote.id())));
        assertTrue(as("owner@" + m() + ".test", m(), () -> quotes.list(null, null, null, 100)).items().stream()
                .noneMatch(q -> q.id().equals(quote.id())));
        as("owner@" + n() + ".test", n(), () -> quotes.send(quote.id(), "quoted@example.com", null, null));
        as("owner@" + n() + ".test", n(), () -> quotes.decide(quote.id(), true, "Only Northside sees this"));
        assertTrue(as("staff@" + n() + ".test", n(), () -> notifications.recent(100)).stream()
                .anyMatch(n -> quote.id().equals(n.entityId())));
        assertTrue(as("staff@" + m() + ".test", m(), () -> notifications.recent(100)).stream()
                .noneMatch(n -> quote.id().equals(n.entityId())));
    }

    @Test
    void aBusinessesMailServerAndWordingAreItsOwn() {
        String subject = "Northside only {number} " + UUID.randomUUID();
        try {
            as("owner@" + n() + ".test", n(), () -> smtp.save("203.0.113.10", 587, true, "office", "pw",
                    "office@northside.example"));
            as("owner@" + n() + ".test", n(), () -> wording.save("quote_email", subject, "{link}"));
            assertTrue(as("admin@" + n() + ".test", n(), () -> smtp.get()).own());
            assertFalse(as("owner@" + m() + ".test", m(), () -> smtp.get()).own());
            assertTrue(as("owner@" + m() + ".test", m(), () -> wording.all()).stream().noneMatch(t -> t.subject().equals(subject)));
            assertThrows(PermissionDeniedException.class, () -> as("staff@" + n() + ".test", n(), () -> smtp.get()));
        } finally {
            as("owner@" + n() + ".test", n(), () -> smtp.clear());
            as("owner@" + n() + ".test", n(), () -> wording.reset("quote_email"));
        }
    }

    @Test
    void aBusinessesTextToTaskAutomationIsItsOwn() {
        var before = as("owner@" + n() + ".test", n(), () -> drafts.automation());
        var maple = as("owner@" + m() + ".test", m(), () -> drafts.automation());
        try {
            as("owner@" + n() + ".test", n(), () -> drafts.automate(!before.autoDraft(), before.autoDraft() ? null : new BigDecimal("0.90")));
            assertEquals(!before.autoDraft(), as("admin@" + n() + ".test", n(), () -> drafts.automation()).autoDraft());
            assertEquals(maple, as("owner@" + m() + ".test", m(), () -> drafts.automation()));
            assertThrows(PermissionDeniedException.class, () -> as("staff@" + n() + ".test", n(), () -> drafts.automation()));
        } finally {
            as("owner@" + n() + ".test", n(), () -> drafts.automate(before.autoDraft(), before.applyAt()));
        }
    }

    @Test
    void theOptionalChatReaderCountsEachBusinesssOwnRateAndBudget() throws Exception {
        String reading = "{\\\"intent\\\":\\\"DRAFT_QUOTE\\\",\\\"contact\\\":{\\\"name\\\":\\\"Maria Lopez\\\"},\\\"confidence\\\":0.9}";
        byte[] completion = ("{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"" + reading + "\"}}],"
                + "\"usage\":{\"prompt_tokens\":1200,\"completion_tokens\":300}}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        com.sun.net.httpserver.HttpServer endpoint = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        endpoint.createContext("/v1/chat/completions", exchange -> {
            calls.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, completion.length);
            exchange.getResponseBody().write(completion);
            exchange.close();
        });
        endpoint.start();
        try {
            var settings = new ChatExtractor.Settings(java.net.URI.create("http://127.0.0.1:" + endpoint.getAddress().getPort() + "/v1/"),
                    "small-model", "sk-test", java.time.Duration.ofSeconds(5), BigDecimal.ONE, BigDecimal.ONE); // 1.50 a call
            Inbound leak = new Inbound("EMAIL", "Maria Lopez <maria@example.com>", "Leak", "Can you quote the leak at 42 Elm St?",
                    java.time.OffsetDateTime.parse("2026-03-02T09:00:00-05:00"), "general", "CAD", "CA");
            String owner = "owner@" + n() + ".test";
            var roomy = new ChatReader.Options(settings, new BigDecimal("1000"), 2);
            ChatReader.Usage before = as(owner, n(), () -> chat.usage(roomy));
            ChatReader.Usage mapleBefore = as("owner@" + m() + ".test", m(), () -> chat.usage(roomy));
            assertEquals(Extraction.Intent.DRAFT_QUOTE, as(owner, n(), () -> chat.read(leak, null, roomy)).orElseThrow().intent());
            assertTrue(as(owner, n(), () -> chat.read(leak, null, roomy)).isPresent());
            assertTrue(as(owner, n(), () -> chat.read(leak, null, roomy)).isEmpty(), "a third in the minute: over the rate, rules read it");
            var tight = new ChatReader.Options(settings, new BigDecimal("2.00"), 100);
            assertTrue(as(owner, n(), () -> chat.read(leak, null, tight)).isEmpty(), "3.00 spent this month: over the budget");
            assertEquals(2, calls.get(), "nothing was asked over the rate or the budget");
            assertTrue(as("owner@" + m() + ".test", m(), () -> chat.read(leak, null, tight)).isPresent(), "Maple's budget is its own");
            endpoint.stop(0);
            assertTrue(as("owner@" + m() + ".test", m(), () -> chat.read(leak, null, roomy)).isEmpty(), "no endpoint: rules read it");
            ChatReader.Usage after = as(owner, n(), () -> chat.usage(roomy));
            assertEquals(2, after.read() - before.read(), "what the owner is shown: the model's readings this month");
            assertEquals(2, after.fellBack() - before.fellBack(), "over the rate, over the budget");
            assertEquals(0, new BigDecimal("3.00").compareTo(after.spent().subtract(before.spent())), after.spent().toString());
            ChatReader.Usage mapleAfter = as("owner@" + m() + ".test", m(), () -> chat.usage(roomy));
            assertEquals(1, mapleAfter.read() - mapleBefore.read());
            assertEquals(1, mapleAfter.fellBack() - mapleBefore.fellBack(), "the endpoint that was down");
            assertThrows(PermissionDeniedException.class, () -> as("staff@" + n() + ".test", n(), () -> chat.usage(roomy)));
        } finally {
            endpoint.stop(0);
        }
    }

    @Test
    void aBusinessesOwnTemplatesAreItsOwn() {
        var mine = as("owner@" + m() + ".test", m(), () -> wording.create("reminder_email",
                "Maple only " + UUID.randomUUID(), "Pay {number}", "{link}"));
        try {
            assertTrue(as("owner@" + n() + ".test", n(), () -> wording.templates(null)).stream()
                    .noneMatch(t -> t.id().equals(mine.id())));
            assertThrows(NotFoundException.class, () -> as("owner@" + n() + ".test", n(),
                    () -> wording.update(mine.id(), mine.version(), "x", "s", "{link}")));
            assertThrows(NotFoundException.class, () -> as("owner@" + n() + ".test", n(), () -> {
                wording.delete(mine.id());
                return null;
            }));
            assertThrows(ValidationException.class, () -> as("owner@" + n() + ".test", n(),
                    () -> wording.render("reminder_email", mine.id(), Map.of())));
            assertTrue(as("owner@" + m() + ".test", m(), () -> wording.render("reminder_email", mine.id(), Map.of()))
                    .subject().startsWith("Pay "));
        } finally {
            as("owner@" + m() + ".test", m(), () -> {
                wording.delete(mine.id());
                return null;
            });
        }
    }

    @Test
    void numberingInvoiceHistoryAndReminderPreviewsStayWithTheirBusiness() {
        var before = as("owner@" + n() + ".test", n(), () -> businessSettings.numbers());
        var maple = as("owner@" + m() + ".test", m(), () -> businessSettings.numbers());
        String prefix = "MQ" + UUID.randomUUID().toString().substring(0, 4).toUpperCase() + "-";
        as("owner@" + m() + ".test", m(), () -> businessSettings.changeNumbers(new BusinessSettingsService.Numbers(
                maple.invoice(), new Numbering.Next(prefix, 1001))));
        assertEquals(before, as("owner@" + n() + ".test", n(), () -> businessSettings.numbers()));
        as("owner@" + m() + ".test", m(), () -> businessSettings.changeNumbers(maple));
        ContactView client = as("staff@" + n() + ".test", n(), () -> contacts.create(
                ContactDraft.of("History " + UUID.randomUUID(), null, null), false, Optional.empty()));
        InvoiceView invoice = as("staff@" + n() + ".test", n(), () -> invoices.create(new DocumentDraft(client.id(),
                null, null, null, null, null, null, List.of(new LineItem("Job", BigDecimal.ONE,
                BigDecimal.TEN, null)), null, null, null), Optional.empty()));
        assertEquals(1, as("staff@" + n() + ".test", n(), () -> invoices.activity(invoice.id())).size());
        assertThrows(NotFoundException.class, () -> as("owner@" + m() + ".test", m(), () -> invoices.activity(invoice.id())));
        assertThrows(NotFoundException.class, () -> as("owner@" + m() + ".test", m(),
                () -> sending.preview(invoice.id(), "invoice_email", null, null)));
        // a receipt names an invoice and a payment: another business's invoice is not found, whatever payment is named
        assertThrows(NotFoundException.class, () -> as("owner@" + m() + ".test", m(),
                () -> sending.previewReceipt(invoice.id(), UUID.randomUUID().toString(), null, null)));
        assertThrows(NotFoundException.class, () -> as("owner@" + m() + ".test", m(), () -> {
            sending.receipt(invoice.id(), UUID.randomUUID().toString(), "x@example.com", null, null);
            return null;
        }));
        assertThrows(ValidationException.class, () -> as("staff@" + n() + ".test", n(),
                () -> sending.previewReceipt(invoice.id(), UUID.randomUUID().toString(), null, null)),
                "in its own business, a payment that is not one of the invoice's gets a clear error");
        assertTrue(as("owner@" + m() + ".test", m(), () -> invoices.list(null, client.id(), null, null, null, 100)).items().isEmpty());
    }

    @Test
    void aTimelineOfOneBusinessIsInvisibleFromAnother() {
        ContactView contact = as("staff@" + n() + ".test", n(), () -> contacts.create(
                ContactDraft.of("Timeline " + UUID.randomUUID(), null, null), false, Optional.empty()));
        assertThrows(NotFoundException.class, () -> as("owner@" + m() + ".test", m(), () -> contacts.timeline(contact.id())));
        assertEquals(1, as("staff@" + n() + ".test", n(), () -> contacts.timeline(contact.id())).size());
    }

    @Test
    void aCallWithoutABusinessFailsClosed() {
        assertThrows(TenantMissingException.class, () -> unwrap(() -> home.greeting()));
        String user = identity.personByEmail("owner@" + n() + ".test").orElseThrow().userId();
        try (var scope = RequestContext.open(user, null, "req_test", "127.0.0.1", "test")) {
            assertThrows(TenantMissingException.class, () -> unwrap(() -> home.greeting()));
        }
    }

    @Test
    void aBusinessTheCallerIsNotAMemberOfIsRefused() {
        String user = identity.personByEmail("owner@" + n() + ".test").orElseThrow().userId();
        String maple = tenantOf("owner@" + m() + ".test", m());
        try (var scope = RequestContext.open(user, maple, "req_test", "127.0.0.1", "test")) {
            assertThrows(NotAMemberException.class, () -> unwrap(() -> home.greeting()));
        }
    }

    @Test
    void theMatrixIsEnforcedByTheService() {
        assertThrows(PermissionDeniedException.class, () -> as("staff@" + n() + ".test", n(), () -> team.members()));
        assertThrows(PermissionDeniedException.class, () -> as("viewer@" + m() + ".test", m(), () -> team.members()));
    }

    // --- helpers ---

    private <T> T as(String email, String orgId, Supplier<T> call) {
        String user = identity.personByEmail(email).orElseThrow().userId();
        String tenant = tenantOf(email, orgId);
        try (var scope = RequestContext.open(user, tenant, "req_test", "127.0.0.1", "test")) {
            return unwrap(call);
        }
    }

    private String tenantOf(String email, String orgId) {
        String user = identity.personByEmail(email).orElseThrow().userId();
        return identity.memberships(user).stream().filter(m -> m.orgId().equals(orgId))
                .map(Membership.View::tenantId).findFirst()
                .orElseGet(() -> identity.memberships(identity.personByEmail("owner@" + orgId + ".test")
                        .orElseThrow().userId()).get(0).tenantId());
    }

    private static <T> T unwrap(Supplier<T> call) {
        try {
            return call.get();
        } catch (EJBException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static List<String> emails(List<TeamService.Member> members) {
        return members.stream().map(TeamService.Member::email).toList();
    }
}
