package com.smbhub.web.invoice;

import com.smbhub.contact.ContactService;
import com.smbhub.contact.ContactView;
import com.smbhub.money.DocumentDraft;
import com.smbhub.invoice.InvoiceService;
import com.smbhub.invoice.InvoiceView;
import com.smbhub.money.LineItem;
import com.smbhub.money.TaxCode;
import com.smbhub.money.Totals;
import com.smbhub.platform.errors.ConflictException;
import com.smbhub.platform.errors.NotFoundException;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.profile.EffectiveProfile;
import com.smbhub.web.contact.ContactPicker;
import com.smbhub.web.shell.FieldErrors;
import com.smbhub.money.MoneyText;
import com.smbhub.web.shell.Toasts;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The invoice draft editor (PRD 3.10): client, dates, lines with quick add, tax, discount, live
 * totals, notes and terms. Errors show at their fields and nothing typed is lost; a sent invoice
 * opens read-only.
 */
class InvoiceEditor extends Dialog {

    private static final String NO_TAX = "";

    private final transient InvoiceService invoices;
    private final transient com.smbhub.portal.PortalLinks links;
    private final transient com.smbhub.invoice.InvoiceSending sending;
    private final transient com.smbhub.payment.PaymentService payments;
    private final InvoiceView invoice;
    private final String currency;
    private final Map<String, TaxCode> codes = new LinkedHashMap<>();
    private final ComboBox<ContactView> contact;
    private final DatePicker issue = new DatePicker("Issue date");
    private final DatePicker due = new DatePicker("Due date");
    private final Select<Totals.Pricing> pricing = new Select<>();
    private final Select<String> taxCode = new Select<>();
    private final VerticalLayout lineRows = new VerticalLayout();
    private final List<LineRow> lines = new ArrayList<>();
    private final Select<String> discountType = new Select<>();
    private final BigDecimalField discountValue = new BigDecimalField("Discount");
    private final TextArea notes = new TextArea("Notes");
    private final TextArea terms = new TextArea("Terms");
    private final Span totals = new Span();
    private final Span linesError = new Span();

    private final class LineRow extends HorizontalLayout {
        final TextField name = new TextField();
        final BigDecimalField qty = new BigDecimalField();
        final BigDecimalField rate = new BigDecimalField();
        final Select<String> tax = new Select<>();

        LineRow(LineItem item) {
            name.setPlaceholder("What");
            name.setWidth("14rem");
            qty.setPlaceholder("Qty");
            qty.setWidth("6rem");
            rate.setPlaceholder("Price");
            rate.setWidth("8rem");
            tax.setItems(taxChoices());
            tax.setItemLabelGenerator(c -> NO_TAX.equals(c) ? "Invoice's tax" : c);
            tax.setWidth("9rem");
            if (item != null) {
                name.setValue(item.name());
                qty.setValue(item.qty());
                rate.setValue(item.rate());
                tax.setValue(item.taxCode() == null || item.taxCode().equals(taxCode.getValue()) ? NO_TAX : item.taxCode());
            } else {
                qty.setValue(BigDecimal.ONE);
                tax.setValue(NO_TAX);
            }
            Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
                lines.remove(this);
                lineRows.remove(this);
                renumber();
                recompute();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            remove.setAriaLabel("Remove line");
            qty.addValueChangeListener(e -> recompute());
            rate.addValueChangeListener(e -> recompute());
            tax.addValueChangeListener(e -> recompute());
            add(name, qty, rate, tax, remove);
            setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            getStyle().set("flex-wrap", "wrap");
        }

        LineItem item() {
            return new LineItem(name.getValue(), qty.getValue(), rate.getValue(), NO_TAX.equals(tax.getValue()) ? null : tax.getValue());
        }
    }

