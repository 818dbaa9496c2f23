package com.smbhub.extract;

import com.smbhub.extract.Extraction.Expense;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What was bought: the amount a receipt or bill says was paid or is due, its date, the vendor and a
 * category.
 */
final class Spending {

    private static final int I = Pattern.CASE_INSENSITIVE;

    private Spending() {
    }

    private static final Pattern TOTAL_LABEL = Pattern.compile("(?<!sub)(?<!sub-)\\b(grand total|total charged|total due|"
            + "amount due|order total|total paid|balance due|amount paid|total(?:\\s*\\([^)]*\\))?)\\s*:?\\s*", I);
    private static final Pattern DELIVERY_APP = Pattern.compile("\\b(uber ?eats|doordash|skip ?the ?dishes|grubhub|deliveroo|"
            + "menulog|just ?eat|postmates|foodpanda|instacart)\\b", I);
    private static final Pattern ORDER_FROM = Pattern.compile("\\b(?:order|lunch|dinner|breakfast|delivery|meal) from "
            + "([A-Z][\\w'&.-]*(?: [A-Z][\\w'&.-]*){0,3})");
    private static final Pattern BARE_TOTAL = Pattern.compile("(?im)^[\\W]*(?<!sub)(?:grand |order )?total\\W*(\\d{1,3}(?:,\\d{3})*\\.\\d{2})\\s*$");
    /** "Billing period: Oct 12 - Nov 10": what a bill covers, not when it was bought. */
    private static final Pattern PERIOD = Pattern.compile("\\b(period|billing cycle|service dates?|usage from|for the period)\\b", I);
    private static final Pattern DATE_LABEL = Pattern.compile("\\b(date|invoice date|order date|statement date|placed|"
            + "purchased|transaction date)\\b\\s*:?\\s*", I);
    /** Payment apps that send a merchant's receipt in their own name: the merchant sold it. */
    private static final Pattern PAYMENT_APP = Pattern.compile("\\b(square(up)?|stripe|paypal|toast(tab)?|clover|sumup|zettle|"
            + "lightspeed|shopify|venmo|afterpay|klarna|xero|quickbooks|intuit|freshbooks|wave|zoho|invoice2go|sage)\\b", I);
    private static final Pattern MERCHANT = Pattern.compile("(?i:\\b(?:receipt|payment|purchase|order|invoice(?: [\\w-]+)?) (?:from|to|at)\\s+)"
            + "([A-Z0-9][\\w'&.-]*(?: [A-Z0-9&][\\w'&.-]*){0,4})");
    private static final Pattern AT_VENDOR = Pattern.compile("\\b(?:at|from|@)\\s+(?:the\\s+)?([A-Z][\\w'&]*(?:\\s[A-Z][\\w'&]*){0,2})");

    static Expense expense(Inbound message, MessageText text, String reading, List<Amounts.Money> money, LocalDate today,
            Locality locality) {
        BigDecimal amount = null;
        Matcher label = TOTAL_LABEL.matcher(reading);
        while (label.find() && amount == null) {
            for (Amounts.Money m : money) {
                if (m.start() >= label.end() - 1 && m.start() <= label.end() + 6 && m.value().signum() > 0) {
                    amount = m.value();
                    break;
                }
            }
        }
        Matcher bare = BARE_TOTAL.matcher(reading);
        if (amount == null && money.isEmpty() && bare.find()) {
            amount = new BigDecimal(bare.group(1).replace(",", "")); // a till's "**** TOTAL 68.71", no sign printed
        }
        if (amount == null) {
            amount = money.stream().filter(m -> m.value().signum() > 0).map(Amounts.Money::value).findFirst().orElse(null);
        }
        LocalDate date = null;
        List<DateExpressions.Found> dates = DateExpressions.bought(reading, today, locality.dayFirst());
        Matcher dl = DATE_LABEL.matcher(reading);
        while (dl.find() && date == null) {
            for (DateExpressions.Found f : dates) {
                if (f.start() >= dl.end() - 1 && f.start() <= dl.end() + 12 && !f.date().isAfter(today)) {
                    date = f.date();
                    break;
                }
            }
        }
        if (date == null) {
            date = dates.stream().filter(f -> !f.date().isAfter(today) && !f.date().isBefore(today.minusDays(60)))
                    .filter(f -> !PERIOD.matcher(lineOf(reading, f.start())).find())
                    .filter(f -> f.cue().matches("yesterday|") || reading.substring(f.start(), f.end()).toLowerCase(Locale.ROOT)
                            .startsWith("yesterday")).map(DateExpressions.Found::date).findFirst().orElse(today);
        }
        String vendor = vendor(message, text);
        return new Expense(vendor, amount, date, category(vendor + "\n" + reading));
    }

