package com.smbhub.extract;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where a message comes from, as far as it says: the business's own country when known, else the sender's
 * phone number, e-mail domain, what the text names (an Interac e-transfer, a UK postcode, a US ZIP) and the
 * sender's UTC offset. Gives the currency a bare "$" means, the region phone numbers are read in, and whether
 * 03/04 is the 3rd of April.
 */
record Locality(String country) {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final Map<String, String> CURRENCY = Map.ofEntries(Map.entry("US", "USD"), Map.entry("CA", "CAD"),
            Map.entry("AU", "AUD"), Map.entry("NZ", "NZD"), Map.entry("GB", "GBP"), Map.entry("IE", "EUR"),
            Map.entry("DE", "EUR"), Map.entry("FR", "EUR"), Map.entry("ES", "EUR"), Map.entry("IT", "EUR"),
            Map.entry("NL", "EUR"), Map.entry("MY", "MYR"), Map.entry("SG", "SGD"), Map.entry("IN", "INR"),
            Map.entry("ZA", "ZAR"));
    private static final Pattern UK_POSTCODE = Pattern.compile("\\b[A-Z]{1,2}\\d[A-Z\\d]?\\s+\\d[A-Z]{2}\\b");
    private static final Pattern CA_POSTCODE = Pattern.compile("\\b[ABCEGHJ-NPRSTVXY]\\d[A-Z]\\s?\\d[A-Z]\\d\\b");
    private static final Pattern US_ZIP = Pattern.compile("\\b(A[LKZR]|C[AOT]|DE|FL|GA|HI|I[DLNA]|K[SY]|LA|M[EDAINSOT]|N[EVHJMYCD]"
            + "|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[TA]|W[AVIY])\\s+\\d{5}\\b");
    private static final Pattern CANADA = Pattern.compile("\\b(e-?transfer|interac|HST|GST/HST|Ontario|Alberta|Quebec|"
            + "British Columbia|Manitoba|Saskatchewan|Nova Scotia|Calgary|Toronto|Vancouver|Ottawa|Edmonton|Montreal|Winnipeg)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern AUSTRALIA = Pattern.compile("\\b(ABN|arvo|G'day|NSW|VIC|QLD|Sydney|Melbourne|Brisbane|Perth|"
            + "Adelaide|Bunnings|fortnightly)\\b");

    static Locality of(Inbound message) {
        if (message.country() != null && !message.country().isBlank()) {
            return new Locality(message.country().toUpperCase(Locale.ROOT));
        }
        String fromPhone = message.sms() ? regionOfPhone(message.from(), null) : null;
        if (fromPhone != null) {
            return new Locality(fromPhone);
        }
        String domain = message.from().replaceAll("(?s).*@([^>\\s]+).*", "$1").toLowerCase(Locale.ROOT);
        String tld = domain.contains(".") ? domain.substring(domain.lastIndexOf('.') + 1) : "";
        switch (tld) {
            case "uk" -> {
                return new Locality("GB");
            }
            case "ca", "au", "nz", "ie", "de", "fr", "es", "it", "nl", "my", "sg", "in", "za" -> {
                return new Locality(tld.toUpperCase(Locale.ROOT));
            }
            default -> {
            }
        }
        String text = message.subject() + "\n" + message.text();
        if (UK_POSTCODE.matcher(text).find()) {
            return new Locality("GB");
        }
        if (CA_POSTCODE.matcher(text).find() || CANADA.matcher(text).find()) {
            return new Locality("CA");
        }
        if (US_ZIP.matcher(text).find()) {
            return new Locality("US");
        }
        int offset = message.receivedAt() == null ? -5 * 3600 : message.receivedAt().getOffset().getTotalSeconds();
        if (offset >= 8 * 3600 && offset <= 11 * 3600) {
            return new Locality("AU");
        }
        if (offset >= 12 * 3600) {
            return new Locality("NZ");
        }
        if (offset >= 0 && offset <= 3600) {
            return new Locality(AUSTRALIA.matcher(text).find() ? "AU" : "GB");
        }
        if (offset < 0 && AUSTRALIA.matcher(text).find()) {
            return new Locality("AU");
        }
        return new Locality(offset == -(int) (3.5 * 3600) || offset == -(int) (2.5 * 3600) ? "CA" : "US");
    }

    /** The region of a number written in full (+country code), null when it is not one. */
    static String regionOfPhone(String phone, String region) {
        try {
            Phonenumber.PhoneNumber number = PHONES.parse(phone, region);
            String found = PHONES.getRegionCodeForNumber(number);
            if (found == null && number.getCountryCode() == 1) {
                return "US";
            }
            return found != null && !found.equals("ZZ") ? found : PHONES.getRegionCodeForCountryCode(number.getCountryCode());
        } catch (com.google.i18n.phonenumbers.NumberParseException e) {
            return null;
        }
    }

    /** The currency a bare "$" (or no sign) means here. */
    String currency() {
        return CURRENCY.getOrDefault(country, "USD");
    }

    /** Whether 03/04/2026 is the 3rd of April (everywhere but the US and Canada's English habits). */
    boolean dayFirst() {
        return !country.equals("US") && !country.equals("CA");
    }
}
