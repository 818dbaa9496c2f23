package com.smbhub.web.document;

import com.smbhub.catalog.CatalogService;
import com.smbhub.money.DocumentService;
import com.smbhub.money.DocumentView;
import com.smbhub.money.TaxCode;
import com.smbhub.platform.errors.ConflictException;
import com.smbhub.platform.errors.NotFoundException;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.mail.Wording;
import com.smbhub.portal.PortalLinks;
import com.smbhub.profile.EffectiveProfile;
import com.smbhub.tenant.BusinessDetails;
import com.smbhub.web.contact.ContactPicker;
import com.smbhub.web.shell.PhoneScreens;
import com.smbhub.web.shell.Toasts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What every money document's editor has: the title, the form, PDF, Send, Client link, Save draft
 * (errors at their fields, nothing typed lost; the saved draft opens again with Send) and Close. Each document adds its own actions and
 * then calls {@link #finish()}.
 */
public abstract class DocumentEditor<V extends DocumentView> extends Dialog {

    protected final transient DocumentService<?, V> documents;
    protected final V document;
    protected final DocumentForm form;
    private final DocumentForm.Kind kind;
    private final transient Saved<V> onSaved;

    protected DocumentEditor(DocumentForm.Kind kind, DocumentService<?, V> documents, ContactPicker.Source contacts,
                             EffectiveProfile profile, V document, String currency, LocalDate today,
                             boolean mayChangeCurrency, Saved<V> onSaved) {
        this.kind = kind;
        this.documents = documents;
        this.document = document;
        this.onSaved = onSaved;
        String label = profile.label(kind.noun().toLowerCase());
        setHeaderTitle(document == null ? "New " + label.toLowerCase()
                : label + " " + document.number() + " · " + DocumentList.status(document));
        setWidth("min(60rem, 100vw)");
        getElement().getThemeList().add("drawer");
        PhoneScreens.withBack(this);
        List<TaxCode> taxCodes = documents.taxCodes();
        form = new DocumentForm(kind, contacts, taxCodes, document == null ? null : document.draft(),
                document == null ? currency : document.currency(), today, mayChangeCurrency);
        if (document == null) {
            BusinessDetails.Defaults words = documents.startingWords();
            form.startWith(words.notes(), words.terms());
        }
        if (document == null || allows("update")) {
            add(form);
        } else { // sent, paid, void: shown as the document it is
            add(new DocumentSheet(kind, label, document, taxCodes, sheetTotal(document)));
        }
        Button closing = new Button("Close", e -> close());
        closing.setId(kind.prefix() + "-close");
        getFooter().add(closing);
        if (document != null) {
            getFooter().addComponentAsFirst(LinkDialog.pdf(kind.prefix() + "-pdf", document.number() + ".pdf",
                    () -> documents.pdf(document.id())));
        }
    }

    /** Offers the business's catalog in the lines, when the document is being written; returns this editor. */
    public DocumentEditor<V> useCatalog(CatalogService catalog) {
        if (document == null || allows("update")) {
            form.useCatalog(DocumentForm.Catalog.of(catalog));
        }
        return this;
    }

    /** A new document for this client (started from the contact's page); returns this editor. */
    public DocumentEditor<V> forClient(String contactId) {
        form.client(contactId);
        return this;
    }

    /** Whether the caller may do this to the open document now (its allowed actions). */
    protected boolean allows(String action) {
        return document != null && document.allowedActions().contains(action);
    }

    /** An action in the footer, after PDF; the one added last stands first. */
    protected Button action(String id, String label, Runnable click) {
        Button button = new Button(label, e -> click.run());
        button.setId(kind.prefix() + "-" + id);
        getFooter().addComponentAtIndex(1, button);
        return button;
    }

    /** "Send" / "Send again": the mail with the PDF and a client link; {@code letter} is made for the client's address. */
    protected void sendAction(boolean draft, Function<String, SendDialog.Letter> letter, SendWith<V> send,
                              SendDialog.Preview preview) {
        if (!allows("send")) {
            return;
        }
        action("send", draft ? "Send" : "Send again", () -> SendDialog.open(letter.apply(clientEmail()),
                (to, message, template) -> done(send.send(to, message, template), SendDialog.sent(document.number(), to)),
                preview)).addThemeVariants(ButtonVariant.LUMO_SUCCESS);
    }

    /** The client's e-mail address, or null. */
    protected String clientEmail() {
        return form.client() == null ? null : form.client().email();
    }

    /** Sends and returns the document as it is afterwards. */
    public interface SendWith<V> {
        V send(String to, String message, String templateId);
    }

    /** "Client link": a new link (earlier ones stop working), shown to copy. */
    protected void clientLinkAction(PortalLinks links) {
        if (allows("share_link")) {
            action("link", "Client link", () -> LinkDialog.clientLink(document.number(), kind.noun().toLowerCase(),
                    links.regenerate(documents.kind(), document.id())));
        }
    }

    /** What the list does once a document changed: shows it, and with {@code keepOpen} opens it again. */
    @FunctionalInterface
    public interface Saved<V> {
        void saved(V document, boolean keepOpen);
    }

    /** Closes with a message and hands the changed document to the list. */
    protected void done(V changed, String message) {
        Toasts.done(message);
        close();
        onSaved.saved(changed, false);
    }

    /** A line under a sent document's total (an invoice's amount still due); none by default. */
    protected String sheetTotal(V sent) {
        return null;
    }

    /** Save draft for a draft (or a new document). */
    protected void finish() {
        if (document == null || allows("update")) {
            Button save = new Button("Save draft", e -> save());
            save.setId(kind.prefix() + "-save");
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            getFooter().add(save);
        }
    }

    private void save() {
        try {
            V saved = document == null ? documents.create(form.draft(), Optional.empty())
                    : documents.update(document.id(), document.version(), form.draft());
            // the saved draft opens again at once, with Send next to it
            Toasts.done("Saved " + saved.number());
            close();
            onSaved.saved(saved, true);
        } catch (ValidationException e) {
            form.show(e);
        } catch (ConflictException | NotFoundException e) {
            Toasts.problem("This " + kind.noun().toLowerCase() + " changed meanwhile; your edits are still here."
                    + " Close and reopen to see the current one.");
        }
    }
}
