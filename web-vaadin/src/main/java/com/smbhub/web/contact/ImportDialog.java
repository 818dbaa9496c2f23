package com.smbhub.web.contact;

import com.smbhub.contact.ContactService;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.web.shell.Toasts;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Import contacts from a CSV: choose the file, see every row checked (ready, error with the reason,
 * duplicate), then import the ready ones. Nothing is saved before the confirmation.
 */
class ImportDialog extends Dialog {

    private static final int MAX_BYTES = 5 * 1024 * 1024;

    private final transient ContactService contacts;
    private final Runnable onImported;
    private final Span summary = new Span();
    private final Span problem = new Span();
    private final Grid<ContactService.ImportRow> rows = new Grid<>();
    private final Button confirm = new Button();
    private String csv;

    ImportDialog(ContactService contacts, Runnable onImported) {
        this.contacts = contacts;
        this.onImported = onImported;
        setHeaderTitle("Import contacts");
        setWidth("min(60rem, 100vw)");
        Paragraph help = new Paragraph("A CSV file whose first row names the columns: Name (or First name and Last name),"
                + " Email, Phone, Company, Type, Address, City, Region, Postal code, Country, Tags, Notes — or a contacts"
                + " export from Outlook, Google Contacts, HubSpot, QuickBooks, Square or Jobber, as it is."
                + " Up to 5,000 contacts. Nothing is saved until you confirm.");
        Upload upload = new Upload();
        upload.setId("import-upload");
        upload.setUploadButton(new Button("Choose a CSV file"));
        upload.setAcceptedFileTypes("text/csv", ".csv", "text/plain", ".txt");
        upload.setMaxFileSize(MAX_BYTES);
        UI ui = UI.getCurrent();
        upload.setUploadHandler(event -> {
            byte[] bytes;
            try (InputStream in = event.getInputStream()) {
                bytes = in.readNBytes(MAX_BYTES + 1);
            }
            String text = new String(bytes, StandardCharsets.UTF_8);
            ui.access(() -> {
                upload.clearFileList();
                preview(bytes.length > MAX_BYTES ? null : text);
            });
        });
        upload.addFileRejectedListener(e -> showProblem(e.getErrorMessage()));
        summary.setId("import-summary");
        problem.setId("import-problem");
        problem.getStyle().set("color", "var(--lumo-error-text-color)");
        problem.setVisible(false);
        rows.setId("import-rows");
        rows.addColumn(ContactService.ImportRow::line).setHeader("Line").setAutoWidth(true).setFlexGrow(0);
        rows.addColumn(r -> r.displayName() == null ? "" : r.displayName()).setHeader("Name").setFlexGrow(2);
        rows.addColumn(r -> r.email() == null ? "" : r.email()).setHeader("E-mail").setFlexGrow(2);
        rows.addColumn(r -> r.phone() == null ? "" : r.phone()).setHeader("Phone");
        rows.addColumn(ImportDialog::outcome).setHeader("Result").setFlexGrow(3);
        rows.setPartNameGenerator(r -> r.outcome().equals("READY") ? null : "import-skipped");
        rows.setHeight("20rem");
        rows.setVisible(false);
        confirm.setId("import-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setVisible(false);
        confirm.addClickListener(e -> apply());
        add(help, upload, problem, summary, rows);
        getFooter().add(new Button("Cancel", e -> close()), confirm);
    }

    private void preview(String text) {
        csv = text;
        if (text == null) {
            showProblem("The file is larger than 5 MB; split it.");
            return;
        }
        try {
            ContactService.ImportReport report = contacts.importCsv(text, false);
            problem.setVisible(false);
            rows.setItems(report.rows());
            rows.setVisible(true);
            summary.setText(report.ready() + " ready to import · " + report.invalid() + " with errors · "
                    + report.duplicates() + " duplicates (left out)"
                    + (report.ignoredColumns().isEmpty() ? "" : " · ignored columns: " + String.join(", ", report.ignoredColumns())));
            confirm.setText("Import " + report.ready() + " contact" + (report.ready() == 1 ? "" : "s"));
            confirm.setVisible(true);
            confirm.setEnabled(report.ready() > 0);
        } catch (ValidationException e) {
            showProblem(e.errors().stream().map(ValidationException.FieldError::message).collect(Collectors.joining(" ")));
        }
    }

    private void apply() {
        try {
            ContactService.ImportReport report = contacts.importCsv(csv, true);
            Toasts.done("Imported " + report.created() + " contact" + (report.created() == 1 ? "" : "s"));
            close();
            onImported.run();
        } catch (ValidationException e) {
            showProblem(e.errors().get(0).message());
        }
    }

    private void showProblem(String message) {
        problem.setText(message);
        problem.setVisible(true);
        rows.setVisible(false);
        summary.setText("");
        confirm.setVisible(false);
    }

    private static String outcome(ContactService.ImportRow r) {
        return switch (r.outcome()) {
            case "READY" -> "Ready";
            case "DUPLICATE" -> "Duplicate of " + r.duplicateOf() + " (left out)";
            default -> r.errors().stream().map(ImportDialog::inWords).collect(Collectors.joining("; "));
        };
    }

    /** What the file's columns are called in the form, by field. */
    private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("display_name", "Name"),
            Map.entry("type", "Type"), Map.entry("company_name", "Company"), Map.entry("email", "E-mail"),
            Map.entry("phone", "Phone"), Map.entry("address_line1", "Address"), Map.entry("address_line2", "Address line 2"),
            Map.entry("city", "City"), Map.entry("region", "Region"), Map.entry("postal_code", "Postal code"),
            Map.entry("country", "Country"), Map.entry("tags", "Tags"), Map.entry("notes", "Notes"));

    /** A row's error as a person says it: "Name is required", "Name: At most 200 characters" — never a field's code. */
    static String inWords(ValidationException.FieldError error) {
        String label = LABELS.getOrDefault(error.field(), Character.toUpperCase(error.field().charAt(0))
                + error.field().substring(1).replace('_', ' '));
        String message = error.message();
        if (message.equals("Required")) {
            return label + " is required";
        }
        return message.toLowerCase(Locale.ROOT).contains(label.toLowerCase(Locale.ROOT)) ? message : label + ": " + message;
    }
}
