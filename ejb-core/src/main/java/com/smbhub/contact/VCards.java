package com.smbhub.contact;

import com.smbhub.platform.errors.ValidationException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a vCard file (.vcf) of one or many cards, versions 2.1 (Outlook, older phones: quoted-printable, CHARSET), 3.0
 * (Apple Contacts, Google: item1.EMAIL groups) and 4.0: the name (FN, else N), organisation, the preferred e-mail,
 * phone (preferred, else mobile, else work) and address, notes and categories. Each card is a row whose line is the
 * one its BEGIN:VCARD is on.
 */
final class VCards {

    private static final Pattern BEGIN = Pattern.compile("(?is)\\A\\s*BEGIN\\s*:\\s*VCARD\\b.*");

    private VCards() {
    }

    static boolean looksLike(String text) {
        return BEGIN.matcher(text.length() > 200 ? text.substring(0, 200) : text).matches();
    }

    /** A property of a card: its name (upper case, group dropped), its parameters (upper case) and raw value. */
    private record Property(String name, List<String> params, String value) {

        /** Whether it has that type: ";CELL" (2.1), "TYPE=cell,pref" (3.0) or, for PREF, "PREF=1" (4.0). */
        boolean has(String type) {
            return params.stream().anyMatch(p -> p.equals(type) || p.startsWith("TYPE=")
                    && List.of(p.substring(5).split(",")).contains(type) || type.equals("PREF") && p.startsWith("PREF="));
        }

        String param(String key) {
            return params.stream().filter(p -> p.startsWith(key + "=")).map(p -> p.substring(key.length() + 1)).findFirst()
                    .orElse(null);
        }
    }

    static List<ContactCsv.Row> read(String text) {
        String[] lines = text.split("\r?\n", -1);
        List<ContactCsv.Row> rows = new ArrayList<>();
        List<Property> card = null;
        long begin = 0;
        for (int i = 0; i < lines.length; i++) {
            StringBuilder line = new StringBuilder(lines[i]);
            // folded lines (a leading space or tab) and quoted-printable soft breaks (a trailing "=") go on
            boolean quoted = line.toString().toUpperCase(Locale.ROOT).contains("QUOTED-PRINTABLE");
            while (i + 1 < lines.length && (lines[i + 1].startsWith(" ") || lines[i + 1].startsWith("\t")
                    || quoted && line.toString().endsWith("="))) {
                if (quoted && line.toString().endsWith("=")) {
                    line.setLength(line.length() - 1);
                    line.append(lines[++i].stripLeading());
                } else {
                    line.append(lines[++i].substring(1));
                }
            }
            Property property = property(line.toString());
            if (property == null) {
                continue;
            }
            if (property.name().equals("BEGIN") && property.value().trim().equalsIgnoreCase("VCARD")) {
                card = new ArrayList<>();
                begin = i + 1L;
            } else if (property.name().equals("END") && property.value().trim().equalsIgnoreCase("VCARD") && card != null) {
                add(rows, begin, card);
                card = null;
            } else if (card != null) {
                card.add(property);
            }
        }
        if (card != null) {
            add(rows, begin, card); // a last card without its END
        }
        if (rows.isEmpty()) {
            throw new ValidationException("file", "No contacts in the vCard file");
        }
        return rows;
    }

