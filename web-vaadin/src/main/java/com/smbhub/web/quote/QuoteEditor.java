package com.smbhub.web.quote;

import com.smbhub.invoice.InvoiceView;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.portal.PortalLinks;
import com.smbhub.profile.EffectiveProfile;
import com.smbhub.quote.QuoteService;
import com.smbhub.quote.QuoteStatus;
import com.smbhub.quote.QuoteView;
import com.smbhub.web.contact.ContactPicker;
import com.smbhub.web.document.DocumentEditor;
import com.smbhub.web.document.DocumentForm;
import com.smbhub.web.document.SendDialog;
import com.smbhub.web.shell.Problems;
import com.smbhub.web.shell.Toasts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Paragraph;
import java.time.LocalDate;
import java.util.function.Consumer;

/**
 * A quote: the draft form, then Send, the client link, the answer (the client's from the portal, or
 * one given in person: Mark approved / declined) and Convert to invoice once approved.
 */
class QuoteEditor extends DocumentEditor<QuoteView> {

    private final transient QuoteService quotes;

    QuoteEditor(QuoteService quotes, PortalLinks links, ContactPicker.Source contacts, EffectiveProfile profile,
                QuoteView quote, String currency, LocalDate today, boolean mayChangeCurrency, DocumentEditor.Saved<QuoteView> onSaved,
                Consumer<InvoiceView> onConverted) {
        super(DocumentForm.Kind.QUOTE, quotes, contacts, profile, quote, currency, today, mayChangeCurrency, onSaved);
        this.quotes = quotes;
        if (quote != null && quote.decisionNote() != null) {
            add(new Paragraph("The client's note: “" + quote.decisionNote() + "”"));
        }
        if (allows("convert_to_invoice")) {
            Button convert = new Button(quote.state() == QuoteStatus.CONVERTED ? "Open invoice" : "Convert to invoice", e -> {
                try {
                    InvoiceView invoice = quotes.convertToInvoice(quote.id());
                    Toasts.done(quote.number() + " → " + invoice.number());
                    close();
                    onConverted.accept(invoice);
                } catch (ValidationException ex) {
                    Toasts.problem(Problems.say(ex));
                }
            });
            convert.setId("quote-convert");
            convert.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            getFooter().add(convert);
        }
        if (allows("approve")) {
            answer(true);
            answer(false);
        }
        sendAction(quote != null && quote.state() == QuoteStatus.DRAFT, to -> SendDialog.document(quote.number(), "quote",
                "The client gets the quote as a PDF and a link to approve or decline it.", to, quotes.templates()),
                (to, message, template) -> quotes.send(quote.id(), to, message, template),
                (message, template) -> quotes.preview(quote.id(), message, template));
        clientLinkAction(links);
        finish();
    }

    /** "Mark approved" / "Mark declined": the client answered in person; confirmed first. */
    private void answer(boolean approve) {
        action(approve ? "approve" : "reject", approve ? "Mark approved" : "Mark declined", () -> {
            ConfirmDialog confirm = new ConfirmDialog((approve ? "Approved" : "Declined") + " by the client?",
                    "Record that the client " + (approve ? "approved" : "declined") + " " + document.number()
                            + " in person or by phone. Their link then shows the answer.", approve ? "Approved" : "Declined",
                    ev -> {
                        try {
                            done(quotes.decide(document.id(), approve, null),
                                    document.number() + (approve ? " approved" : " declined"));
                        } catch (ValidationException ex) {
                            Toasts.problem(Problems.say(ex));
                        }
                    });
            confirm.setCancelable(true);
            confirm.open();
        });
    }
}
