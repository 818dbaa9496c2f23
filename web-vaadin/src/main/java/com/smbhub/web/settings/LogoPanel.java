package com.smbhub.web.settings;

import com.smbhub.tenant.BusinessLogo;
import com.smbhub.tenant.BusinessSettingsService;
import com.smbhub.web.shell.Toasts;
import com.smbhub.web.shell.Uploads;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;

/** Settings → Business: the logo on the business's invoices and quotes — shown, replaced by an upload, removed. */
class LogoPanel extends VerticalLayout {

    private final BusinessSettingsService settings;
    private final VerticalLayout current = new VerticalLayout();
    private final Span error = new Span();

    LogoPanel(BusinessSettingsService settings) {
        this.settings = settings;
        setPadding(false);
        current.setPadding(false);
        current.setId("logo-current");
        error.setId("logo-error");
        add(new H3("Logo"), new Span("Printed at the top of your invoices and quotes: a PNG or JPEG, up to 512 KB."), current,
                upload(), error);
        show();
    }

    private Upload upload() {
        Upload upload = Uploads.of("logo-upload", error, (name, in) -> settings.changeLogo(in), name -> {
            Toasts.done("Logo saved");
            show();
        });
        upload.setMaxFileSize(BusinessLogo.MAX_BYTES);
        upload.setAcceptedFileTypes("image/png", "image/jpeg", ".png", ".jpg", ".jpeg");
        upload.setUploadButton(new Button("Upload a logo"));
        return upload;
    }

    private void show() {
        current.removeAll();
        BusinessLogo.Logo logo = settings.logo();
        if (logo == null) {
            current.add(new Span("No logo yet: documents show your business name only."));
            return;
        }
        byte[] bytes = logo.bytes();
        Image image = new Image(DownloadHandler.fromInputStream(event -> new DownloadResponse(new ByteArrayInputStream(bytes),
                "logo", logo.type(), bytes.length)), "Your logo");
        image.setId("logo-image");
        image.setMaxHeight("80px");
        image.setMaxWidth("240px");
        Button remove = new Button("Remove logo", e -> {
            ConfirmDialog confirm = new ConfirmDialog("Remove the logo?", "Documents show your business name only"
                    + " until you upload a logo again.", "Remove", ok -> {
                settings.removeLogo();
                Toasts.done("Logo removed");
                show();
            });
            confirm.setConfirmButtonTheme("error primary");
            confirm.setCancelable(true);
            confirm.open();
        });
        remove.setId("logo-remove");
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        current.add(image, remove);
    }
}
