package com.smbhub.tenant;

import com.smbhub.money.MoneyText;
import com.smbhub.money.Numbering;
import com.smbhub.platform.analytics.Analytics;
import com.smbhub.platform.audit.AuditService;
import com.smbhub.platform.errors.ConflictException;
import com.smbhub.platform.errors.ValidationException.FieldError;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.mail.Wording;
import com.smbhub.platform.security.Access;
import com.smbhub.platform.security.Capability;
import com.smbhub.platform.tenancy.RequestContext;
import com.smbhub.platform.tenancy.TenantScoped;
import com.smbhub.profile.EffectiveProfile;
import com.smbhub.profile.ProfileCache;
import com.smbhub.profile.ProfileCatalog;
import com.smbhub.profile.ProfileService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.InputStream;
import java.io.Serializable;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Settings → Business: name, time zone, currency, profile, and the profile switches a business may override. */
@Stateless
@TenantScoped
public class BusinessSettingsService {

    private static final String REMINDER = "reminder_email";

    @PersistenceContext(unitName = "smbhub") EntityManager em;

    @EJB Access access;

    @EJB AuditService audit;

    @EJB ProfileService profiles;

    @EJB ProfileCatalog catalog;

    @Inject ProfileCache cache;

    @EJB Wording wording;

    /**
     * What the form shows and sends back; {@code arDays} are the reminder days after the due date, {@code arSendHour}
     * the hour of the business's day they go from,
     * {@code templates} each e-mail kind's default template id (null: keep the current ones), {@code arTemplates} the
     * reminder template of each stage of the automatic reminders that has its own (reminder_1, reminder_2, final; a
     * stage not named uses the default reminder; null: keep the current ones).
     */
    public record Settings(String name, String timezone, String currency, String profileId, boolean quotesEnabled,
                           boolean arEnabled, List<Integer> arDays, int arSendHour, Map<String, String> templates,
                           Map<String, String> arTemplates, long version)
            implements Serializable {
    }

    public Settings get() {
        access.require(Capability.MANAGE_SETTINGS);
        Tenant tenant = tenant();
        EffectiveProfile profile = profiles.effective();
        return new Settings(tenant.getName(), tenant.getTimezone(), tenant.getCurrency(), tenant.getProfileId(),
                profile.capability("quotes"), profile.arRemindersEnabled(), profile.arReminderDays(), profile.arSendHour(), wording.defaults(),
                stageTemplates(profile), tenant.getVersion());
    }

    /** The stages whose chosen reminder template still exists. */
    private Map<String, String> stageTemplates(EffectiveProfile profile) {
        Map<String, String> chosen = new LinkedHashMap<>();
        profile.arStageTemplates().forEach((stage, id) -> {
            if (wording.existing(REMINDER, id) != null) {
                chosen.put(stage, id);
            }
        });
        return chosen;
    }

    /** The e-mail templates a business can make each kind's default (Settings → Email makes more). */
    public List<Wording.Template> templateChoices() {
        access.require(Capability.MANAGE_SETTINGS);
        return wording.templates(null);
    }

    /** The profiles a business can choose. */
    public List<String> profileChoices() {
        return catalog.profileIds();
    }

