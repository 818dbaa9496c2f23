package com.smbhub.extract;

import com.smbhub.extract.Extraction.Contact;
import com.smbhub.extract.Extraction.Intent;
import com.smbhub.extract.Extraction.Line;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A work item's title in the message's own words: the subject when it says something, what is wrong or
 * wanted, what a bill is for.
 */
final class Titles {

    private static final int I = Pattern.CASE_INSENSITIVE;

    private Titles() {
    }

    static String cleanSubject(String subject) {
        String s = subject.trim();
        String before;
        do {
            before = s;
            s = s.replaceFirst("(?i)^(re|fwd?|fw|aw|automatic reply|auto-?reply|out of office)\\s*:\\s*", "");
        } while (!s.equals(before));
        return s.trim();
    }

    /** The subject when it says what the message is about ("Re:", "- quote?" and "Website enquiry" say nothing). */
    static String topic(String subject) {
        String s = subject.replaceAll("(?i)\\s*[-–:]\\s*(quote|pricing|price|estimate|inquiry|enquiry|invoice|overdue)\\s*\\??$", "")
                .replaceAll("(?i)^(quote|estimate|invoice|pricing)\\s+(for|on)\\s+", "")
                .replaceAll("\\?$", "").trim();
        if (s.matches("(?i)(you have )?(a )?(new )?(website |web )?(enquiry|inquiry|message|request|voicemail.*|hello|hi|question|thank you!?|"
                + "(message|lead|enquiry|inquiry|request) from .*|(invoice|quote) please.*)|.* sent you a (new )?message.*|(new )?(form submission|(contact|web|website|online) form( submission)?)\\b.*|contact us")) {
            return "";
        }
        return expandMonths(s);
    }

    /**
     * A short title: the subject when it says something, then what is wrong or wanted in the message's own words
     * (for a bill, its lines), then the client a team member's note names.
     */
    static String title(String topic, String phrase, String billed, List<Line> lines, Contact client, Inbound message) {
        List<String> parts = new ArrayList<>();
        if (!topic.isEmpty()) {
            parts.add(topic);
        }
        boolean namedLines = !lines.isEmpty() && !lines.get(0).name().toLowerCase(Locale.ROOT)
                .matches("(labou?r|parts|materials|hours?|travel|permit|call-?out)( .*)?")
                && !DONE_WHAT.matcher(phrase).lookingAt(); // "Finished the pool service at …": what was done names it
        String what = billed != null && !billed.isEmpty() ? billed
                : namedLines ? String.join(", ", lines.stream().limit(2).map(Line::name).toList()) : phrase;
        if (!what.isEmpty() && !topic.toLowerCase(Locale.ROOT).contains(what.toLowerCase(Locale.ROOT))) {
            parts.add(parts.isEmpty() ? what : Character.toLowerCase(what.charAt(0)) + what.substring(1));
        }
        String title = String.join(" – ", parts);
        if (client != null && client.name() != null && !title.contains(client.name())) {
            title = title.isEmpty() ? client.name() : title + " – " + client.name();
        }
        if (title.length() > 110) {
            title = title.substring(0, 110).replaceAll("\\s+\\S*$", "") + "…";
        }
        if (title.isBlank()) {
            title = message.sms() ? "Text from " + message.from() : "Message";
        }
        return Character.toUpperCase(title.charAt(0)) + title.substring(1);
    }

