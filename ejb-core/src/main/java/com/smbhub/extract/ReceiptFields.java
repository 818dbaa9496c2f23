package com.smbhub.extract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Vendor, date, total, tax, currency and category read from a receipt's text (its own or OCR's), each with how
 * sure the reading is. Built for what OCR makes of thermal prints: "T0TAL", "33, 92", amounts split from their
 * labels; the total is the amount a total line names that the rest of the receipt agrees with (the same amount
 * paid, or cash less change).
 */
public record ReceiptFields(String vendor, LocalDate date, BigDecimal total, BigDecimal tax, String currency, String category,
        double confidence, Map<String, Double> fieldConfidence) {

    private static final int I = Pattern.CASE_INSENSITIVE;
    private static final Pattern AMOUNT = Pattern.compile("(?<![\\d.,])(-?(?:\\d{1,3}(?:,\\d{3})+|\\d+))\\s?[.,]\\s?(\\d{2})(?![\\d])");
    /** "TOTAL" as OCR reads it: T0TAL, TOTA!, Tatal, HTotal, 7OTAL. */
    private static final String TOTAL = "(?:[T7]|(?<=[A-Z#]))[O0A][T7][A4][L1I!|]";
    private static final Pattern STRONG_TOTAL = Pattern.compile("\\b(ROUND\\w*\\W*\\w*\\W*" + TOTAL + "|" + TOTAL + "\\W*ROUND\\w*|GRAND\\s*"
            + TOTAL + "|NETT?\\s*" + TOTAL + "|" + TOTAL + "\\s*(PAYABLE|DUE|AMOUNT|AMT|SALES|INCL\\w*|\\(?RM\\)?|\\(?\\$\\)?)|"
            + "AMOUNT\\s*(DUE|PAYABLE)|BALANCE\\s*DUE)", I);
    private static final Pattern PLAIN_TOTAL = Pattern.compile("(?:\\b|(?<=[A-Z#]))" + TOTAL + "(?![A-Za-z])", I);
    private static final Pattern NOT_TOTAL = Pattern.compile("\\b(SUB\\W*" + TOTAL + "|" + TOTAL + "\\W*(QTY|QUANTITY|ITEMS?|DISC\\w*|"
            + "SAVINGS?|GST|TAX|VAT|EXC\\w*|WEIGHT|POINTS?)|QTY|ITEMS?\\s*:|EXCL\\w*|EXCLUDING|\\(EX\\)|BEFORE\\s*TAX)", I);
    private static final Pattern PAID = Pattern.compile("\\b(CASH|TENDER\\w*|PAID|PAYMENT|CARD|VISA|MASTER\\w*|AMEX|DEBIT|CREDIT)\\b", I);
    private static final Pattern CHANGE = Pattern.compile("\\b(CHANGE|CHG)\\b", I);
    private static final Pattern TAX = Pattern.compile("\\b(GST|VAT|SST|HST|PST|SALES\\s*TAX|TAX)\\b(?!\\s*(INVOICE|NO|REG|ID|#|SUMMARY))", I);
    private static final Pattern DATE_LABEL = Pattern.compile("\\b(DATE|DATED|TARIKH)\\b", I);
    private static final Pattern COMPANY = Pattern.compile("\\b(SDN\\.?\\s*BHD|BHD|S/B|ENTERPRISES?|TRADING|PERNIAGAAN|SYARIKAT|RESTAURANT|RESTORAN|STORES?|MART|"
            + "SUPERMARKET|HYPERMARKET|HARDWARE|STATIONERY|BAKERY|CAFE|KEDAI|PHARMACY|LTD|LLC|INC|PLT|GALLERY|HOLDINGS|MARKETING|"
            + "SERVICES?|CENTRE|CENTER|CO|COMPANY|CORP\\w*|GROUP|INDUSTRIES|MARKET|BOOKS?|BOOKSTORE|FOOD|SHOP|OUTLET|DECO|DIY|TEA|"
            + "KOPITIAM|ELECTRICAL|MACHINERY|AUTO|MOTOR|PRINTING|FLORIST|BOUTIQUE)\\b", I);
    private static final Pattern NOT_NAME = Pattern.compile("\\b(JALAN|JLN|LOT|TAMAN|TMN|ROAD|STREET|AVENUE|TEL|FAX|PHONE|GST|ROC|REG|"
            + "CO\\.?\\s*REG|RECEIPT|INVOICE|CASH\\s*BILL|BILL|CASHIER|DATE|TIME|NO\\.|NO:|WELCOME|THANK|MEMBER|TABLE|ORDER|"
            + "DOCUMENT|SIMPLIFIED|TAX)\\b|\\(\\s*\\d{4,}|\\d{5}", I);
    private static final Pattern LEGAL_NAME = Pattern.compile("[A-Z].*\\)\\s*(SDN\\.?\\s*BHD|BHD|LTD|LIMITED|INC|LLC|PLT)\\.?$", I);
    private static final Pattern MALAYSIA = Pattern.compile("\\b(SDN\\.?\\s*BHD|BHD|MALAYSIA|JOHOR|SELANGOR|KUALA LUMPUR|PULAU PINANG|"
            + "PENANG|KEDAH|PERAK|MELAKA|PAHANG|SABAH|SARAWAK|JALAN|TAMAN)\\b|\\bRM\\s?\\d", I);

    /** Reads what a scan made of a receipt: its text and, for a picture, OCR's other readings of it. */
    public static ReceiptFields read(ReceiptScan.Text scan, LocalDate today, String country) {
        ReceiptFields fields = read(scan.text(), today, country);
        for (String other : scan.otherReadings()) {
            fields = fields.or(read(other, today, country));
        }
        return fields;
    }

    /**
     * Each field from whichever of two readings of one receipt is surer of it, this one on a tie (a date only when
     * this one has none): the line-by-line reading catches a shop's name in large print, the block reading keeps
     * amounts beside their labels.
     */
    ReceiptFields or(ReceiptFields other) {
        Map<String, Double> confidence = new LinkedHashMap<>(fieldConfidence);
        boolean vendorThere = surer(other, "vendor");
        boolean totalThere = surer(other, "total");
        boolean dateThere = date == null && other.date != null;
        for (String field : List.of("vendor", "total", "date")) {
            if (field.equals("vendor") && vendorThere || field.equals("total") && totalThere || field.equals("date") && dateThere) {
                confidence.put(field, other.fieldConfidence.get(field));
            }
        }
        double overall = confidence.values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
        return new ReceiptFields(vendorThere ? other.vendor : vendor, dateThere ? other.date : date, totalThere ? other.total : total, tax != null ? tax : other.tax,
                currency, vendorThere ? other.category : category, Math.round(overall * 100) / 100.0, confidence);
    }

    private boolean surer(ReceiptFields other, String field) {
        return other.fieldConfidence.getOrDefault(field, 0.0) > fieldConfidence.getOrDefault(field, 0.0);
    }

    /** Reads a receipt's text; {@code country} is the business's (ISO 3166), null when not known. */
    public static ReceiptFields read(String text, LocalDate today, String country) {
        String t = text == null ? "" : text.length() > 50_000 ? text.substring(0, 50_000) : text;
        List<String> lines = new ArrayList<>();
        for (String line : t.split("\\R")) {
            String l = line.trim();
            if (!l.isEmpty()) {
                lines.add(l);
            }
        }
        String place = MALAYSIA.matcher(t).find() ? "MY" : country != null ? country.toUpperCase(Locale.ROOT) : null;
        Map<String, Double> confidence = new LinkedHashMap<>();
        Candidate total = total(lines, t);
        confidence.put("total", total == null ? 0.0 : total.confidence());
        LocalDate date = date(lines, today, place == null || !place.equals("US") && !place.equals("CA"), confidence);
        String vendor = vendor(lines, confidence);
        BigDecimal tax = tax(lines);
        String currency = currency(t, place);
        String category = Spending.category((vendor == null ? "" : vendor) + "\n" + t);
        confidence.put("currency", currency == null ? 0.0 : 0.7);
        double overall = confidence.values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
        return new ReceiptFields(vendor, date, total == null ? null : total.value(), tax, currency, category,
                Math.round(overall * 100) / 100.0, confidence);
    }

    private record Candidate(BigDecimal value, double score, double confidence, int line) {

        Candidate(BigDecimal value, double score, double confidence) {
            this(value, score, confidence, -1);
        }
    }

    /** Every amount written on a line, OCR's "33, 92" and "33,90" included. */
    static List<BigDecimal> amounts(String line) {
        List<BigDecimal> out = new ArrayList<>();
        Matcher m = AMOUNT.matcher(line.replace('O', '0').replace('o', '0'));
        while (m.find()) {
            out.add(new BigDecimal(m.group(1).replace(",", "") + "." + m.group(2)));
        }
        return out;
    }

    private static final Pattern SUBTOTAL = Pattern.compile("\\bSUB\\W*" + TOTAL + "|EXCL\\w*|EXCLUDING|BEFORE\\s*TAX", I);
    private static final Pattern ROUNDED_TOTAL = Pattern.compile("\\bROUND\\w*\\W*\\w*\\W*" + TOTAL + "|" + TOTAL + "\\W*ROUND\\w*", I);
    private static final Pattern BEFORE_TAX = Pattern.compile("EXCL\\w*|EXCLUDING|\\(EX\\)|BEFORE\\s*TAX", I);
    private static final Pattern ROUNDING = Pattern.compile("\\bROUND\\w*\\s*(ADJ\\w*)?\\b(?!.*" + TOTAL + ")", I);

    /**
     * The total: each line naming one (its amount, or the next line's) scores by how sure the label is, and gains
     * when the receipt agrees — the same amount paid, cash less change, subtotal + tax + rounding. When two
     * sums agree with each other and no total line says so, OCR misread the total line and the sums stand.
     */
    private static Candidate total(List<String> lines, String text) {
        List<BigDecimal> paid = new ArrayList<>();
        BigDecimal change = null;
        BigDecimal subtotal = null;
        int subtotalLine = -1;
        BigDecimal rounding = BigDecimal.ZERO;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            List<BigDecimal> here = amounts(line);
            if (here.isEmpty()) {
                continue;
            }
            BigDecimal last = here.get(here.size() - 1);
            if (PAID.matcher(line).find() && !PLAIN_TOTAL.matcher(line).find() && !CHANGE.matcher(line).find()) {
                paid.add(last);
            } else if (CHANGE.matcher(line).find()) {
                change = last;
            } else if (SUBTOTAL.matcher(line).find() && subtotal == null && here.size() == 1) {
                subtotal = last;
                subtotalLine = i;
            } else if (ROUNDING.matcher(line).find() && last.abs().compareTo(BigDecimal.ONE) < 0) {
                rounding = last;
            }
        }
        BigDecimal tax = tax(lines);
        List<BigDecimal> sums = new ArrayList<>();
        if (subtotal != null && tax != null) {
            sums.add(subtotal.add(tax).add(rounding));
        }
        for (BigDecimal p : paid) {
            if (change != null && p.compareTo(change) > 0) {
                sums.add(p.subtract(change));
            }
        }
        List<Candidate> candidates = new ArrayList<>();
        Map<BigDecimal, Integer> totals = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            boolean strong = STRONG_TOTAL.matcher(line).find();
            if (!strong && !PLAIN_TOTAL.matcher(line).find() || NOT_TOTAL.matcher(line).find() && !strong) {
                continue;
            }
            List<BigDecimal> here = amounts(line);
            if (here.isEmpty() && i + 1 < lines.size() && !lines.get(i + 1).matches(".*[A-Za-z]{3,}.*")) {
                here = amounts(lines.get(i + 1));
            }
            if (here.isEmpty() || here.get(here.size() - 1).signum() <= 0) {
                continue;
            }
            BigDecimal value = here.get(here.size() - 1);
            totals.merge(value, 1, Integer::sum);
            double score = (strong ? 3 : 2) - (here.size() >= 2 ? 1.5 : 0); // "Total: 26.00 1.56" is a summary row
            score -= BEFORE_TAX.matcher(line).find() ? 1.5 : 0; // "Total Sales (Excluding GST)": a total, not the one paid
            for (BigDecimal p : paid) {
                score += p.compareTo(value) == 0 ? 2 : 0;
            }
            for (int x = 0; x < sums.size(); x++) {
                boolean itself = x == 0 && subtotalLine == i && subtotal != null && tax != null; // subtotal + no tax
                score += sums.get(x).compareTo(value) == 0 && !itself ? 2 : 0;
            }
            score += 0.1 * i / Math.max(1, lines.size()); // of equals the last: totals come after the lines
            candidates.add(new Candidate(value, score, 0, i));
        }
        candidates.replaceAll(c -> new Candidate(c.value(), c.score() + (totals.get(c.value()) > 1 ? 1 : 0), 0, c.line()));
        misreadRounding(candidates, lines);
        Candidate best = candidates.stream().max((a, b) -> Double.compare(a.score(), b.score())).orElse(null);
        boolean supported = best != null && best.score() >= 4;
        for (int x = 0; x < sums.size() && !supported; x++) {
            for (int y = x + 1; y < sums.size(); y++) {
                if (sums.get(x).compareTo(sums.get(y)) == 0 && sums.get(x).signum() > 0) {
                    return new Candidate(sums.get(x), 5, 0.8);
                }
            }
        }
        if (best == null) {
            // no total line read: what the sums say, the amount paid, else the largest amount (each less sure)
            if (!sums.isEmpty()) {
                return new Candidate(sums.get(0), 1, 0.5);
            }
            if (!paid.isEmpty()) {
                return new Candidate(paid.get(0), 1, 0.35);
            }
            return lines.stream().flatMap(l -> amounts(l).stream()).filter(v -> v.signum() > 0).max(BigDecimal::compareTo)
                    .map(v -> new Candidate(v, 0, 0.2)).orElse(null);
        }
        return new Candidate(rounded(best, rounding, lines), best.score(), Math.round(Math.min(0.95, 0.35 + 0.1 * best.score()) * 100) / 100.0);
    }

    /**
     * A rounded total is within a few cents of the total it rounds; further apart, OCR misread one of the two ("9.00"
     * as "9.60"), and the one the rest of the receipt repeats (an item line, the amount paid) stands.
     */
    private static void misreadRounding(List<Candidate> candidates, List<String> lines) {
        for (Candidate r : List.copyOf(candidates)) {
            if (!ROUNDED_TOTAL.matcher(lines.get(r.line())).find()) {
                continue;
            }
            for (Candidate t : List.copyOf(candidates)) {
                if (t.line() == r.line() || ROUNDED_TOTAL.matcher(lines.get(t.line())).find()
                        || r.value().subtract(t.value()).abs().compareTo(new BigDecimal("0.05")) <= 0) {
                    continue;
                }
                int forRounded = repeats(r.value(), candidates, lines);
                int forTotal = repeats(t.value(), candidates, lines);
                Candidate loser = forTotal > forRounded ? r : forRounded > forTotal ? t : null;
                if (loser != null) {
                    candidates.replaceAll(c -> c.value().compareTo(loser.value()) == 0
                            ? new Candidate(c.value(), c.score() - 2, 0, c.line()) : c);
                }
            }
        }
    }

    /** How many times {@code value} is written on the lines that are not total lines. */
    private static int repeats(BigDecimal value, List<Candidate> candidates, List<String> lines) {
        int n = 0;
        for (int i = 0; i < lines.size(); i++) {
            int line = i;
            if (candidates.stream().noneMatch(c -> c.line() == line)) {
                n += (int) amounts(lines.get(i)).stream().filter(a -> a.compareTo(value) == 0).count();
            }
        }
        return n;
    }

    /** A total rounded after it is printed ("TOTAL 60.31 / ROUNDING -0.01 / 60.30"): the rounded amount is what was paid. */
    private static BigDecimal rounded(Candidate best, BigDecimal rounding, List<String> lines) {
        if (rounding.signum() == 0) {
            return best.value();
        }
        BigDecimal rounded = best.value().add(rounding);
        boolean roundingAfter = false;
        for (int i = best.line() + 1; i < lines.size(); i++) {
            if (ROUNDING.matcher(lines.get(i)).find()) {
                roundingAfter = true;
            } else if (roundingAfter && amounts(lines.get(i)).stream().anyMatch(a -> a.compareTo(rounded) == 0)) {
                return rounded;
            }
        }
        return best.value();
    }

    private static LocalDate date(List<String> lines, LocalDate today, boolean dayFirst, Map<String, Double> confidence) {
        LocalDate first = null;
        for (String line : lines) {
            String cleaned = line.replaceAll("(?<=\\d)\\s*([/.-])\\s*(?=\\d)", "$1");
            for (DateExpressions.Found f : DateExpressions.find(cleaned, today, dayFirst)) {
                String written = cleaned.substring(f.start(), f.end());
                if (!written.matches(".*\\d.*") || f.date().getYear() < 2000 || f.date().isAfter(today.plusDays(1))) {
                    continue; // "today", a weekday, a year of 1899: not a receipt's date
                }
                if (DATE_LABEL.matcher(line).find()) {
                    confidence.put("date", 0.9);
                    return f.date();
                }
                if (first == null) {
                    first = f.date();
                }
            }
        }
        confidence.put("date", first == null ? 0.0 : 0.7);
        return first;
    }

    private static String vendor(List<String> lines, Map<String, Double> confidence) {
        String best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < Math.min(10, lines.size()); i++) {
            String line = clean(lines.get(i));
            String letters = line.replaceAll("[^A-Za-z]", "");
            if (letters.length() < 3 || line.matches("(?i)(SDN\\.?\\s*)?BHD\\.?|S/B|LTD\\.?|LIMITED|INC\\.?|LLC|PLT")) {
                continue; // a legal suffix alone is the end of a name OCR split, not the name
            }
            double score = -0.3 * i;
            if (COMPANY.matcher(line).find()) {
                score += 4;
            }
            String printed = lines.get(i);
            if (LEGAL_NAME.matcher(line).find()) {
                printed = printed.replaceAll("\\([^)]*\\)", " "); // "BOOK TA.K (TAMAN DAYA) SDN BHD": the branch in brackets
            }
            if (NOT_NAME.matcher(printed).find()) { // as printed: a registration number in brackets is not a name
                score -= 4;
            }
            long lower = letters.chars().filter(Character::isLowerCase).count();
            if (lower * 2 > letters.length()) {
                score -= 2; // receipts print their name in capitals; a lower-case line is a stamp or a note
            }
            long digits = line.chars().filter(Character::isDigit).count();
            if (digits * 3 > line.length()) {
                score -= 3;
            }
            if (score > bestScore) {
                bestScore = score;
                best = lines.get(i);
            }
        }
        if (best == null) {
            confidence.put("vendor", 0.0);
            return null;
        }
        confidence.put("vendor", bestScore >= 3 ? 0.8 : bestScore >= 0 ? 0.5 : 0.3);
        int at = lines.indexOf(best);
        if (at + 1 < lines.size()) {
            String next = lines.get(at + 1);
            String suffix = "(SDN\\.?\\s*BHD|BHD|S/B|LTD|LIMITED|INC|LLC|PLT)\\.?";
            boolean continues = best.matches(".*[&,-]\\s*$") || next.matches("(?i)^\\(?\\s*(" + suffix + "|\\(M\\)).*")
                    || next.matches("\\([A-Z][A-Z ]+\\)\\s*(SDN\\.?\\s*BHD)?\\.?")
                    || !clean(best).matches("(?i).*\\b" + suffix + "$") && clean(next).matches("(?i)[A-Z][A-Z &().'-]*\\b" + suffix);
            if (continues && !NOT_NAME.matcher(next).find() && next.replaceAll("[^A-Za-z]", "").length() >= 2) {
                best = best + " " + next;
            }
        }
        return clean(best);
    }

    /** A vendor's name as printed: OCR's stray marks off, "SDN BND" back to "SDN BHD". */
    static String clean(String name) {
        return name.replaceAll("\\(\\s*(CO\\.?\\s*REG\\w*\\s*(NO\\.?)?\\s*:?\\s*)?\\d{4,}[-\\w]*\\s*\\)", " ") // "(519537-X)": its registration
                .replaceAll("[^\\p{L}\\d&.,()'/@ -]", " ")
                .replaceAll("(?i)\\b(SDN|SON|S0N|5DN|SDM)\\.?,?\\s*(BHD|BND|BHO|8HD|BH0|BRD)\\b\\.?", "SDN BHD")
                .replaceAll("\\s+", " ").replaceAll("^[\\s.,'-]+|[\\s,'-]+$", "").trim();
    }

    private static BigDecimal tax(List<String> lines) {
        for (String line : lines) {
            if (TAX.matcher(line).find() && !PLAIN_TOTAL.matcher(line).find() || line.matches("(?i).*" + TOTAL + "\\W*(GST|TAX|VAT).*")) {
                List<BigDecimal> here = amounts(line);
                if (!here.isEmpty() && here.get(here.size() - 1).signum() >= 0) {
                    return here.get(here.size() - 1);
                }
            }
        }
        return null;
    }

    private static String currency(String text, String place) {
        for (Amounts.Money m : Amounts.find(text)) {
            if (m.currency() != null) {
                return m.currency();
            }
        }
        if (place != null) {
            return new Locality(place).currency();
        }
        return text.contains("$") ? "USD" : null;
    }
}
