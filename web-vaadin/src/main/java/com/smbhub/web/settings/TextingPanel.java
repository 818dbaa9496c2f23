package com.smbhub.web.settings;

import com.smbhub.inbox.SmsSettings;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.web.shell.FieldErrors;
import com.smbhub.web.shell.Toasts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Map;

/** Settings → Inbox → Text messages: the business's Twilio account and number, with "Test connection". */
class TextingPanel extends VerticalLayout {

    private final transient SmsSettings sms;

    TextingPanel(SmsSettings sms) {
        this.sms = sms;
        setPadding(false);
        build();
    }

    private void build() {
        removeAll();
        SmsSettings.View now = sms.get();
        H3 title = new H3("Text messages (Twilio)");
        Paragraph state = new Paragraph(now.connected()
                ? "Texts to " + now.number() + " arrive in the inbox; answers go out from that number."
                : "Connect your Twilio number and your clients' texts land in the inbox beside e-mail; you answer from"
                + " the conversation. Nothing is ever texted without someone pressing Send.");
        state.setId("sms-status");
        HorizontalLayout heading = new HorizontalLayout(title);
        heading.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        if (now.testMode()) {
            Span badge = new Span("Test mode: Twilio is a stand-in on this server");
            badge.setId("sms-test-mode");
            badge.getElement().getThemeList().add("badge contrast");
            heading.add(badge);
        }
        TextField sid = new TextField("Account SID");
        sid.setId("sms-account-sid");
        sid.setPlaceholder("AC…");
        sid.setHelperText("On your Twilio console's home page");
        sid.setValue(now.accountSid());
        PasswordField token = new PasswordField("Auth token");
        token.setId("sms-auth-token");
        token.setPlaceholder(now.tokenSet() ? "•••••••• (kept unless you type a new one)" : "");
        TextField number = new TextField("Twilio number");
        number.setId("sms-number");
        number.setPlaceholder("+1 416 555 0100");
        number.setValue(now.number());
        Paragraph urls = new Paragraph("In Twilio, set this number's \"A message comes in\" webhook (HTTP POST) to "
                + now.incomingUrl() + ". Delivery reports come back to " + now.statusUrl() + ".");
        urls.setId("sms-urls");
        urls.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)")
                .set("overflow-wrap", "anywhere");
        Button save = new Button(now.connected() ? "Save" : "Connect Twilio", e -> {
            try {
                sms.save(sid.getValue(), token.getValue().isEmpty() ? null : token.getValue(), number.getValue());
                Toasts.done("Text messages saved");
                build();
            } catch (ValidationException ex) {
                FieldErrors.show(ex, Map.of("account_sid", sid, "auth_token", token, "number", number));
            }
        });
        save.setId("sms-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout actions = new HorizontalLayout(save);
        if (now.connected()) {
            Button test = new Button("Test connection", e -> {
                try {
                    Toasts.done(sms.test());
                } catch (ValidationException ex) {
                    Toasts.problem(ex.errors().get(0).message());
                }
            });
            test.setId("sms-test");
            Button clear = new Button("Disconnect", e -> {
                ConfirmDialog confirm = new ConfirmDialog("Disconnect text messages?",
                        "Texts to " + now.number() + " no longer reach the inbox and answers cannot be texted."
                                + " Conversations already here stay.", "Disconnect", ok -> {
                                    sms.clear();
                                    Toasts.done("Text messages disconnected");
                                    build();
                                });
                confirm.setCancelable(true);
                confirm.setConfirmButtonTheme("error primary");
                confirm.open();
            });
            clear.setId("sms-clear");
            actions.add(test, clear);
        }
        add(heading, state, new FormLayout(sid, token, number), urls, actions);
    }
}
