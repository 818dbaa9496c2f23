package com.smbhub.web.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smbhub.contact.ContactCsv;
import com.smbhub.contact.ContactService.ImportChoices;
import com.smbhub.contact.ContactService.ImportReport;
import com.smbhub.contact.ContactService.ImportRow;
import com.smbhub.platform.errors.ValidationException.FieldError;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ImportDialogTest {

    private static final ImportRow READY = new ImportRow(2, "Jeanne Roy", "jeanne@x.test", null, "READY", List.of(), null);
    private static final ImportRow TWIN = new ImportRow(3, "Jeanne R.", "jeanne@x.test", null, "DUPLICATE", List.of(), "line 2");

    /** What the dialog asked of the import service, each time. */
    private record Asked(String text, ImportChoices choices, boolean apply) {
    }

    private static ImportDialog dialog(List<Asked> asked, List<ContactCsv.Column> columns) {
        return new ImportDialog((text, choices, apply) -> {
            asked.add(new Asked(text, choices, apply));
            return new ImportReport(List.of(READY, TWIN), 1, 0, 1, apply ? 1 : 0, columns);
        }, () -> { });
    }

    private static <T extends Component> T byId(Component root, String id, Class<T> type) {
        return root.getChildren().filter(c -> c.getId().filter(id::equals).isPresent()).map(type::cast).findFirst().orElseThrow();
    }

    @Test
    void aColumnIsImportedAsWhatThePersonChoosesAndThePreviewFollows() {
        List<Asked> asked = new ArrayList<>();
        List<ContactCsv.Column> columns = List.of(new ContactCsv.Column("Nom", null, "Jeanne Roy"),
                new ContactCsv.Column("Courriel", "email", "jeanne@x.test"));
        ImportDialog dialog = dialog(asked, columns);
        dialog.read("Nom,Courriel\nJeanne Roy,jeanne@x.test\n");
        assertEquals(List.of(new Asked("Nom,Courriel\nJeanne Roy,jeanne@x.test\n", ImportChoices.NONE, false)), asked,
                "a preview first, with no choices");
        assertTrue(byId(dialog, "import-no-name", Paragraph.class).isVisible(), "no column gives the name: it says so");
        Select<String> nom = dialog.fieldChoice(columns.get(0));
        assertEquals("", nom.getValue(), "left out until chosen");
        assertEquals("Leave out", nom.getItemLabelGenerator().apply(""));
        assertEquals("First name", nom.getItemLabelGenerator().apply("first_name"));
        nom.setValue("display_name");
        Select<String> courriel = dialog.fieldChoice(columns.get(1));
        assertEquals("email", courriel.getValue());
        courriel.setValue("");
        assertEquals(new ImportChoices(Map.of("Nom", "display_name", "Courriel", ""), Set.of()), asked.get(asked.size() - 1).choices());
        assertFalse(asked.get(asked.size() - 1).apply());
        dialog.read("Name\nBob\n");
        assertEquals(ImportChoices.NONE, asked.get(asked.size() - 1).choices(), "another file starts again");
    }

    @Test
    void aDuplicateCanBeImportedAnywayAndTheImportTakesTheChoices() {
        List<Asked> asked = new ArrayList<>();
        ImportDialog dialog = dialog(asked, List.of());
        dialog.read("BEGIN:VCARD\nFN:Jeanne Roy\nEND:VCARD\n");
        assertFalse(byId(dialog, "import-no-name", Paragraph.class).isVisible(), "a vCard has no columns to choose");
        assertTrue(dialog.anywayChoice(READY) instanceof Span, "a ready row has nothing to choose");
        Checkbox twin = (Checkbox) dialog.anywayChoice(TWIN);
        twin.setValue(true);
        assertEquals(Set.of(3L), asked.get(asked.size() - 1).choices().anyway());
        twin.setValue(false);
        assertEquals(Set.of(), asked.get(asked.size() - 1).choices().anyway());
        assertEquals("Duplicate of line 2 (left out)", ImportDialog.outcome(TWIN));
        assertEquals("Duplicate of line 2, imported anyway",
                ImportDialog.outcome(new ImportRow(3, "Jeanne R.", null, null, "READY", List.of(), "line 2")));
        assertEquals("Ready", ImportDialog.outcome(READY));
    }

    @Test
    void aRowsErrorsAreSaidInWordsNeverAsAFieldsCode() {
        assertEquals("Name is required", ImportDialog.inWords(new FieldError("display_name", "Required")));
        assertEquals("Name is required", ImportDialog.inWords(new FieldError("display_name", "Name is required")));
        assertEquals("Not a valid e-mail address", ImportDialog.inWords(new FieldError("email", "Not a valid e-mail address")));
        assertEquals("Name: At most 200 characters", ImportDialog.inWords(new FieldError("display_name", "At most 200 characters")));
        assertEquals("Postal code: Contains characters that cannot be stored",
                ImportDialog.inWords(new FieldError("postal_code", "Contains characters that cannot be stored")));
        assertEquals("Service area is required", ImportDialog.inWords(new FieldError("service_area", "Required")));
    }
}
