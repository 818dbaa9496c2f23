package com.smbhub.web.invoice;

import com.smbhub.contact.ContactService;
import com.smbhub.home.HomeService;
import com.smbhub.invoice.InvoiceService;
import com.smbhub.invoice.InvoiceView;
import com.smbhub.platform.errors.NotFoundException;
import com.smbhub.platform.security.Access;
import com.smbhub.platform.security.Capability;
import com.smbhub.platform.security.Grant;
import com.smbhub.platform.security.Permissions;
import com.smbhub.profile.EffectiveProfile;
import com.smbhub.profile.ProfileService;
import com.smbhub.web.shell.MainLayout;
import com.smbhub.money.MoneyText;
import com.smbhub.web.shell.Toasts;
import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Invoices: the list with its status filter, and the draft editor. */
@Route(value = "invoices", layout = MainLayout.class)
@CdiComponent
@PermitAll
public class InvoicesView extends DocumentList<InvoiceView> {

    @EJB
    InvoiceService invoices;

    @EJB
    ContactService contacts;

    @EJB
    com.smbhub.portal.PortalLinks links;

    @EJB
    com.smbhub.invoice.InvoiceSending sending;

    @EJB
    com.smbhub.payment.PaymentService payments;

    @EJB
    ProfileService profiles;

    @EJB
    HomeService home;

    @EJB
    Access access;

    public InvoicesView() {
        super("invoice", List.of("DRAFT", "SENT", "OVERDUE", "PARTIALLY_PAID", "PAID", "VOID"));
        DateTimeFormatter dates = DateTimeFormatter.ofPattern("d MMM yyyy");
        grid.addColumn(InvoiceView::number).setHeader("Number").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(i -> i.contactName() == null ? "" : i.contactName()).setHeader("Client").setFlexGrow(2);
        grid.addColumn(i -> words(i.status())).setHeader("Status");
        grid.addColumn(i -> dates.format(i.dueDate())).setHeader("Due");
        grid.addColumn(i -> MoneyText.format(i.total(), i.currency())).setHeader("Total").setTextAlign(
                com.vaadin.flow.component.grid.ColumnTextAlign.END);
    }

    @Override
    protected EffectiveProfile loadProfile() {
        return profiles.effective();
    }

    @Override
    protected boolean canCreate() {
        return Permissions.grant(access.role(), Capability.MONEY_DRAFT) == Grant.ALL;
    }

    @Override
    protected Page<InvoiceView> page(String status, String afterKey) {
        var page = invoices.list(status, null, afterKey, 50);
        return new Page<>(page.items(), page.nextKey());
    }

    @Override
    protected InvoiceView find(String id) {
        return invoices.get(id);
    }

    @Override
    protected void edit(InvoiceView invoice) {
        try {
            InvoiceView fresh = invoice == null ? null : invoices.get(invoice.id());
            HomeService.Greeting business = home.greeting();
            new InvoiceEditor(invoices, links, sending, payments, contacts, profile, fresh, business.currency(),
                    java.time.LocalDate.now(java.time.ZoneId.of(business.timezone())), saved -> reload()).open();
        } catch (NotFoundException e) {
            Toasts.problem("This invoice no longer exists.");
            reload();
        }
    }

    public static String words(String code) {
        String text = code.replace('_', ' ').toLowerCase();
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