    private static void add(List<ContactCsv.Row> rows, long line, List<Property> card) {
        if (rows.size() == ContactCsv.MAX_ROWS) {
            throw new ValidationException("file", "At most " + ContactCsv.MAX_ROWS + " contacts per import; split the file");
        }
        Map<String, String> v = new HashMap<>();
        first(card, "FN").ifPresent(p -> v.put("display_name", text(p)));
        first(card, "N").ifPresent(p -> {
            List<String> n = parts(p);
            v.put("last_name", part(n, 0));
            v.put("first_name", part(n, 1));
        });
        first(card, "ORG").ifPresent(p -> v.put("company_name", part(parts(p), 0)));
        best(card, "EMAIL", List.of("PREF", "WORK", "HOME")).ifPresent(p -> v.put("email", text(p)));
        best(card, "TEL", List.of("PREF", "CELL", "WORK", "HOME")).ifPresent(p -> v.put("phone", text(p)));
        best(card, "ADR", List.of("PREF", "WORK", "HOME")).ifPresent(p -> {
            List<String> a = parts(p); // post office box; extended address; street; locality; region; postal code; country
            String[] street = part(a, 2) == null ? new String[0] : part(a, 2).split("\r?\n", 2);
            v.put("address_line1", street.length > 0 ? blankToNull(street[0]) : null);
            v.put("address_line2", street.length > 1 ? blankToNull(street[1].replaceAll("\\s*\r?\n\\s*", ", "))
                    : part(a, 1) != null ? part(a, 1) : part(a, 0));
            v.put("city", part(a, 3));
            v.put("region", part(a, 4));
            v.put("postal_code", part(a, 5));
            v.put("country", part(a, 6));
        });
        List<String> notes = card.stream().filter(p -> p.name().equals("NOTE")).map(VCards::text).filter(t -> t != null).toList();
        if (!notes.isEmpty()) {
            v.put("notes", String.join("\n", notes));
        }
        first(card, "CATEGORIES").ifPresent(p -> v.put("tags", text(p)));
        v.values().removeIf(value -> value == null || value.isBlank());
        if (!v.isEmpty()) {
            rows.add(new ContactCsv.Row(line, ContactCsv.draft(v)));
        }
    }

    private static Optional<Property> first(List<Property> card, String name) {
        return card.stream().filter(p -> p.name().equals(name) && text(p) != null).findFirst();
    }

    /** The property of that name with the first of {@code wanted} types, else the first. */
    private static Optional<Property> best(List<Property> card, String name, List<String> wanted) {
        return card.stream().filter(p -> p.name().equals(name) && text(p) != null).min(Comparator.comparingInt(p -> {
            for (int rank = 0; rank < wanted.size(); rank++) {
                if (p.has(wanted.get(rank))) {
                    return rank;
                }
            }
            return wanted.size();
        }));
    }

    /** "item1.TEL;TYPE=CELL:+1 416…" read as name, parameters and value; null for a line that is no property. */
    private static Property property(String line) {
        int colon = -1;
        boolean inQuotes = false;
        for (int i = 0; i < line.length() && colon < 0; i++) {
            char c = line.charAt(i);
            if (c == '"') {
                inQuotes = !inQuotes;
            } else if (c == ':' && !inQuotes) {
                colon = i;
            }
        }
        if (colon <= 0) {
            return null;
        }
        String[] head = line.substring(0, colon).split(";");
        String name = head[0].trim().toUpperCase(Locale.ROOT);
        name = name.substring(name.lastIndexOf('.') + 1);
        List<String> params = new ArrayList<>();
        for (int i = 1; i < head.length; i++) {
            params.add(head[i].trim().replace("\"", "").toUpperCase(Locale.ROOT));
        }
        return new Property(name, params, line.substring(colon + 1));
    }

    /** The value decoded (quoted-printable, charset), unstructured: escapes undone. Null when blank. */
    private static String text(Property p) {
        return blankToNull(unescape(decoded(p)).trim());
    }

    /** A structured value (N, ADR, ORG) split at its unescaped semicolons, each part unescaped. */
    private static List<String> parts(Property p) {
        String value = decoded(p);
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                part.append(c).append(value.charAt(++i));
            } else if (c == ';') {
                parts.add(unescape(part.toString()).trim());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(unescape(part.toString()).trim());
        return parts;
    }

    private static String part(List<String> parts, int index) {
        return index < parts.size() ? blankToNull(parts.get(index)) : null;
    }

    private static String decoded(Property p) {
        String encoding = p.param("ENCODING");
        boolean quoted = "QUOTED-PRINTABLE".equals(encoding) || p.params().contains("QUOTED-PRINTABLE");
        if (!quoted) {
            return p.value();
        }
        Charset charset = StandardCharsets.UTF_8;
        try {
            if (p.param("CHARSET") != null) {
                charset = Charset.forName(p.param("CHARSET"));
            }
        } catch (IllegalArgumentException unknown) {
            // an unknown charset: read as UTF-8
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String value = p.value();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '=' && i + 2 < value.length() && isHex(value.charAt(i + 1)) && isHex(value.charAt(i + 2))) {
                bytes.write(Integer.parseInt(value.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(charset);
                bytes.write(b, 0, b.length);
            }
        }
        return bytes.toString(charset);
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    private static String unescape(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char next = value.charAt(++i);
                out.append(next == 'n' || next == 'N' ? '\n' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
