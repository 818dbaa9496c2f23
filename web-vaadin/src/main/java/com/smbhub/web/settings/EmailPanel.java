package com.smbhub.web.settings;

import com.smbhub.platform.errors.ConflictException;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.mail.SmtpSettings;
import com.smbhub.platform.mail.Wording;
import com.smbhub.web.shell.FieldErrors;
import com.smbhub.web.shell.Toasts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Settings → Email: the business's own mail server (optional), the wording of its e-mails and its own templates. */
class EmailPanel extends VerticalLayout {

    private final transient SmtpSettings smtp;
    private final transient Wording wording;

    EmailPanel(SmtpSettings smtp, Wording wording) {
        this.smtp = smtp;
        this.wording = wording;
        setPadding(false);
        build();
    }

    private void build() {
        removeAll();
        SmtpSettings.View now = smtp.get();
        Paragraph state = new Paragraph(now.own() ? "Your mail goes out through " + now.host() + " from " + now.fromAddress() + "."
                : "Your mail goes out through this installation's mail server. To send from your own address, copy your"
                + " mail provider's outgoing mail (SMTP) settings here: they are on its help pages, or in your mail"
                + " program's account settings.");
        state.setId("smtp-status");
        TextField host = new TextField("Outgoing mail server");
        host.setId("smtp-host");
        host.setPlaceholder("smtp.yourprovider.com");
        host.setHelperText("Your provider calls it the SMTP server, e.g. smtp.gmail.com or smtp.office365.com");
        host.setValue(now.host());
        IntegerField port = new IntegerField("Port");
        port.setId("smtp-port");
        port.setValue(now.port());
        port.setHelperText("Usually 587");
        Checkbox starttls = new Checkbox("Encrypt the connection (STARTTLS; leave on unless your provider says otherwise)",
                now.starttls());
        TextField user = new TextField("User name");
        user.setId("smtp-user");
        user.setHelperText("Usually your full e-mail address");
        user.setValue(now.username());
        PasswordField password = new PasswordField("Password");
        password.setId("smtp-password");
        password.setHelperText("With Gmail, Outlook and most providers: an app password, not your sign-in one");
        password.setPlaceholder(now.passwordSet() ? "•••••••• (kept unless you type a new one)" : "");
        EmailField from = new EmailField("From address");
        from.setId("smtp-from");
        from.setHelperText("What your clients see as the sender");
        from.setValue(now.fromAddress());
        Button save = new Button("Save mail server", e -> {
            try {
                smtp.save(host.getValue(), port.getValue(), starttls.getValue(), user.getValue(),
                        password.getValue().isEmpty() ? null : password.getValue(), from.getValue());
                Toasts.done("Mail server saved");
                build();
            } catch (ValidationException ex) {
                FieldErrors.show(ex, Map.of("host", host, "port", port, "username", user, "password", password,
                        "from_address", from));
            }
        });
        save.setId("smtp-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout actions = new HorizontalLayout(save);
        if (now.own()) {
            Button clear = new Button("Use the installation's server", e -> {
                smtp.clear();
                Toasts.done("Back to the installation's mail server");
                build();
            });
            clear.setId("smtp-clear");
            actions.add(clear);
        }
        add(state, new FormLayout(host, port, user, password, from, starttls), actions, new H4("Wording"),
                new Paragraph("What your clients read. Placeholders: {client_name}, {business_name}, {number}, {amount},"
                        + " {date} (due or valid-until date), {link} (required), {message} (the line you add when sending)."));
        List<Wording.Template> templates = wording.templates(null);
        for (Wording.Text text : wording.all()) {
            add(editor(text), own(text.name(), templates.stream().filter(t -> !t.shipped() && t.kind().equals(text.name())).toList()));
        }
    }

    /** The business's own templates of one kind: each to edit or delete, and a button for a new one. */
    private VerticalLayout own(String kind, List<Wording.Template> templates) {
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        box.setSpacing(false);
        for (Wording.Template t : templates) {
            Button edit = new Button("Edit", e -> templateDialog(kind, t));
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            Button delete = new Button("Delete", e -> new ConfirmDialog("Delete " + t.name() + "?", t.isDefault()
                    ? "It is your default; the standard e-mail takes its place." : "It can no longer be picked when sending.",
                    "Delete", ok -> {
                        wording.delete(t.id());
                        Toasts.done("Deleted " + t.name());
                        build();
                    }).open());
            delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
            HorizontalLayout row = new HorizontalLayout(new Span(t.name() + (t.isDefault() ? " (default)" : "")), edit, delete);
            row.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
            row.addClassName("template-row");
            box.add(row);
        }
        Button add = new Button("New " + Wording.TITLES.get(kind).toLowerCase(Locale.ROOT) + " template",
                e -> templateDialog(kind, null));
        add.setId("template-new-" + kind);
        box.add(add);
        return box;
    }

    private void templateDialog(String kind, Wording.Template existing) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(existing == null ? "New " + Wording.TITLES.get(kind).toLowerCase(Locale.ROOT) + " template"
                : existing.name());
        TextField name = new TextField("Name");
        name.setId("template-name");
        name.setWidthFull();
        TextField subject = new TextField("Subject");
        subject.setId("template-subject");
        subject.setWidthFull();
        TextArea body = new TextArea("Message");
        body.setId("template-body");
        body.setWidthFull();
        Wording.Text start = wording.all().stream().filter(t -> t.name().equals(kind)).findFirst().orElseThrow();
        name.setValue(existing == null ? "" : existing.name());
        subject.setValue(existing == null ? start.subject() : existing.subject());
        body.setValue(existing == null ? start.body() : existing.body());
        Button save = new Button("Save", e -> {
            try {
                if (existing == null) {
                    wording.create(kind, name.getValue(), subject.getValue(), body.getValue());
                } else {
                    wording.update(existing.id(), existing.version(), name.getValue(), subject.getValue(), body.getValue());
                }
                Toasts.done("Template saved");
                dialog.close();
                build();
            } catch (ValidationException ex) {
                FieldErrors.show(ex, Map.of("name", name, "subject", subject, "body", body));
            } catch (ConflictException ex) {
                Toasts.problem("This template changed meanwhile; your text is still here. Copy it, then reopen the template.");
            }
        });
        save.setId("template-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new Paragraph("Pick it when sending, or make it the default in Settings → Business."), name, subject, body);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.setWidth("min(40rem, 100vw)");
        dialog.open();
    }

    private VerticalLayout editor(Wording.Text text) {
        TextField subject = new TextField("Subject");
        subject.setId("wording-" + text.name() + "-subject");
        subject.setValue(text.subject());
        subject.setWidthFull();
        TextArea body = new TextArea("Message");
        body.setId("wording-" + text.name() + "-body");
        body.setValue(text.body());
        body.setWidthFull();
        Button save = new Button("Save", e -> {
            try {
                wording.save(text.name(), subject.getValue(), body.getValue());
                Toasts.done(Wording.TITLES.get(text.name()) + " saved");
            } catch (ValidationException ex) {
                FieldErrors.show(ex, Map.of("subject", subject, "body", body));
            }
        });
        save.setId("wording-" + text.name() + "-save");
        Button reset = new Button("Reset to default", e -> {
            Wording.Text shipped = wording.reset(text.name());
            subject.setValue(shipped.subject());
            body.setValue(shipped.body());
            Toasts.done(Wording.TITLES.get(text.name()) + " reset");
        });
        VerticalLayout box = new VerticalLayout(new H4(Wording.TITLES.getOrDefault(text.name(), text.name())), subject, body,
                new HorizontalLayout(save, reset));
        box.setPadding(false);
        return box;
    }
}
