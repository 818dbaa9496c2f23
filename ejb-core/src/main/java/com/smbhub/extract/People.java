package com.smbhub.extract;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.smbhub.extract.Extraction.Contact;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who a message is from and who a draft is for: the sender (name, e-mail, the phone they text from or sign
 * with), the client a team member's note names, a forwarded form's or voicemail's caller.
 */
final class People {

    private People() {
    }

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    static final Pattern EMAIL = Pattern.compile("[\\w.+'-]+@[\\w-]+(?:\\.[\\w-]+)+");
    private static final Pattern SELF_NAME = Pattern.compile("\\b(?:(?i:it'?s)|its|(?i:this is)|i'?m|i am|my name is)\\s+"
            + "([A-Z][a-z]+(?:\\s[A-Z][a-z]+)?)\\b");
    private static final Pattern SIGN_OFF = Pattern.compile("(?:^|[\\s,.!])(?:thx|thanks|thank you|cheers|ta|regards|best|"
            + "warmly|sincerely|many thanks|thanks heaps|kind regards)?[,!.]?\\s*[-–—]?\\s*"
            + "(?!(?:Thx|Thanks|Cheers|Regards|Best|Ta|Warmly)\\b)([A-Z][a-z]+(?:\\s[A-Z][a-z'A-Z]+)?)"
            + "\\s*(?:[👍🙏😊🙂.!]\\s*)*$");
    private static final Pattern THIRD_PARTY = Pattern.compile("(?i:\\binv(?:oice)?\\s+(?:for\\s+|to\\s+)?|\\bquote for\\s+|\\bchase\\s+|"
            + "\\bnudge to\\s+|\\bsend\\s+(?=(?:Mrs?|Ms|Dr)\\.?\\s)|\\b(?:contact|owner|manager|accounts? person) is\\s+|\\bsend it to\\s+(?:the \\w+,?\\s+)?|\\btheir contact is\\s+|\\bbill\\s+)"
            + "((?:Mrs?\\.?|Ms\\.?|Dr\\.?)\\s+)?((?:Mrs?\\.?|Ms\\.?|Dr\\.?)\\s+)?([A-Z][a-z]+(?:\\s[A-Z][a-z]+)?(?:\\s(?:[A-Z][a-z]+\\s)?"
            + "(?:HOA|LLC|Ltd|Inc|Co|Corp|Group|Association|Society|Council|Club|School|Church|Clinic|Cafe|Bakery|Dental|Properties))?)");
    private static final Pattern FAMILY = Pattern.compile("(?i:\\b(?:inv(?:oice)?|bill|quote|chase)\\s+(?:for\\s+)?)the\\s+([A-Z][a-z]+?)s\\b");
    /** "Done at the Nguyen place", "the Parkers' house": the client is the family named. */
    private static final Pattern FAMILY_PLACE = Pattern.compile("\\b(?i:the)\\s+([A-Z][a-z]+?)(?:s'|'s|s)?\\s+"
            + "(?i:place|house|home|job|property|residence|cottage)\\b");
    /** A shop's or a directory's notification naming the client: "Jordan Ellis placed an order", "Chris P. sent you a message". */
    private static final Pattern RELAYED_CLIENT = Pattern.compile("\\b(?:placed by|(?i:buyer|sold to|purchased by|ordered by)\\s*:?)\\s+"
            + "([A-Z][a-z]+(?:\\s[A-Z][a-z]+)?)|^([A-Z][a-z]+(?:\\s[A-Z][a-z]*\\.?)?)\\s+(?:placed an order|has placed an order|"
            + "sent you a (?:new )?message|(?:has )?requested a quote|wants a quote)");
    /** "Did Kyle's invoice go out?": the client whose document it is. */
    private static final Pattern WHOSE_DOCUMENT = Pattern.compile("\\b([A-Z][a-z]+(?:\\s[A-Z][a-z]+)?)'s\\s+(?i:invoice|quote|estimate|bill)\\b");
    private static final Pattern AR_BUSINESS = Pattern.compile("(?i:nudge to|chase|ping|remind|follow up with|email|text|message|\\bto)"
            + "\\s+((?-i:[A-Z])[\\w']+(?:\\s(?-i:[A-Z])[\\w']+){0,3})\\s*(?:[-–,]|\\b(?i:about|re|on|for)\\b)");
    private static final Pattern CLIENT_NAMED_BEFORE = Pattern.compile("^([A-Z][\\w']+(?:\\s[A-Z][\\w']+){0,3})\\s+"
            + "(?:still hasn'?t|hasn'?t|has not|is|are|owes)\\b");


