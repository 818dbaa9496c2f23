package com.smbhub.contact;

import com.smbhub.platform.errors.ValidationException;
import java.io.IOException;
import java.io.Reader;
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
 * Reads a contacts CSV: a header row naming the columns, then one contact per row; comma or semicolon separated. The
 * column names of the common exports are known — Outlook ("E-mail Address", "Mobile Phone", "Business Street"), Google
 * Contacts ("E-mail 1 - Value", "Phone 1 - Value", "Organization Name", "Address 1 - City"), HubSpot, QuickBooks,
 * Square, Jobber — besides plain ones ("Name", "Email", "Mobile", "Zip"). Where a file has several columns for one
 * field (Outlook's mobile, business and home phone), a row takes the first of them that has a value, in the order
 * the aliases below give.
 */
public final class ContactCsv {

    public static final int MAX_ROWS = 5_000;

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

    /** The rows, and the columns of the file that were not recognised (they are ignored). */
    public record Sheet(List<Row> rows, List<String> ignoredColumns) {
    }

    private ContactCsv() {
    }

    public static Sheet read(String text) {
        String csv = text.startsWith("\uFEFF") ? text.substring(1) : text;
        int firstLineEnd = csv.indexOf('\n');
        String header = firstLineEnd < 0 ? csv : csv.substring(0, firstLineEnd);
        char delimiter = header.chars().filter(c -> c == ';').count() > header.chars().filter(c -> c == ',').count() ? ';' : ',';
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).setAllowMissingColumnNames(true).setDuplicateHeaderMode(
                        DuplicateHeaderMode.ALLOW_ALL).get();
        try (Reader reader = new StringReader(csv); CSVParser parser = CSVParser.parse(reader, format)) {
            Map<String, List<String>> columnsOf = new LinkedHashMap<>(); // field → its columns, most wanted first
            List<String> ignored = new ArrayList<>();
            for (String column : parser.getHeaderNames()) {
                String field = COLUMNS.get(normalise(column));
                if (field == null || columnsOf.getOrDefault(field, List.of()).stream().anyMatch(c -> normalise(c).equals(normalise(column)))) {
                    if (!column.isBlank()) {
                        ignored.add(column);
                    }
                } else {
                    columnsOf.computeIfAbsent(field, f -> new ArrayList<>()).add(column);
                }
            }
            columnsOf.values().forEach(columns -> columns.sort(Comparator.comparingInt(c -> rank(normalise(c)))));
            if (!columnsOf.containsKey("display_name") && !columnsOf.containsKey("first_name")
                    && !columnsOf.containsKey("company_name")) {
                throw new ValidationException("file", "The first row must name the columns, with at least a Name column"
                        + " (or First name / Company), e.g. Name,Email,Phone");
            }
            List<Row> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (rows.size() == MAX_ROWS) {
                    throw new ValidationException("file", "At most " + MAX_ROWS + " contacts per import; split the file");
                }
                Map<String, String> values = new LinkedHashMap<>();
                columnsOf.forEach((field, columns) -> values.put(field, columns.stream()
                        .map(column -> record.isMapped(column) && record.isSet(column) ? record.get(column).trim() : "")
                        .filter(value -> !value.isEmpty()).findFirst().orElse(null)));
                if (values.values().stream().allMatch(v -> v == null)) {
                    continue;
                }
                rows.add(new Row(parser.getCurrentLineNumber(), draft(values)));
            }
            return new Sheet(rows, ignored);
        } catch (IOException | IllegalStateException | IllegalArgumentException | UncheckedIOException e) {
            // the parser's own words name its classes; the user gets the line and what to look at
            Matcher line = Pattern.compile("line:? (\\d+)").matcher(String.valueOf(e.getMessage()));
            throw new ValidationException("file", "Not a readable CSV file" + (line.find() ? " (line " + line.group(1) + ")" : "")
                    + ": check the quotes around values and that each row uses the same separator");
        }
    }

    private static ContactDraft draft(Map<String, String> v) {
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

    static String normalise(String column) {
        return column.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }
}
