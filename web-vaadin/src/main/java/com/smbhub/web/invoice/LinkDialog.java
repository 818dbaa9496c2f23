package com.smbhub.web.invoice;

import com.smbhub.web.shell.Toasts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinServletRequest;

/** A link to copy: a document's client link, a card payment link. */
public final class LinkDialog {

    private LinkDialog() {
    }

    /** Shows the client link (a path) of a document, made just now. */
    public static void clientLink(String number, String what, String path) {
        var request = VaadinServletRequest.getCurrent().getHttpServletRequest();
        String url = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort() + path;
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Client link for " + number);
        dialog.add(new Span("Anyone with this link can see the " + what + ". Making a new link stops the earlier ones."),
                urlField("inv-link-url", url));
        dialog.getFooter().add(new Button("Close", e -> dialog.close()), copyButton(url));
        dialog.setWidth("min(40rem, 100vw)");
        dialog.open();
    }

    public static TextField urlField(String id, String url) {
        TextField field = new TextField();
        field.setId(id);
        field.setValue(url);
        field.setReadOnly(true);
        field.setWidthFull();
        return field;
    }

    public static Button copyButton(String url) {
        return new Button("Copy", e -> {
            e.getSource().getUI().ifPresent(ui -> ui.getPage().executeJs(
                    "navigator.clipboard && navigator.clipboard.writeText($0)", url));
            Toasts.done("Link copied");
        });
    }
}
