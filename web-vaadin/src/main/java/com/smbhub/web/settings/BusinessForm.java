package com.smbhub.web.settings;

import com.smbhub.platform.errors.ConflictException;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.mail.Wording;
import com.smbhub.profile.EffectiveProfile;
import com.smbhub.tenant.BusinessSettingsService;
import com.smbhub.web.shell.FieldErrors;
import com.smbhub.web.shell.Toasts;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Settings → Business. Saving refreshes the route chain so menus and labels follow a new profile at once. */
class BusinessForm extends VerticalLayout {

    private static final Map<String, String> PROFILE_WORDS = Map.of(
            "general", "Service business (requests, quotes, invoices)",
            "retail_pos", "Retail with a point of sale (orders and issues)");

    private static final Map<String, String> STAGE_WORDS = Map.of("reminder_1", "First automatic reminder",
            "reminder_2", "Second automatic reminder", "final", "Final automatic reminder");

    BusinessForm(BusinessSettingsService settings) {
        setPadding(false);
        BusinessSettingsService.Settings current = settings.get();
        TextField name = new TextField("Business name", current.name(), "");
        name.setId("settings-name");
        name.setRequiredIndicatorVisible(true);
        ComboBox<String> zone = new ComboBox<>("Time zone");
        zone.setId("settings-timezone");
        zone.setItems(ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/") && !z.startsWith("Etc/")).sorted().toList());
        zone.setValue(current.timezone());
        ComboBox<String> currency = new ComboBox<>("Currency");
        currency.setId("settings-currency");
        currency.setItems(Currency.getAvailableCurrencies().stream().map(Currency::getCurrencyCode).sorted().toList());
        currency.setItemLabelGenerator(c -> c + " · " + Currency.getInstance(c).getDisplayName(Locale.ENGLISH));
        currency.setValue(current.currency());
        Select<String> profile = new Select<>();
        profile.setId("settings-profile");
        profile.setLabel("Kind of business (profile)");
        profile.setItems(settings.profileChoices());
        profile.setItemLabelGenerator(p -> PROFILE_WORDS.getOrDefault(p, p));
        profile.setValue(current.profileId());
        profile.setHelperText("Sets the words, fields and steps the back office uses. Existing records are kept.");
        Checkbox quotes = new Checkbox("Use quotes", current.quotesEnabled());
        quotes.setId("settings-quotes");
        Checkbox reminders = new Checkbox("Send payment reminders for unpaid invoices", current.arEnabled());
        reminders.setId("settings-ar");
        TextField days = new TextField("Reminder days after the due date", join(current.arDays()), "3, 7, 14");
        days.setId("settings-ar-days");
        days.setEnabled(current.arEnabled());
        Select<Integer> hour = new Select<>();
        hour.setId("settings-ar-hour");
        hour.setLabel("Send reminders from");
        hour.setItems(java.util.stream.IntStream.range(0, 24).boxed().toList());
        hour.setItemLabelGenerator(h -> String.format("%d:00", h));
        hour.setValue(current.arSendHour());
        hour.setHelperText("In your time zone; each day's reminders go at this hour");
        hour.setEnabled(current.arEnabled());
        reminders.addValueChangeListener(e -> {
            days.setEnabled(e.getValue());
            hour.setEnabled(e.getValue());
        });
        FormLayout form = new FormLayout(name, zone, currency, profile, quotes, reminders, days, hour);
        Map<String, Select<Wording.Template>> templates = new LinkedHashMap<>();
        List<Wording.Template> choices = settings.templateChoices();
        for (String kind : Wording.kinds()) {
            Select<Wording.Template> select = new Select<>();
            select.setId("settings-template-" + kind);
            select.setLabel(Wording.TITLES.get(kind));
            List<Wording.Template> ofKind = choices.stream().filter(t -> t.kind().equals(kind)).toList();
            select.setItems(ofKind);
            select.setItemLabelGenerator(Wording.Template::name);
            ofKind.stream().filter(t -> t.id().equals(current.templates().get(kind))).findFirst().ifPresent(select::setValue);
            select.setHelperText(ofKind.size() > 1 ? null : "Make more in Settings → Email");
            templates.put(kind, select);
            form.add(select);
        }
        Map<String, Select<Wording.Template>> stages = new LinkedHashMap<>();
        List<Wording.Template> reminderTemplates = choices.stream().filter(t -> t.kind().equals("reminder_email")).toList();
        for (String stage : EffectiveProfile.AR_STAGES) {
            Select<Wording.Template> select = new Select<>();
            select.setId("settings-ar-template-" + stage);
            select.setLabel(STAGE_WORDS.get(stage));
            select.setItems(reminderTemplates);
            select.setItemLabelGenerator(t -> t == null ? "The payment reminder above" : t.name());
            select.setEmptySelectionAllowed(true);
            select.setEmptySelectionCaption("The payment reminder above");
            reminderTemplates.stream().filter(t -> t.id().equals(current.arTemplates().get(stage))).findFirst().ifPresent(select::setValue);
            stages.put(stage, select);
            form.add(select);
        }
        Map<String, HasValidation> byField = new HashMap<>();
        byField.put("name", name);
        byField.put("timezone", zone);
        byField.put("currency", currency);
        byField.put("profile_id", profile);
        byField.put("ar_days", days);
        byField.put("ar_send_hour", hour);
        templates.forEach((kind, select) -> byField.put("default_templates." + kind, select));
        stages.forEach((stage, select) -> byField.put("ar_templates." + stage, select));
        Button save = new Button("Save", e -> {
            List<Integer> parsed = parse(days.getValue());
            if (parsed == null) {
                days.setErrorMessage("Numbers separated by commas, e.g. 3, 7, 14");
                days.setInvalid(true);
                return;
            }
            try {
                settings.update(new BusinessSettingsService.Settings(name.getValue(), zone.getValue(), currency.getValue(),
                        profile.getValue(), quotes.getValue(), reminders.getValue(), parsed, hour.getValue(), chosenTemplates(templates),
                        stageTemplates(stages), 0),
                        current.version());
                getUI().ifPresent(ui -> ui.refreshCurrentRoute(true));
                Toasts.done("Settings saved");
            } catch (ValidationException ex) {
                FieldErrors.show(ex, byField);
            } catch (ConflictException ex) {
                Toasts.problem("Someone else saved the settings meanwhile; reload the page to see theirs.");
            }
        });
        save.setId("settings-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(form, save, new DetailsPanel(settings.details(), settings::updateDetails,
                () -> getUI().ifPresent(ui -> ui.refreshCurrentRoute(true))), new LogoPanel(settings));
    }

    private static Map<String, String> chosenTemplates(Map<String, Select<Wording.Template>> templates) {
        Map<String, String> chosen = new HashMap<>();
        templates.forEach((kind, select) -> {
            if (select.getValue() != null) {
                chosen.put(kind, select.getValue().id());
            }
        });
        return chosen;
    }

    /** Each stage's pick; an empty pick (the default reminder) is sent as null. */
    private static Map<String, String> stageTemplates(Map<String, Select<Wording.Template>> stages) {
        Map<String, String> chosen = new HashMap<>();
        stages.forEach((stage, select) -> chosen.put(stage, select.getValue() == null ? null : select.getValue().id()));
        return chosen;
    }

    private static String join(List<Integer> days) {
        return String.join(", ", days.stream().map(String::valueOf).toList());
    }

    /** "3, 7,14" → [3, 7, 14]; null when it is not a list of numbers. */
    static List<Integer> parse(String text) {
        List<Integer> days = new ArrayList<>();
        for (String part : text.split("[,\\s]+")) {
            if (!part.isBlank()) {
                try {
                    days.add(Integer.parseInt(part.trim()));
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return days;
    }
}
