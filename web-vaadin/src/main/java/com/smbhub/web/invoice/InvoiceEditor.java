package com.smbhub.web.invoice;

import com.smbhub.contact.ContactService;
import com.smbhub.invoice.InvoiceService;
import com.smbhub.invoice.InvoiceView;
import com.smbhub.money.Totals;
import com.smbhub.platform.errors.ConflictException;
import com.smbhub.platform.errors.NotFoundException;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.profile.EffectiveProfile;
import com.smbhub.web.shell.FieldErrors;
import com.smbhub.money.MoneyText;
import com.smbhub.web.shell.Toasts;
import com.smbhub.invoice.InvoiceStatus;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The invoice draft editor (PRD 3.10): client, dates, lines with quick add, tax, discount, live
 * totals, notes and terms. Errors show at their fields and nothing typed is lost; a sent invoice
 * opens read-only.
 */
class InvoiceEditor extends Dialog {

    private final transient InvoiceService invoices;
    private final transient com.smbhub.portal.PortalLinks links;
    private final transient com.smbhub.invoice.InvoiceSending sending;
    private final transient com.smbhub.payment.PaymentService payments;
    private final InvoiceView invoice;
    private final String currency;
    private final DocumentForm form;

    InvoiceEditor(InvoiceService invoices, com.smbhub.portal.PortalLinks links, com.smbhub.invoice.InvoiceSending sending,
                  com.smbhub.payment.PaymentService payments, ContactService contacts,
                  EffectiveProfile profile, InvoiceView invoice,
                  String defaultCurrency, String zone, java.time.LocalDate today, boolean mayChangeCurrency,
                  Consumer<InvoiceView> onSaved) {
        this.invoices = invoices;
        this.links = links;
        this.sending = sending;
        this.payments = payments;
        this.invoice = invoice;
        this.currency = invoice == null ? defaultCurrency : invoice.currency();
        boolean editable = invoice == null || invoice.allowedActions().contains("update");
        setHeaderTitle(invoice == null ? "New " + profile.label("invoice").toLowerCase()
                : profile.label("invoice") + " " + invoice.number() + " · " + InvoicesView.words(invoice.status()));
        setWidth("min(60rem, 100vw)");
        getElement().getThemeList().add("drawer");
        form = new DocumentForm(DocumentForm.Kind.INVOICE, contacts, invoices.taxCodes(), invoice == null ? null : invoice.draft(),
                currency, today, mayChangeCurrency);
        add(form);
        if (invoice != null && payments != null && invoice.state() != InvoiceStatus.DRAFT) {
            add(paymentsSection(java.time.ZoneId.of(zone), today, onSaved));
        }
        if (invoice != null) {
            add(new InvoiceHistory(invoices.activity(invoice.id()), java.time.ZoneId.of(zone), currency));
        }
        Button close = new Button("Close", e -> close());
        getFooter().add(close);
        if (invoice != null) {
            var pdf = LinkDialog.pdf("inv-pdf", invoice.number() + ".pdf", () -> invoices.pdf(invoice.id()));
            getFooter().addComponentAsFirst(pdf);
            if (invoice.allowedActions().contains("void")) {
                Button voidButton = new Button("Void", e -> {
                    com.vaadin.flow.component.confirmdialog.ConfirmDialog confirm = new com.vaadin.flow.component.confirmdialog.ConfirmDialog(
                            "Void " + invoice.number() + "?", "The invoice is cancelled for good: your client's link says so and"
                            + " nothing can be paid on it. Its number stays used.", "Void", ev -> {
                                try {
                                    InvoiceView voided = invoices.voidInvoice(invoice.id(), invoice.version());
                                    Toasts.done(invoice.number() + " voided");
                                    close();
                                    onSaved.accept(voided);
                                } catch (ConflictException | ValidationException | NotFoundException ex) {
                                    Toasts.problem("This invoice changed meanwhile; reopen it to see its state.");
                                }
                            });
                    confirm.setConfirmButtonTheme("error primary");
                    confirm.setCancelable(true);
                    confirm.open();
                });
                voidButton.setId("inv-void");
                voidButton.addThemeVariants(ButtonVariant.LUMO_ERROR);
                getFooter().addComponentAtIndex(1, voidButton);
            }
            if (invoice.allowedActions().contains("send")) {
                Button send = new Button(invoice.state() == InvoiceStatus.DRAFT ? "Send" : "Send again", e -> openSend(onSaved));
                send.setId("inv-send");
                send.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
                getFooter().addComponentAtIndex(1, send);
            }
            if (invoice.allowedActions().contains("remind")) {
                Button remind = new Button("Send reminder", e -> SendDialog.open("Reminder for " + invoice.number(),
                        "The client is reminded of the " + MoneyText.format(invoice.amountDue(), currency)
                                + " still due, with a link to see and pay it." + ("NONE".equals(invoice.arStage()) ? ""
                                : " Reminders so far: " + InvoicesView.words(invoice.arStage()) + "."),
                        form.client() == null ? null : form.client().email(), "invoice",
                        sending.templates("reminder_email"), (to, message, template) -> {
                            InvoiceView reminded = sending.remind(invoice.id(), to, message, template);
                            Toasts.done("Reminder sent to " + to);
                            close();
                            onSaved.accept(reminded);
                        }, (message, template) -> sending.preview(invoice.id(), "reminder_email", message, template)));
                remind.setId("inv-remind");
                getFooter().addComponentAtIndex(1, remind);
            }
            if (invoice.allowedActions().contains("payment_link")) {
                Button pay = new Button("Pay link", e -> openPaymentLink(onSaved));
                pay.setId("inv-pay-link");
                getFooter().addComponentAtIndex(1, pay);
            }
            if (invoice.allowedActions().contains("share_link")) {
                Button link = new Button("Client link", e -> showLink());
                link.setId("inv-link");
                getFooter().addComponentAtIndex(1, link);
            }
        }
        if (editable) {
            Button save = new Button("Save draft", e -> save(onSaved));
            save.setId("inv-save");
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            getFooter().add(save);
        } else {
            form.readOnly();
        }
    }

