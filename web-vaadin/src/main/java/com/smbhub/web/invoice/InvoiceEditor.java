package com.smbhub.web.invoice;

import com.smbhub.invoice.ArStage;
import com.smbhub.invoice.InvoiceSending;
import com.smbhub.invoice.InvoiceService;
import com.smbhub.invoice.InvoiceStatus;
import com.smbhub.invoice.InvoiceView;
import com.smbhub.invoice.ReminderHold;
import com.smbhub.money.MoneyText;
import com.smbhub.money.Totals;
import com.smbhub.payment.PaymentService;
import com.smbhub.payment.PaymentStatus;
import com.smbhub.payment.PaymentView;
import com.smbhub.platform.errors.ConflictException;
import com.smbhub.platform.errors.NotFoundException;
import com.smbhub.platform.errors.ProviderException;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.security.PermissionDeniedException;
import com.smbhub.portal.PortalLinks;
import com.smbhub.profile.EffectiveProfile;
import com.smbhub.web.contact.ContactPicker;
import com.smbhub.web.document.DocumentEditor.Saved;
import com.smbhub.web.document.DocumentEditor;
import com.smbhub.web.document.DocumentForm;
import com.smbhub.web.document.LinkDialog;
import com.smbhub.web.document.SendDialog;
import com.smbhub.web.shell.Dates;
import com.smbhub.web.shell.FieldErrors;
import com.smbhub.web.shell.Toasts;
import com.smbhub.web.shell.Words;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The invoice editor (PRD 3.10): the draft form, then Send, reminders, the card payment link, the
 * client link, payments and refunds, Void; its history below. A sent invoice opens read-only.
 */
class InvoiceEditor extends DocumentEditor<InvoiceView> {

    private final transient InvoiceService invoices;
    private final transient InvoiceSending sending;
    private final transient PaymentService payments;
    private final InvoiceView invoice;
    private final String currency;

    /** The invoice's Send dialog, the same from the editor and from the list's ⋯ menu: to {@code to}, its PDF attached. */
    static SendDialog.Letter letter(InvoiceSending sending, InvoiceView invoice, String to) {
        return SendDialog.document(invoice.number(), "invoice", "The client gets the invoice as a PDF and a link to see it online.",
                to, sending.templates("invoice_email"));
    }

    static SendDialog.Preview preview(InvoiceSending sending, InvoiceView invoice) {
        return (message, template) -> sending.preview(invoice.id(), "invoice_email", message, template);
    }

