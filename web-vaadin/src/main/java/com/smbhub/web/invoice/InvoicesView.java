package com.smbhub.web.invoice;

import com.smbhub.contact.ContactView;
import com.smbhub.home.HomeService;
import com.smbhub.invoice.InvoiceSending;
import com.smbhub.invoice.InvoiceService;
import com.smbhub.invoice.InvoiceStatus;
import com.smbhub.invoice.ReminderHold;
import com.smbhub.invoice.InvoiceView;
import com.smbhub.money.MoneyText;
import com.smbhub.payment.PaymentService;
import com.smbhub.platform.db.Page;
import com.smbhub.platform.errors.ProviderException;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.security.Capability;
import com.smbhub.platform.security.Permissions;
import com.smbhub.web.contact.ContactPicker;
import com.smbhub.web.document.DocumentEditor;
import com.smbhub.web.document.DocumentList;
import com.smbhub.web.document.SendDialog;
import com.smbhub.web.shell.Badges;
import com.smbhub.web.shell.Dates;
import com.smbhub.web.shell.MainLayout;
import com.smbhub.web.shell.PhoneCards;
import com.smbhub.web.shell.Problems;
import com.smbhub.web.shell.Toasts;
import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.contextmenu.ContextMenu;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.Route;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import java.util.List;

/** Invoices: the list with its status filter, and the draft editor. */
@Route(value = "invoices", layout = MainLayout.class)
@CdiComponent
@PermitAll
public class InvoicesView extends DocumentList<InvoiceView> {

    @EJB InvoiceService invoices;



    @EJB InvoiceSending sending;

    @EJB PaymentService payments;




    public InvoicesView() {
        super("invoice", InvoiceStatus.FILTERS);
        from.setId("filter-invoice-from");
        from.setClearButtonVisible(true);
        to.setId("filter-invoice-to");
        to.setClearButtonVisible(true);
        from.addValueChangeListener(e -> reload());
        to.addValueChangeListener(e -> reload());
        filters().add(from, to);
        grid.addColumn(InvoiceView::number).setHeader("Number").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(i -> i.contactName() == null ? "" : i.contactName()).setHeader("Client").setFlexGrow(2);
        grid.addComponentColumn(i -> Badges.of(InvoiceStatus.valueOf(i.status()), state(i))).setHeader("Status");
        grid.addColumn(i -> Dates.current().day(i.dueDate())).setHeader("Due");
        grid.addColumn(i -> MoneyText.format(i.total(), i.currency())).setHeader("Total").setTextAlign(
                ColumnTextAlign.END);
        grid.addColumn(i -> MoneyText.format(i.amountDue(), i.currency())).setHeader("Due now").setTextAlign(
                ColumnTextAlign.END);
        var menu = grid.addComponentColumn(this::quickActions).setHeader("").setWidth("4rem").setFlexGrow(0);
        PhoneCards.of(grid, i -> PhoneCards.card(i.number() + (i.contactName() == null ? "" : " · " + i.contactName()),
                MoneyText.format(i.amountDue(), i.currency()), state(i) + " · due " + Dates.current().day(i.dueDate())), menu);
    }

    private static String state(InvoiceView i) {
        return status(i) + (i.reminderHold() == null ? "" : i.reminderHold() == ReminderHold.DISPUTED ? " · disputed"
                : " · no reminders");
    }

    /** The row's quick actions (PRD 11.2 screen 6): send, copy the card payment link, mark paid. */
    private Component quickActions(InvoiceView i) {
        Button menu = new Button(VaadinIcon.ELLIPSIS_DOTS_H.create());
        menu.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        menu.setAriaLabel("Actions for " + i.number());
        ContextMenu items = new ContextMenu(menu);
        items.setOpenOnClick(true);
        if (i.allowedActions().contains("send")) {
            items.addItem(i.state() == InvoiceStatus.DRAFT ? "Send" : "Send again", e -> SendDialog.open(
                    InvoiceEditor.letter(sending, i, clientEmail(i)), (to, message, template) -> {
                        sending.send(i.id(), to, message, template);
                        Toasts.done(SendDialog.sent(i.number(), to));
                        reload();
                    }, InvoiceEditor.preview(sending, i)));
        }
        if (i.allowedActions().contains("payment_link")) {
            items.addItem("Copy pay link", e -> {
                try {
                    String url = invoices.paymentLink(i.id()).paymentLinkUrl();
                    getUI().ifPresent(ui -> ui.getPage().executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", url));
                    Toasts.done("Pay link for " + i.number() + " copied");
                } catch (ProviderException | ValidationException ex) {
                    Toasts.problem(ex.getMessage());
                }
            });
        }
        if (i.state().allows(InvoiceStatus.Action.PAY)
                && Permissions.allows(access.role(), Capability.PAYMENTS_RECORD)) {
            items.addItem("Mark paid", e -> {
                var confirm = new ConfirmDialog("Mark " + i.number() + " paid?",
                        "Records a bank transfer of " + MoneyText.format(i.amountDue(), i.currency())
                                + " received today. For cash, part payments or another day, open the invoice.", "Mark paid",
                        ev -> {
                            try {
                                payments.record(i.id(), "BANK", i.amountDue(), null, null);
                                Toasts.done(i.number() + " is paid");
                            } catch (ValidationException ex) {
                                Toasts.problem(Problems.say(ex));
                            }
                            reload();
                        });
                confirm.setCancelable(true);
                confirm.open();
            });
        }
        menu.setVisible(!items.getItems().isEmpty());
        menu.setId("inv-actions-" + i.number());
        menu.getElement().addEventListener("click", ev -> { }).addEventData("event.stopPropagation()");
        return menu;
    }

    private ComboBox<ContactView> client;
    private final DatePicker from = Dates.picker(new DatePicker("Issued from"));
    private final DatePicker to = Dates.picker(new DatePicker("to"));

    @PostConstruct
    void clientFilter() {
        client = ContactPicker.create(ContactPicker.Source.of(contacts), "filter-invoice-contact", "Client", null);
        client.setClearButtonVisible(true);
        client.addValueChangeListener(e -> reload());
        filters().addComponentAsFirst(client);
    }

    @Override
    protected Page<InvoiceView> page(String status, String afterKey) {
        if (from.getValue() != null && to.getValue() != null && to.getValue().isBefore(from.getValue())) {
            to.setInvalid(true);
            to.setErrorMessage("On or after the first day");
            return new Page<>(List.of(), null);
        }
        to.setInvalid(false);
        return invoices.list(status, client == null || client.getValue() == null ? null : client.getValue().id(),
                from.getValue(), to.getValue(), afterKey, 50);
    }

    @Override
    protected InvoiceView find(String id) {
        return invoices.get(id);
    }

    @Override
    protected DocumentEditor<InvoiceView> editor(InvoiceView fresh, HomeService.Greeting business) {
        return new InvoiceEditor(invoices, links, sending, payments, ContactPicker.Source.of(contacts), profile, fresh,
                business.currency(), business.timezone(), today(business), mayBillInOtherCurrency(), this::saved);
    }

}