    InvoiceEditor(InvoiceService invoices, com.smbhub.portal.PortalLinks links, com.smbhub.invoice.InvoiceSending sending,
                  com.smbhub.payment.PaymentService payments, ContactService contacts,
                  EffectiveProfile profile, InvoiceView invoice,
                  String defaultCurrency, java.time.LocalDate today, Consumer<InvoiceView> onSaved) {
        this.invoices = invoices;
        this.links = links;
        this.sending = sending;
        this.payments = payments;
        this.invoice = invoice;
        this.currency = invoice == null ? defaultCurrency : invoice.currency();
        invoices.taxCodes().forEach(t -> codes.put(t.code(), t));
        boolean editable = invoice == null || invoice.allowedActions().contains("update");
        setHeaderTitle(invoice == null ? "New " + profile.label("invoice").toLowerCase()
                : profile.label("invoice") + " " + invoice.number() + " · " + InvoicesView.words(invoice.status()));
        setWidth("min(60rem, 100vw)");
        contact = ContactPicker.create(contacts, "inv-contact", "Client", invoice == null ? null : invoice.contactId());
        contact.setRequiredIndicatorVisible(true);
        issue.setId("inv-issue");
        due.setId("inv-due");
        pricing.setId("inv-pricing");
        pricing.setLabel("Prices");
        pricing.setItems(Totals.Pricing.values());
        pricing.setItemLabelGenerator(p -> p == Totals.Pricing.TAX_EXCLUSIVE ? "Before tax" : "Including tax");
        taxCode.setId("inv-tax");
        taxCode.setLabel("Tax");
        taxCode.setItems(taxChoices());
        taxCode.setItemLabelGenerator(c -> NO_TAX.equals(c) ? "No tax" : codes.get(c).name());
        discountType.setItems("percent", "amount");
        discountType.setItemLabelGenerator(t -> t.equals("percent") ? "%" : currency);
        discountType.setLabel("Discount in");
        discountValue.setId("inv-discount");
        notes.setId("inv-notes");
        terms.setId("inv-terms");
        linesError.setId("inv-lines-error");
        linesError.getStyle().set("color", "var(--lumo-error-text-color)");
        if (invoice == null) {
            issue.setValue(today);
            due.setValue(today.plusDays(14));
            pricing.setValue(Totals.Pricing.TAX_EXCLUSIVE);
            taxCode.setValue(codes.size() == 1 ? codes.keySet().iterator().next() : NO_TAX);
            discountType.setValue("percent");
        } else {
            issue.setValue(invoice.issueDate());
            due.setValue(invoice.dueDate());
            pricing.setValue(invoice.pricing());
            taxCode.setValue(invoice.taxCode() == null ? NO_TAX : invoice.taxCode());
            discountType.setValue(invoice.discount().percent() ? "percent" : "amount");
            discountValue.setValue(invoice.discount().value().signum() == 0 ? null : invoice.discount().value());
            notes.setValue(invoice.notes() == null ? "" : invoice.notes());
            terms.setValue(invoice.terms() == null ? "" : invoice.terms());
        }
        lineRows.setId("inv-lines");
        lineRows.setPadding(false);
        lineRows.setSpacing(false);
        if (invoice == null) {
            addLine(null);
        } else {
            invoice.lines().forEach(this::addLine);
        }
        Button addLine = new Button("Add line", VaadinIcon.PLUS.create(), e -> {
            addLine(null);
            lines.get(lines.size() - 1).name.focus();
        });
        addLine.setId("inv-add-line");
        addLine.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        pricing.addValueChangeListener(e -> recompute());
        taxCode.addValueChangeListener(e -> recompute());
        discountType.addValueChangeListener(e -> recompute());
        discountValue.addValueChangeListener(e -> recompute());
        totals.setId("inv-totals");
        totals.getStyle().set("font-weight", "600").set("white-space", "pre-line");
        FormLayout header = new FormLayout(contact, issue, due, pricing, taxCode);
        header.setColspan(contact, 2);
        HorizontalLayout discount = new HorizontalLayout(discountType, discountValue);
        discount.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        FormLayout words = new FormLayout(notes, terms);
        add(header, new H4("Lines"), lineRows, linesError, addLine, discount, totals, words);
        if (invoice != null && payments != null && !"DRAFT".equals(invoice.status())) {
            add(paymentsSection(onSaved));
        }
        recompute();
        Button close = new Button("Close", e -> close());
        getFooter().add(close);
        if (invoice != null) {
            com.vaadin.flow.component.html.Anchor pdf = new com.vaadin.flow.component.html.Anchor(
                    com.vaadin.flow.server.streams.DownloadHandler.fromInputStream(event -> {
                        try {
                            byte[] bytes = invoices.pdf(invoice.id());
                            return new com.vaadin.flow.server.streams.DownloadResponse(new java.io.ByteArrayInputStream(bytes),
                                    invoice.number() + ".pdf", "application/pdf", bytes.length);
                        } catch (NotFoundException e) {
                            return com.vaadin.flow.server.streams.DownloadResponse.error(404, "No such invoice");
                        }
                    }), "Download PDF");
            pdf.setId("inv-pdf");
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
                Button send = new Button(invoice.status().equals("DRAFT") ? "Send" : "Send again", e -> openSend(onSaved));
                send.setId("inv-send");
                send.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
                getFooter().addComponentAtIndex(1, send);
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
            for (com.vaadin.flow.component.Component part : List.of(header, lineRows, addLine, discount, words)) {
                part.getElement().setEnabled(false);
            }
        }
    }