    /** Who wrote: the e-mail sender's name and address, or the texting number and the name they sign with. */
    static Contact sender(Inbound message, MessageText text, Locality locality) {
        if (message.sms()) {
            String phone = e164(message.from(), locality.country());
            return new Contact(signedName(text.own), null, phone);
        }
        String from = message.from();
        String email = null;
        Matcher e = EMAIL.matcher(from);
        if (e.find()) {
            email = e.group().toLowerCase(Locale.ROOT);
        }
        String name = displayName(from);
        if (name != null && name.matches("[\\p{L}'-]+,\\s*[\\p{L}'-]+")) {
            name = name.replaceAll("([\\p{L}'-]+),\\s*([\\p{L}'-]+)", "$2 $1"); // "Wilson, Greg" is Greg Wilson
        }
        if (name != null && ROLE_MAILBOX.matcher(name).matches()) {
            // "Front Desk <frontdesk@clinic>": the person or the business that signs the message
            String signed = signedName(text.own);
            name = signed != null ? signed : Objects.requireNonNullElse(signature(text.own), name);
        }
        if (name == null || name.isBlank()) {
            name = signedName(text.own);
        }
        return new Contact(name, email, firstPhone(text.own, locality.country()));
    }

    /** The name part of an e-mail From header ({@code "Wilson, Greg" <g@x>} → Wilson, Greg), null when there is none. */
    static String displayName(String from) {
        if (from == null || !from.contains("<")) {
            return null;
        }
        String name = from.substring(0, from.indexOf('<')).replaceAll("^[\"'\\s]+|[\"'\\s]+$", "");
        return name.isBlank() ? null : name;
    }

    /** A client named in a team member's note ("inv for Tom Reece", "contact is Dr. Anne Hendricks, anne@…"). */
    private static final Pattern DICTATED_EMAIL = Pattern.compile("(?i)(email is|e-mail is|email:|contact is|reach \\w+ at|"
            + "\\w+'s email|(his|her|their) email)[^@]*$");

    /** "Brian here from 4C.": a text that starts with who sends it. */
    private static final Pattern NAME_HERE = Pattern.compile("^(?:(?i:hi|hey|hello)[,!]?\\s+)?([A-Z][a-z]+(?:\\s[A-Z][a-z]+)?) here\\b");
    /** "yo its jess - the dryer…": a text's sender in lower case, the name set off by a dash or comma. */
    private static final Pattern CASUAL_SELF = Pattern.compile("\\b(?i:it'?s|this is)\\s+([a-z]{3,12})\\s*[-–,]");
    /** "… next in the area. - Linda, 402 Pecan St": signed with a dash, the address after the name. */
    private static final Pattern DASH_SIGNED = Pattern.compile("(?:^|\\s)[-–—]\\s*([A-Z][a-z]+(?:\\s[A-Z][a-z'A-Z]+)?)\\s*,\\s*\\d");
    /** "… already bought it. Jen": a name alone after the last sentence. */
    private static final Pattern LAST_WORD_SIGNED = Pattern.compile("[.!?]\\s+([A-Z][a-z]{1,15})[.!]?$");