    public Settings update(Settings wanted, Long expectedVersion) {
        access.require(Capability.MANAGE_SETTINGS);
        Tenant tenant = tenant();
        ConflictException.checkVersion(tenant.getVersion(), expectedVersion,
                "Someone changed the settings since you opened them", this::get);
        List<FieldError> errors = new ArrayList<>();
        String name = wanted.name() == null ? "" : wanted.name().trim();
        if (name.isEmpty() || name.length() > 200 || name.chars().anyMatch(c -> c < 0x20)) {
            errors.add(new FieldError("name", "Required, at most 200 characters on one line"));
        }
        try {
            ZoneId.of(wanted.timezone() == null ? "" : wanted.timezone());
        } catch (DateTimeException e) {
            errors.add(new FieldError("timezone", "Choose a time zone from the list, e.g. America/Toronto"));
        }
        String currency = wanted.currency() == null ? "" : wanted.currency().trim().toUpperCase(Locale.ROOT);
        if (!MoneyText.isCurrency(currency)) {
            errors.add(new FieldError("currency", MoneyText.NOT_A_CURRENCY));
        }
        if (wanted.profileId() == null || !catalog.profileIds().contains(wanted.profileId())) {
            errors.add(new FieldError("profile_id", "One of " + String.join(", ", catalog.profileIds())));
        }
        List<Integer> days = wanted.arDays() == null ? List.of() : wanted.arDays().stream().distinct().sorted().toList();
        if (days.stream().anyMatch(d -> d == null || d < 0 || d > 365) || days.size() > 10) {
            errors.add(new FieldError("ar_days", "Up to 10 days between 0 and 365, e.g. 3, 7, 14"));
        } else if (wanted.arEnabled() && days.isEmpty()) {
            errors.add(new FieldError("ar_days", "Give at least one day, or turn reminders off"));
        }
        if (wanted.arSendHour() < 0 || wanted.arSendHour() > 23) {
            errors.add(new FieldError("ar_send_hour", "An hour of the day from 0 to 23, e.g. 9 for 9:00"));
        }
        Map<String, String> templates = new LinkedHashMap<>(wording.defaults());
        if (wanted.templates() != null) {
            wanted.templates().forEach((kind, id) -> {
                String problem = wording.problem(kind, id);
                if (problem != null) {
                    errors.add(new FieldError("default_templates." + kind, problem));
                } else {
                    templates.put(kind, id);
                }
            });
        }
        Map<String, String> stages = wanted.arTemplates() == null ? get().arTemplates() : wanted.arTemplates();
        stages.forEach((stage, id) -> {
            if (!EffectiveProfile.AR_STAGES.contains(stage)) {
                errors.add(new FieldError("ar_templates." + stage, "One of " + String.join(", ", EffectiveProfile.AR_STAGES)));
            } else if (id != null && wording.problem(REMINDER, id) != null) {
                errors.add(new FieldError("ar_templates." + stage, wording.problem(REMINDER, id)));
            }
        });
        ValidationException.throwIfAny(errors);
        Settings before = get();
        Map<String, Object> was = snapshot(before);
        boolean profileChanged = !wanted.profileId().equals(tenant.getProfileId());
        tenant.change(name, wanted.timezone(), currency, wanted.profileId());
        em.flush();
        cache.invalidate(tenant.getId());
        // an override only where the business differs from its profile as shipped
        EffectiveProfile shipped = profiles.withoutOverrides();
        String quotes = wanted.quotesEnabled() == shipped.capability("quotes") ? "null" : String.valueOf(wanted.quotesEnabled());
        String enabled = wanted.arEnabled() == shipped.arRemindersEnabled() ? "null" : String.valueOf(wanted.arEnabled());
        String schedule = days.equals(shipped.arReminderDays()) ? "null" : days.toString();
        String hour = wanted.arSendHour() == shipped.arSendHour() ? "null" : String.valueOf(wanted.arSendHour());
        StringBuilder chosen = new StringBuilder();
        templates.forEach((kind, id) -> {
            String key = Wording.PROFILE_KEYS.get(kind);
            chosen.append(chosen.length() == 0 ? "" : ",").append('"').append(key).append("\":")
                    .append(id.equals(shipped.template(key)) ? "null" : "\"" + id + "\"");
        });
        String stageChoice = EffectiveProfile.AR_STAGES.stream().map(stage -> '"' + stage + "\":"
                + (stages.get(stage) == null ? "null" : "\"" + stages.get(stage) + "\"")).collect(Collectors.joining(","));
        try {
            profiles.patchOverrides("{\"capabilities\":{\"quotes\":" + quotes + "},"
                    + "\"automations\":{\"ar_reminders\":{\"enabled\":" + enabled + ",\"days_after_due\":" + schedule
                    + ",\"send_hour\":" + hour + ",\"stage_templates\":{" + stageChoice + "}}},"
                    + "\"templates\":{" + chosen + "}}");
        } catch (ValidationException e) {
            throw new ValidationException("profile_id", "Your business's overrides do not fit this profile: " + e.getMessage());
        }
        Settings after = get();
        audit.recordChanges("tenant.settings_changed", "tenant", tenant.getId(), was, snapshot(after));
        if (profileChanged || !profileEverSelected()) {
            audit.record("tenant.profile_selected", "tenant", tenant.getId(), Map.of("profile_id", before.profileId()),
                    Map.of("profile_id", after.profileId()));
            Analytics.record(em, "tenant.profile_selected", after.profileId(), "manual", Map.of("profile_id", after.profileId()));
        }
        return after;
    }

    /** What the business prints on its invoices and quotes (Settings → Business → On your documents). */
    public BusinessDetails details() {
        access.require(Capability.MANAGE_SETTINGS);
        return tenant().details();
    }