    private static final Pattern REQUEST = Pattern.compile("\\b(can|could|would|will) (you|u|someone|somebody|we|i)\\b|\\bhow much\\b|"
            + "\\b(you|u) (could|can|would)\\b|\\bany chance\\b|\\bwhat would it\\b|\\bgo ahead\\b|\\bbook (it|us|me)\\b|"
            + "\\bwhat would you\\b|\\bi'?d like\\b|\\bwe'?d like\\b|\\bneed\\b|\\blooking for\\b|\\bpls\\b|\\bplease\\b|\\bquote\\b|"
            + "\\binvoice\\b|\\binv\\b|\\bbook\\b|\\bdo you do\\b", I);
    /** Words that really ask ("could you", "can u", "could I", "please", "I'd like", "how much", "looking for"). */
    static final String ASKING = "\\b(can|could|would|will) (you|u|someone|somebody)\\b|\\b(you|u) (could|can|would)\\b|"
            + "\\b(can|could|may) (i|we)\\b|\\bany chance\\b|\\bplease\\b|\\bpls\\b|\\bi'?d like\\b|\\bwe'?d like\\b|\\bhow much\\b|"
            + "\\bwhat would\\b|\\blooking for\\b";
    /** A sentence that really asks ("please schedule …"), preferred over one that only names a quote or an invoice. */
    private static final Pattern ASKS = Pattern.compile(ASKING, I);
    private static final Pattern PROBLEM = Pattern.compile("\\b(leak\\w*|burst|broken|break|stopped|not working|won'?t|isn'?t|"
            + "doesn'?t|no (?:hot water|heat|power|water|internet|signal)|dead|loose|wrong|rott\\w+|grinding|noise|skipping|came off|come off|cracked|"
            + "clogged|blocked|flood\\w*|damaged|missing|faulty|tripping|offline|not syncing|keeps|error|down|crash\\w*|not loading|"
            + "jammed|stuck|hums|humming|dripping|overflow\\w*|backed up|backing up|sparking|frozen|not draining|"
            + "can'?t (log|sign|get|connect|print|book)|smell\\w*|gas|(?:coming|pouring|leaking|dripping) (?:through|in|out|down)|"
            + "(?:through|thru) the (?:ceiling|roof|wall|floor)|can'?t (?:take|accept|process|open|start|turn)|unreachable|"
            + "not responding|showing (?:an? )?(?:error|message))\\b", I);
    private static final Pattern DONE = Pattern.compile("\\b(done|finished|completed|replaced|installed|fixed|repaired|wrapped|"
            + "delivered)\\b", I);
    private static final Pattern DONE_WHAT = Pattern.compile("(finished|completed|done with|wrapped up|replaced|installed|fixed|"
            + "repaired|serviced|cleaned) (?:(?:the|a|an|their|his|her|our) )?(?!(?:at|on|in|for|with|up|today|now|there|here)\\b)\\w+", I);
    /** "Brian here from 4C.", "It's Sue from no. 12": who writes, not what for. */
    private static final Pattern INTRODUCTION = Pattern.compile("(?i)(?:hi|hey|hello)?[ ,!]*(?:(?:it'?s|this is) )?[a-z]+ here"
            + "(?: from [^.!?,]*)?[.!]*|(?:hi|hey|hello)?[ ,!]*(?:it'?s|this is) [a-z]+ (?:from|at|in|over at|up at) [^.!?,]*[.!]*");
    /** A platform's wrapping around a relayed message: "Chris P. sent you a message:", "Reply on Yelp". */
    private static final Pattern RELAYED = Pattern.compile("(?i)\\bsent you a (new )?message\\b|^reply (on|in|via) \\w+|"
            + "^(view|see) (the |this |full )?(message|conversation)\\b|^(you have )?(a )?new message from\\b");
    private static final Pattern INTRODUCED = Pattern.compile("^(?i:(?:hi|hey|hello)?[ ,!]*(?:(?:it'?s|this is) [a-z]+|[a-z]+ here)"
            + "(?: from [^.!?,]*?)?)\\s+[-–—]\\s+");
    private static final Pattern GENERIC_ASK = Pattern.compile("(?i)(send|get) (someone|somebody|a tech\\w*)|come (and )?(take a )?look|"
            + "(come( over| out| round| by)?)?(\\s*\\b(asap|now|quickly|right away|today|tomorrow|tmrw|soon|first thing|mon|tue|wed|thu|fri|sat|sun)"
            + "\\w*)*(\\s+(arvo|morning|afternoon|evening|night))?\\s*(-\\s*\\w+)?$|"
            + "take a look|check (it|this|what'?s going on)( out)?|fix (it|this)|sort (it|this)( out)?|look at (it|this)|have a look|"
            + "pop (round|over|by)|(swing|stop|drop) (by|past|round)|come out|come over|round|over|"
            + "(?:you )?(?:charge|cost|costs|be|run)\\W*$|call (me|us)( back)?\\b.*");