    InvoiceEditor(InvoiceService invoices, PortalLinks links, InvoiceSending sending,
                  PaymentService payments, ContactPicker.Source contacts,
                  EffectiveProfile profile, InvoiceView invoice,
                  String defaultCurrency, String zone, LocalDate today, boolean mayChangeCurrency,
                  Saved<InvoiceView> onSaved) {
        super(DocumentForm.Kind.INVOICE, invoices, contacts, profile, invoice, defaultCurrency, today, mayChangeCurrency,
                onSaved);
        this.invoices = invoices;
        this.sending = sending;
        this.payments = payments;
        this.invoice = invoice;
        this.currency = invoice == null ? defaultCurrency : invoice.currency();
        if (allows("hold_reminders") || allows("resume_reminders")) {
            add(remindersLine(onSaved));
        }
        if (invoice != null && payments != null && invoice.state() != InvoiceStatus.DRAFT) {
            addComponentAsFirst(paymentsSection(ZoneId.of(zone), today)); // a sent invoice: its payments first
        }
        if (invoice != null) {
            add(new InvoiceHistory(invoices.activity(invoice.id()), ZoneId.of(zone), currency));
        }
        if (allows("void")) {
            action("void", "Void", () -> {
                ConfirmDialog confirm = new ConfirmDialog(
                        "Void " + invoice.number() + "?", "The invoice is cancelled for good: your client's link says so and"
                        + " nothing can be paid on it. Its number stays used.", "Void", ev -> {
                            try {
                                done(invoices.voidInvoice(invoice.id(), invoice.version()), invoice.number() + " voided");
                            } catch (ConflictException | ValidationException | NotFoundException ex) {
                                Toasts.problem("This invoice changed meanwhile; reopen it to see its state.");
                            }
                        });
                confirm.setConfirmButtonTheme("error primary");
                confirm.setCancelable(true);
                confirm.open();
            }).addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        sendAction(invoice != null && invoice.state() == InvoiceStatus.DRAFT, to -> letter(sending, invoice, to),
                (to, message, template) -> sending.send(invoice.id(), to, message, template), preview(sending, invoice));
        if (allows("remind")) {
            action("remind", "Send reminder", () -> SendDialog.open(new SendDialog.Letter("Reminder for " + invoice.number(),
                    "The client is reminded of the " + MoneyText.format(invoice.amountDue(), currency)
                            + " still due, with a link to see and pay it." + ("NONE".equals(invoice.arStage()) ? ""
                            : " Reminders so far: " + Words.of(invoice.arStage()) + "."),
                    clientEmail(), "invoice", sending.templates("reminder_email"),
                    sending.stageTemplate(ArStage.of(invoice.arStage()).next()), List.of()),
                    (to, message, template) ->
                            done(sending.remind(invoice.id(), to, message, template), "Reminder sent to " + to),
                    (message, template) -> sending.preview(invoice.id(), "reminder_email", message, template)));
        }
        if (allows("payment_link")) {
            action("pay-link", "Pay link", () -> openPaymentLink(onSaved));
        }
        clientLinkAction(links);
        finish();
    }

    @Override
    protected String sheetTotal(InvoiceView sent) {
        return sent.amountDue().compareTo(sent.total()) == 0 ? null
                : "Amount due " + MoneyText.format(sent.amountDue(), sent.currency());
    }

    /** Whether the daily payment reminders go for this invoice, and Hold / Resume. */
    private HorizontalLayout remindersLine(Saved<InvoiceView> onSaved) {
        ReminderHold held = invoice.reminderHold();
        Span state = new Span(held == null ? "Automatic reminders: on (when reminders are on in Settings)"
                : "Automatic reminders held: " + held.words.toLowerCase(Locale.ROOT)
                + (invoice.reminderHoldNote() == null ? "" : " — " + invoice.reminderHoldNote()));
        state.setId("inv-reminder-hold");
        Button change = new Button(held == null ? "Hold reminders" : "Resume reminders", e -> {
            if (held != null) {
                hold(null, null);
            } else {
                holdDialog();
            }
        });
        change.setId(held == null ? "inv-hold-reminders" : "inv-resume-reminders");
        change.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        HorizontalLayout line = new HorizontalLayout(state, change);
        line.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        line.getStyle().set("flex-wrap", "wrap");
        return line;
    }

    private void holdDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Hold reminders for " + invoice.number());
        RadioButtonGroup<ReminderHold> why = new RadioButtonGroup<>("Why");
        why.setId("hold-why");
        why.setItems(ReminderHold.values());
        why.setItemLabelGenerator(h -> h.words);
        why.setValue(ReminderHold.DISPUTED);
        TextArea note = new TextArea("Note (only your team sees it)");
        note.setId("hold-note");
        note.setMaxLength(500);
        note.setWidthFull();
        dialog.add(new VerticalLayout(new Span("The daily reminders skip this invoice until you resume them;"
                + " \"Send reminder\" still works."), why, note));
        Button hold = new Button("Hold reminders", e -> {
            try {
                hold(why.getValue(), note.getValue());
                dialog.close();
            } catch (ValidationException ex) {
                FieldErrors.show(ex, Map.of("reason", why, "note", note));
            }
        });
        hold.setId("hold-confirm");
        hold.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), hold);
        dialog.open();
    }

    private void hold(ReminderHold why, String note) {
        try {
            done(invoices.holdReminders(invoice.id(), why, note, invoice.version()),
                    why == null ? "Reminders resumed for " + invoice.number() : "Reminders held for " + invoice.number());
        } catch (ConflictException | NotFoundException ex) {
            Toasts.problem("This invoice changed meanwhile; reopen it to see its state.");
        }
    }

    /** Paid today means now; another day means midday of that day in the business's zone. */
    static Instant paidOn(LocalDate day, LocalDate today, ZoneId zone) {
        return day == null || day.equals(today) ? null : day.atTime(12, 0).atZone(zone).toInstant();
    }

    /** The payments of a sent invoice, "Record payment" (cash, bank, other) and refunds of those. */
    private VerticalLayout paymentsSection(ZoneId zone, LocalDate today) {
        VerticalLayout box = new VerticalLayout(new H4("Payments"));
        box.setId("inv-payments");
        box.setPadding(false);
        box.setSpacing(false);
        Dates dates = Dates.current().in(zone);
        List<PaymentView> received;
        try {
            received = payments.ofInvoice(invoice.id());
        } catch (PermissionDeniedException e) {
            return box;
        }
        if (received.isEmpty()) {
            box.add(new Span("No payments yet. Amount due: " + MoneyText.format(invoice.amountDue(), currency)));
        }
        if (invoice.credit().signum() > 0) {
            Span over = new Span("Overpaid by " + MoneyText.format(invoice.credit(), currency)
                    + ": refund the difference (card payments in Stripe) or keep it as credit.");
            over.setId("inv-credit");
            over.getStyle().set("color", "var(--lumo-error-text-color)");
            box.add(over);
        }
        for (PaymentView p : received) {
            HorizontalLayout row = new HorizontalLayout(new Span(dates.day(p.paidAt()) + " · "
                    + Words.of(p.provider()) + " · " + MoneyText.format(p.amount(), p.currency())
                    + (PaymentStatus.REFUNDED.name().equals(p.status()) ? " · refunded" : "")));
            row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            if (PaymentStatus.SUCCEEDED.name().equals(p.status())) {
                Button receipt = new Button("Send receipt", e -> openReceipt(p));
                receipt.setId("pay-receipt-" + received.indexOf(p));
                receipt.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
                row.add(receipt);
            }
            if (p.allowedActions().contains("refund")) {
                Button refund = new Button("Refund", e -> {
                    ConfirmDialog confirm = new ConfirmDialog(
                            "Refund " + MoneyText.format(p.amount(), p.currency()) + "?",
                            "The invoice will owe this amount again.", "Refund", ev -> {
                                payments.refund(p.id());
                                done(invoices.get(invoice.id()), "Refunded");
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
            amount.setValue(invoice.amountDue().setScale(Totals.scale(currency), RoundingMode.HALF_UP));
            Select<String> method = new Select<>();
            method.setId("pay-method");
            method.setLabel("Paid by");
            method.setItems("CASH", "BANK", "OTHER");
            method.setItemLabelGenerator(m -> m.equals("BANK") ? "Bank transfer" : Words.of(m));
            method.setValue("BANK");
            DatePicker date = Dates.picker(new DatePicker("On", today));
            date.setId("pay-date");
            String email = clientEmail();
            Checkbox receipt = new Checkbox(email == null ? "E-mail a receipt" : "E-mail a receipt to " + email, email != null);
            receipt.setId("pay-send-receipt");
            receipt.setVisible(email != null);
            Button record = new Button("Record payment", e -> {
                PaymentView recorded;
                try {
                    recorded = payments.record(invoice.id(), method.getValue(), amount.getValue(),
                            paidOn(date.getValue(), today, zone), null);
                } catch (ValidationException ex) {
                    FieldErrors.show(ex, Map.of("amount", amount, "provider", method, "paid_at", date));
                    return;
                }
                done(invoices.get(invoice.id()), receipt.getValue() && receiptSent(recorded)
                        ? "Payment recorded; receipt sent to " + email : "Payment recorded");
            });
            record.setId("pay-record");
            HorizontalLayout form = new HorizontalLayout(amount, method, date, receipt, record);
            form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            form.getStyle().set("flex-wrap", "wrap");
            box.add(form);
        }
        return box;
    }

    /** Sends the receipt of a payment just recorded; false (and why, said) when it could not go. */
    private boolean receiptSent(PaymentView recorded) {
        try {
            sending.receipt(invoice.id(), recorded.id(), null, null, null);
            return true;
        } catch (ProviderException | ValidationException ex) {
            Toasts.problem("The receipt was not sent: " + ex.getMessage() + " Send it again with the payment's Send receipt.");
            return false;
        }
    }

    /** The receipt of a payment, in the one Send dialog: to the client, the PDF attached, the wording shown. */
    private void openReceipt(PaymentView p) {
        SendDialog.open(new SendDialog.Letter("Receipt for " + MoneyText.format(p.amount(), p.currency()),
                        "The client gets a thank-you for the payment, the invoice as a PDF"
                                + (invoice.amountDue().signum() <= 0 ? " stamped PAID" : "") + " and a link to see it online.",
                        clientEmail(), "invoice", sending.templates("receipt_email"), null, List.of(invoice.number() + ".pdf")),
                (to, message, template) -> {
                    sending.receipt(invoice.id(), p.id(), to, message, template);
                    Toasts.done("Receipt sent to " + (to == null || to.isBlank() ? "the client" : to.strip()));
                },
                (message, template) -> sending.previewReceipt(invoice.id(), p.id(), message, template));
    }

    /**
     * The Stripe Checkout link for the amount due (made on Stripe, or the open one reused); Stripe's
     * refusal is shown with Retry and changes nothing.
     */
    private void openPaymentLink(Saved<InvoiceView> onSaved) {
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
                onSaved.saved(linked, false);
            } catch (ProviderException ex) {
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
}