    static Contact thirdParty(String own) {
        Matcher m = THIRD_PARTY.matcher(own);
        String name = null;
        String title = null;
        while (m.find()) {
            String candidate = m.group(3);
            if (!candidate.matches("(them|us|him|her|me|the|this|for|Labour|Labor|Friday|Monday|Saturday|Sunday|Thursday|Tuesday|"
                    + "Wednesday|Team|Thanks|Hi)(\\s.*)?")) {
                name = candidate;
                title = m.group(2) != null ? m.group(2) : m.group(1);
            }
        }
        Matcher family = FAMILY.matcher(own);
        if (name == null && family.find()) {
            name = family.group(1);
        }
        Matcher place = FAMILY_PLACE.matcher(own);
        if (name == null && place.find()) {
            name = place.group(1);
        }
        Matcher whose = WHOSE_DOCUMENT.matcher(own);
        if (name == null && whose.find()) {
            name = whose.group(1);
        }
        Matcher relayed = RELAYED_CLIENT.matcher(own);
        if (name == null && relayed.find()) {
            name = relayed.group(1) != null ? relayed.group(1) : relayed.group(2);
        }
        String email = null;
        Matcher e = EMAIL.matcher(own);
        if (e.find() && (name != null || DICTATED_EMAIL.matcher(own.substring(Math.max(0, e.start() - 30), e.start())).find())) {
            email = e.group().toLowerCase(Locale.ROOT);
        }
        if (name == null && email == null) {
            return null; // "send the invoice to accounts@…" names where bills go, not who the work is for
        }
        if (name != null && title != null && title.trim().matches("(?i)mrs?\\.?|ms\\.?") && !name.contains(" ")) {
            name = title.trim() + " " + name;
        }
        return new Contact(name, email, null);
    }

    /** Null when the client named is the sender's own business ("invoice Becker Build" from tom@beckerbuild…). */
    static Contact notTheSender(Contact sender, Contact named) {
        if (named == null || named.email() != null || named.name() == null || sender == null || sender.email() == null) {
            return named;
        }
        String squashed = named.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        String domain = sender.email().substring(sender.email().indexOf('@') + 1).toLowerCase(Locale.ROOT).split("\\.")[0];
        return squashed.length() >= 4 && domain.replace("-", "").equals(squashed) ? null : named;
    }

    static String arClient(String own) {
        Matcher m = AR_BUSINESS.matcher(own);
        if (m.find()) {
            return m.group(1) + " – ";
        }
        for (String s : MessageText.sentences(own)) {
            Matcher c = CLIENT_NAMED_BEFORE.matcher(s.replaceAll("^(?i)(hi|hey)\\b[^,]*,\\s*", ""));
            if (c.find()) {
                return c.group(1) + " – ";
            }
        }
        return "";
    }

    /** A forwarded web form or voicemail names the client: its fields win over the forwarder. */
    static Contact formContact(MessageText text, Contact contact, Locality locality) {
        if (text.forwarded.isEmpty() && text.fields.isEmpty()) {
            return contact;
        }
        String name = text.fields.get("name");
        String email = text.fields.get("email");
        String phone = text.fields.containsKey("phone") ? e164(text.fields.get("phone"), locality.country()) : null;
        if (name == null && !text.forwarded.isEmpty()) {
            Matcher self = SELF_NAME.matcher(text.forwarded);
            name = self.find() ? self.group(1) : null;
        }
        if (phone == null && text.forwardedSubject != null) {
            phone = firstPhone(text.forwardedSubject, locality.country());
        }
        if (phone == null && !text.forwarded.isEmpty()) {
            phone = firstPhone(text.forwarded, locality.country());
        }
        if (name == null && email == null && phone == null) {
            return contact;
        }
        return new Contact(name, email, phone);
    }

