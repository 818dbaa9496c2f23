package com.smbhub.web.file;

import com.smbhub.file.FileService;
import com.smbhub.file.FileTypes;
import com.smbhub.file.FileView;
import com.smbhub.platform.errors.NotFoundException;
import com.smbhub.platform.errors.ProviderException;
import com.smbhub.platform.security.PermissionDeniedException;
import com.smbhub.web.shell.Dates;
import com.smbhub.web.shell.Toasts;
import com.smbhub.web.shell.Uploads;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.time.ZoneId;
import java.util.List;

/**
 * The files of one work item or contact: download links (served through {@link FileService}, which
 * checks business and role on every download), an upload area and remove, when the caller may edit.
 */
public class FilesPanel extends VerticalLayout {

    private final transient FileService files;
    private final String linkedType;
    private final String linkedId;
    private final boolean editable;
    private final ZoneId zone;
    private final VerticalLayout list = new VerticalLayout();
    private final Span error = new Span();
    private final Runnable onChange;

    public FilesPanel(FileService files, String linkedType, String linkedId, boolean editable, ZoneId zone,
                      Runnable onChange) {
        this.files = files;
        this.linkedType = linkedType;
        this.linkedId = linkedId;
        this.editable = editable;
        this.zone = zone;
        this.onChange = onChange;
        setPadding(false);
        setSpacing(false);
        list.setId("files-list");
        list.setPadding(false);
        list.setSpacing(false);
        add(list);
        if (editable) {
            error.setId("files-error");
            add(upload(), error);
        }
        refresh();
    }

    private Upload upload() {
        Upload upload = Uploads.of("files-upload", error, (name, in) -> files.attach(linkedType, linkedId, name, in), name -> {
            Toasts.done("Attached " + name);
            refresh();
            onChange.run();
        });
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, files.maxBytes()));
        upload.setAcceptedFileTypes("application/pdf", "image/*", "text/plain", "text/csv", ".pdf", ".jpg", ".jpeg",
                ".png", ".gif", ".webp", ".heic", ".txt", ".csv");
        upload.setUploadButton(new Button("Attach a file"));
        upload.setDropLabel(new Span("or drop it here: " + FileTypes.allowedWords() + ", up to "
                + files.maxBytes() / (1024 * 1024) + " MB"));
        return upload;
    }

    private void refresh() {
        list.removeAll();
        List<FileView> current = files.list(linkedType, linkedId);
        if (current.isEmpty()) {
            Span none = new Span("No files yet.");
            none.setId("files-empty");
            list.add(none);
        }
        Dates dates = Dates.current().in(zone);
        for (FileView file : current) {
            Anchor link = new Anchor(download(files, file.id()), file.fileName());
            link.addClassName("file-link");
            Span facts = new Span(size(file.sizeBytes()) + " · " + dates.dayTime(file.createdAt()));
            facts.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
            HorizontalLayout row = new HorizontalLayout(link, facts);
            row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            if (editable) {
                Button remove = new Button("Remove", e -> confirmRemove(file));
                remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
                row.add(remove);
            }
            list.add(row);
        }
    }

    /** A download of the file through {@link FileService}, which checks business and role again. */
    public static DownloadHandler download(FileService files, String fileId) {
        return DownloadHandler.fromInputStream(event -> {
            try {
                FileService.Download d = files.open(fileId);
                return new DownloadResponse(d.content(), d.file().fileName(), d.file().mimeType(), d.file().sizeBytes());
            } catch (NotFoundException | PermissionDeniedException e) {
                return DownloadResponse.error(404, "No such file");
            } catch (ProviderException e) {
                return DownloadResponse.error(502, e.getMessage());
            }
        });
    }

    private void confirmRemove(FileView file) {
        ConfirmDialog dialog = new ConfirmDialog("Remove " + file.fileName() + "?",
                "The file is taken off this item.", "Remove", e -> {
                    try {
                        files.remove(file.id());
                        Toasts.done("Removed " + file.fileName());
                    } catch (NotFoundException ex) {
                        Toasts.problem("This file was already removed.");
                    }
                    refresh();
                    onChange.run();
                });
        dialog.setConfirmButtonTheme("error primary");
        dialog.setCancelable(true);
        dialog.open();
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return (bytes + 512) / 1024 + " KB";
        }
        return String.format("%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