    /** Changes them (owners and admins); every field's error at once; audited. */
    public BusinessDetails updateDetails(BusinessDetails wanted) {
        access.require(Capability.MANAGE_SETTINGS);
        Tenant tenant = tenant();
        ConflictException.checkVersion(tenant.getVersion(), wanted.version(),
                "Someone changed the business's details since you opened them", this::details);
        BusinessDetails clean = wanted.checked();
        Map<String, String> was = tenant.details().fields();
        tenant.changeDetails(clean);
        em.flush();
        cache.invalidate(tenant.getId());
        audit.recordChanges("tenant.details_changed", "tenant", tenant.getId(), was, tenant.details().fields());
        return tenant.details();
    }

    /** Invoice and quote numbering: each kind's prefix and next number. */
    public record Numbers(Numbering.Next invoice, Numbering.Next quote)
            implements Serializable {
    }

    public Numbers numbers() {
        access.require(Capability.MANAGE_SETTINGS);
        return new Numbers(Numbering.peek(em, Numbering.Kind.INVOICE),
                Numbering.peek(em, Numbering.Kind.QUOTE));
    }

    /** Changes the numbering (owners and admins); errors at "invoice.prefix", "quote.next_number", …; audited. */
    public Numbers changeNumbers(Numbers wanted) {
        access.require(Capability.MANAGE_SETTINGS);
        Numbers before = numbers();
        List<FieldError> errors = new ArrayList<>();
        Numbers after = new Numbers(change(Numbering.Kind.INVOICE, wanted.invoice(), "invoice", errors),
                change(Numbering.Kind.QUOTE, wanted.quote(), "quote", errors));
        ValidationException.throwIfAny(errors);
        audit.record("tenant.numbering_changed", "tenant", RequestContext.current().orElseThrow().tenantId(),
                Map.of("invoice", before.invoice().prefix() + before.invoice().number(),
                        "quote", before.quote().prefix() + before.quote().number()),
                Map.of("invoice", after.invoice().prefix() + after.invoice().number(),
                        "quote", after.quote().prefix() + after.quote().number()));
        return after;
    }

    private Numbering.Next change(Numbering.Kind kind, Numbering.Next wanted,
                                                   String field, List<FieldError> errors) {
        try {
            return Numbering.change(em, kind, wanted.prefix(), wanted.number(), field);
        } catch (ValidationException e) {
            errors.addAll(e.errors());
            return wanted;
        }
    }

    /** Whether an owner or admin has ever confirmed the profile (onboarding step 2). */
    public boolean profileEverSelected() {
        return !audit.history("tenant", RequestContext.current().orElseThrow().tenantId(), 200).stream()
                .filter(e -> e.action().equals("tenant.profile_selected")).toList().isEmpty();
    }

    private static Map<String, Object> snapshot(Settings s) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", s.name());
        values.put("timezone", s.timezone());
        values.put("currency", s.currency());
        values.put("profile_id", s.profileId());
        values.put("quotes", s.quotesEnabled());
        values.put("ar_enabled", s.arEnabled());
        values.put("ar_days", s.arDays());
        values.put("ar_send_hour", s.arSendHour());
        values.put("default_templates", s.templates());
        values.put("ar_templates", s.arTemplates());
        values.put("version", s.version());
        return values;
    }

    /** The business's logo, or null (anyone in the business: it is on every document it sends). */
    public BusinessLogo.Logo logo() {
        return BusinessLogo.stored(em, RequestContext.current().orElseThrow().tenantId());
    }

    /** Replaces the logo with an uploaded PNG or JPEG (refused at {@code logo} otherwise); audited. */
    public BusinessLogo.Logo changeLogo(InputStream upload) {
        access.require(Capability.MANAGE_SETTINGS);
        BusinessLogo.Logo logo = BusinessLogo.read(upload);
        String tenant = RequestContext.current().orElseThrow().tenantId();
        BusinessLogo.store(em, tenant, logo);
        audit.record("tenant.logo_changed", "tenant", tenant, null, Map.of("type", logo.type(), "bytes", logo.bytes().length));
        return logo;
    }

    /** Removes the logo; audited when there was one. */
    public void removeLogo() {
        access.require(Capability.MANAGE_SETTINGS);
        String tenant = RequestContext.current().orElseThrow().tenantId();
        if (BusinessLogo.clear(em, tenant)) {
            audit.record("tenant.logo_removed", "tenant", tenant, null, Map.of());
        }
    }

    private Tenant tenant() {
        return em.find(Tenant.class, RequestContext.current().orElseThrow().tenantId());
    }
}