    /** "Bunnings run for the Manly job": the shop of an errand. */
    private static final Pattern ERRAND = Pattern.compile("^((?-i:[A-Z])[\\w&']+(?:\\s(?-i:[A-Z])[\\w&']+)?)\\s+(run|trip|shop|order|haul)\\b", I);
    /** What a day out costs, said in a word: "Parking $12", "Fuel $84.50 Shell". */
    private static final String DAILY_SPEND = "parking|tolls?|fuel|gas|petrol|diesel|lunch|coffee|dinner|breakfast";
    /** "parking at the Mission St job was $32": no shop named, the spend is the vendor's name. */
    private static final Pattern SPEND = Pattern.compile("^(" + DAILY_SPEND + "|taxi|postage|train|bus|ferry)\\b", I);
    /** "Fuel $84.50 Shell on Hwy 7": the spend, its amount, then the shop. */
    private static final Pattern SPENT_AT = Pattern.compile("^(?i:" + DAILY_SPEND + "|supplies|materials|parts)\\s*:?\\s*"
            + Amounts.SIGN + "\\s?" + Amounts.NUMBER + "\\s+(?i:at\\s+|@\\s*|from\\s+)?" + "([A-Z][\\w'&]*(?:\\s[A-Z][\\w'&]*){0,2})");
    /** "LNER return to Leeds": a name in capitals first. */
    private static final Pattern LEAD = Pattern.compile("^([A-Z][A-Z0-9&']{1,}(?:\\s[A-Z][\\w&']+)?)\\b");

    static String vendor(Inbound message, MessageText text) {
        String from = text.forwardedFrom != null ? text.forwardedFrom : message.sms() ? null : message.from();
        String name = People.displayName(from);
        Matcher restaurant = ORDER_FROM.matcher((message.subject() == null ? "" : message.subject()) + "\n" + text.own);
        if (name != null && DELIVERY_APP.matcher(name).find() && restaurant.find()) {
            return restaurant.group(1); // an Uber Eats order from Chipotle: Chipotle sold it
        }
        Matcher merchant = MERCHANT.matcher((message.subject() == null ? "" : message.subject()) + "\n" + text.own);
        if (name != null && PAYMENT_APP.matcher(name + " " + from).find() && merchant.find()) {
            return merchant.group(1).trim(); // "Receipt from Bean There Cafe" sent by Square
        }
        if (name != null) {
            return name;
        }
        Matcher at = AT_VENDOR.matcher(text.own);
        while (at.find()) {
            String v = at.group(1);
            boolean workplace = text.own.substring(at.end()).matches("(?s)\\s+(job|site|house|project|reno|build)\\b.*");
            if (!workplace && !v.matches("(The|My|Our|I|We|Home|Work|Office|Store|Shop)")) {
                return v;
            }
        }
        Matcher errand = ERRAND.matcher(text.own.strip());
        if (errand.find()) {
            return errand.group(1);
        }
        Matcher spentAt = SPENT_AT.matcher(text.own.strip());
        if (spentAt.find()) {
            return spentAt.group(1); // "Fuel $84.50 Shell on Hwy 7"
        }
        Matcher spend = SPEND.matcher(text.own.strip());
        if (spend.find()) {
            return Character.toUpperCase(spend.group(1).charAt(0)) + spend.group(1).substring(1).toLowerCase(Locale.ROOT);
        }
        Matcher lead = LEAD.matcher(text.own.strip());
        if (lead.find()) {
            return lead.group(1);
        }
        if (from != null) {
            Matcher e = People.EMAIL.matcher(from);
            if (e.find()) {
                String domain = e.group().substring(e.group().indexOf('@') + 1).split("\\.")[0];
                return Character.toUpperCase(domain.charAt(0)) + domain.substring(1);
            }
        }
        return null;
    }

    static String vendorEmail(Inbound message, MessageText text) {
        String from = text.forwardedFrom != null ? text.forwardedFrom : message.sms() ? null : message.from();
        if (from == null) {
            return null;
        }
        Matcher e = People.EMAIL.matcher(from);
        return e.find() ? e.group().toLowerCase(Locale.ROOT) : null;
    }

