package com.smbhub.contact;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.errors.ValidationException.FieldError;
import com.smbhub.profile.EffectiveProfile;
import com.smbhub.profile.ProfileRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks and normalises a contact draft: trimmed text, lower-case e-mail, phone in E.164 (with its extension, if any). */
public final class ContactChecks {

    static final Set<String> TYPES = Set.of("CUSTOMER", "VENDOR", "LEAD", "OTHER");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    /** Between a stored number and its extension. */
    private static final String EXTENSION = " x";

    private ContactChecks() {
    }

    /** Returns the normalised draft or throws with every field error at once. */
    static ContactDraft normalise(ContactDraft d, String defaultRegion, EffectiveProfile profile) {
        List<FieldError> errors = new ArrayList<>();
        String type = d.type() == null || d.type().isBlank() ? "CUSTOMER" : d.type().trim().toUpperCase();
        if (!TYPES.contains(type)) {
            errors.add(new FieldError("type", "One of CUSTOMER, VENDOR, LEAD, OTHER"));
        }
        String name = text(d.displayName(), "display_name", 200, errors);
        String email = text(d.email(), "email", 254, errors);
        if (email != null) {
            email = email.toLowerCase();
            if (!isEmail(email)) {
                errors.add(new FieldError("email", "Not a valid e-mail address"));
            }
        }
        String phone = withExtension(text(d.phone(), "phone", 40, errors), defaultRegion, errors);
        Set<String> tags = new LinkedHashSet<>();
        for (String tag : d.tags()) {
            if (tag != null && !tag.isBlank()) {
                String t = tag.trim().toLowerCase();
                if (t.chars().anyMatch(ch -> ch < 0x20)) {
                    errors.add(new FieldError("tags", "Contains characters that cannot be stored"));
                } else if (t.length() > 40) {
                    errors.add(new FieldError("tags", "Tags are at most 40 characters"));
                } else {
                    tags.add(t);
                }
            }
        }
        if (tags.size() > 30) {
            errors.add(new FieldError("tags", "At most 30 tags"));
        }
        ContactDraft clean = new ContactDraft(type, name, text(d.companyName(), "company_name", 200, errors), email, phone,
                text(d.addressLine1(), "address_line1", 200, errors), text(d.addressLine2(), "address_line2", 200, errors),
                text(d.city(), "city", 100, errors), text(d.region(), "region", 100, errors),
                text(d.postalCode(), "postal_code", 20, errors), text(d.country(), "country", 100, errors),
                List.copyOf(tags), text(d.notes(), "notes", 10_000, errors));
        Map<String, Object> payload = new HashMap<>();
        payload.put("display_name", clean.displayName());
        payload.put("type", clean.type());
        payload.put("email", clean.email());
        payload.put("phone", clean.phone());
        for (FieldError e : ProfileRules.validate("contact", payload, ProfileRules.Operation.CREATE, profile)) {
            if (errors.stream().noneMatch(x -> x.field().equals(e.field()))) {
                errors.add(e);
            }
        }
        ValidationException.throwIfAny(errors);
        return clean;
    }

    /** A phone number in E.164, read in the region of a business with this currency when it has no country code. */
    public static Optional<String> e164(String raw, String currency) {
        List<FieldError> errors = new ArrayList<>();
        String number = raw == null || raw.isBlank() ? null : phone(raw.trim(), regionFor(currency), errors);
        return number == null || !errors.isEmpty() ? Optional.empty() : Optional.of(number);
    }

    /** An E.164 number as people read it ("+1 416-555-0134", "+1 416-555-0134 ext. 22"); anything else as it is. */
    public static String readable(String number) {
        if (number == null || !number.startsWith("+")) {
            return number;
        }
        try {
            return PHONES.format(PHONES.parse(number, null), PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL);
        } catch (NumberParseException e) {
            return number;
        }
    }

    /** Whether the text is an e-mail address as mail servers take it. */
    public static boolean isEmail(String text) {
        return text != null && EMAIL.matcher(text).matches();
    }

    /** A contact's phone: E.164, and its extension after " x" when it has one ("+14165550134 x22", a desk line). */
    public static String withExtension(String raw, String defaultRegion, List<FieldError> errors) {
        String number = phone(raw, defaultRegion, errors);
        if (number == null || !number.startsWith("+")) {
            return number;
        }
        try {
            Phonenumber.PhoneNumber parsed = PHONES.parse(raw, raw.startsWith("+") ? null : defaultRegion);
            return parsed.hasExtension() ? number + EXTENSION + parsed.getExtension() : number;
        } catch (NumberParseException e) {
            return number;
        }
    }

    /** Whether a stored phone has an extension (a desk line: no texts to it). */
    public static boolean hasExtension(String stored) {
        return stored != null && stored.contains(EXTENSION);
    }

    static String phone(String raw, String defaultRegion, List<FieldError> errors) {
        if (raw == null) {
            return null;
        }
        try {
            Phonenumber.PhoneNumber number = PHONES.parse(raw, raw.startsWith("+") ? null : defaultRegion);
            if (!PHONES.isPossibleNumber(number)) {
                errors.add(new FieldError("phone", "Not a valid phone number"));
                return raw;
            }
            return PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            errors.add(new FieldError("phone", defaultRegion == null
                    ? "Write the number with its country code, e.g. +1 416 555 0100"
                    : "Not a valid phone number"));
            return raw;
        }
    }

    private static String text(String value, String field, int max, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.chars().anyMatch(ch -> ch < 0x20 && ch != '\n' && ch != '\r' && ch != '\t')) {
            errors.add(new FieldError(field, "Contains characters that cannot be stored"));
            return null;
        }
        if (trimmed.length() > max) {
            errors.add(new FieldError(field, "At most " + max + " characters"));
        }
        return trimmed;
    }

    /** The region to read local phone numbers in, from the business's currency. */
    static String regionFor(String currency) {
        return switch (currency == null ? "" : currency) {
            case "CAD" -> "CA";
            case "USD" -> "US";
            case "GBP" -> "GB";
            case "AUD" -> "AU";
            case "NZD" -> "NZ";
            default -> null;
        };
    }
}
