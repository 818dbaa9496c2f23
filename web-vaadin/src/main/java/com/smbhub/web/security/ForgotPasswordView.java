package com.smbhub.web.security;

import com.smbhub.account.AccountService;
import com.smbhub.platform.errors.RateLimitedException;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.web.shell.FieldErrors;
import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.inject.Inject;
import java.util.Map;

/** "Forgot password?": asks for the address and says the same thing whether it has an account or not. */
@Route("forgot-password")
@PageTitle("Forgot password · SMB Hub")
@AnonymousAllowed
@CdiComponent
public class ForgotPasswordView extends VerticalLayout {

    @Inject
    public ForgotPasswordView(AccountService accounts) {
        Pages.centered(this);
        EmailField email = new EmailField("Your account's e-mail");
        email.setId("forgot-email");
        email.setWidth("20rem");
        email.setAutofocus(true);
        email.setAutocomplete(Autocomplete.USERNAME);
        Paragraph message = new Paragraph();
        message.setId("forgot-message");
        message.setVisible(false);
        Button send = new Button("E-mail me a link", e -> {
            try {
                accounts.requestPasswordReset(email.getValue());
                message.setText("If an account uses " + email.getValue().trim() + ", we e-mailed it a link to choose a"
                        + " new password. The link works once, for 30 minutes.");
            } catch (ValidationException ex) {
                FieldErrors.show(ex, Map.of("email", email));
                return;
            } catch (RateLimitedException ex) {
                message.setText(ex.getMessage());
            }
            message.setVisible(true);
        });
        send.setId("forgot-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickShortcut(Key.ENTER);
        send.setWidth("20rem");
        add(new H1("Forgot your password?"), email, send, message, new RouterLink("Back to sign in", LoginView.class));
    }
}
