package com.smbhub.web.shell;

import com.smbhub.platform.errors.ConflictException;
import com.smbhub.platform.errors.NotFoundException;
import com.smbhub.platform.errors.ProviderException;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.security.PermissionDeniedException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import java.io.InputStream;
import java.util.function.Consumer;

/** An upload whose file goes to a service; a refusal shows its reason (with the file's name) under it. */
public final class Uploads {

    /** Takes one uploaded file (a service call that may refuse it). */
    public interface Receiver {
        void receive(String fileName, InputStream content);
    }

    private Uploads() {
    }

    /** The file's bytes, at most {@code max} (a service refuses what is larger); a broken upload is a refusal. */
    public static byte[] bytes(InputStream content, int max) {
        try {
            return content.readNBytes(max);
        } catch (java.io.IOException e) {
            throw new ValidationException("file", "The upload broke off; try again");
        }
    }

    /** {@code error}: where a refusal shows; {@code received}: run in the UI with the file's name once it was taken. */
    public static Upload of(String id, Span error, Receiver receiver, Consumer<String> received) {
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        error.setVisible(false);
        Upload upload = new Upload();
        upload.setId(id);
        UI ui = UI.getCurrent();
        upload.setUploadHandler(event -> {
            String name = event.getFileName();
            String problem = null;
            try (InputStream in = event.getInputStream()) {
                receiver.receive(name, in);
            } catch (ValidationException e) {
                problem = name + ": " + e.errors().get(0).message();
            } catch (PermissionDeniedException | NotFoundException | ConflictException | ProviderException e) {
                problem = name + ": " + e.getMessage();
            }
            String shown = problem;
            ui.access(() -> {
                upload.clearFileList();
                error.setText(shown == null ? "" : shown);
                error.setVisible(shown != null);
                if (shown == null) {
                    received.accept(name);
                }
            });
        });
        upload.addFileRejectedListener(e -> {
            error.setText(e.getFileName() + ": " + e.getErrorMessage());
            error.setVisible(true);
        });
        return upload;
    }
}