    /** The payments of a sent invoice, "Record payment" (cash, bank, other) and refunds of those. */
    /** Paid today means now; another day means midday of that day in the business's zone. */
    static java.time.Instant paidOn(java.time.LocalDate day, java.time.LocalDate today, java.time.ZoneId zone) {
        return day == null || day.equals(today) ? null : day.atTime(12, 0).atZone(zone).toInstant();
    }

    private VerticalLayout paymentsSection(java.time.ZoneId zone, java.time.LocalDate today, Consumer<InvoiceView> onSaved) {
        VerticalLayout box = new VerticalLayout(new H4("Payments"));
        box.setId("inv-payments");
        box.setPadding(false);
        box.setSpacing(false);
        java.time.format.DateTimeFormatter when = java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy");
        List<com.smbhub.payment.PaymentView> received;
        try {
            received = payments.ofInvoice(invoice.id());
        } catch (com.smbhub.platform.security.PermissionDeniedException e) {
            return box;
        }
        if (received.isEmpty()) {
            box.add(new Span("No payments yet. Amount due: " + MoneyText.format(invoice.amountDue(), currency)));
        }
        for (com.smbhub.payment.PaymentView p : received) {
            HorizontalLayout row = new HorizontalLayout(new Span(when.format(p.paidAt().atZone(zone)) + " · "
                    + InvoicesView.words(p.provider()) + " · " + MoneyText.format(p.amount(), p.currency())
                    + (com.smbhub.payment.PaymentStatus.REFUNDED.name().equals(p.status()) ? " · refunded" : "")));
            row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            if (p.allowedActions().contains("refund")) {
                Button refund = new Button("Refund", e -> {
                    com.vaadin.flow.component.confirmdialog.ConfirmDialog confirm = new com.vaadin.flow.component.confirmdialog.ConfirmDialog(
                            "Refund " + MoneyText.format(p.amount(), p.currency()) + "?",
                            "The invoice will owe this amount again.", "Refund", ev -> {
                                payments.refund(p.id());
                                Toasts.done("Refunded");
                                close();
                                onSaved.accept(invoices.get(invoice.id()));
                            });
                    confirm.setCancelable(true);
                    confirm.open();
                });
                refund.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
                row.add(refund);
            }
            box.add(row);
        }
        if (invoice.state().allows(InvoiceStatus.Action.PAY)) {
            BigDecimalField amount = new BigDecimalField("Amount");
            amount.setId("pay-amount");
            amount.setValue(invoice.amountDue().setScale(Totals.scale(currency), java.math.RoundingMode.HALF_UP));
            Select<String> method = new Select<>();
            method.setId("pay-method");
            method.setLabel("Paid by");
            method.setItems("CASH", "BANK", "OTHER");
            method.setItemLabelGenerator(m -> m.equals("BANK") ? "Bank transfer" : InvoicesView.words(m));
            method.setValue("BANK");
            DatePicker date = new DatePicker("On", today);
            date.setId("pay-date");
            Button record = new Button("Record payment", e -> {
                try {
                    payments.record(invoice.id(), method.getValue(), amount.getValue(),
                            paidOn(date.getValue(), today, zone), null);
                    Toasts.done("Payment recorded");
                    close();
                    onSaved.accept(invoices.get(invoice.id()));
                } catch (ValidationException ex) {
                    FieldErrors.show(ex, Map.of("amount", amount, "provider", method, "paid_at", date));
                }
            });
            record.setId("pay-record");
            HorizontalLayout form = new HorizontalLayout(amount, method, date, record);
            form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            form.getStyle().set("flex-wrap", "wrap");
            box.add(form);
        }
        return box;
    }

