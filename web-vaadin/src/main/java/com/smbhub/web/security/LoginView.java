package com.smbhub.web.security;

import com.smbhub.platform.security.SignIn;
import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
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
    public LoginView(SecurityContext securityContext, CurrentBusiness business) {
        this.securityContext = securityContext;
        this.business = business;
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);

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

        add(new H1("SMB Hub"), email, password, error, signIn);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (business.userId().isPresent()) {
            event.forwardTo(ChooseBusinessView.class);
        }
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
        AuthenticationStatus status = securityContext.authenticate(request,
                VaadinServletResponse.getCurrent().getHttpServletResponse(),
                AuthenticationParameters.withParams().newAuthentication(true)
                        .credential(new UsernamePasswordCredential(email.getValue().trim(),
                                new Password(password.getValue()))));
        if (status == AuthenticationStatus.SUCCESS) {
            request.changeSessionId();
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
