package com.smbhub.web.document;

import static com.smbhub.web.Components.byId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.smbhub.platform.mail.Wording;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The one send dialog: the same from an editor and from a list's ⋯ menu. */
class SendDialogTest {

    private static final Wording.Template PLAIN = new Wording.Template("t1", "invoice_email", "Invoice", "Invoice {number}",
            "Hello", true, true, 1);
    private static final Wording.Template FRIENDLY = new Wording.Template("t2", "invoice_email", "Friendly", "Your invoice",
            "Hi there", false, false, 1);

    private UI ui;

    @BeforeEach
    void ui() {
        ui = new UI();
        UI.setCurrent(ui);
    }

    @AfterEach
    void clear() {
        UI.setCurrent(null);
    }

    @Test
    void aDocumentsDialogIsAddressedToItsClientWithItsPdfAndAPreview() {
        Dialog dialog = SendDialog.dialog(SendDialog.document("INV-1001", "invoice", "The client gets the invoice.", "ana@example.com",
                List.of(PLAIN, FRIENDLY)), (to, message, template) -> { },
                (message, template) -> new Wording.Text("x", "Invoice INV-1001 (" + template + ")", "Hello " + message, false));
        assertEquals("Send INV-1001", dialog.getHeaderTitle());
        assertEquals("ana@example.com", byId(dialog, "send-to", EmailField.class).getValue(), "the client's address, prefilled");
        assertEquals("Attached: INV-1001.pdf", byId(dialog, "send-attachments", Span.class).getText());
        assertEquals("Subject: Invoice INV-1001 (t1)\n\nHello ", byId(dialog, "send-preview", Pre.class).getText(),
                "the default template previewed at once");
        @SuppressWarnings("unchecked")
        Select<Wording.Template> template = byId(dialog, "send-template", Select.class);
        template.setValue(FRIENDLY);
        assertEquals("Subject: Invoice INV-1001 (t2)\n\nHello ", byId(dialog, "send-preview", Pre.class).getText());
    }

    @Test
    void aReminderCarriesNoAttachmentAndOneTemplateIsNotOffered() {
        Dialog dialog = SendDialog.dialog(new SendDialog.Letter("Reminder for INV-1001", "Reminded.", null, "invoice", List.of(PLAIN),
                null, List.of()), (to, message, template) -> { }, (message, template) -> new Wording.Text("x", "s", "b", false));
        assertEquals("", byId(dialog, "send-to", EmailField.class).getValue());
        assertEquals("No attachment: the e-mail carries the client link.", byId(dialog, "send-attachments", Span.class).getText());
        assertFalse(byId(dialog, "send-template", Select.class).isVisible());
    }

    @Test
    void theToastNamesTheAddressOrTheClient() {
        assertEquals("INV-1001 sent to ana@example.com", SendDialog.sent("INV-1001", " ana@example.com "));
        assertEquals("INV-1001 sent to the client", SendDialog.sent("INV-1001", ""));
        assertEquals("INV-1001 sent to the client", SendDialog.sent("INV-1001", null));
    }
}