    /**
     * What is wrong or wanted, in the message's words: the sentence naming a problem ("my rear derailleur keeps
     * skipping gears") when there is one and the ask is generic ("can you send someone"), else the sentence that
     * asks, without the asking ("can u guys", "could you please"), its date and asides.
     */
    static String phrase(MessageText text, Intent intent) {
        List<String> sentences = new ArrayList<>();
        String source = text.fields.containsKey("message") ? text.fields.get("message") + "\n" + text.own : text.all();
        for (String written : MessageText.sentences(source)) {
            String s = INTRODUCED.matcher(written).replaceFirst(""); // "it's Bev from 22 Larch Cres - the garage door …"
            if (!s.matches("(?i)(hi|hey|hello|dear|good (morning|afternoon|evening)|morning|thanks|thank you|cheers|regards|best|"
                    + "kind regards|many thanks|warmly|thanks heaps)\\b[^.?!]{0,30}[,.!]?")
                    && !s.matches("(?i)^(from|sent|date|to|subject|name|email|phone|address|service):.*")
                    && s.split("\\s+").length > 2 && !INTRODUCTION.matcher(s.trim()).matches() && !RELAYED.matcher(s).find()) {
                sentences.add(s);
            }
        }
        String asking = sentences.stream().filter(s -> ASKS.matcher(s).find()).findFirst()
                .or(() -> sentences.stream().filter(s -> REQUEST.matcher(s).find()).findFirst()).orElse(null);
        String request = asking != null ? asking : sentences.isEmpty() ? "" : sentences.get(0);
        Pattern describes = intent == Intent.DRAFT_INVOICE ? DONE : PROBLEM;
        String problem = intent == Intent.DRAFT_QUOTE ? null
                : sentences.stream().filter(s -> describes.matcher(s).find()).findFirst().orElse(null);
        String chosen = request;
        String asked = compress(stripAsk(request));
        // "come ASAP, 7 Mill Lane, Otley" or "come now 2210 Desert Rose Dr": the ask is before the address
        asked = asked.split(",")[0].trim().replaceAll("\\s+\\d+[A-Za-z]?\\s+(?-i:[A-Z])[\\w' ]*$", "");
        if (problem == null && asking != null && GENERIC_ASK.matcher(asked).lookingAt()) {
            // "any chance you could come Thursday?": what for is in the sentence before
            problem = sentences.stream().filter(s -> !ASKS.matcher(s).find()).findFirst().orElse(null);
        }
        if (problem != null) {
            String[] split = problem.split("(?i),\\s*(?=(?:can|could) (?:i|we|you|u)\\b)", 2);
            if (asking == null || problem.equals(request) || asked.replaceAll("\\s[-–]\\s*\\w+$", "").split("\\s+").length < 4
                    || GENERIC_ASK.matcher(asked).lookingAt() || describes == DONE) {
                chosen = describes.matcher(split[0]).find() ? split[0] : problem;
                String[] but = chosen.split("(?i),?\\s+but\\s+", 2);
                if (but.length == 2 && !describes.matcher(but[0]).find() && describes.matcher(but[1]).find()) {
                    chosen = but[1]; // "my parcel came this morning but it's the wrong colour": what is wrong
                }
            }
        }
        String phrase = compress(chosen.equals(request) ? stripAsk(chosen) : chosen);
        int at = sentences.indexOf(chosen);
        return at > 0 ? resolve(phrase, sentences.get(at - 1)) : phrase;
    }

    private static final Pattern PRONOUN = Pattern.compile("\\b(?:(\\d+|some|all|both|two|three) of them|it|them|(?<=\\bhold )one)\\b", I);
    private static final Pattern NOUN_PHRASE = Pattern.compile("\\b(?i:the|my|our|your|his|her|their)\\s+((?:[a-z][\\w&-]*\\s+){0,3}"
            + "[a-z][\\w-]*)(?=\\s+(?:but|and|is|are|was|were|has|have|in|on|at|from|as|with|that|which)\\b|\\s*[,.;!?(])");

    /**
     * "Could I exchange it for a size M?" after "I love the emerald wrap dress but…": the thing asked about is
     * the one the sentence before names ("exchange emerald wrap dress for a size M").
     */
    private static String resolve(String phrase, String before) {
        Matcher pronoun = PRONOUN.matcher(phrase);
        Matcher noun = NOUN_PHRASE.matcher(before);
        if (!pronoun.find() || !noun.find()) {
            return phrase;
        }
        String thing = noun.group(1);
        String replacement = pronoun.group(1) != null ? pronoun.group(1) + " " + thing : thing;
        return phrase.substring(0, pronoun.start()) + replacement + phrase.substring(pronoun.end());
    }

    static final Pattern BILLED_FOR = Pattern.compile("\\b(?:invoice|bill)\\s+(?:us\\s+|me\\s+|them\\s+|(?:the\\s+)?(?-i:[A-Z])\\w+"
            + "(?:\\s+(?-i:[A-Z])[\\w.]+){0,3}\\s+)?for\\s+"
            + "(?:the\\s+|our\\s+)?"
            + "((?:[^?.:!,\\n]|\\.(?=\\d)){3,90}?)(?:\\s+(?:as agreed|please|pls|today|yesterday|this morning|last \\w+))?"
            + "(?=[?:!,\\n]|\\.(?!\\d)|$)", I);