    /** The payments of a sent invoice, "Record payment" (cash, bank, other) and refunds of those. */
    private VerticalLayout paymentsSection(Consumer<InvoiceView> onSaved) {
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
            HorizontalLayout row = new HorizontalLayout(new Span(when.format(p.paidAt().atZone(java.time.ZoneOffset.UTC)) + " · "
                    + InvoicesView.words(p.provider()) + " · " + MoneyText.format(p.amount(), p.currency())
                    + ("REFUNDED".equals(p.status()) ? " · refunded" : "")));
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
        if (List.of("SENT", "OVERDUE", "PARTIALLY_PAID").contains(invoice.status())) {
            BigDecimalField amount = new BigDecimalField("Amount");
            amount.setId("pay-amount");
            amount.setValue(invoice.amountDue().setScale(Totals.scale(currency), java.math.RoundingMode.HALF_UP));
            Select<String> method = new Select<>();
            method.setId("pay-method");
            method.setLabel("Paid by");
            method.setItems("CASH", "BANK", "OTHER");
            method.setItemLabelGenerator(m -> m.equals("BANK") ? "Bank transfer" : InvoicesView.words(m));
            method.setValue("BANK");
            DatePicker date = new DatePicker("On", java.time.LocalDate.now());
            date.setId("pay-date");
            Button record = new Button("Record payment", e -> {
                try {
                    payments.record(invoice.id(), method.getValue(), amount.getValue(),
                            date.getValue() == null ? null : date.getValue().atTime(12, 0).toInstant(java.time.ZoneOffset.UTC), null);
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

    /** Asks for the address and an optional line, sends; a refusal stays at the button with the reason and Retry. */
    private void openSend(Consumer<InvoiceView> onSaved) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Send " + invoice.number());
        com.vaadin.flow.component.textfield.EmailField to = new com.vaadin.flow.component.textfield.EmailField("To");
        to.setId("send-to");
        to.setWidthFull();
        to.setValue(contact.getValue() == null || contact.getValue().email() == null ? "" : contact.getValue().email());
        TextArea message = new TextArea("Message (optional)");
        message.setId("send-message");
        message.setWidthFull();
        Span problem = new Span();
        problem.setId("send-problem");
        problem.getStyle().set("color", "var(--lumo-error-text-color)");
        Button send = new Button("Send");
        send.setId("send-confirm");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickListener(e -> {
            problem.setText("");
            try {
                InvoiceView sent = sending.send(invoice.id(), to.getValue(), message.getValue());
                Toasts.done(sent.number() + " sent to " + to.getValue());
                dialog.close();
                close();
                onSaved.accept(sent);
            } catch (ValidationException ex) {
                FieldErrors.show(new ValidationException(ex.errors().stream().filter(x -> x.field().equals("to")
                        || x.field().equals("message")).toList()), Map.of("to", to, "message", message));
                ex.errors().stream().filter(x -> !x.field().equals("to") && !x.field().equals("message")).findFirst()
                        .ifPresent(x -> problem.setText(x.message()));
            } catch (com.smbhub.platform.mail.MailFailedException ex) {
                problem.setText(ex.getMessage() + " Nothing was sent; the invoice is unchanged.");
                send.setText("Retry");
            }
        });
        send.setDisableOnClick(true);
        send.addClickListener(e -> send.setEnabled(true));
        dialog.add(new com.vaadin.flow.component.html.Paragraph("The client gets the invoice as a PDF and a link to see it online."),
                to, message, problem);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), send);
        dialog.setWidth("min(36rem, 100vw)");
        dialog.open();
    }

    /** Makes a new client link (earlier ones stop working) and shows it to copy. */
    private void showLink() {
        var request = com.vaadin.flow.server.VaadinServletRequest.getCurrent().getHttpServletRequest();
        String path = links.regenerateInvoiceLink(invoice.id());
        String url = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort() + path;
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Client link for " + invoice.number());
        dialog.add(new Span("Anyone with this link can see the invoice. Making a new link stops the earlier ones."),
                urlField("inv-link-url", url));
        dialog.getFooter().add(new Button("Close", e -> dialog.close()), copyButton(url));
        dialog.setWidth("min(40rem, 100vw)");
        dialog.open();
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
                body.add(urlField("pay-link-url", linked.paymentLinkUrl()));
                dialog.getFooter().add(copyButton(linked.paymentLinkUrl()));
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

    private static TextField urlField(String id, String url) {
        TextField field = new TextField();
        field.setId(id);
        field.setValue(url);
        field.setReadOnly(true);
        field.setWidthFull();
        return field;
    }

    private Button copyButton(String url) {
        return new Button("Copy", e -> {
            getUI().ifPresent(ui -> ui.getPage().executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", url));
            Toasts.done("Link copied");
        });
    }

    private List<String> taxChoices() {
        List<String> choices = new ArrayList<>();
        choices.add(NO_TAX);
        choices.addAll(codes.keySet());
        return choices;
    }

    private void addLine(LineItem item) {
        LineRow row = new LineRow(item);
        lines.add(row);
        lineRows.add(row);
        renumber();
        recompute();
    }

    private void renumber() {
        for (int i = 0; i < lines.size(); i++) {
            LineRow row = lines.get(i);
            row.name.setId("inv-line-" + i + "-name");
            row.qty.setId("inv-line-" + i + "-qty");
            row.rate.setId("inv-line-" + i + "-rate");
            row.tax.setId("inv-line-" + i + "-tax");
        }
    }

    /** Live totals with the same function the server uses; lines not yet complete count as nothing. */
    private void recompute() {
        if (totals == null || pricing.getValue() == null) {
            return;
        }
        List<LineItem> items = new ArrayList<>();
        String defaultTax = NO_TAX.equals(taxCode.getValue()) ? null : taxCode.getValue();
        for (LineRow row : lines) {
            LineItem item = row.item();
            if (item.qty() != null && item.qty().signum() > 0 && item.rate() != null && item.rate().signum() >= 0) {
                items.add(new LineItem(item.name(), item.qty(), item.rate(), item.taxCode() == null ? defaultTax : item.taxCode()));
            }
        }
        BigDecimal off = discountValue.getValue() == null || discountValue.getValue().signum() < 0 ? BigDecimal.ZERO
                : discountValue.getValue();
        Totals.Result r = Totals.compute(items, codes, pricing.getValue(),
                new Totals.Discount("percent".equals(discountType.getValue()), off), currency);
        StringBuilder text = new StringBuilder("Subtotal " + MoneyText.format(r.subtotal(), currency));
        if (r.discountTotal().signum() > 0) {
            text.append("\nDiscount −").append(MoneyText.format(r.discountTotal(), currency));
        }
        r.taxes().forEach((code, amount) -> text.append("\n").append(codes.get(code).name())
                .append(pricing.getValue() == Totals.Pricing.TAX_INCLUSIVE ? " (included) " : " ")
                .append(MoneyText.format(amount, currency)));
        text.append("\nTotal ").append(MoneyText.format(r.total(), currency));
        totals.setText(text.toString());
    }

    private DocumentDraft draft() {
        List<LineItem> items = lines.stream().map(LineRow::item).toList();
        BigDecimal off = discountValue.getValue() == null ? BigDecimal.ZERO : discountValue.getValue();
        return new DocumentDraft(contact.getValue() == null ? null : contact.getValue().id(),
                invoice == null ? null : invoice.workItemId(), issue.getValue(), due.getValue(), currency, pricing.getValue(),
                NO_TAX.equals(taxCode.getValue()) ? null : taxCode.getValue(), items,
                new Totals.Discount("percent".equals(discountType.getValue()), off), notes.getValue(), terms.getValue());
    }

    private void save(Consumer<InvoiceView> onSaved) {
        Map<String, HasValidation> byField = new HashMap<>();
        byField.put("contact_id", contact);
        byField.put("issue_date", issue);
        byField.put("due_date", due);
        byField.put("tax_code", taxCode);
        byField.put("discount", discountValue);
        byField.put("notes", notes);
        byField.put("terms", terms);
        for (int i = 0; i < lines.size(); i++) {
            byField.put("line_items[" + i + "].name", lines.get(i).name);
            byField.put("line_items[" + i + "].qty", lines.get(i).qty);
            byField.put("line_items[" + i + "].rate", lines.get(i).rate);
            byField.put("line_items[" + i + "].tax_code", lines.get(i).tax);
        }
        linesError.setText("");
        try {
            InvoiceView saved = invoice == null ? invoices.create(draft(), java.util.Optional.empty())
                    : invoices.update(invoice.id(), invoice.version(), draft());
            Toasts.done("Saved " + saved.number());
            close();
            onSaved.accept(saved);
        } catch (ValidationException e) {
            e.errors().stream().filter(x -> x.field().equals("line_items")).findFirst()
                    .ifPresent(x -> linesError.setText(x.message()));
            FieldErrors.show(new ValidationException(e.errors().stream().filter(x -> !x.field().equals("line_items")).toList()),
                    byField);
        } catch (ConflictException | NotFoundException e) {
            Toasts.problem("This invoice changed meanwhile; your edits are still here. Close and reopen to see the current one.");
        }
    }
}
