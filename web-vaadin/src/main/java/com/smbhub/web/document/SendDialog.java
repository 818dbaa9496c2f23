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
 * "Send …": the address, the e-mail template (when the business has more than one of the kind) and
 * an optional line; a refusal stays at the button with the reason and Retry.
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
     * {@code what} is "invoice", "quote"; {@code templates} are those to pick from (the default
     * first chosen); {@code preview} may be null.
     */
    public static void open(String title, String explanation, String defaultTo, String what, List<Wording.Template> templates,
                            Send send, Preview preview) {
        open(title, explanation, defaultTo, what, templates, null, send, preview);
    }

    /** As above, with template {@code chosenId} chosen first when it is one of {@code templates} (else the default). */
    public static void open(String title, String explanation, String defaultTo, String what, List<Wording.Template> templates,
                            String chosenId, Send send, Preview preview) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(title);
        EmailField to = new EmailField("To");
        to.setId("send-to");
        to.setWidthFull();
        to.setValue(defaultTo == null ? "" : defaultTo);
        TextArea message = new TextArea("Message (optional)");
        message.setId("send-message");
        message.setWidthFull();
        Select<Wording.Template> template = new Select<>();
        template.setId("send-template");
        template.setLabel("E-mail");
        template.setWidthFull();
        template.setItems(templates);
        template.setItemLabelGenerator(t -> t.name() + (t.isDefault() ? " (default)" : ""));
        templates.stream().filter(t -> t.id().equals(chosenId)).findFirst()
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
        dialog.add(new Paragraph(explanation), to, template, message, problem);
        if (preview != null) {
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
        }
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), confirm);
        dialog.setWidth("min(36rem, 100vw)");
        dialog.open();
    }
}
