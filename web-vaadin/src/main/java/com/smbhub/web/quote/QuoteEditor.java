package com.smbhub.web.quote;

import com.smbhub.contact.ContactService;
import com.smbhub.invoice.InvoiceView;
import com.smbhub.platform.errors.ConflictException;
import com.smbhub.platform.errors.NotFoundException;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.portal.PortalLinks;
import com.smbhub.profile.EffectiveProfile;
import com.smbhub.quote.QuoteService;
import com.smbhub.quote.QuoteView;
import com.smbhub.web.invoice.DocumentForm;
import com.smbhub.web.invoice.LinkDialog;
import com.smbhub.web.invoice.SendDialog;
import com.smbhub.web.shell.Toasts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import java.time.LocalDate;
import java.util.function.Consumer;

/**
 * A quote: the draft form, then Send, the client link, the answer (the client's from the portal, or
 * one given in person: Mark approved / declined) and Convert to invoice once approved.
 */
class QuoteEditor extends Dialog {

    private final transient QuoteService quotes;
    private final QuoteView quote;
    private final DocumentForm form;

    QuoteEditor(QuoteService quotes, PortalLinks links, ContactService contacts, EffectiveProfile profile, QuoteView quote,
                String currency, LocalDate today, boolean mayChangeCurrency, Consumer<QuoteView> onSaved,
                Consumer<InvoiceView> onConverted) {
        this.quotes = quotes;
        this.quote = quote;
        setHeaderTitle(quote == null ? "New " + profile.label("quote").toLowerCase()
                : profile.label("quote") + " " + quote.number() + " · " + com.smbhub.web.invoice.InvoicesView.words(quote.status()));
        setWidth("min(60rem, 100vw)");
        getElement().getThemeList().add("drawer");
        form = new DocumentForm(DocumentForm.Kind.QUOTE, contacts, quotes.taxCodes(),
                quote == null ? null : quote.draft(), quote == null ? currency : quote.currency(), today,
                mayChangeCurrency);
        add(form);
        if (quote != null && quote.decisionNote() != null) {
            add(new Paragraph("The client's note: “" + quote.decisionNote() + "”"));
        }
        getFooter().add(new Button("Close", e -> close()));
        boolean editable = quote == null || quote.allowedActions().contains("update");
        if (quote != null) {
            var pdf = LinkDialog.pdf("quote-pdf", quote.number() + ".pdf", () -> quotes.pdf(quote.id()));
            getFooter().addComponentAsFirst(pdf);
            if (quote.allowedActions().contains("convert_to_invoice")) {
                Button convert = new Button(quote.state() == com.smbhub.quote.QuoteStatus.CONVERTED ? "Open invoice" : "Convert to invoice", e -> {
                    try {
                        InvoiceView invoice = quotes.convertToInvoice(quote.id());
                        Toasts.done(quote.number() + " → " + invoice.number());
                        close();
                        onConverted.accept(invoice);
                    } catch (ValidationException ex) {
                        Toasts.problem(ex.getMessage());
                    }
                });
                convert.setId("quote-convert");
                convert.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                getFooter().add(convert);
            }
            if (quote.allowedActions().contains("approve")) {
                getFooter().addComponentAtIndex(1, answer(true, onSaved));
                getFooter().addComponentAtIndex(1, answer(false, onSaved));
            }
            if (quote.allowedActions().contains("send")) {
                Button send = new Button(quote.state() == com.smbhub.quote.QuoteStatus.DRAFT ? "Send" : "Send again", e -> SendDialog.open(
                        "Send " + quote.number(), "The client gets the quote as a PDF and a link to approve or decline it.",
                        form.client() == null ? null : form.client().email(), "quote", quotes.templates(),
                        (to, message, template) -> {
                            QuoteView sent = quotes.send(quote.id(), to, message, template);
                            Toasts.done(sent.number() + " sent to " + to);
                            close();
                            onSaved.accept(sent);
                        }, (message, template) -> quotes.preview(quote.id(), message, template)));
                send.setId("quote-send");
                send.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
                getFooter().addComponentAtIndex(1, send);
            }
            if (quote.allowedActions().contains("share_link")) {
                Button link = new Button("Client link", e -> LinkDialog.clientLink(quote.number(), "quote",
                        links.regenerateQuoteLink(quote.id())));
                link.setId("quote-link");
                getFooter().addComponentAtIndex(1, link);
            }
        }
        if (editable) {
            Button save = new Button("Save draft", e -> save(onSaved));
            save.setId("quote-save");
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            getFooter().add(save);
        } else {
            form.readOnly();
        }
    }

    /** "Mark approved" / "Mark declined": the client answered in person; confirmed first. */
    private Button answer(boolean approve, Consumer<QuoteView> onSaved) {
        Button button = new Button(approve ? "Mark approved" : "Mark declined", e -> {
            ConfirmDialog confirm = new ConfirmDialog((approve ? "Approved" : "Declined") + " by the client?",
                    "Record that the client " + (approve ? "approved" : "declined") + " " + quote.number()
                            + " in person or by phone. Their link then shows the answer.", approve ? "Approved" : "Declined",
                    ev -> {
                        try {
                            QuoteView decided = quotes.decide(quote.id(), approve, null);
                            Toasts.done(quote.number() + (approve ? " approved" : " declined"));
                            close();
                            onSaved.accept(decided);
                        } catch (ValidationException ex) {
                            Toasts.problem(ex.getMessage());
                        }
                    });
            confirm.setCancelable(true);
            confirm.open();
        });
        button.setId(approve ? "quote-approve" : "quote-reject");
        return button;
    }

    private void save(Consumer<QuoteView> onSaved) {
        try {
            QuoteView saved = quote == null ? quotes.create(form.draft(), java.util.Optional.empty())
                    : quotes.update(quote.id(), quote.version(), form.draft());
            Toasts.done("Saved " + saved.number());
            close();
            onSaved.accept(saved);
        } catch (ValidationException e) {
            form.show(e);
        } catch (ConflictException | NotFoundException e) {
            Toasts.problem("This quote changed meanwhile; your edits are still here. Close and reopen to see the current one.");
        }
    }
}
