package com.smbhub.contact;

import com.smbhub.platform.errors.ValidationException;
import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * Reads a contacts file: a CSV whose header row names the columns, then one contact per row (comma or semicolon
 * separated), or a vCard file ({@link VCards}). The column names of the common exports are known — Outlook ("E-mail
 * Address", "Mobile Phone", "Business Street"), Google Contacts ("E-mail 1 - Value", "Phone 1 - Value", "Organization
 * Name", "Address 1 - City"), HubSpot, QuickBooks, Square, Jobber — besides plain ones ("Name", "Email", "Mobile",
 * "Zip"); a person maps the others (or overrides these), and a business's choices come back next time. Where a file has
 * several columns for one field (Outlook's mobile, business and home phone), a row takes the first of them that has a
 * value: the chosen columns in the file's order, then the known ones in the order the aliases below give.
 */
public final class ContactCsv {

    public static final int MAX_ROWS = 5_000;

    /** What a column can be imported as. */
    public static final List<String> FIELDS = List.of("display_name", "first_name", "last_name", "type", "company_name",
            "email", "phone", "address_line1", "address_line2", "city", "region", "postal_code", "country", "tags", "notes");

    /** Column names people use, normalised (lower case, non-letters as "_"), to our fields, most wanted first. */
    private static final Map<String, String> COLUMNS = new LinkedHashMap<>();

    static {
        alias("display_name", "display_name", "name", "full_name", "contact", "contact_name", "customer", "customer_name",
                "customer_full_name", "client", "client_name");
        alias("first_name", "first_name", "firstname", "given_name", "first");
        alias("last_name", "last_name", "lastname", "surname", "family_name", "last");
        alias("type", "type", "contact_type", "kind");
        alias("company_name", "company_name", "company", "organisation", "organization", "organization_name",
                "organisation_name", "organization_1_name", "business", "business_name");
        alias("email", "email", "e_mail", "email_address", "e_mail_address", "e_mail_1_value", "email_1", "primary_email",
                "mail", "e_mail_2_address", "e_mail_2_value", "e_mail_3_address");
        alias("phone", "phone", "phone_number", "mobile", "mobile_phone", "mobile_phone_number", "cell", "cell_phone",
                "main_phone", "phone_1_value", "primary_phone", "business_phone", "work_phone", "telephone", "tel",
                "home_phone", "phone_2_value", "business_phone_2", "home_phone_2", "other_phone", "phone_3_value");
        alias("address_line1", "address_line1", "address", "address_1", "address1", "street", "street_address",
                "street_address_1", "address_1_street", "billing_street", "billing_street_1", "billing_address_line_1",
                "business_street", "home_street", "other_street");
        alias("address_line2", "address_line2", "address_2", "address2", "unit", "suite", "street_address_2",
                "address_1_extended_address", "billing_street_2", "billing_address_line_2", "business_street_2",
                "home_street_2");
        alias("city", "city", "town", "address_1_city", "billing_city", "business_city", "home_city", "other_city");
        alias("region", "region", "state", "province", "county", "state_region", "state_province", "address_1_region",
                "billing_state", "billing_province", "billing_region", "business_state", "home_state", "other_state");
        alias("postal_code", "postal_code", "zip", "zip_code", "postcode", "post_code", "zip_postal_code",
                "address_1_postal_code", "billing_postal_code", "billing_zip", "billing_zip_code", "business_postal_code",
                "home_postal_code", "other_postal_code");
        alias("country", "country", "country_region", "address_1_country", "billing_country", "business_country_region",
                "business_country", "home_country_region", "other_country_region");
        alias("tags", "tags", "tag", "labels", "categories", "group_membership");
        alias("notes", "notes", "note", "comments", "comment");
    }

    private static void alias(String field, String... names) {
        Arrays.stream(names).forEach(n -> COLUMNS.put(n, field));
    }

    /** How much a column is wanted for its field: its place among the field's aliases (0 first). */
    private static int rank(String normalised) {
        String field = COLUMNS.get(normalised);
        int rank = 0;
        for (Map.Entry<String, String> alias : COLUMNS.entrySet()) {
            if (alias.getKey().equals(normalised)) {
                return rank;
            }
            if (alias.getValue().equals(field)) {
                rank++;
            }
        }
        return rank;
    }

    /** One data row: its line in the file (the header is line 1) and the draft read from it. */
    public record Row(long line, ContactDraft draft) {
    }

    /** A column of the file: its name, what it is imported as (null: left out) and its first value, for a person to judge. */
    public record Column(String name, String field, String sample) implements Serializable {
    }

    /** The rows, and the file's columns (none for a vCard file, whose fields are fixed). */
    public record Sheet(List<Row> rows, List<Column> columns) {

        /** The columns left out. */
        public List<String> ignoredColumns() {
            return columns.stream().filter(c -> c.field() == null && !c.name().isBlank()).map(Column::name).toList();
        }
    }

    private ContactCsv() {
    }

    public static Sheet read(String text) {
        return read(text, Map.of());
    }

    /**
     * {@code chosen}: a column's name {@link #normalise normalised} to the field it is imported as, or "" for a column
     * left out; it goes before the known names.
     */
    public static Sheet read(String text, Map<String, String> chosen) {
        String csv = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (csv.indexOf('\u0000') >= 0) {
            throw new ValidationException("file", "Not a CSV or vCard file: save the contacts as CSV (or .vcf) and try again");
        }
        if (VCards.looksLike(csv)) {
            return new Sheet(VCards.read(csv), List.of());
        }
        int firstLineEnd = csv.indexOf('\n');
        String header = firstLineEnd < 0 ? csv : csv.substring(0, firstLineEnd);
        char delimiter = header.chars().filter(c -> c == ';').count() > header.chars().filter(c -> c == ',').count() ? ';' : ',';
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).setAllowMissingColumnNames(true).setDuplicateHeaderMode(
                        DuplicateHeaderMode.ALLOW_ALL).get();
        try (Reader reader = new StringReader(csv); CSVParser parser = CSVParser.parse(reader, format)) {
            Map<String, List<String>> columnsOf = new LinkedHashMap<>(); // field → its columns, most wanted first
            Map<String, String> fieldOf = new LinkedHashMap<>(); // column → its field, or null
            for (String column : parser.getHeaderNames()) {
                String key = normalise(column);
                String field = chosen.containsKey(key) ? emptyToNull(chosen.get(key)) : COLUMNS.get(key);
                boolean again = fieldOf.keySet().stream().anyMatch(c -> normalise(c).equals(key));
                if (field != null && !again) {
                    columnsOf.computeIfAbsent(field, f -> new ArrayList<>()).add(column);
                }
                fieldOf.putIfAbsent(column, again ? null : field);
            }
            columnsOf.values().forEach(columns -> columns.sort(Comparator.comparingInt(
                    c -> chosen.containsKey(normalise(c)) ? -1 : rank(normalise(c)))));
            List<Row> rows = new ArrayList<>();
            Map<String, String> samples = new LinkedHashMap<>();
            for (CSVRecord record : parser) {
                if (rows.size() == MAX_ROWS) {
                    throw new ValidationException("file", "At most " + MAX_ROWS + " contacts per import; split the file");
                }
                for (String column : fieldOf.keySet()) {
                    if (!samples.containsKey(column) && record.isMapped(column) && record.isSet(column)
                            && !record.get(column).isBlank()) {
                        samples.put(column, record.get(column).trim());
                    }
                }
                Map<String, String> values = new LinkedHashMap<>();
                columnsOf.forEach((field, columns) -> values.put(field, columns.stream()
                        .map(column -> record.isMapped(column) && record.isSet(column) ? record.get(column).trim() : "")
                        .filter(value -> !value.isEmpty()).findFirst().orElse(null)));
                if (record.values().length == 0 || Arrays.stream(record.values()).allMatch(String::isBlank)) {
                    continue;
                }
                rows.add(new Row(parser.getCurrentLineNumber(), draft(values)));
            }
            if (rows.isEmpty()) {
                throw new ValidationException("file", "No contacts in the file: its first row names the columns (e.g."
                        + " Name,Email,Phone) and each row after it is a contact");
            }
            List<Column> columns = fieldOf.entrySet().stream()
                    .map(c -> new Column(c.getKey(), c.getValue(), samples.get(c.getKey()))).toList();
            return new Sheet(rows, columns);
        } catch (IOException | IllegalStateException | IllegalArgumentException | UncheckedIOException e) {
            // the parser's own words name its classes; the user gets the line and what to look at
            Matcher line = Pattern.compile("line:? (\\d+)").matcher(String.valueOf(e.getMessage()));
            throw new ValidationException("file", "Not a readable CSV file" + (line.find() ? " (line " + line.group(1) + ")" : "")
                    + ": check the quotes around values and that each row uses the same separator");
        }
    }

    private static String emptyToNull(String field) {
        return field == null || field.isEmpty() ? null : field;
    }

    static ContactDraft draft(Map<String, String> v) {
        String name = v.get("display_name");
        if (name == null) {
            String joined = String.join(" ", Stream.of(v.get("first_name"), v.get("last_name"))
                    .filter(Objects::nonNull).toList());
            name = joined.isBlank() ? v.get("company_name") : joined;
        }
        // Google writes "* myContacts ::: Friends" (its own groups start with "* "), Outlook "Clients;VIP"
        List<String> tags = v.get("tags") == null ? List.of() : Arrays.stream(v.get("tags").split("[;,|]|:::"))
                .map(String::trim).filter(t -> !t.isEmpty() && !t.startsWith("* ")).toList();
        String type = v.get("type") == null ? null : v.get("type").toUpperCase(Locale.ROOT);
        return new ContactDraft(type, name, v.get("company_name"), v.get("email"), v.get("phone"), v.get("address_line1"),
                v.get("address_line2"), v.get("city"), v.get("region"), v.get("postal_code"), v.get("country"), tags,
                v.get("notes"));
    }

    public static String normalise(String column) {
        return column.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }
}
