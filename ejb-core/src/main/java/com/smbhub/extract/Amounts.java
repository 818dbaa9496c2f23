package com.smbhub.extract;

import com.smbhub.extract.Extraction.Line;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Money as people write it ("$1,140", "CA$ 75", "£1.20", "85/hr", "RM 9.00") and the lines of a bill ("3 hrs
 * labour at $85", "labour 8 hrs @ 85/hr", "5 silk scarves at $32", "two dozen cupcakes at $3.50 each",
 * "40 sausage rolls (£1.20 each)", "$75 permit", "parts $62.40").
 */
final class Amounts {

    /** An amount at {@code start}..{@code end}, with the currency its sign names (null for a bare "$" or none). */
    record Money(BigDecimal value, String currency, int start, int end) {
    }

    static final String SIGN = "(?:CA\\$|C\\$|CDN\\s?\\$|CAD\\s?\\$?|AU\\$|A\\$|AUD\\s?\\$?|US\\$|USD\\s?\\$?|NZ\\$|NZD\\s?\\$?|£|€|\\$|GBP\\s?"
            + "|EUR\\s?|RM\\s?|MYR\\s?)";
    static final String NUMBER = "(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d{1,2})?";
    private static final Pattern MONEY = Pattern.compile("(" + SIGN + ")\\s?(-?" + NUMBER + ")(?![\\d%])"
            + "|(?<![\\w.$£€])(" + NUMBER + ")\\s?(dollars|bucks|quid|pounds|euros|USD|CAD|AUD|GBP|EUR|NZD)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Map<String, Integer> WORDS = Map.ofEntries(Map.entry("a", 1), Map.entry("an", 1), Map.entry("one", 1),
            Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6),
            Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11),
            Map.entry("twelve", 12), Map.entry("a couple of", 2), Map.entry("couple of", 2), Map.entry("a dozen", 12),
            Map.entry("half a dozen", 6));
    private static final String QTY = "(\\d+(?:\\.\\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
            + "(\\s+dozen)?";
    private static final String RATE = "(?:the\\s+)?(?:agreed\\s+|usual\\s+)?(" + SIGN + "?\\s?" + NUMBER + ")"
            + "(?:\\s*(?:/\\s*(?:hr|hour|h|day|week|night)\\b|per\\s+(?:hour|hr)\\b|an?\\s+(?:hour|day|week|night)\\b|each\\b|ea\\b|"
            + "per\\s+\\w+))?";
    /** Units of time a service is priced by. */
    private static final String HOURS = "(hrs?|hours?|h|days?|half[- ]days?|weeks?|nights?|sessions?|visits?)\\b";
    private static final Pattern QTY_NAME_RATE = Pattern.compile("(?:^|\\b)" + QTY + "\\s*(?:" + HOURS + ")?\\s*(?:of\\s+)?"
            + "([\\p{L}][\\p{L}\\d\\s'&.\"-]*?)?\\s*(?:@|\\bat\\b|\\bx\\b|×)\\s*" + RATE, Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME_QTY_RATE = Pattern.compile("([\\p{L}][\\p{L}\\s'&-]*?)\\s+(\\d+(?:\\.\\d+)?)\\s*" + HOURS
            + "\\s*(?:@|\\bat\\b|\\bx\\b)\\s*" + RATE, Pattern.CASE_INSENSITIVE);
    private static final Pattern QTY_NAME_EACH = Pattern.compile("(?:^|\\b)" + QTY + "\\s+([\\p{L}][\\p{L}\\d\\s'&-]*?)\\s*"
            + "(?:in\\s+\\p{L}+\\s*)?\\(\\s*(" + SIGN + "\\s?" + NUMBER + ")\\s*(?:each|ea|per\\s+\\w+)\\s*\\)",
            Pattern.CASE_INSENSITIVE);
    /** People a crew is counted in: "2 techs", "3 carpenters". */
    private static final String WORKERS = "techs?|technicians?|men|guys|workers|people|staff|crew|labou?rers|painters|cleaners|"
            + "movers|electricians|plumbers|carpenters|roofers|tilers|landscapers|installers|helpers";
    private static final Pattern CREW_HOURS = Pattern.compile("\\b(\\d+)\\s+(?:" + WORKERS + ")\\s*(?:x|×|for)\\s*"
            + "(\\d+(?:\\.\\d+)?)\\s*" + HOURS.replace("(", "(?:") + "\\s*(?:@|\\bat\\b|x)\\s*" + RATE, Pattern.CASE_INSENSITIVE);
    /** "3 days x 2 carpenters at $480/day": six days of a carpenter's work. */
    private static final Pattern TIME_CREW = Pattern.compile("\\b(\\d+(?:\\.\\d+)?)\\s*" + HOURS.replace("(", "(?:") + "\\s*(?:x|×|of)\\s*"
            + "(\\d+)\\s+(" + WORKERS + ")\\s*(?:@|\\bat\\b|x)\\s*" + RATE, Pattern.CASE_INSENSITIVE);
    private static final Pattern QTY_NAME_MONEY = Pattern.compile("^" + QTY + "\\s+([\\p{L}][\\p{L}\\d\\s'&-]*?)\\s*:?\\s+(" + SIGN
            + "\\s?" + NUMBER + ")$", Pattern.CASE_INSENSITIVE);
    /** "2 days excavator rental $650/day": how many units, what, the price of one unit. */
    private static final Pattern QTY_UNIT_NAME_PER = Pattern.compile("^" + QTY + "\\s*" + HOURS + "\\s+(?:of\\s+)?"
            + "([\\p{L}][\\p{L}\\d\\s'&-]*?)\\s*:?\\s*(?:at\\s+|@\\s*)?(" + SIGN + "?\\s?" + NUMBER + ")\\s*"
            + "(?:/\\s*|per\\s+|an?\\s+)(?:hr|hour|h|day|week|night|month)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern MONEY_NAME = Pattern.compile("(?:^|\\s)(?:the\\s+|a\\s+|an\\s+)?(" + SIGN + "\\s?" + NUMBER + ")\\s+"
            + "(?:(?:for|in|on)\\s+(?:the\\s+)?)?([\\p{L}][\\p{L}\\d\\s'&-]*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME_MONEY = Pattern.compile("^([\\p{L}][\\p{L}\\d\\s'&-]*?)\\s*:?\\s+(" + SIGN + "\\s?" + NUMBER
            + ")(?:\\s+(?:fixed|flat|total|all in))?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME_EACH = Pattern.compile("([\\p{L}][\\p{L}\\d\\s'&-]*?)\\s*\\(\\s*(" + SIGN + "\\s?" + NUMBER
            + ")\\s*(?:each|ea)\\s*\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME_PRICED = Pattern.compile("([\\p{L}][\\p{L}\\d\\s'&-]*?)\\s*\\(\\s*(" + SIGN + "\\s?" + NUMBER
            + ")\\s*\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern EACH_AFTER = Pattern.compile(SIGN + "\\s?" + NUMBER + "\\s*(?:each|ea|per|apiece)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern COUNTED = Pattern.compile("\\b(\\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
            + "twelve)(\\s+dozen)?\\s+([\\p{L}][\\p{L}\\d\\s'&-]*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern HOW_MANY = Pattern.compile("\\b(?:set aside|put aside|hold|reserve|order|want|need|take|get|buy)\\s+"
            + "(\\d+|two|three|four|five|six|seven|eight|nine|ten|twelve)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern SPLIT = Pattern.compile("\\s*(?:\\+|\\bplus\\b|;|\\band\\b|,\\s|\\.\\s|\\n|:\\s|\\s[-–—]\\s)\\s*",
            Pattern.CASE_INSENSITIVE);

    /** An order's or a receipt's item row: "1 x Linen throw pillow - Sage  $42.00", "Beeswax candle × 2  $36.00". */
    private static final Pattern ITEM_ROW = Pattern.compile("(?m)^[ \\t]*(?:(\\d+)\\s*[x×]\\s+(\\S.*?)|(\\S.*?)\\s*[x×]\\s*(\\d+))"
            + "[ \\t]+(" + SIGN + "\\s?" + NUMBER + ")[ \\t]*$", Pattern.CASE_INSENSITIVE);
    /** A row with a name and an amount ("Shipping $9.00") beside the item rows. */
    private static final Pattern AMOUNT_ROW = Pattern.compile("(?m)^[ \\t]*([\\p{L}][\\p{L} '&-]{1,40}?)\\s*:?[ \\t]+(" + SIGN + "\\s?"
            + NUMBER + ")[ \\t]*$", Pattern.CASE_INSENSITIVE);
    /** A bill's summary rows, which are not lines of it. */
    private static final Pattern SUMMARY = Pattern.compile("(?i)(sub-?total|(grand |order )?total( due| paid| charged)?|(sales )?tax|gst|hst|"
            + "pst|vat|balance( due)?|amount( due| paid)?|tip|discount|change|paid|cash|card|visa|mastercard|amex|debit)");
    private static final Pattern SUBTOTAL_ROW = Pattern.compile("(?im)^[ \\t]*sub-?total\\s*:?\\s*(" + SIGN + "?\\s?" + NUMBER + ")");
    private static final Pattern TOTAL_ROW = Pattern.compile("(?im)^[ \\t]*(?:grand |order )?total\\s*:?\\s*(" + SIGN + "?\\s?"
            + NUMBER + ")");

    private Amounts() {
    }

    /** Every amount with a money sign or a currency word, in the order written. */
    static List<Money> find(String text) {
        List<Money> found = new ArrayList<>();
        Matcher m = MONEY.matcher(text);
        while (m.find()) {
            if (m.group(1) != null) {
                found.add(new Money(number(m.group(2)), currencyOf(m.group(1)), m.start(), m.end()));
            } else {
                found.add(new Money(number(m.group(3)), currencyOf(m.group(4)), m.start(), m.end()));
            }
        }
        return found;
    }

    /** The currency a sign or word names, null for a bare "$" (its meaning depends on where the sender is). */
    static String currencyOf(String sign) {
        String s = sign.toUpperCase(Locale.ROOT).replace(" ", "");
        if (s.startsWith("CA") || s.startsWith("C$") || s.startsWith("CDN")) {
            return "CAD";
        }
        if (s.startsWith("AU") || s.startsWith("A$")) {
            return "AUD";
        }
        if (s.startsWith("US")) {
            return "USD";
        }
        if (s.startsWith("NZ")) {
            return "NZD";
        }
        if (s.equals("£") || s.startsWith("GBP") || s.equals("POUNDS") || s.equals("QUID")) {
            return "GBP";
        }
        if (s.equals("€") || s.startsWith("EUR")) {
            return "EUR";
        }
        if (s.startsWith("RM") || s.startsWith("MYR")) {
            return "MYR";
        }
        return null;
    }

    static BigDecimal number(String written) {
        return plain(new BigDecimal(written.replaceAll("[^0-9.\\-]", "")));
    }

    /** 18.00 as 18, 9.50 as 9.5. */
    private static BigDecimal plain(BigDecimal n) {
        BigDecimal s = n.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    /** The lines of a bill written in the text, each with its quantity (1 when none) and unit price. */
    static List<Line> lines(String text, String fallbackName) {
        List<Line> rows = rows(text);
        if (!rows.isEmpty()) {
            return rows;
        }
        String plain = text.replaceAll("\\(([^()$£€]*)\\)", " ").replaceAll("[ \\t]+", " ");
        List<Line> lines = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        for (String part : SPLIT.split(plain)) {
            // "2 exterior doors, $650 each": the price belongs to the part before it
            if (!parts.isEmpty() && EACH_AFTER.matcher(part.trim()).lookingAt()) {
                parts.set(parts.size() - 1, parts.get(parts.size() - 1) + " at " + part.trim());
            } else {
                parts.add(part);
            }
        }
        for (String part : parts) {
            String segment = part.trim().replaceAll("[.!?]+$", "");
            if (segment.isEmpty()) {
                continue;
            }
            Line line = line(segment, plain, fallbackName);
            if (line != null && !SUMMARY.matcher(line.name()).matches()) {
                lines.add(line);
            }
        }
        return lines;
    }

    /**
     * Item rows as an order notification or a receipt prints them, with the other named amounts (shipping) beside
     * them. "2 x Beeswax candle $18.00" can be the price of one or of both: the reading that adds up to the printed
     * subtotal or total wins, else the price of both.
     */
    private static List<Line> rows(String text) {
        List<Line> items = new ArrayList<>(); // each row's printed amount as its rate, for now
        Matcher m = ITEM_ROW.matcher(text);
        while (m.find()) {
            String qty = m.group(1) != null ? m.group(1) : m.group(4);
            String name = (m.group(1) != null ? m.group(2) : m.group(3)).trim().replaceAll("\\s*[-–—:]$", "");
            items.add(new Line(name(name, null), number(qty), number(m.group(5))));
        }
        if (items.isEmpty()) {
            return List.of();
        }
        List<Line> extras = new ArrayList<>();
        Matcher row = AMOUNT_ROW.matcher(text);
        while (row.find()) {
            String name = row.group(1).trim();
            if (!SUMMARY.matcher(name).matches() && !ITEM_ROW.matcher(row.group()).matches()) {
                extras.add(new Line(name(name, null), BigDecimal.ONE, number(row.group(2))));
            }
        }
        BigDecimal subtotal = printed(SUBTOTAL_ROW, text);
        BigDecimal total = printed(TOTAL_ROW, text);
        BigDecimal extra = extras.stream().map(Line::rate).reduce(BigDecimal.ZERO, BigDecimal::add);
        int n = Math.min(items.size(), 8);
        for (int bits = 0; bits <= n; bits++) {
            for (int mask = 0; mask < 1 << n; mask++) {
                if (Integer.bitCount(mask) != bits) {
                    continue;
                }
                List<Line> reading = new ArrayList<>();
                BigDecimal sum = BigDecimal.ZERO;
                for (int i = 0; i < items.size(); i++) {
                    Line item = items.get(i);
                    boolean each = i < n && (mask & 1 << i) != 0; // the row's amount is the price of one
                    BigDecimal rate = each || item.qty().signum() == 0 ? item.rate()
                            : item.rate().divide(item.qty(), 2, java.math.RoundingMode.HALF_UP);
                    reading.add(new Line(item.name(), item.qty(), plain(rate)));
                    sum = sum.add(item.qty().multiply(rate));
                }
                if (subtotal != null && sum.compareTo(subtotal) == 0 || total != null && sum.add(extra).compareTo(total) == 0) {
                    reading.addAll(extras);
                    return reading;
                }
            }
        }
        List<Line> bothPriced = new ArrayList<>();
        for (Line item : items) {
            bothPriced.add(new Line(item.name(), item.qty(), perUnit(item.qty(), item.rate())));
        }
        bothPriced.addAll(extras);
        return bothPriced;
    }

    /** {@code amount} as the price of one of {@code qty} when it divides evenly ("25 images $300": $12 each), else as it is. */
    private static BigDecimal perUnit(BigDecimal qty, BigDecimal amount) {
        return qty.signum() > 0 && amount.remainder(qty).signum() == 0 ? amount.divide(qty) : amount;
    }

    private static BigDecimal printed(Pattern label, String text) {
        Matcher m = label.matcher(text);
        return m.find() ? number(m.group(1)) : null;
    }

    private static Line line(String segment, String whole, String fallbackName) {
        Matcher crew = CREW_HOURS.matcher(segment);
        if (crew.find()) {
            // "2 techs x 5 hrs at $95/hr": ten hours of labour
            return new Line("Labour", number(crew.group(1)).multiply(number(crew.group(2))), number(crew.group(3)));
        }
        Matcher timeCrew = TIME_CREW.matcher(segment);
        if (timeCrew.find()) {
            String who = timeCrew.group(3).toLowerCase(Locale.ROOT).replaceAll("s$", "");
            String name = who.matches("tech|technician|men|guy|worker|people|staff|crew|labou?rer|helper") ? "Labour"
                    : Character.toUpperCase(who.charAt(0)) + who.substring(1) + " labour"; // "Carpenter labour"
            return new Line(name, number(timeCrew.group(1)).multiply(number(timeCrew.group(2))), number(timeCrew.group(4)));
        }
        Matcher m = NAME_QTY_RATE.matcher(segment);
        if (m.find()) {
            return new Line(name(m.group(1), fallbackName), number(m.group(2)), number(m.group(4)));
        }
        m = QTY_NAME_EACH.matcher(segment);
        if (m.find()) {
            return new Line(name(m.group(3), fallbackName), quantity(m.group(1), m.group(2)), number(m.group(4)));
        }
        m = QTY_NAME_RATE.matcher(segment);
        if (m.find() && (m.group(3) != null || m.group(4) != null && !m.group(4).isBlank() || m.group(5).matches(".*[$£€].*"))) {
            String name = m.group(4) == null || m.group(4).isBlank() ? (m.group(3) != null ? fallbackName : null) : m.group(4);
            return name == null ? null : new Line(name(name, fallbackName), quantity(m.group(1), m.group(2)), number(m.group(5)));
        }
        m = QTY_UNIT_NAME_PER.matcher(segment);
        if (m.find()) {
            return new Line(name(m.group(4), fallbackName), quantity(m.group(1), m.group(2)), number(m.group(5)));
        }
        m = NAME_MONEY.matcher(segment);
        if (m.find()) {
            return new Line(name(m.group(1), fallbackName), BigDecimal.ONE, number(m.group(2)));
        }
        m = QTY_NAME_MONEY.matcher(segment);
        if (m.find()) {
            // "1 furnace service $149"; "25 images $300" is the line's amount
            BigDecimal qty = quantity(m.group(1), m.group(2));
            BigDecimal amount = number(m.group(4));
            return new Line(name(m.group(3), fallbackName), qty, qty.compareTo(BigDecimal.ONE) > 0 ? perUnit(qty, amount) : amount);
        }
        m = MONEY_NAME.matcher(segment);
        if (m.find()) {
            // "$2,800 flat like we quoted": a word about the price, not what it is for
            String what = m.group(2).matches("(?i)(flat|fixed|total|all in|only|each|cash|in total|inc\\w* gst|plus gst)\\b.*") ? null : m.group(2);
            return new Line(name(what, fallbackName), BigDecimal.ONE, number(m.group(1)));
        }
        m = NAME_PRICED.matcher(segment);
        if (m.find()) {
            return new Line(name(m.group(1), fallbackName), BigDecimal.ONE, number(m.group(2)));
        }
        m = NAME_EACH.matcher(segment);
        if (m.find()) {
            // "a dozen red velvet cupcakes ($3 each)": the count is in the name, else elsewhere ("set aside 2")
            Matcher counted = COUNTED.matcher(m.group(1));
            if (counted.find()) {
                return new Line(name(counted.group(3), fallbackName), quantity(counted.group(1), counted.group(2)), number(m.group(2)));
            }
            Matcher many = HOW_MANY.matcher(whole);
            BigDecimal qty = many.find() ? quantity(many.group(1), null) : BigDecimal.ONE;
            return new Line(name(m.group(1), fallbackName), qty, number(m.group(2)));
        }
        return null;
    }

    private static BigDecimal quantity(String written, String dozen) {
        String w = written.toLowerCase(Locale.ROOT);
        BigDecimal n = WORDS.containsKey(w) ? BigDecimal.valueOf(WORDS.get(w)) : number(w);
        return dozen != null && !dozen.isBlank() ? n.multiply(BigDecimal.valueOf(12)) : n;
    }

    private static String name(String written, String fallback) {
        String name = written == null ? "" : written.trim()
                .replaceAll("(?i)^(?:(?:the|a|an|for|of|our|my|your|their|all|x|×)\\s+)+", "")
                .replaceAll("(?i)\\s+(?:each|ea|at|for|in|on|the)$", "")
                .replaceAll("(?i)\\b(?:I saw|saw)\\s+", "")
                .replaceAll("(?i)^(?:please\\s+)?(?:bill|invoice|charge)\\s+(?:us|me|them|him|her)(?:\\s+for\\s+|$)", "").trim();
        if (name.isEmpty() || name.matches("(?i)hrs?|hours?|h")) {
            return fallback == null || fallback.isBlank() ? "Labour" : fallback;
        }
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
