package com.smbhub.web.contact;

import com.smbhub.contact.ContactChecks;
import com.smbhub.contact.ContactCsv;
import com.smbhub.contact.ContactService;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.web.shell.PhoneCards;
import com.smbhub.web.shell.Toasts;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Import contacts from a CSV or vCard file: choose the file, see what each column is imported as (and change it: the
 * business's choices come back next time), see every row checked (ready, error with the reason, duplicate — which can
 * be imported anyway), then import the ready ones. Nothing is saved before the confirmation.
 */
class ImportDialog extends Dialog {

    private static final int MAX_BYTES = 5 * 1024 * 1024;
    private static final String LEFT_OUT = "";

    /** The import service: a file, the person's choices, and whether to apply (else only the preview). */
    @FunctionalInterface
    interface Importing extends Serializable {
        ContactService.ImportReport run(String text, ContactService.ImportChoices choices, boolean apply);
    }

    private final Importing importing;
    private final Runnable onImported;
    private final Span summary = new Span();
    private final Span problem = new Span();
    private final Paragraph noName = new Paragraph("No column is imported as the name: choose the column that holds it"
            + " (or First name / Last name, or Company) below.");
    private final Grid<ContactCsv.Column> columns = new Grid<>();
    private final Grid<ContactService.ImportRow> rows = new Grid<>();
    private final Grid.Column<ContactService.ImportRow> anywayColumn;
    private final PhoneCards<ContactService.ImportRow> rowCards;
    private final Button confirm = new Button();
    private final Map<String, String> chosen = new LinkedHashMap<>();
    private final Set<Long> anyway = new HashSet<>();
    private String text;