    /** A From name that is a mailbox's role, not who writes ("Front Desk", "Accounts Payable", "Info"). */
    private static final Pattern ROLE_MAILBOX = Pattern.compile("(?i)(the\\s+)?(front desk|reception|office|info|admin\\w*|billing|"
            + "accounts?( payable| receivable)?|support|sales|bookings?|orders|enquiries|inquiries|hello|contact|team|"
            + "customer (service|care)|help ?desk|no-?reply|facilities|maintenance|operations|property management|"
            + "procurement|purchasing|hr|reception desk|events( at .+)?|events team|catering)");

    /** The name a message is signed with when it is a business's ("Maplewood Family Clinic" above its address). */
    static String signature(String own) {
        String[] lines = own.strip().split("\n");
        for (int i = lines.length - 1; i >= Math.max(0, lines.length - 4); i--) {
            String line = lines[i].trim();
            if (line.matches("[A-Z][\\w&'.-]*(?:\\s+(?:[A-Z][\\w&'.-]*|&|of|and)){1,5}") && !line.matches(".*\\d.*")) {
                return line;
            }
        }
        return null;
    }

    static String signedName(String own) {
        Matcher self = SELF_NAME.matcher(own);
        if (self.find() && !self.group(1).matches("(Sorry|Not|Just|Running|Home|Out|Moving|Here|Going|Available|Still|Urgent|Broken|"
                + "Leaking|Ok|Okay|Fine|Done|Me|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Today|Tomorrow)\\b.*")) {
            return self.group(1);
        }
        String[] lines = own.strip().split("\n");
        for (int i = lines.length - 1; i >= Math.max(0, lines.length - 4); i--) {
            String line = lines[i].trim();
            if (line.matches("[A-Z][a-z]+(?:\\s[A-Z][a-z'A-Z]+)?") && !line.matches("(Thanks|Cheers|Regards|Best|Warmly|Hi|Hello)")) {
                return line;
            }
        }
        Matcher last = LAST_WORD_SIGNED.matcher(own.strip());
        if (last.find() && !last.group(1).matches("(Thanks|Thx|Cheers|Ok|Okay|Yes|No|Sure|Great|Perfect|Sorry|Please|Pls|Today|Tonight|"
                + "Tomorrow|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Bye|Later|Soon|Thank|Regards|Best|Done|Cool)")) {
            return last.group(1);
        }
        Matcher here = NAME_HERE.matcher(own.strip());
        if (here.find()) {
            return here.group(1);
        }
        Matcher casual = CASUAL_SELF.matcher(own);
        if (casual.find() && !casual.group(1).matches("(?i)(fine|ok|okay|done|broken|leaking|urgent|me|here|not|just|still|the|"
                + "about|over|gone|back|off|on|out)")) {
            return Character.toUpperCase(casual.group(1).charAt(0)) + casual.group(1).substring(1);
        }
        Matcher dashed = DASH_SIGNED.matcher(own);
        if (dashed.find()) {
            return dashed.group(1);
        }
        Matcher tail = SIGN_OFF.matcher(own.strip());
        if (tail.find() && !tail.group(1).matches("(Thanks|Cheers|Regards|Best|Sorry|Thx|Pls|Please|Ok|Mornings|Today|Tomorrow)")) {
            String before = own.strip().substring(0, tail.start(1)).trim();
            if (before.matches("(?is).*(thx|thanks|thank you|cheers|ta|regards|-|–|—)[,!.]?$")) {
                return tail.group(1);
            }
        }
        return null;
    }

    static String firstPhone(String text, String region) {
        for (PhoneNumberMatch match : PHONES.findNumbers(text, region, PhoneNumberUtil.Leniency.POSSIBLE, Long.MAX_VALUE)) {
            String raw = match.rawString();
            if (raw.replaceAll("\\D", "").length() >= 8) {
                return PHONES.format(match.number(), PhoneNumberUtil.PhoneNumberFormat.E164);
            }
        }
        return null;
    }

    static String e164(String phone, String region) {
        try {
            return PHONES.format(PHONES.parse(phone, region), PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (com.google.i18n.phonenumbers.NumberParseException e) {
            return phone;
        }
    }
}
