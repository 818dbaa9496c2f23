package com.smbhub.web.settings;

import com.smbhub.aidraft.AiDraftService;
import com.smbhub.batch.JobLauncher;
import com.smbhub.catalog.CatalogService;
import com.smbhub.export.Exports;
import com.smbhub.export.Importer;
import com.smbhub.inbox.MailboxSettings;
import com.smbhub.inbox.SavedAnswers;
import com.smbhub.inbox.SmsSettings;
import com.smbhub.job.Jobs;
import com.smbhub.money.TaxCodeService;
import com.smbhub.payment.StripeAccounts;
import com.smbhub.platform.mail.SmtpSettings;
import com.smbhub.platform.mail.Wording;
import com.smbhub.platform.security.Access;
import com.smbhub.platform.security.Capability;
import com.smbhub.platform.security.Permissions;
import com.smbhub.pos.SquareSettings;
import com.smbhub.profile.ProfileService;
import com.smbhub.tenant.BusinessSettingsService;
import com.smbhub.tenant.TeamService;
import com.smbhub.web.shell.MainLayout;
import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Settings: the business (name, zone, currency, profile, switches), the team, payments (Stripe), numbers, e-mail, inbox, reminders, data (export and import). */
@Route(value = "settings", layout = MainLayout.class)
@PageTitle("Settings · SMB Hub")
@CdiComponent
@PermitAll
public class SettingsView extends VerticalLayout implements BeforeEnterObserver {

    @EJB Access access;

    @EJB BusinessSettingsService settings;

    @EJB TaxCodeService taxes;

    @EJB CatalogService catalog;

    @EJB TeamService team;

    @EJB StripeAccounts stripe;

    @EJB SmtpSettings smtp;

    @EJB Wording wording;

    @EJB MailboxSettings mailbox;

    @EJB SmsSettings sms;

    @EJB SavedAnswers answers;

    @EJB AiDraftService drafts;

    @EJB Jobs jobs;

    @EJB JobLauncher launcher;

    @EJB Exports exports;

    @EJB Importer importer;

    @EJB SquareSettings square;

    @EJB ProfileService profiles;

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (event.hasForwardTarget() || event.hasRerouteTarget()) {
            return;
        }
        removeAll();
        H2 title = new H2("Settings");
        title.setId("page-title");
        add(title);
        var role = access.role();
        if (!Permissions.allows(role, Capability.MANAGE_SETTINGS)) {
            Paragraph message = new Paragraph("Only the business's owners and admins can change its settings and team.");
            message.setId("page-message");
            add(message);
            return;
        }
        TabSheet tabs = new TabSheet();
        tabs.setId("settings-tabs");
        tabs.setWidthFull();
        tabs.add("Business", new BusinessForm(settings));
        tabs.add("Team", new TeamPanel(team, role, ZoneId.of(settings.get().timezone())));
        tabs.add("Payments", new PaymentsPanel(stripe));
        tabs.add("Numbers", new NumbersPanel(settings, taxes));
        tabs.add("Catalog", new CatalogPanel(catalog, taxes.list(), settings.get().currency()));
        tabs.add("Email", new EmailPanel(smtp, wording));
        VerticalLayout inbox = new VerticalLayout(new InboxPanel(mailbox), new TextingPanel(sms), new AutomationPanel(drafts),
                new SavedAnswersPanel(answers));
        inbox.setPadding(false);
        tabs.add("Inbox", inbox);
        tabs.add("Reminders", new RemindersPanel(jobs, launcher::launch));
        tabs.add("Data", new DataPanel(jobs, exports, importer, launcher::launch, ZoneId.of(settings.get().timezone())));
        List<String> names = new ArrayList<>(List.of("business", "team", "payments", "numbers", "catalog", "email", "inbox", "reminders", "data"));
        if (profiles.effective().capability(SquareSettings.CAPABILITY)) {
            tabs.add("Point of sale", new PointOfSalePanel(square, jobs, launcher::launch, ZoneId.of(settings.get().timezone())));
            names.add("pos");
        }
        String tab = event.getLocation().getQueryParameters().getSingleParameter("tab").orElse("");
        tabs.setSelectedIndex(Math.max(0, names.indexOf(tab)));
        add(tabs);
    }
}
