package com.smbhub.web.security;

import com.smbhub.account.AccountService;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.security.PasswordPolicy;
import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.inject.Inject;

/** The link in the reset e-mail: a new password, after which every session and API token of the person ends. */
@Route("reset-password/:token")
@PageTitle("Choose a new password · SMB Hub")
@AnonymousAllowed
@CdiComponent
public class ResetPasswordView extends VerticalLayout implements BeforeEnterObserver {

    private final AccountService accounts;

    @Inject
    public ResetPasswordView(AccountService accounts) {
        this.accounts = accounts;
        Pages.centered(this);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String token = event.getRouteParameters().get("token").orElse("");
        Paragraph message = new Paragraph();
        message.setId("reset-message");
        if (!accounts.resetLinkWorks(token)) {
            message.setText("This link does not work any more: it was used already, or its 30 minutes are over.");
            add(new H1("SMB Hub"), message, new RouterLink("Ask for a new link", ForgotPasswordView.class));
            return;
        }
        PasswordField password = new PasswordField("New password");
        password.setId("reset-password");
        password.setWidth("20rem");
        password.setAutocomplete(Autocomplete.NEW_PASSWORD);
        password.setHelperText("At least " + PasswordPolicy.MIN + " characters; not a common password");
        PasswordField again = new PasswordField("The same again");
        again.setId("reset-again");
        again.setWidth("20rem");
        Button save = new Button("Set the new password", e -> {
            if (!password.getValue().equals(again.getValue())) {
                again.setErrorMessage("The two passwords differ");
                again.setInvalid(true);
                return;
            }
            try {
                accounts.resetPassword(token, password.getValue().toCharArray());
            } catch (ValidationException ex) {
                String text = ex.errors().isEmpty() ? ex.getMessage() : ex.errors().get(0).message();
                if (ex.errors().stream().anyMatch(f -> f.field().equals("password"))) {
                    password.setErrorMessage(text);
                    password.setInvalid(true);
                } else {
                    message.setText(text);
                }
                return;
            }
            removeAll();
            message.setText("Your password is changed, and you were signed out everywhere. Sign in with the new one.");
            RouterLink signIn = new RouterLink("Sign in", LoginView.class);
            signIn.setId("reset-sign-in");
            add(new H1("Password changed"), message, signIn);
        });
        save.setId("reset-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER);
        save.setWidth("20rem");
        add(new H1("Choose a new password"), password, again, save, message);
    }
}
