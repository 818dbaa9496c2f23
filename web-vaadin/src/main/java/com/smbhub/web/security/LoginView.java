package com.smbhub.web.security;

import com.smbhub.account.SignupService;
import com.smbhub.platform.security.SignIn;
import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;

/** Sign in with e-mail and password; then into the business (or the choice of businesses). */
@Route("login")
@PageTitle("Sign in · SMB Hub")
@AnonymousAllowed
@CdiComponent
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final SecurityContext securityContext;
    private final CurrentBusiness business;
    private final EmailField email = new EmailField("E-mail");
    private final PasswordField password = new PasswordField("Password");
    private final Paragraph error = new Paragraph();

    @Inject
    public LoginView(SecurityContext securityContext, CurrentBusiness business, SignupService signups) {
        this.securityContext = securityContext;
        this.business = business;
        Pages.centered(this);

        email.setId("email");
        email.setRequiredIndicatorVisible(true);
        email.setAutofocus(true);
        email.setWidth("20rem");
        email.setAutocomplete(Autocomplete.USERNAME);
        password.setId("password");
        password.setRequiredIndicatorVisible(true);
        password.setWidth("20rem");
        error.setId("login-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        error.setVisible(false);

        Button signIn = new Button("Sign in", e -> signIn());
        signIn.setId("sign-in");
        signIn.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        signIn.addClickShortcut(Key.ENTER);
        signIn.setWidth("20rem");

        RouterLink forgot = new RouterLink("Forgot password?", ForgotPasswordView.class);
        forgot.setId("forgot-password");
        add(new H1("SMB Hub"), email, password, error, signIn, forgot);
        if (signups.open()) {
            RouterLink start = new RouterLink("New here? Start your business", SignupView.class);
            start.setId("to-signup");
            add(start);
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (business.userId().isPresent()) {
            event.forwardTo(ChooseBusinessView.class);
        }
    }

    /**
     * Signs the person in for this browser session (a new session id; when it began, so a password reset
     * after it ends it, see ContextFilter); false when the e-mail and password do not match.
     */
    static boolean signIn(SecurityContext securityContext, String email, String password) {
        HttpServletRequest request = VaadinServletRequest.getCurrent().getHttpServletRequest();
        AuthenticationStatus status = securityContext.authenticate(request,
                VaadinServletResponse.getCurrent().getHttpServletResponse(),
                AuthenticationParameters.withParams().newAuthentication(true)
                        .credential(new UsernamePasswordCredential(email, new Password(password))));
        if (status != AuthenticationStatus.SUCCESS) {
            return false;
        }
        request.changeSessionId();
        request.getSession().setAttribute(ContextFilter.SIGNED_IN_AT, Instant.now());
        return true;
    }

    private void signIn() {
        error.setVisible(false);
        if (email.isEmpty() || password.isEmpty()) {
            email.setInvalid(email.isEmpty());
            email.setErrorMessage("Enter your e-mail");
            password.setInvalid(password.isEmpty());
            password.setErrorMessage("Enter your password");
            return;
        }
        HttpServletRequest request = VaadinServletRequest.getCurrent().getHttpServletRequest();
        if (signIn(securityContext, email.getValue().trim(), password.getValue())) {
            getUI().ifPresent(ui -> ui.getPage().setLocation(request.getContextPath() + "/choose-business"));
            return;
        }
        password.clear();
        Object result = request.getAttribute(BackOfficeAuthentication.RESULT);
        error.setText(result instanceof SignIn.Throttled t
                ? "Too many failed attempts. Try again in " + Math.max(1, t.retryAfter().toSeconds()) + " seconds."
                : "Wrong e-mail or password.");
        error.setVisible(true);
    }
}
