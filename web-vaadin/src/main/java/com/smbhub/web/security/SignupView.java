package com.smbhub.web.security;

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
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
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
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
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
    private final CurrentBusiness business;
    private final TextField name = new TextField("Your name");
    private final EmailField email = new EmailField("E-mail");
    private final PasswordField password = new PasswordField("Password");
    private final ProgressBar strength = new ProgressBar(0, 4);
    private final Span strengthText = new Span();
    private final TextField businessName = new TextField("Business name");
    private final RadioButtonGroup<String> kind = new RadioButtonGroup<>("Kind of business");
    private final ComboBox<String> country = new ComboBox<>("Country");
    private final ComboBox<String> timezone = new ComboBox<>("Time zone");
    private final ComboBox<String> currency = new ComboBox<>("Currency");
    private final Paragraph problem = new Paragraph();

    @Inject
    public SignupView(SignupService signups, SecurityContext securityContext, CurrentBusiness business) {
        this.signups = signups;
        this.securityContext = securityContext;
        this.business = business;
        setAlignItems(FlexComponent.Alignment.CENTER);
        setPadding(true);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (business.userId().isPresent()) {
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
        Locale locale = VaadinServletRequest.getCurrent().getLocale();
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
        businessName.setId("signup-business");
        businessName.setAutocomplete(Autocomplete.ORGANIZATION);
        kind.setId("signup-kind");
        kind.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        kind.setItems(List.of("general", "retail_pos"));
        kind.setItemLabelGenerator(SignupService.KINDS::get);
        kind.setValue("general");
        List<String> countries = Arrays.stream(Locale.getISOCountries())
                .sorted(Comparator.comparing(c -> new Locale("", c).getDisplayCountry(Locale.ENGLISH))).toList();
        country.setId("signup-country");
        country.setItems(countries);
        country.setItemLabelGenerator(c -> new Locale("", c).getDisplayCountry(Locale.ENGLISH) + " (" + c + ")");
        if (countries.contains(locale.getCountry())) {
            country.setValue(locale.getCountry());
        }
        country.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                currency.setValue(currencyOf(e.getValue()));
            }
        });
        timezone.setId("signup-timezone");
        timezone.setItems(ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/") && !z.startsWith("Etc/")
                && !z.startsWith("SystemV/")).sorted().toList());
        getUI().ifPresent(ui -> ui.getPage().retrieveExtendedClientDetails(details -> {
            if (details.getTimeZoneId() != null && timezone.isEmpty()) {
                timezone.setValue(details.getTimeZoneId());
            }
        }));
        currency.setId("signup-currency");
        currency.setItems(Currency.getAvailableCurrencies().stream().map(Currency::getCurrencyCode).sorted().toList());
        currency.setItemLabelGenerator(c -> c + " · " + Currency.getInstance(c).getDisplayName(Locale.ENGLISH));
        currency.setValue(currencyOf(locale.getCountry()));
        for (HasSize field : List.<HasSize>of(name, email, password, businessName, country, timezone, currency)) {
            field.setWidth(WIDTH);
            ((HasValue<?, ?>) field).setRequiredIndicatorVisible(true);
        }
        strength.setWidth(WIDTH);
        kind.setWidth(WIDTH);
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
        add(name, email, password, strength, strengthText, businessName, kind, country, timezone, currency, problem,
                start, signIn);
    }

    private void meter() {
        char[] chars = password.getValue().toCharArray();
        int score = chars.length == 0 ? 0 : PasswordPolicy.strength(chars, email.getValue(), name.getValue(),
                businessName.getValue());
        strength.setValue(score);
        String why = chars.length == 0 ? null : PasswordPolicy.problem(chars, email.getValue(), name.getValue(),
                businessName.getValue());
        strengthText.setText(chars.length == 0 ? "" : why != null ? why : "Strength: " + PasswordPolicy.strengthLabel(score));
    }

    private void submit() {
        problem.setVisible(false);
        Map<String, HasValidation> fields = Map.of("name", name, "email", email, "password", password,
                "business_name", businessName, "country", country, "timezone", timezone, "currency", currency);
        fields.values().forEach(f -> f.setInvalid(false));
        try {
            signups.signup(new Signup(name.getValue(), email.getValue(), password.getValue().toCharArray(),
                    businessName.getValue(), kind.getValue(), country.getValue(), timezone.getValue(), currency.getValue()));
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
            String contextPath = VaadinServletRequest.getCurrent().getHttpServletRequest().getContextPath();
            getUI().ifPresent(ui -> ui.getPage().setLocation(contextPath + "/choose-business"));
            return;
        }
        removeAll();
        Paragraph sent = new Paragraph("We e-mailed " + address + ". Open the link in it to go on. If you already"
                + " have an account, the e-mail tells you how to sign in or choose a new password.");
        sent.setId("signup-sent");
        add(new H1("Check your e-mail"), sent, new RouterLink("Sign in", LoginView.class));
    }

    private void say(String message) {
        problem.setText(message);
        problem.setVisible(true);
    }

    private static String currencyOf(String country) {
        try {
            Currency currency = Currency.getInstance(new Locale("", country));
            return currency == null ? "USD" : currency.getCurrencyCode();
        } catch (IllegalArgumentException e) {
            return "USD";
        }
    }
}