    ImportDialog(Importing importing, Runnable onImported) {
        this.importing = importing;
        this.onImported = onImported;
        setHeaderTitle("Import contacts");
        setWidth("min(60rem, 100vw)");
        Paragraph help = new Paragraph("A CSV file whose first row names the columns — a contacts export from Outlook,"
                + " Google Contacts, Apple Contacts, HubSpot, QuickBooks, Square or Jobber as it is, or your own with Name,"
                + " Email, Phone, Company, Address, City… — or a vCard file (.vcf). You check what each column is and every"
                + " row before anything is saved. Up to 5,000 contacts.");
        Upload upload = new Upload();
        upload.setId("import-upload");
        upload.setUploadButton(new Button("Choose a CSV or vCard file"));
        upload.setAcceptedFileTypes("text/csv", ".csv", "text/plain", ".txt", "text/vcard", "text/x-vcard", ".vcf");
        upload.setMaxFileSize(MAX_BYTES);
        UI ui = UI.getCurrent();
        upload.setUploadHandler(event -> {
            byte[] bytes;
            try (InputStream in = event.getInputStream()) {
                bytes = in.readNBytes(MAX_BYTES + 1);
            }
            String read = new String(bytes, StandardCharsets.UTF_8);
            ui.access(() -> {
                upload.clearFileList();
                read(bytes.length > MAX_BYTES ? null : read);
            });
        });
        upload.addFileRejectedListener(e -> showProblem(e.getErrorMessage()));
        summary.setId("import-summary");
        problem.setId("import-problem");
        problem.getStyle().set("color", "var(--lumo-error-text-color)");
        problem.setVisible(false);
        noName.setId("import-no-name");
        noName.getStyle().set("color", "var(--lumo-error-text-color)");
        noName.setVisible(false);
        columns.setId("import-columns");
        columns.addColumn(ContactCsv.Column::name).setHeader("Column in the file").setFlexGrow(2);
        columns.addColumn(c -> c.sample() == null ? "" : c.sample()).setHeader("First value").setFlexGrow(2);
        columns.addComponentColumn(this::fieldChoice).setHeader("Import as").setFlexGrow(2);
        columns.setVisible(false);
        rows.setId("import-rows");
        rows.addColumn(ContactService.ImportRow::line).setHeader("Line").setAutoWidth(true).setFlexGrow(0);
        rows.addColumn(r -> r.displayName() == null ? "" : r.displayName()).setHeader("Name").setFlexGrow(2);
        rows.addColumn(r -> r.email() == null ? "" : r.email()).setHeader("E-mail").setFlexGrow(2);
        rows.addColumn(r -> r.phone() == null ? "" : ContactChecks.readable(r.phone())).setHeader("Phone");
        rows.addColumn(ImportDialog::outcome).setHeader("Result").setFlexGrow(3);
        anywayColumn = rows.addComponentColumn(this::anywayChoice).setHeader("Import anyway").setAutoWidth(true).setFlexGrow(0);
        rowCards = PhoneCards.of(rows, r -> PhoneCards.card(r.displayName(), "Line " + r.line(), r.email(),
                r.phone() == null ? null : ContactChecks.readable(r.phone()), outcome(r)), anywayColumn);
        rows.setPartNameGenerator(r -> r.outcome().equals("READY") ? null : "import-skipped");
        rows.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        rows.setVisible(false);
        confirm.setId("import-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setVisible(false);
        confirm.addClickListener(e -> apply());
        add(help, upload, problem, noName, columns, summary, rows);
        getFooter().add(new Button("Cancel", e -> close()), confirm);
    }

    /** A file was chosen: a new preview, the earlier file's choices forgotten. */
    void read(String file) {
        chosen.clear();
        anyway.clear();
        text = file;
        if (file == null) {
            showProblem("The file is larger than 5 MB; split it.");
            return;
        }
        preview();
    }

    private void preview() {
        try {
            ContactService.ImportReport report = importing.run(text, choices(), false);
            problem.setVisible(false);
            columns.setItems(report.columns());
            columns.setAllRowsVisible(report.columns().size() <= 5); // else a box that scrolls
            columns.setHeight(report.columns().size() <= 5 ? null : "14rem");
            columns.setVisible(!report.columns().isEmpty());
            noName.setVisible(!report.columns().isEmpty()
                    && report.columns().stream().noneMatch(c -> c.field() != null && NAMES.contains(c.field())));
            rows.setItems(report.rows());
            rows.setAllRowsVisible(report.rows().size() <= 8);
            rows.setHeight(report.rows().size() <= 8 ? null : "20rem");
            rows.setVisible(true);
            rowCards.column(anywayColumn, report.rows().stream().anyMatch(r -> r.duplicateOf() != null));
            summary.setText(report.ready() + " ready to import · " + report.invalid() + " with errors · "
                    + report.duplicates() + (report.duplicates() == 1 ? " duplicate" : " duplicates") + " (left out)"
                    + (report.ignoredColumns().isEmpty() ? "" : " · columns left out: " + String.join(", ", report.ignoredColumns())));
            confirm.setText("Import " + report.ready() + " contact" + (report.ready() == 1 ? "" : "s"));
            confirm.setVisible(true);
            confirm.setEnabled(report.ready() > 0);
        } catch (ValidationException e) {
            showProblem(e.errors().stream().map(ValidationException.FieldError::message).collect(Collectors.joining(" ")));
        }
    }

    private ContactService.ImportChoices choices() {
        return new ContactService.ImportChoices(chosen, anyway);
    }

    Select<String> fieldChoice(ContactCsv.Column column) {
        Select<String> field = new Select<>();
        field.setId("import-as-" + ContactCsv.normalise(column.name()));
        field.setAriaLabel("Import " + column.name() + " as");
        List<String> items = new ArrayList<>();
        items.add(LEFT_OUT);
        items.addAll(ContactCsv.FIELDS);
        field.setItems(items);
        field.setItemLabelGenerator(f -> f.isEmpty() ? "Leave out" : label(f));
        field.setValue(column.field() == null ? LEFT_OUT : column.field());
        field.setWidthFull();
        field.addValueChangeListener(e -> {
            chosen.put(column.name(), e.getValue() == null ? LEFT_OUT : e.getValue());
            preview();
        });
        return field;
    }

    Component anywayChoice(ContactService.ImportRow row) {
        if (row.duplicateOf() == null) {
            return new Span();
        }
        Checkbox box = new Checkbox(anyway.contains(row.line()));
        box.setId("import-anyway-" + row.line());
        box.setAriaLabel("Import line " + row.line() + " anyway");
        box.addValueChangeListener(e -> {
            if (e.getValue()) {
                anyway.add(row.line());
            } else {
                anyway.remove(row.line());
            }
            preview();
        });
        return box;
    }

    private void apply() {
        try {
            ContactService.ImportReport report = importing.run(text, choices(), true);
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
        columns.setVisible(false);
        noName.setVisible(false);
        summary.setText("");
        confirm.setVisible(false);
    }

    static String outcome(ContactService.ImportRow r) {
        return switch (r.outcome()) {
            case "DUPLICATE" -> "Duplicate of " + r.duplicateOf() + " (left out)";
            case "READY" -> r.duplicateOf() == null ? "Ready" : "Duplicate of " + r.duplicateOf() + ", imported anyway";
            default -> r.errors().stream().map(ImportDialog::inWords).collect(Collectors.joining("; "));
        };
    }

    /** The fields that give a contact its name. */
    private static final Set<String> NAMES = Set.of("display_name", "first_name", "last_name", "company_name");

    /** What the file's columns are called in the form, by field. */
    private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("display_name", "Name"),
            Map.entry("first_name", "First name"), Map.entry("last_name", "Last name"),
            Map.entry("type", "Type"), Map.entry("company_name", "Company"), Map.entry("email", "E-mail"),
            Map.entry("phone", "Phone"), Map.entry("address_line1", "Address"), Map.entry("address_line2", "Address line 2"),
            Map.entry("city", "City"), Map.entry("region", "Region"), Map.entry("postal_code", "Postal code"),
            Map.entry("country", "Country"), Map.entry("tags", "Tags"), Map.entry("notes", "Notes"));

    private static String label(String field) {
        return LABELS.getOrDefault(field, Character.toUpperCase(field.charAt(0)) + field.substring(1).replace('_', ' '));
    }

    /** A row's error as a person says it: "Name is required", "Name: At most 200 characters" — never a field's code. */
    static String inWords(ValidationException.FieldError error) {
        String label = label(error.field());
        String message = error.message();
        if (message.equals("Required")) {
            return label + " is required";
        }
        return message.toLowerCase(Locale.ROOT).contains(label.toLowerCase(Locale.ROOT)) ? message : label + ": " + message;
    }
}