    private void openSend(Consumer<InvoiceView> onSaved) {
        SendDialog.open("Send " + invoice.number(), "The client gets the invoice as a PDF and a link to see it online.",
                form.client() == null ? null : form.client().email(), "invoice", sending.templates("invoice_email"),
                (to, message, template) -> {
                    InvoiceView sent = sending.send(invoice.id(), to, message, template);
                    Toasts.done(sent.number() + " sent to " + to);
                    close();
                    onSaved.accept(sent);
                }, (message, template) -> sending.preview(invoice.id(), "invoice_email", message, template));
    }

    /** Makes a new client link (earlier ones stop working) and shows it to copy. */
    private void showLink() {
        LinkDialog.clientLink(invoice.number(), "invoice", links.regenerateInvoiceLink(invoice.id()));
    }

    /**
     * The Stripe Checkout link for the amount due (made on Stripe, or the open one reused); Stripe's
     * refusal is shown with Retry and changes nothing.
     */
    private void openPaymentLink(Consumer<InvoiceView> onSaved) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Card payment link for " + invoice.number());
        Span problem = new Span();
        problem.setId("pay-link-problem");
        problem.getStyle().set("color", "var(--lumo-error-text-color)");
        VerticalLayout body = new VerticalLayout(new Span("Your client pays " + MoneyText.format(invoice.amountDue(), currency)
                + " by card on Stripe's page; the invoice turns paid as soon as Stripe tells us."), problem);
        body.setPadding(false);
        Button retry = new Button("Retry");
        retry.setVisible(false);
        Runnable make = () -> {
            problem.setText("");
            try {
                InvoiceView linked = invoices.paymentLink(invoice.id());
                body.add(LinkDialog.urlField("pay-link-url", linked.paymentLinkUrl()));
                dialog.getFooter().add(LinkDialog.copyButton(linked.paymentLinkUrl()));
                retry.setVisible(false);
                onSaved.accept(linked);
            } catch (com.smbhub.platform.errors.ProviderException ex) {
                problem.setText(ex.getMessage() + ". The invoice is unchanged.");
                retry.setVisible(true);
            } catch (ValidationException ex) {
                problem.setText(ex.getMessage());
            }
        };
        retry.addClickListener(e -> make.run());
        dialog.add(body);
        dialog.getFooter().add(new Button("Close", e -> dialog.close()), retry);
        dialog.setWidth("min(40rem, 100vw)");
        dialog.open();
        make.run();
    }

    private void save(Consumer<InvoiceView> onSaved) {
        try {
            InvoiceView saved = invoice == null ? invoices.create(form.draft(), java.util.Optional.empty())
                    : invoices.update(invoice.id(), invoice.version(), form.draft());
            Toasts.done("Saved " + saved.number());
            close();
            onSaved.accept(saved);
        } catch (ValidationException e) {
            form.show(e);
        } catch (ConflictException | NotFoundException e) {
            Toasts.problem("This invoice changed meanwhile; your edits are still here. Close and reopen to see the current one.");
        }
    }
}
