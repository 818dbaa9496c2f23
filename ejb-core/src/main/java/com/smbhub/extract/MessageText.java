package com.smbhub.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message's text taken apart the way a reader does: what the sender wrote (without the quoted reply below
 * "On … wrote:" or "&gt;" lines), what they forwarded (with the forwarded message's own From / Subject and
 * any "Name: / Email: / Phone:" form fields) and the sign-off.
 */
final class MessageText {

    private static final Pattern FORWARD = Pattern.compile("^\\s*(?:-{3,}\\s*(?:Original Message|Forwarded message)\\s*-{3,}|"
            + "Begin forwarded message:)\\s*$", Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
    private static final Pattern QUOTE_HEAD = Pattern.compile("^\\s*On .{6,160}wrote:\\s*$", Pattern.MULTILINE);
    private static final Pattern HEADER = Pattern.compile("^(From|Sent|Date|To|Cc|Subject):\\s*(.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FIELD = Pattern.compile("^\\s*(?:Your\\s+)?(Name|Full name|First and last name|Email|E-mail|"
            + "Email address|E-mail address|Phone|Phone number|Mobile|Mobile number|Contact number|Tel|Address|"
            + "Service address|Service|Message|Details|Invitee|Invitee email|Customer|Customer email|Client|Client email|Buyer|Buyer email|Location)"
            + "\\s*:\\s*(.+)$", Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

    /** What the sender wrote above any quote or forward. */
    final String own;
    /** The forwarded message's body (empty when nothing was forwarded). */
    final String forwarded;
    /** The forwarded message's From header, or null. */
    final String forwardedFrom;
    /** The forwarded message's Subject header, or null. */
    final String forwardedSubject;
    /** Form fields ("Name: Priya Shah") found in the text, by lower-case label. */
    final java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();

    MessageText(String text) {
        String t = text.replace("\r\n", "\n").replace('\r', '\n');
        Matcher quote = QUOTE_HEAD.matcher(t);
        if (quote.find()) {
            t = t.substring(0, quote.start());
        }
        List<String> kept = new ArrayList<>();
        for (String line : t.split("\n", -1)) {
            if (!line.stripLeading().startsWith(">")) {
                kept.add(line);
            }
        }
        t = String.join("\n", kept);
        Matcher forward = FORWARD.matcher(t);
        String from = null;
        String subject = null;
        if (forward.find()) {
            String rest = t.substring(forward.end());
            t = t.substring(0, forward.start());
            StringBuilder body = new StringBuilder();
            boolean inHeaders = true;
            for (String line : rest.split("\n", -1)) {
                Matcher h = HEADER.matcher(line.trim());
                if (inHeaders && h.matches()) {
                    String name = h.group(1).toLowerCase(Locale.ROOT);
                    if (name.equals("from")) {
                        from = h.group(2).trim();
                    } else if (name.equals("subject")) {
                        subject = h.group(2).trim();
                    }
                } else if (inHeaders && line.isBlank()) {
                    continue;
                } else {
                    inHeaders = false;
                    body.append(line).append('\n');
                }
            }
            forwarded = body.toString().trim();
        } else {
            forwarded = "";
        }
        own = t.trim();
        forwardedFrom = from;
        forwardedSubject = subject;
        Matcher f = FIELD.matcher(own + "\n" + forwarded);
        while (f.find()) {
            // a booking tool's "Invitee" or a shop's "Customer" is the form's name, its "Location" the address
            String label = f.group(1).toLowerCase(Locale.ROOT).replace("e-mail", "email").replaceAll("^(full|first and last) name$", "name")
                    .replaceAll("^(email) address$", "$1").replaceAll("^(phone|mobile|contact) number$", "phone").replace("mobile", "phone")
                    .replaceAll("^(invitee|customer|client|buyer) email$", "email").replaceAll("^(invitee|customer|client|buyer)$", "name")
                    .replace("location", "address");
            fields.putIfAbsent(label, f.group(2).trim());
        }
    }

    /** The whole text to read for the request: the sender's own words, then what they forwarded. */
    String all() {
        return forwarded.isEmpty() ? own : own + "\n\n" + forwarded;
    }

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+|\\n+");
    private static final Pattern ABBREVIATION = Pattern.compile("(?i)(?:\\b(?:mr|mrs|ms|dr|st|rd|ave|jr|sr|vs|etc|approx|no|inc|ltd|"
            + "co|e\\.g|i\\.e|[a-z])\\.)$");

    /** The sentences of a text (split at . ! ? and line ends, not after "Dr." or "St."), trimmed, without empty ones. */
    static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        Matcher m = SENTENCE_END.matcher(text);
        int from = 0;
        while (m.find()) {
            current.append(text, from, m.start());
            from = m.end();
            if (!m.group().contains("\n") && ABBREVIATION.matcher(current).find()) {
                current.append(' ');
                continue;
            }
            flush(current, out);
        }
        current.append(text.substring(from));
        flush(current, out);
        return out;
    }

    private static void flush(StringBuilder sentence, List<String> out) {
        String t = sentence.toString().trim();
        if (!t.isEmpty()) {
            out.add(t);
        }
        sentence.setLength(0);
    }
}
