package com.smbhub.web.security;

import com.smbhub.account.NewBusiness;
import com.smbhub.account.SignupService;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinServletRequest;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A new business's fields (sign-up, "Add a business", ops starting one for a customer): its name, kind,
 * and country, time zone and currency filled from the browser, each changeable. Ids start with {@code prefix}.
 */
public final class BusinessFields {

    public final TextField name = new TextField("Business name");
    public final RadioButtonGroup<String> kind = new RadioButtonGroup<>("Kind of business");
    public final ComboBox<String> country = new ComboBox<>("Country");
    public final ComboBox<String> timezone = new ComboBox<>("Time zone");
    public final ComboBox<String> currency = new ComboBox<>("Currency");

    public BusinessFields(String prefix, String width, UI ui) {
        Locale locale = VaadinServletRequest.getCurrent().getLocale();
        name.setId(prefix + "-business");
        name.setAutocomplete(Autocomplete.ORGANIZATION);
        kind.setId(prefix + "-kind");
        kind.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        kind.setItems(List.of("general", "retail_pos"));
        kind.setItemLabelGenerator(SignupService.KINDS::get);
        kind.setValue("general");
        List<String> countries = Arrays.stream(Locale.getISOCountries())
                .sorted(Comparator.comparing(c -> new Locale("", c).getDisplayCountry(Locale.ENGLISH))).toList();
        country.setId(prefix + "-country");
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
        timezone.setId(prefix + "-timezone");
        timezone.setItems(ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/") && !z.startsWith("Etc/")
                && !z.startsWith("SystemV/")).sorted().toList());
        if (ui != null) {
            ui.getPage().retrieveExtendedClientDetails(details -> {
                if (details.getTimeZoneId() != null && timezone.isEmpty()) {
                    timezone.setValue(details.getTimeZoneId());
                }
            });
        }
        currency.setId(prefix + "-currency");
        currency.setItems(Currency.getAvailableCurrencies().stream().map(Currency::getCurrencyCode).sorted().toList());
        currency.setItemLabelGenerator(c -> c + " · " + Currency.getInstance(c).getDisplayName(Locale.ENGLISH));
        currency.setValue(currencyOf(locale.getCountry()));
        for (HasSize field : List.<HasSize>of(name, country, timezone, currency, kind)) {
            field.setWidth(width);
        }
        for (HasValue<?, ?> field : List.<HasValue<?, ?>>of(name, country, timezone, currency)) {
            field.setRequiredIndicatorVisible(true);
        }
    }

    public NewBusiness value() {
        return new NewBusiness(name.getValue(), kind.getValue(), country.getValue(), timezone.getValue(), currency.getValue());
    }

    /** Where a service's field errors show; {@code nameField}: what the service calls the name. */
    public Map<String, HasValidation> byField(String nameField) {
        return Map.of(nameField, name, "country", country, "timezone", timezone, "currency", currency);
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
