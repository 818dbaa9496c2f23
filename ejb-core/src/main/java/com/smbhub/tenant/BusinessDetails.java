package com.smbhub.tenant;

import com.smbhub.contact.ContactChecks;
import com.smbhub.money.DocumentPdf;
import com.smbhub.platform.InputText;
import com.smbhub.platform.PostalAddress;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.errors.ValidationException.FieldError;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a business prints on its invoices and quotes, under its name: legal name (when it differs), address, phone,
 * e-mail, website, tax registration numbers (one per line, as the law wants them shown: "GST/HST 123456789 RT0001"),
 * and the notes and terms a new invoice or quote starts with. Every field may be empty.
 */
public record BusinessDetails(String legalName, PostalAddress address, String phone, String email, String website,
                              String taxNumbers, String defaultNotes, String defaultTerms, long version)
        implements Serializable {

    private static final Pattern WEBSITE = Pattern.compile("^(https?://)?[\\p{L}0-9-]+(\\.[\\p{L}0-9-]+)+(/\\S*)?$",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /** The notes and terms a new invoice or quote starts with. */
    public record Defaults(String notes, String terms) implements Serializable {
    }

    /** The notes and terms a new document starts with. */
    public Defaults defaults() {
        return new Defaults(defaultNotes, defaultTerms);
    }

    /** Every field by its name (as the audit and an export keep them), an empty one as null. */
    public Map<String, String> fields() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("legal_name", legalName);
        values.put("address_line1", address.line1());
        values.put("address_line2", address.line2());
        values.put("city", address.city());
        values.put("region", address.region());
        values.put("postal_code", address.postalCode());
        values.put("country", address.country());
        values.put("phone", phone);
        values.put("email", email);
        values.put("website", website);
        values.put("tax_numbers", taxNumbers);
        values.put("default_notes", defaultNotes);
        values.put("default_terms", defaultTerms);
        return values;
    }

    /** The details named by {@link #fields()} (an export's), unchecked. */
    public static BusinessDetails of(Map<String, String> fields, long version) {
        return new BusinessDetails(fields.get("legal_name"), new PostalAddress(fields.get("address_line1"),
                fields.get("address_line2"), fields.get("city"), fields.get("region"), fields.get("postal_code"),
                fields.get("country")), fields.get("phone"), fields.get("email"), fields.get("website"),
                fields.get("tax_numbers"), fields.get("default_notes"), fields.get("default_terms"), version);
    }

    /** The registration numbers, one per line. */
    public List<String> taxNumberLines() {
        return lines(taxNumbers);
    }

    /** The letterhead of a document: name, then legal name, address, how to reach the business, its tax numbers. */
    public DocumentPdf.From letterhead(String name, byte[] logo) {
        List<String> under = new ArrayList<>();
        if (legalName != null && !legalName.equalsIgnoreCase(name)) {
            under.add(legalName);
        }
        String country = address.country() == null ? null : new Locale("", address.country()).getDisplayCountry(Locale.ENGLISH);
        under.addAll(new PostalAddress(address.line1(), address.line2(), address.city(), address.region(), address.postalCode(),
                country).lines());
        String reach = String.join(" · ", Stream.of(ContactChecks.readable(phone), email, website)
                .filter(s -> s != null && !s.isBlank()).toList());
        if (!reach.isEmpty()) {
            under.add(reach);
        }
        return new DocumentPdf.From(name, under, taxNumberLines(), logo);
    }

    /** The details trimmed (blank as none, country upper case) or every field's error at once. */
    public BusinessDetails checked() {
        List<FieldError> errors = new ArrayList<>();
        String country = line(address.country(), "country", 2, errors);
        if (country != null) {
            country = country.toUpperCase(Locale.ROOT);
            if (!COUNTRIES.contains(country)) {
                errors.add(new FieldError("country", "Choose a country from the list"));
            }
        }
        String mail = line(email, "email", 254, errors);
        if (mail != null && !ContactChecks.isEmail(mail.toLowerCase(Locale.ROOT))) {
            errors.add(new FieldError("email", "Not a valid e-mail address, e.g. hello@yourbusiness.com"));
        }
        String site = line(website, "website", 200, errors);
        if (site != null && !WEBSITE.matcher(site).matches()) {
            errors.add(new FieldError("website", "Not a web address, e.g. yourbusiness.com"));
        }
        String tax = InputText.optional(taxNumbers, "tax_numbers", 300, errors);
        if (tax != null && (lines(tax).size() > 4 || lines(tax).stream().anyMatch(l -> l.length() > 80))) {
            errors.add(new FieldError("tax_numbers", "Up to 4 lines of at most 80 characters, e.g. GST/HST 123456789 RT0001"));
        }
        BusinessDetails clean = new BusinessDetails(line(legalName, "legal_name", 200, errors),
                new PostalAddress(line(address.line1(), "address_line1", 200, errors),
                        line(address.line2(), "address_line2", 200, errors), line(address.city(), "city", 100, errors),
                        line(address.region(), "region", 100, errors), line(address.postalCode(), "postal_code", 20, errors),
                        country),
                ContactChecks.withExtension(line(phone, "phone", 40, errors), country, errors), mail == null ? null : mail.toLowerCase(Locale.ROOT), site, tax == null ? null
                : String.join("\n", lines(tax)), InputText.optional(defaultNotes, "default_notes", 2000, errors),
                InputText.optional(defaultTerms, "default_terms", 2000, errors), version);
        ValidationException.throwIfAny(errors);
        return clean;
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    /** One line of text: trimmed, null when blank. */
    private static String line(String value, String field, int max, List<FieldError> errors) {
        String v = InputText.optional(value, field, max, errors);
        if (v != null && v.contains("\n")) {
            errors.add(new FieldError(field, "One line only"));
        }
        return v;
    }
}