    private static final Map<String, Pattern> CATEGORIES = new LinkedHashMap<>();

    static {
        CATEGORIES.put("Fuel", Pattern.compile("\\b(fuel|petrol|diesel|gas station|filled up|fill up|shell|esso|chevron|exxon|mobil|"
                + "petro-?canada|bp(?![-\\d])|caltex|ampol|texaco|arco|sunoco)\\b", I));
        CATEGORIES.put("Meals", Pattern.compile("\\b(lunch|dinner|breakfast|coffee|meal|meals|restaurant|cafe|café|subway|"
                + "mcdonald'?s|pizza|tim hortons|starbucks|catering|snacks)\\b", I));
        CATEGORIES.put("Software", Pattern.compile("\\b(software|subscription|saas|(?<!business |trade |liquor |driver'?s |contractor'?s )licen[cs]e(?! (?:no|number|fee)\\b)|creative cloud|adobe|microsoft 365|"
                + "office 365|google workspace|dropbox|quickbooks|xero|zoom|slack|app store|plan renewal|renewal|spotify|netflix|icloud|"
                + "apple\\.com|hosting|domain|shopify|squarespace|wix|mailchimp|canva|godaddy|apps?)\\b", I));
        CATEGORIES.put("Utilities", Pattern.compile("\\b(electricity|hydro|power bill|water bill|gas bill|internet|broadband|"
                + "phone line|telecom|mobile plan|utility|utilities|energy|phone bill|wireless|cell plan|telus|rogers|bell canada|verizon|"
                + "at&t|t-mobile|vodafone|optus|telstra|comcast|xfinity|bt|ee)\\b", I));
        CATEGORIES.put("Rent", Pattern.compile("\\b(rent|lease|cam charges|landlord|property management)\\b", I));
        CATEGORIES.put("Travel", Pattern.compile("\\b(train|rail|lner|amtrak|via rail|flight|airfare|airline|hotel|motel|taxi|"
                + "uber|lyft|parking|toll|ticket|return to|bus fare|airbnb)\\b", I));
        CATEGORIES.put("Equipment", Pattern.compile("\\b(tool|tools|stand|drill|saw|ladder|equipment|laptop|computer|printer(?! paper| ink| toner)|"
                + "machine|compressor|generator|camera|lens|impact driver|driver|grinder|sander|nailer|router|multimeter|"
                + "pressure washer|vacuum|dewalt|milwaukee|makita|ryobi|festool|bosch)\\b", I));
        CATEGORIES.put("Supplies", Pattern.compile("\\b(suppl(?:y|ies)|materials|hardware|caulk|screws|nails|paint|timber|lumber|"
                + "fittings|pipe|bunnings|home depot|lowe'?s|ace hardware|menards|b&q|screwfix|stationery|paper|ink|toner|reams?|"
                + "cleaning)\\b", I));
        CATEGORIES.put("Postage", Pattern.compile("\\b(postage|shipping|courier|parcel|canada post|usps|ups|fedex|dhl|royal mail|"
                + "auspost|australia post|purolator|stamps)\\b", I));
        CATEGORIES.put("Insurance", Pattern.compile("\\b(insurance|insurer|insured|policy renewal|premium payment|premiums?|"
                + "policy(holder)?|liability|coverage|deductible)\\b", I));
        CATEGORIES.put("Advertising", Pattern.compile("\\b(advertising|ads|marketing|flyers|google ads|facebook ads|signs?|signage|banners?|"
                + "billboards?|business cards|vehicle wrap)\\b", I));
        CATEGORIES.put("Other", Pattern.compile("\\b((business|trade|liquor|contractor'?s) licen[cs]e|licensing|permits?|"
                + "(city|town|county|municipality) of|filing fee|annual return|corporate registry)\\b", I));
        CATEGORIES.put("Vehicle", Pattern.compile("\\b(oil change|tyres?|tires?|car wash|service of the van|rego|registration)\\b", I));
    }

    static String category(String text) {
        String best = "Other";
        int most = 0;
        for (Map.Entry<String, Pattern> e : CATEGORIES.entrySet()) {
            Matcher m = e.getValue().matcher(text);
            int n = 0;
            while (m.find()) {
                n++;
            }
            if (n > most) {
                most = n;
                best = e.getKey();
            }
        }
        return best;
    }

    private static String lineOf(String text, int at) {
        int start = text.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
        int end = text.indexOf('\n', at);
        return text.substring(start, end < 0 ? text.length() : end);
    }
}
