package com.smbhub.contact;

import com.smbhub.platform.errors.ValidationException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
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
 * Reads a contacts CSV: a header row naming the columns (common spellings accepted, e.g. "Name",
 * "E-mail", "Mobile", "Zip"), then one contact per row. Comma or semicolon separated.
 */
public final class ContactCsv {

    public static final int MAX_ROWS = 5_000;

    /** Column names people use, normalised (lower case, non-letters as "_"), to our fields. */
    private static final Map<String, String> COLUMNS = new LinkedHashMap<>();

    static {
        alias("display_name", "display_name", "name", "full_name", "contact", "contact_name", "customer", "customer_name");
        alias("first_name", "first_name", "firstname", "given_name", "first");
        alias("last_name", "last_name", "lastname", "surname", "family_name", "last");
        alias("type", "type", "contact_type", "kind");
        alias("company_name", "company_name", "company", "organisation", "organization", "business");
        alias("email", "email", "e_mail", "email_address", "mail");
        alias("phone", "phone", "phone_number", "mobile", "cell", "telephone", "tel");
        alias("address_line1", "address_line1", "address", "address_1", "address1", "street", "street_address");
        alias("address_line2", "address_line2", "address_2", "address2", "unit", "suite");
        alias("city", "city", "town");
        alias("region", "region", "state", "province", "county");
        alias("postal_code", "postal_code", "zip", "zip_code", "postcode", "post_code");
        alias("country", "country");
        alias("tags", "tags", "tag", "labels");
        alias("notes", "notes", "note", "comments", "comment");
    }

    private static void alias(String field, String... names) {
        Arrays.stream(names).forEach(n -> COLUMNS.put(n, field));
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
            Map<String, String> fieldOf = new LinkedHashMap<>();
            List<String> ignored = new ArrayList<>();
            for (String column : parser.getHeaderNames()) {
                String field = COLUMNS.get(normalise(column));
                if (field == null || fieldOf.containsValue(field)) {
                    if (!column.isBlank()) {
                        ignored.add(column);
                    }
                } else {
                    fieldOf.put(column, field);
                }
            }
            if (!fieldOf.containsValue("display_name") && !fieldOf.containsValue("first_name")
                    && !fieldOf.containsValue("company_name")) {
                throw new ValidationException("file", "The first row must name the columns, with at least a Name column"
                        + " (or First name / Company), e.g. Name,Email,Phone");
            }
            List<Row> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (rows.size() == MAX_ROWS) {
                    throw new ValidationException("file", "At most " + MAX_ROWS + " contacts per import; split the file");
                }
                Map<String, String> values = new LinkedHashMap<>();
                fieldOf.forEach((column, field) -> {
                    String value = record.isMapped(column) && record.isSet(column) ? record.get(column) : null;
                    values.put(field, value == null || value.isBlank() ? null : value.trim());
                });
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
        List<String> tags = v.get("tags") == null ? List.of() : Arrays.stream(v.get("tags").split("[;,|]"))
                .map(String::trim).filter(t -> !t.isEmpty()).toList();
        String type = v.get("type") == null ? null : v.get("type").toUpperCase(Locale.ROOT);
        return new ContactDraft(type, name, v.get("company_name"), v.get("email"), v.get("phone"), v.get("address_line1"),
                v.get("address_line2"), v.get("city"), v.get("region"), v.get("postal_code"), v.get("country"), tags,
                v.get("notes"));
    }

    static String normalise(String column) {
        return column.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }
}
