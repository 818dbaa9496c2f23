package com.smbhub.web.document;

import com.smbhub.platform.errors.NotFoundException;
import com.smbhub.web.shell.Toasts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.util.function.Supplier;

/** Links of a document: its client link or card payment link to copy, its PDF to download. */
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

    /** "Download PDF" for a document; {@code pdf} makes the bytes when clicked (a gone document answers 404). */
    public static Anchor pdf(String id, String fileName,
                                                              Supplier<byte[]> pdf) {
        Anchor link = new Anchor(
                DownloadHandler.fromInputStream(event -> {
                    try {
                        byte[] bytes = pdf.get();
                        return new DownloadResponse(new ByteArrayInputStream(bytes),
                                fileName, "application/pdf", bytes.length);
                    } catch (NotFoundException e) {
                        return DownloadResponse.error(404, "No such document");
                    }
                }), "Download PDF");
        link.setId(id);
        return link;
    }
}