    /** What a line priced by the hour is for: what the invoice is asked "for", or the subject, or the request. */
    static String lineName(String topic, String phrase, String own) {
        Matcher m = BILLED_FOR.matcher(own);
        String billed = m.find() ? m.group(1).trim() : "";
        if (billed.isEmpty() || billed.matches("(?i).*\\b(today|this|that|it)$")) {
            return topic.isEmpty() ? phrase : topic;
        }
        if (topic.toLowerCase(Locale.ROOT).contains(billed.toLowerCase(Locale.ROOT))) {
            return topic;
        }
        return billed;
    }

    static String stripAsk(String sentence) {
        return sentence.replaceAll("(?i)^.*?\\b(?:(?:can|could|would|will) (?:you|u|someone|somebody)|(?:you|u|someone|somebody) (?:could|can|would))"
                        + "(?: guys| please| pls)?"
                        + "(?: (?:come|pop|pop round|come out|come over) (?:and |to )?)?\\s*", "")
                .replaceAll("(?i)^(?:i'?d|we'?d) like (?:to|you to)?\\s*", "")
                .replaceAll("(?i)^(?:i'?m |we'?re )?looking for (?:a )?(?:price|quote|estimate)s? (?:to|for|on)\\s+", "")
                .replaceAll("(?i)^(?:please|pls)\\s+", "")
                .replaceAll("(?i)^.*?\\b(?:go ahead|let'?s go ahead|let'?s do)(?: with)?\\s+", "");
    }

    /** A sentence made title-sized: no greeting, aside, lead-in ("Tenant says", "We've got … that need sorting:") or date. */
    static String compress(String sentence) {
        String t = sentence.replaceAll("\\([^)]*\\)", " ")
                .replaceAll("(?i)^(?:hi|hey|hello|help|morning)\\b[^,]*?(?:,|\\s(?=[a-z]))\\s*", "")
                .replaceAll("(?i)^(?:hi|hey|hello|help)\\s+", "")
                .replaceAll("^[^:]{10,80}:\\s+(?=\\S+(?:\\s+\\S+){3})", "")
                .replaceAll("(?i)^(?:\\w+ (?:says|said|reports|mentioned)(?: that)?)\\s+", "")
                .replaceAll("(?i)^(?:my|our|the|their)\\s+", "")
                .replaceAll("(?i)\\s*\\b(?:by|on|this|next|before|for)\\s+(?:sat|sun|mon|tue|wed|thu|fri)\\w*\\b"
                        + "(?:\\s+(?:arvo|morning|afternoon|evening|night))?", "")
                .replaceAll("(?i)\\s*\\b(?:by |on |for )?(?:tmrw|tomorrow|today)\\b(?:\\s+(?:morning|afternoon|evening|night))?", "")
                .replaceAll("(?i)\\s*\\b(?:sometime |some time |any time )?(?:next|this) (?:week|month)\\b|\\s*\\b(?:asap|sometime|"
                        + "when you can|when you get a chance)\\b", "")
                .replaceAll("\\s+", " ").replaceAll("\\s+([,.!?])", "$1").replaceAll("[?.!,\\s]+$", "").trim();
        while (t.length() > 70 && t.matches("(?is).*\\s(?:by|in|on|at|near|under|behind|either side of|since) the [\\w-]+.*")) {
            String shorter = t.replaceFirst("(?i)\\s(?:by|in|on|at|near|under|behind|either side of|since) the [\\w-]+(?: [a-z-]+)?"
                    + "(?=[\\s,.]|$)", "");
            if (shorter.equals(t)) {
                break;
            }
            t = shorter;
        }
        t = t.replace(" the ", " ");
        if (t.length() > 70) {
            t = t.substring(0, 70).replaceAll("\\s+\\S*$", "").replaceAll("[,;:\\s]+(and|or|but|with)?$", "");
        }
        return expandMonths(t);
    }

    static String expandMonths(String s) {
        String[][] months = {{"Jan", "January"}, {"Feb", "February"}, {"Mar", "March"}, {"Apr", "April"}, {"Jun", "June"},
            {"Jul", "July"}, {"Aug", "August"}, {"Sep", "September"}, {"Sept", "September"}, {"Oct", "October"},
            {"Nov", "November"}, {"Dec", "December"}};
        for (String[] m : months) {
            s = s.replaceAll("\\b" + m[0] + "\\b\\.?", m[1]);
        }
        return s;
    }
}
