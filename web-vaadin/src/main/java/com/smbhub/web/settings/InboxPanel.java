package com.smbhub.web.settings;

import com.smbhub.inbox.MailboxSettings;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.web.shell.FieldErrors;
import com.smbhub.web.shell.Toasts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Settings → Inbox: the mailbox the business's e-mail is read from (IMAP), with "Test connection". */
class InboxPanel extends VerticalLayout {

    private final transient MailboxSettings mailbox;

    InboxPanel(MailboxSettings mailbox) {
        this.mailbox = mailbox;
        setPadding(false);
        build();
    }

    private void build() {
        removeAll();
        MailboxSettings.View now = mailbox.get();
        Paragraph state = new Paragraph(state(now));
        state.setId("mailbox-status");
        EmailField address = new EmailField("Your address");
        address.setId("mailbox-address");
        address.setHelperText("Where clients write to; your answers name it as the address to reply to");
        address.setValue(now.address());
        TextField host = new TextField("Incoming mail server");
        host.setId("mailbox-host");
        host.setPlaceholder("imap.yourprovider.com");
        host.setHelperText("Your provider calls it the IMAP server, e.g. imap.gmail.com or outlook.office365.com");
        host.setValue(now.host());
        IntegerField port = new IntegerField("Port");
        port.setId("mailbox-port");
        port.setValue(now.port());
        Select<String> security = new Select<>();
        security.setId("mailbox-security");
        security.setLabel("Encryption");
        security.setHelperText("Leave SSL/TLS unless your provider says otherwise");
        security.setItems("SSL", "STARTTLS", "NONE");
        security.setItemLabelGenerator(s -> switch (s) {
            case "SSL" -> "SSL/TLS (port 993)";
            case "STARTTLS" -> "STARTTLS (port 143)";
            default -> "None";
        });
        security.setValue(now.security());
        TextField user = new TextField("User name");
        user.setId("mailbox-user");
        user.setValue(now.username());
        PasswordField password = new PasswordField("Password");
        password.setId("mailbox-password");
        password.setHelperText("With Gmail, Outlook and most providers: an app password");
        password.setPlaceholder(now.passwordSet() ? "•••••••• (kept unless you type a new one)" : "");
        TextField folder = new TextField("Folder");
        folder.setId("mailbox-folder");
        folder.setHelperText("Where new mail lands; INBOX for almost everyone");
        folder.setValue(now.folder());
        Button save = new Button(now.connected() ? "Save mailbox" : "Connect mailbox", e -> {
            try {
                mailbox.save(host.getValue(), port.getValue(), security.getValue(), user.getValue(),
                        password.getValue().isEmpty() ? null : password.getValue(), folder.getValue(), address.getValue());
                Toasts.done("Mailbox saved; new mail arrives in the inbox within seconds");
                build();
            } catch (ValidationException ex) {
                FieldErrors.show(ex, Map.of("host", host, "port", port, "security", security, "username", user,
                        "password", password, "folder", folder, "address", address));
            }
        });
        save.setId("mailbox-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout actions = new HorizontalLayout(save);
        if (now.connected()) {
            Button test = new Button("Test connection", e -> {
                try {
                    Toasts.done(mailbox.test());
                } catch (ValidationException ex) {
                    Toasts.problem(ex.errors().get(0).message());
                }
            });
            test.setId("mailbox-test");
            Button clear = new Button("Disconnect", e -> {
                ConfirmDialog confirm = new ConfirmDialog("Disconnect the mailbox?",
                        "New mail is no longer read into the inbox. Conversations already here stay.", "Disconnect", ok -> {
                            mailbox.clear();
                            Toasts.done("Mailbox disconnected");
                            build();
                        });
                confirm.setCancelable(true);
                confirm.setConfirmButtonTheme("error primary");
                confirm.open();
            });
            clear.setId("mailbox-clear");
            actions.add(test, clear);
        }
        add(state, new FormLayout(address, host, port, security, user, password, folder), actions);
    }

    private static String state(MailboxSettings.View now) {
        if (!now.connected()) {
            return "Connect the mailbox your clients write to, and their e-mail lands in the inbox, threaded and matched"
                    + " to your contacts. Messages stay on your mail server; nothing is deleted or marked read there.";
        }
        String read = now.lastSuccessAt() == null ? "not read yet" : "last read " + ago(now.lastSuccessAt());
        return "Reading " + now.address() + " (" + now.host() + "), " + read + "."
                + (now.lastError() != null ? " The last try failed: " + now.lastError() + "."
                : now.pushed() ? " New mail shows up the moment it arrives (your mail server tells us)."
                : " New mail is checked every few seconds.");
    }

    private static String ago(Instant at) {
        long seconds = Math.max(0, Duration.between(at, Instant.now()).getSeconds());
        return seconds < 90 ? "just now" : seconds < 5400 ? (seconds / 60) + " minutes ago" : (seconds / 3600) + " hours ago";
    }
}
