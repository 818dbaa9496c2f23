package com.smbhub.web.security;

import com.smbhub.account.NewBusiness;
import com.smbhub.account.Signup;
import com.smbhub.account.SignupService;
import com.smbhub.platform.errors.ProviderException;
import com.smbhub.platform.errors.RateLimitedException;
import com.smbhub.platform.errors.SignupClosedException;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.security.PasswordPolicy;
import com.smbhub.web.shell.FieldErrors;
import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * /app/signup: a newcomer starts their business (PRD 7.3). Country, time zone and currency come filled
 * from the browser and can be changed. Afterwards the new owner is signed in; an address that already
 * has an account sees the same "check your e-mail" page as anyone whose sign-in did not follow.
 */
@Route("signup")
@PageTitle("Start your business · SMB Hub")
@AnonymousAllowed
@CdiComponent
public class SignupView extends VerticalLayout implements BeforeEnterObserver {

    private static final String WIDTH = "22rem";

    private final SignupService signups;
    private final SecurityContext securityContext;
    private final CurrentBusiness current;
    private final TextField name = new TextField("Your name");
    private final EmailField email = new EmailField("E-mail");
    private final PasswordField password = new PasswordField("Password");
    private final ProgressBar strength = new ProgressBar(0, 4);
    private final Span strengthText = new Span();
    private final Paragraph problem = new Paragraph();
    private final Checkbox hasExport = new Checkbox("I have an SMB Hub export to bring in");
    private BusinessFields business;

    @Inject
    public SignupView(SignupService signups, SecurityContext securityContext, CurrentBusiness business) {
        this.signups = signups;
        this.securityContext = securityContext;
        this.current = business;
        setAlignItems(FlexComponent.Alignment.CENTER);
        setPadding(true);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (current.userId().isPresent()) {
            event.forwardTo(ChooseBusinessView.class);
            return;
        }
        removeAll();
        add(new H1("Start your business"));
        if (!signups.open()) {
            Paragraph closed = new Paragraph("Sign-up is not open here. Ask us to set up your business, or ask a"
                    + " business's owner to invite you.");
            closed.setId("signup-closed");
            add(closed, new RouterLink("Sign in", LoginView.class));
            return;
        }
        form();
    }

    private void form() {
        name.setId("signup-name");
        name.setAutocomplete(Autocomplete.NAME);
        email.setId("signup-email");
        email.setAutocomplete(Autocomplete.EMAIL);
        password.setId("signup-password");
        password.setAutocomplete(Autocomplete.NEW_PASSWORD);
        password.setHelperText("At least " + PasswordPolicy.MIN + " characters; not a common password");
        password.setValueChangeMode(ValueChangeMode.EAGER);
        password.addValueChangeListener(e -> meter());
        strength.setId("signup-strength");
        strengthText.setId("signup-strength-text");
        strengthText.getStyle().set("font-size", "var(--lumo-font-size-s)").set("width", WIDTH);
        business = new BusinessFields("signup", WIDTH, UI.getCurrent());
        for (HasSize field : List.<HasSize>of(name, email, password, strength)) {
            field.setWidth(WIDTH);
        }
        for (HasValue<?, ?> field : List.<HasValue<?, ?>>of(name, email, password)) {
            field.setRequiredIndicatorVisible(true);
        }
        problem.setId("signup-problem");
        problem.getStyle().set("color", "var(--lumo-error-text-color)");
        problem.setVisible(false);
        Button start = new Button("Start my business", e -> submit());
        start.setId("signup-submit");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.addClickShortcut(Key.ENTER);
        start.setWidth(WIDTH);
        meter();
        RouterLink signIn = new RouterLink("Already have an account? Sign in", LoginView.class);
        signIn.setId("to-login");
        hasExport.setId("signup-has-export");
        hasExport.setWidth(WIDTH);
        add(name, email, password, strength, strengthText, business.name, business.kind, business.country,
                business.timezone, business.currency, hasExport, problem, start, signIn);
    }

    private void meter() {
        char[] chars = password.getValue().toCharArray();
        String firm = business == null ? "" : business.name.getValue();
        int score = chars.length == 0 ? 0 : PasswordPolicy.strength(chars, email.getValue(), name.getValue(), firm);
        strength.setValue(score);
        String why = chars.length == 0 ? null : PasswordPolicy.problem(chars, email.getValue(), name.getValue(), firm);
        strengthText.setText(chars.length == 0 ? "" : why != null ? why : "Strength: " + PasswordPolicy.strengthLabel(score));
    }

    private void submit() {
        problem.setVisible(false);
        Map<String, HasValidation> fields = new HashMap<>(business.byField("business_name"));
        fields.putAll(Map.of("name", name, "email", email, "password", password));
        fields.values().forEach(f -> f.setInvalid(false));
        try {
            NewBusiness wanted = business.value();
            signups.signup(new Signup(name.getValue(), email.getValue(), password.getValue().toCharArray(),
                    wanted.name(), wanted.profileId(), wanted.country(), wanted.timezone(), wanted.currency()));
        } catch (ValidationException e) {
            FieldErrors.show(e, fields);
            e.errors().stream().filter(f -> f.field().equals("profile_id")).findFirst()
                    .ifPresent(f -> say(f.message()));
            return;
        } catch (RateLimitedException | SignupClosedException e) {
            say(e.getMessage());
            return;
        } catch (ProviderException e) {
            say(e.getMessage());
            return;
        }
        String address = email.getValue().trim().toLowerCase(Locale.ROOT);
        if (LoginView.signIn(securityContext, address, password.getValue())) {
            VaadinSession.getCurrent().setAttribute(ChooseBusinessView.BRING_EXPORT, hasExport.getValue() ? Boolean.TRUE : null);
            String contextPath = VaadinServletRequest.getCurrent().getHttpServletRequest().getContextPath();
            getUI().ifPresent(ui -> ui.getPage().setLocation(contextPath + "/choose-business"));
            return;
        }
        removeAll();
        Paragraph sent = new Paragraph("We e-mailed " + address + ". Open the link in it to go on. If you already"
                + " have an account, the e-mail tells you how to sign in or choose a new password."
                + (hasExport.getValue() ? " Then bring in your export in Settings → Data." : ""));
        sent.setId("signup-sent");
        add(new H1("Check your e-mail"), sent, new RouterLink("Sign in", LoginView.class));
    }

    private void say(String message) {
        problem.setText(message);
        problem.setVisible(true);
    }
}
