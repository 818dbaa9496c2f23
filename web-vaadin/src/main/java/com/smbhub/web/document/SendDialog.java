package com.smbhub.web.document;

import com.smbhub.platform.errors.ProviderException;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.mail.Wording;
import com.smbhub.web.shell.FieldErrors;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * "Send …", the one send dialog: the address (the client's, prefilled), the e-mail template (when the business has
 * more than one of the kind), an optional line, the attachments, and a preview of what the client reads; a refusal
 * stays at the button with the reason and Retry.
 */
public final class SendDialog {

    private SendDialog() {
    }

    /** Sends to (address, message, template id) and throws on refusal. */
    public interface Send {
        void send(String to, String message, String templateId);
    }

    /** The wording filled in for (message typed, template id). */
    public interface Preview {
        Wording.Text preview(String message, String templateId);
    }

    /**
     * What the dialog offers: {@code to} prefilled (null: empty), {@code what} the thing sent ("invoice", "quote"),
     * {@code templates} to pick from ({@code chosenId} first when it is one of them, else the default) and the files
     * that go with the mail.
     */
    public record Letter(String title, String explanation, String to, String what, List<Wording.Template> templates,
                         String chosenId, List<String> attachments) {
    }

    /** The Send dialog of a money document: to its client, its PDF attached, what the client reads shown below. */
    public static Letter document(String number, String noun, String explanation, String to, List<Wording.Template> templates) {
        return new Letter("Send " + number, explanation, to, noun, templates, null, List.of(number + ".pdf"));
    }

    /** "INV-1001 sent to ana@example.com" (or "to the client" when no address was typed). */
    public static String sent(String number, String to) {
        return number + " sent to " + (to == null || to.isBlank() ? "the client" : to.strip());
    }

    /** Opens it; {@code send} throws on refusal (the reason stays at the button, with Retry). */
    public static void open(Letter letter, Send send, Preview preview) {
        dialog(letter, send, preview).open();
    }

    static Dialog dialog(Letter letter, Send send, Preview preview) {
        List<Wording.Template> templates = letter.templates();
        String what = letter.what();
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(letter.title());
        EmailField to = new EmailField("To");
        to.setId("send-to");
        to.setWidthFull();
        to.setValue(letter.to() == null ? "" : letter.to());
        TextArea message = new TextArea("Message (optional)");
        message.setId("send-message");
        message.setWidthFull();
        Select<Wording.Template> template = new Select<>();
        template.setId("send-template");
        template.setLabel("E-mail");
        template.setWidthFull();
        template.setItems(templates);
        template.setItemLabelGenerator(t -> t.name() + (t.isDefault() ? " (default)" : ""));
        templates.stream().filter(t -> t.id().equals(letter.chosenId())).findFirst()
                .or(() -> templates.stream().filter(Wording.Template::isDefault).findFirst()).ifPresent(template::setValue);
        template.setVisible(templates.size() > 1);
        Supplier<String> chosen = () -> template.getValue() == null ? null : template.getValue().id();
        Span problem = new Span();
        problem.setId("send-problem");
        problem.getStyle().set("color", "var(--lumo-error-text-color)");
        Button confirm = new Button("Send");
        confirm.setId("send-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickListener(e -> {
            problem.setText("");
            try {
                send.send(to.getValue(), message.getValue(), chosen.get());
                dialog.close();
            } catch (ValidationException ex) {
                FieldErrors.show(new ValidationException(ex.errors().stream().filter(x -> x.field().equals("to")
                        || x.field().equals("message")).toList()), Map.of("to", to, "message", message));
                ex.errors().stream().filter(x -> !x.field().equals("to") && !x.field().equals("message")).findFirst()
                        .ifPresent(x -> problem.setText(x.message()));
            } catch (ProviderException ex) {
                problem.setText(ex.getMessage() + " Nothing was sent; the " + what + " is unchanged.");
                confirm.setText("Retry");
            }
        });
        confirm.setDisableOnClick(true);
        confirm.addClickListener(e -> confirm.setEnabled(true));
        Span attached = new Span(letter.attachments().isEmpty() ? "No attachment: the e-mail carries the client link."
                : "Attached: " + String.join(", ", letter.attachments()));
        attached.setId("send-attachments");
        attached.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        dialog.add(new Paragraph(letter.explanation()), to, template, message, attached, problem);
        Pre shown = new Pre();
        shown.setId("send-preview");
        shown.getStyle().set("white-space", "pre-wrap").set("font-size", "var(--lumo-font-size-s)")
                .set("background", "var(--lumo-contrast-5pct)").set("padding", "var(--lumo-space-s)");
        Runnable refresh = () -> {
            var text = preview.preview(message.getValue(), chosen.get());
            shown.setText("Subject: " + text.subject() + "\n\n" + text.body());
        };
        message.setValueChangeMode(ValueChangeMode.LAZY);
        message.addValueChangeListener(e -> refresh.run());
        template.addValueChangeListener(e -> refresh.run());
        refresh.run();
        dialog.add(new H4("Preview"), shown);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), confirm);
        dialog.setWidth("min(36rem, 100vw)");
        return dialog;
    }
}
