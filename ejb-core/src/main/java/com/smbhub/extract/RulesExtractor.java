package com.smbhub.extract;

import com.smbhub.extract.Extraction.Contact;
import com.smbhub.extract.Extraction.Expense;
import com.smbhub.extract.Extraction.Intent;
import com.smbhub.extract.Extraction.Line;
import com.smbhub.extract.Extraction.WorkItem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The offline extractor: reads a message the way a careful office manager does, with no network and no model
 * download. Each intent is scored from what the message asks for (cue phrases, weighted), the fields come from
 * {@link DateExpressions}, {@link Amounts}, libphonenumber and the message's own structure (sender, signature,
 * forwarded headers, form fields), and every field carries how sure the reading is.
 */
public final class RulesExtractor implements Extractor {

    private static final int I = Pattern.CASE_INSENSITIVE;
    /** What is read of a message: a request is in its first pages, and a 1 MB newsletter must not cost a second. */
    static final int MAX_TEXT = 20_000;

    /** Cue phrases and their weight for each intent; the highest total wins, NONE when nothing asks for work. */
    private static final Map<Intent, List<Cue>> CUES = new EnumMap<>(Intent.class);
    /** Words that ask for a price: the ones that ask at all, and "need / get / send … a price", "let me know". */
    private static final String ASKING = Titles.ASKING + "|\\b(?:need|want|after|get|give|send)\\b|\\bwhat do you\\b|\\blet me know\\b";

    /** A sale the business must fulfil, as a shop platform announces it: "You made a sale!", "Ship by: Dec 9". */
    static final Pattern SALE = Pattern.compile("\\b(you (just )?(made|have|got) a (new )?sale|you'?ve (just )?sold|you sold|"
            + "new order (from|#|received|placed)|order #?\\w+ (was )?placed by|ship by|buyer:|ready to ship|needs to ship)", I);

    /** A phrase and what it weighs, counted at most {@code max} times in a message. */
    private record Cue(Pattern pattern, double weight, int max) {
    }

    private static void cue(Intent intent, double weight, String regex) {
        cue(intent, weight, 2, regex);
    }

    private static void cue(Intent intent, double weight, int max, String regex) {
        CUES.computeIfAbsent(intent, k -> new ArrayList<>()).add(new Cue(Pattern.compile(regex, I), weight, max));
    }

    static {
        // nobody asks for anything: out of office, newsletters, notifications, thanks, small talk
        cue(Intent.NONE, 5, "\\b(automatic reply|auto-?reply|out of (the )?office|limited access to (e-?mail|my email)|"
                + "i am (currently )?away|(i'?m|i am) on (annual |parental |sick )?(leave|holiday|vacation)|no access to (e-?mail|my email))\\b");
        cue(Intent.NONE, 4, "\\b(unsubscribe|manage (your )?preferences|view (this email )?in (your )?browser|offer valid|"
                + "this week only|reply yes|free audit|guaranteed|receiving this (email )?because|read more)\\b");
        cue(Intent.NONE, 3, "\\b(new review|left you a review|reply to reviews)\\b");
        // a cold pitch: "we help local businesses get more calls", "would you be open to a 15-minute call?"
        cue(Intent.NONE, 4, "\\b((would|are) you (be )?open to|open to a (quick |short )?(\\d+[- ]?min(ute)?s? )?(call|chat|demo)|"
                + "we help (\\w+ ){0,2}(businesses|companies|contractors|owners|brands)|ranking (on|for|higher)|page (1|one) of google|"
                + "\\d+x more (calls|leads|customers|sales|bookings)|i (was|were) (looking at|on) your (website|site)|"
                + "book (a|your) (free )?(demo|strategy call|consultation call)|worth a (quick )?(call|chat)|partnering with you)\\b");
        cue(Intent.NONE, 3, "^\\s*(?:hi|hey|hello)?[ ,!]*(?:ok|okay|sounds good|perfect|great|thanks|thank you|cheers|no worries)"
                + "\\b[^?]{0,40}$");
        cue(Intent.NONE, 3, "\\b(see (u|you) (at|then|tmrw|tomorrow)|running (about )?\\d+ ?min(ute)?s? (late|behind)|on my way|omw)\\b");
        cue(Intent.NONE, 3, "\\b(just wanted to (say|let you know)|wanted to say thank)");
        cue(Intent.NONE, 6, "\\b(works|suits|is fine|sounds good|perfect|great)\\b[^?]{0,60}\\bsee (you|u) (then|there|soon|on \\w+|\\w+day)\\b");
        cue(Intent.NONE, 3, "\\bis this (?-i:[A-Z][a-z]+)\\?");
        // someone else's reminder to us: "your appointment with Dr. Patel is on Mon … Reply C to confirm"
        cue(Intent.NONE, 5, 1, "\\breply \\w{1,3} to (confirm|cancel)\\b|\\byour (appointment|appt|booking|reservation) (with|at) [^.?!\\n]{1,40}"
                + "\\bis (on|at|tomorrow|today|confirmed)\\b");
        cue(Intent.NONE, 6, "\\b(just |already |have )?(sent|made|paid) (the |my |you )?(e-?transfer|payment|transfer)\\b|"
                + "\\b(just|already|i'?ve|have) paid\\b|\\bremittance\\b|\\bpaid in full\\b|\\bsent (today )?(by|via) (eft|bank transfer|wire|"
                + "direct deposit|ach)\\b|\\b(sent|paid|transferred) [^.?!]{0,40}\\b(by|via) (e-?transfer|interac|bank transfer|wire|eft|"
                + "ach|zelle|venmo|paypal)\\b");
        // we bought something: receipts, bills, statements, a team member's spend
        cue(Intent.DRAFT_EXPENSE, 4, "\\b(e-?receipt|your receipt|thank you for shopping|thanks for shopping|total charged|"
                + "amount due|total due|statement date|your (\\w+ )?(bill|statement) is|billing period|order confirmation|"
                + "order has shipped|your order has|thank you for your (payment|order|purchase)|dear tenant)\\b");
        cue(Intent.DRAFT_EXPENSE, 4, "\\b(on (my|the|our) (own |company |business |work )?(card|visa|amex|mastercard)|"
                + "paid (for )?(it )?(on|with) my|reimburse|for the books|receipt'?s in|filled up|bought|grabbed|purchased|"
                + "picked up (some )?(supplies|materials|parts)|thanks for riding|your trip)\\b");
        cue(Intent.DRAFT_EXPENSE, 3, "(?m)^\\s*(?:(ride|trip|fare|order|grand) )?(total|amount paid|total paid)\\s*:?\\s*(" + Amounts.SIGN + ")");
        cue(Intent.DRAFT_EXPENSE, 3, "\\b(thanks for riding|your ride with|ride total)\\b");
        cue(Intent.DRAFT_EXPENSE, 3, 1, "\\breceipts?\\b|\\bthanks for subscribing\\b|\\bsubscription (renewed|receipt)\\b");
        cue(Intent.DRAFT_EXPENSE, 3, "\\breceipt (to follow|attached|coming|in the)\\b|\\b(pic|photo|picture) of the (receipt|ticket)\\b|"
                + "^\\s*(coffee|lunch|dinner|breakfast|parking|fuel|gas|petrol|tolls?|taxi|uber|train|flight|hotel|postage)\\b");
        cue(Intent.DRAFT_EXPENSE, 2, "\\b(invoice (number|date)|order (no|number|date)|subtotal|sales tax|incl\\.? gst|"
                + "gst included|rent invoice)\\b");
        // a supplier's bill to us: "Your invoice for November is available", "will be charged to your Visa"
        cue(Intent.DRAFT_EXPENSE, 4, "\\b(please find|attached( is| please find)?|enclosed( is)?) (the |our |your )?(invoice|bill|statement)\\b|"
                + "\\b(invoice|bill) (no\\.? |#)?[\\w-]+ (for your|from (?-i:[A-Z]))|\\bthank you for your business\\b|"
                + "\\b(view|pay) (and pay )?your (bill|invoice)\\b|\\bamount outstanding\\b");
        cue(Intent.DRAFT_EXPENSE, 5, "\\byour (\\w+ )?(invoice|bill|statement) (is|for|from|has)\\b|"
                + "\\b(will be|has been|was) (charged|debited) (to|from) your\\b");
        // a shop's tax invoice paid at the till
        cue(Intent.DRAFT_EXPENSE, 3, "\\b(paid (by |with |via )?(eftpos|debit|credit card|card|visa|mastercard|amex|apple pay|"
                + "google pay|interac|contactless)|your (\\w+ )?tax invoice|tax invoice from)\\b");
        // a client owes us: reminders, promises to pay, disputes, chasing
        cue(Intent.DRAFT_AR_MESSAGE, 3, "\\b(overdue|past due|chase|nudge|firmer reminder|reminder|when i get paid|pay day|"
                + "payday|payment plan|can i pay|will pay|i'?ll pay|i'?ll e-?transfer|pay (it )?(on|by|when|next)|sort it|"
                + "hasn'?t paid|still hasn'?t|ignored|corrected amount|billed)\\b");
        // a client asking for one of our invoices again
        // a client asking whether their payment of our invoice arrived
        cue(Intent.DRAFT_AR_MESSAGE, 7, 1, "\\b(did you|checking (that )?you|confirm (that )?you|make sure you) (get|got|receive|received) "
                + "(my|our|the) (payment|e-?transfer|transfer|cheque|check|deposit)\\b");
        cue(Intent.DRAFT_AR_MESSAGE, 3, "\\b(resend|re-send|send (us |me )?(a copy|another copy)|never (received|got)|"
                + "can'?t find (the |your |it)|check your records|already paid (it|this|that))\\b");
        // a client's accounts team saying when our invoice is paid
        cue(Intent.DRAFT_AR_MESSAGE, 3, "\\b((sorry|apologies) for the (delay|late payment)|payment run|runs? (the )?payments|"
                + "(accounts|payables|finance|ap) (team|department|dept)|you'?ll (see|get|have|receive) (the |your |it|payment|"
                + "\\$)|cheque is in the (mail|post)|processing (the |your )?(payment|invoice))\\b");
        // a message naming one of our invoices is about that invoice, not a request for a new one
        cue(Intent.DRAFT_AR_MESSAGE, 5, 1, "\\bINV[-\\s#]?\\d+");
        cue(Intent.DRAFT_AR_MESSAGE, 3, "\\b(charged? (us |me )?twice|overcharged|double[- ]charged|dispute|mistake|wrong amount|"
                + "corrected invoice|not paying|won'?t pay|refuse to pay|we agreed|(fix|amend|correct) the invoice)\\b");
        // bill a client
        // a client asking for the invoice of work done: "can you send over the invoice for last week's rewire?"
        cue(Intent.DRAFT_INVOICE, 7, 1, "\\bsend (over |through |across )?(me |us )?(the|an|my|our) (final |itemi[sz]ed )?invoice (for|from)\\b");
        cue(Intent.DRAFT_INVOICE, 5, "\\b(pls|please|can you|could you|can u)\\s+(?:\\w+\\s+){0,3}invoice\\b(?!\\s*#?\\s*(?:INV)?[-\\s#]?\\d)|"
                + "\\b(can you|could you|can u|pls|please) (please )?bill (the |them|him|her|(?-i:[A-Z]))|"
                + "\\b(?:just |pls |please )?invoice (?:the )?[\\w']+(?: [\\w']+)? for (?:the|their|our|today'?s?|yesterday'?s?|this|last)\\b|\\binvoice (them|us|him|her|"
                + "me|(?-i:[A-Z][a-z]+ [A-Z][a-z]+))\\b|\\binv (for|to)\\b|^\\s*inv\\s|(?:^|[.!?]\\s+|\\n)\\s*(?:pls |please )?(?:invoice|bill) "
                + "(?:the |to )?(?!(?-i:INV)[-\\s#]?\\d)(?-i:[A-Z])\\w+|\\binvoice (for|please)\\b|"
                + "\\bsend (me |us )?(an |the )?(itemi[sz]ed )?invoice\\b|\\b(draft|do|raise|make) (up )?(their|an|the) invoice\\b|"
                + "\\binvoice for (today|the)\\b|\\bemail me an invoice\\b|\\bbill (us|me|them|him|her)\\b|"
                + "\\b(?-i:[A-Z][a-z]+)'s invoice\\b|\\b(did|has|have) (the |his |her |their )?invoice (go|gone|get|got|been)\\b");
        // price something for a client
        cue(Intent.DRAFT_QUOTE, 4, "(?:" + ASKING + ")[^.!?\\n]*\\b(quote|quotation|estimate|how much|pricing|prices?|charge|"
                + "ballpark|cost|rates?|packages and prices|price list|pricelist)\\b|\\b(quote|quotation|estimate|how much|pricing|price|what would you charge|ballpark|"
                + "what (would|will) (that|it) cost|roughly what|rates?)\\b[^.!\\n]*\\?");
        cue(Intent.DRAFT_QUOTE, 3, "^\\s*quote for\\b|\\bput a quote together\\b|\\bcould you quote\\b");
        // a lead service's new customer asks for a price
        cue(Intent.DRAFT_QUOTE, 6, 1, "\\b(new lead|you have a new lead|lead details|new (job )?request from|wants a quote|"
                + "requested a quote|quote request)\\b");
        cue(Intent.DRAFT_QUOTE, 5, "^\\s*(quote|estimate) (pls|please)\\b|^\\s*(pls|please) (quote|price)\\b|\\b(send|give) (us |me )?pricing\\b");
        // do something
        cue(Intent.CREATE_WORK_ITEM, 2, "\\b(can|could|would) (you|u|someone|somebody|i|we) \\w+|\\b(you|u) (could|can|would) \\w+|"
                + "\\bany chance\\b|\\bcan u\\b|\\bpls\\b|\\bplease\\b|"
                + "\\bneed(s|ed)? (to|it|them|a|someone|this|sorting)\\b|\\bbook\\b|\\bbooking\\b|\\bi'?d like\\b|\\bwe'?d like\\b|"
                + "\\blooking for\\b");
        cue(Intent.CREATE_WORK_ITEM, 2, "\\b(leak|leaking|burst|broken|not working|stopped working|won'?t|isn'?t|no hot water|"
                + "skipping|loose|gone dead|grinding|wrong colou?r|wrong size|exchange|return|refund|where is my order|tracking|"
                + "reschedule|move (his|her|my|our|the) (appt|appointment|booking)|set aside|pick (it|them) up|go with the|"
                + "reconciliation|help)\\b");
        cue(Intent.CREATE_WORK_ITEM, 7, 1, SALE.pattern());
        cue(Intent.CREATE_WORK_ITEM, 5, 1, "\\b(new (event|booking|appointment) (has been )?(scheduled|booked|requested)|"
                + "booking (confirmed|request)|appointment (request|booked)|invitee)\\b");
        cue(Intent.CREATE_WORK_ITEM, 3, "\\b(are|r) (you|u) (free|available|around|about) (to|for|on|next|(mon|tues|wednes|thurs|fri|satur|sun)day|"
                + "tomorrow|tmrw|today|this|later)\\b");
        cue(Intent.CREATE_WORK_ITEM, 2, "\\b(making|makes|made) (a|an|this|that|some|weird|strange|funny|loud) (\\w+ )?(noise|sound|racket|smell)|"
                + "\\b(banging|knocking|squealing|squeaking|screeching|buzzing|clicking)\\b");
        // a client chasing work already agreed
        cue(Intent.CREATE_WORK_ITEM, 4, "\\b(still no word|still waiting|any update on|haven'?t heard back|when (are|will) you (be )?"
                + "(coming|fixing|starting|back|finishing))\\b");
        cue(Intent.CREATE_WORK_ITEM, 3, "\\b(go ahead|let'?s (do it|go ahead|book)|book (it|us|me) in|we'?ll take|"
                + "works for (us|me)|approved?|green light|push|postpone|bring (it )?forward)\\b");
        cue(Intent.CREATE_WORK_ITEM, 3, "\\b(hot water'?s? (gone|is|has gone) (cold|off)|(has|'s|is) gone (cold|off|dead)|"
                + "not heating|no (hot )?water)\\b");
        cue(Intent.CREATE_WORK_ITEM, 2, "\\b(keeps|is|are|started|been) (eating|jamming|tripping|beeping|flashing|overheating|smoking|"
                + "freezing up|rattling|dripping|sparking)\\b|\\bjammed\\b");
        cue(Intent.CREATE_WORK_ITEM, 2, "\\bstopped \\w+ing\\b|\\b(?:isn'?t|aren'?t|not|won'?t|doesn'?t|can'?t|keeps?)\\s+"
                + "(?:\\w+ing)\\b|\\b(?:get (?:it|this|them) (?:fixed|sorted|done)|fix(?:ed)?|repair|come off|came off|rotting)\\b");
    }

    /** One of our invoices: "INV-3310", or "invoice 2291" / "invoice #2291" (its number as written). */
    private static final Pattern INVOICE_REF = Pattern.compile("\\bINV[-\\s#]?(\\d{2,})\\b|\\binvoice\\s*(?:#|no\\.?\\s*|number\\s*)?(\\d{3,})\\b", I);
    private static final Pattern ORDER_ID = Pattern.compile("\\border\\s*(?:#|no\\.?|number|num\\.?|id)?\\s*:?\\s*#?"
            + "([A-Z]{1,4}-\\d{3,}|\\d{3,})\\b", I);
    private static final Pattern STREET = Pattern.compile("\\b\\d+[a-z]?,?\\s+(?i:rue|avenue|boulevard|chemin|allée|impasse|quai|via|"
            + "viale|calle|avenida|rua)\\s+(?:(?:de|des|du|la|le|les|d'|del|della|di|do|da)\\s+)*[A-Z][\\w'-]+|"
            + "(?:(?:Flat|Unit|Apt|Apartment|Suite)\\s*\\w+,?\\s+)?"
            + "\\b\\d+[A-Za-z]?(?:[-/]\\d+)?\\s+(?:[NSEW]\\.?\\s+)?(?:[A-Z][a-z']+\\.?\\s+|\\d+(?:st|nd|rd|th)\\s+){1,3}"
            + "(?:St|Street|Rd|Road|Ave|Avenue|Blvd|Boulevard|Dr|Drive|Ct|Court|Ln|Lane|Way|Pl|Place|Cres|Crescent|Terrace|Tce|"
            + "Grove|Pkwy|Parkway|Hwy|Highway|Sq|Square|Close|Parade|Pde|Circle|Cir|Trail|Row|Walk|Mews|Gardens|Gdns|Hill|Loop|"
            + "View|Rise|Heights|Green|Vale|Glen|Quay|Wharf|Ridge|Bend|Point|Crossing|Landing)\\b"
            + "(?:\\s+(?:NW|NE|SW|SE|N|S|E|W)\\b)?");
    private static final Pattern STREET_TAIL = Pattern.compile("^(?:,?\\s*(?:Suite|Unit|Apt|Ste)\\.?\\s*\\w+)?"
            + "(?:(?:,\\s*|\\s+)(?!(?:Tenant|Thanks|Cheers|Please|Pls|Timing|Mornings|I|We|It|The|Can|Could)\\b)"
            + "[A-Z][a-z]+(?:\\s[A-Z][a-z]+)?){0,2}(?:,?\\s+[A-Z]{2}\\s+\\d{5})?(?:,?\\s+[A-Z]{1,2}\\d[A-Z\\d]?\\s+\\d[A-Z]{2})?");
    private static final Pattern VENUE = Pattern.compile("\\bat (?:the )?((?:[A-Z][\\w'&]+ ){1,4}(?:Works|Hall|Centre|Center|Park|"
            + "Hotel|Club|Gardens|Church|Farm|Estate|Barn|House|Lodge|Manor|Inn|Museum|Gallery|Marina|Winery|Vineyard))\\b");
    @Override
    public Extraction extract(Inbound message, Intent as) {
        Locality locality = Locality.of(message);
        MessageText text = new MessageText(message.text().length() > MAX_TEXT ? message.text().substring(0, MAX_TEXT) : message.text());
        LocalDate today = message.receivedAt() == null ? LocalDate.now() : message.receivedAt().toLocalDate();
        String subject = Titles.cleanSubject(message.subject());
        String body = text.all();
        String reading = (subject.isEmpty() ? "" : subject + "\n") + body;
        Map<String, Double> confidence = new LinkedHashMap<>();

        // the subject as written: "Out of office:" and "Automatic reply:" say what the message is
        Map<Intent, Double> scores = score(message, text, withoutName(message.subject() + "\n" + body, message.from()));
        List<Intent> ranked = scores.entrySet().stream().sorted(Map.Entry.<Intent, Double>comparingByValue().reversed())
                .map(Map.Entry::getKey).toList();
        Intent best = ranked.get(0);
        Intent intent = as != null && as != Intent.NONE ? as : best;
        double top = scores.get(best);
        double second = ranked.size() > 1 ? scores.get(ranked.get(1)) : 0;
        double intentConfidence = top <= 0 ? 0.5 : Math.round(Math.min(0.97, 0.45 + 0.5 * (top - second) / (top + 1)) * 100) / 100.0;
        confidence.put("intent", intentConfidence);

        List<Amounts.Money> money = Amounts.find(reading);
        String currency = money.stream().map(Amounts.Money::currency).filter(c -> c != null).findFirst()
                .orElse(message.currency() != null ? message.currency() : locality.currency());

        Contact sender = People.sender(message, text, locality);
        Contact contact = sender;
        WorkItem workItem = null;
        List<Line> lines = List.of();
        BigDecimal total = null;
        Expense expense = null;
        String invoiceRef = null;
        String topic = Titles.topic(subject);

        switch (intent) {
            case DRAFT_EXPENSE -> {
                expense = Spending.expense(message, text, reading, money, today, locality);
                total = expense.amount();
                contact = new Contact(expense.vendor(), Spending.vendorEmail(message, text), null);
                confidence.put("expense.amount", total == null ? 0.2 : 0.85);
                confidence.put("expense.vendor", 0.75);
                confidence.put("expense.category", 0.6);
            }
            case DRAFT_AR_MESSAGE -> {
                Matcher ref = INVOICE_REF.matcher(reading);
                invoiceRef = !ref.find() ? null : ref.group(1) != null ? "INV-" + ref.group(1) : ref.group(2);
                Contact client = People.notTheSender(contact, People.thirdParty(text.own));
                if (client != null) {
                    contact = client;
                }
                total = money.stream().filter(m -> m.value().signum() > 0).map(Amounts.Money::value).findFirst().orElse(null);
                String named = People.arClient(text.own);
                String arTitle = (!named.isEmpty() ? named : client != null && client.name() != null ? client.name() + " – " : "")
                        + (invoiceRef != null ? invoiceRef : "payment");
                workItem = new WorkItem(WorkType.COLLECTION.name(), arTitle.trim(), DateExpressions.due(text.own, today, locality.dayFirst()),
                        priority(text.own, null, today, intent).name(), null, null);
                confidence.put("invoice_ref", invoiceRef == null ? 0.2 : 0.95);
            }
            default -> {
                if (intent != Intent.NONE) {
                    Contact client = People.notTheSender(contact, People.thirdParty(text.own));
                    if (client != null) {
                        contact = client;
                    }
                    contact = People.formContact(text, contact, locality);
                    String due = text.own + "\n" + text.forwarded;
                    LocalDate dueDate = DateExpressions.due((message.subject() + "\n" + due), today, locality.dayFirst());
                    WorkType.Priority priority = priority(reading, dueDate, today, intent);
                    if (dueDate == null && priority == WorkType.Priority.URGENT) {
                        dueDate = today;
                    }
                    String orderId = orderId(reading, SALE.matcher(reading).find());
                    boolean priced = intent == Intent.DRAFT_INVOICE || intent == Intent.DRAFT_QUOTE;
                    String phrase = Titles.phrase(text, intent);
                    lines = Amounts.lines(text.own, Titles.lineName(topic, phrase, text.own));
                    WorkType type = type(intent, message, reading, orderId, lines);
                    if (!priced && type != WorkType.ORDER) {
                        lines = List.of();
                    }
                    if (!lines.isEmpty()) {
                        total = lines.stream().map(l -> l.qty().multiply(l.rate())).reduce(BigDecimal.ZERO, BigDecimal::add);
                    }
                    Matcher billedFor = Titles.BILLED_FOR.matcher(text.own);
                    String billed = intent == Intent.DRAFT_INVOICE && billedFor.find() ? Titles.compress(billedFor.group(1)) : null;
                    // a booking change (the only way to ADMIN) is titled as one, not by its subject
                    String title = type == WorkType.ADMIN ? Titles.title("", "Reschedule: " + phrase, billed, lines, client, message)
                            : Titles.title(topic, phrase, billed, lines, client, message);
                    workItem = new WorkItem(type.name(), title, dueDate, priority.name(), address(text, reading), orderId);
                    confidence.put("work_item.due_date", dueDate == null ? 0.5 : 0.8);
                    confidence.put("line_items", lines.isEmpty() ? 0.5 : 0.75);
                }
            }
        }
        confidence.put("contact", contact.name() != null || contact.email() != null || contact.phone() != null ? 0.8 : 0.3);
        double overall = confidence.values().stream().mapToDouble(Double::doubleValue).min().orElse(0.5) * 0.5
                + intentConfidence * 0.5;
        return new Extraction(best, workItem, lines, total, total == null ? null : currency, expense, invoiceRef, contact,
                Math.round(overall * 100) / 100.0, confidence, ranked.stream().skip(1).filter(i -> scores.get(i) > 0).limit(2).toList());
    }

    /** The text without the sender's own name, so that Hannah Price does not ask for a price. */
    private static String withoutName(String text, String from) {
        String name = Objects.requireNonNullElse(People.displayName(from), "");
        String out = text;
        for (String word : name.split("[\\s|,]+")) {
            if (word.length() > 1 && Character.isUpperCase(word.charAt(0))) {
                out = out.replaceAll("\\b" + Pattern.quote(word) + "\\b", " ");
            }
        }
        return out;
    }

    /** Mail from machines that announce: no-reply, newsletters, notifications. */
    private static final Pattern BROADCAST_ADDRESS = Pattern.compile("\\b(no-?reply|noreply|news|newsletter|marketing|promo|"
            + "notifications?)[\\w.-]*@", I);
    /** Mail from someone who bills us: a billing, receipts or orders address, or "Uber Receipts" as the name. */
    private static final Pattern BILLING_ADDRESS = Pattern.compile("\\b(billing|receipts?|ebill|invoices?|invoicing|orders|ar|"
            + "accounts-?receivable|accounts-?payable|"
            + "statements?)@", I);
    private static final Pattern BILLING_NAME = Pattern.compile("^[^<]*\\b(receipts?|billing)\\b[^<]*<", I);
    private static final Pattern CHASING = Pattern.compile("\\b(chase|nudge|overdue|hasn'?t paid)\\b", I);

    private static Map<Intent, Double> score(Inbound message, MessageText text, String reading) {
        Map<Intent, Double> scores = new EnumMap<>(Intent.class);
        for (Intent intent : Intent.values()) {
            scores.put(intent, 0.0);
        }
        String subject = message.subject();
        String own = (subject.isEmpty() ? "" : subject + "\n") + text.own;
        for (Map.Entry<Intent, List<Cue>> e : CUES.entrySet()) {
            double sum = 0;
            for (Cue cue : e.getValue()) {
                Matcher m = cue.pattern().matcher(reading);
                int hits = 0;
                while (m.find() && hits < cue.max()) {
                    hits++;
                }
                sum += cue.weight() * hits;
            }
            scores.put(e.getKey(), sum);
        }
        String sender = message.from();
        boolean billsUs = BILLING_NAME.matcher(sender).find();
        if (BROADCAST_ADDRESS.matcher(sender).find() && !billsUs) {
            scores.merge(Intent.NONE, 4.0, Double::sum);
        }
        if (billsUs || BILLING_ADDRESS.matcher(sender).find()
                || text.forwardedFrom != null && BILLING_ADDRESS.matcher(text.forwardedFrom).find()) {
            scores.merge(Intent.DRAFT_EXPENSE, 4.0, Double::sum);
        }
        if (Amounts.find(reading).isEmpty()) {
            scores.put(Intent.DRAFT_EXPENSE, scores.get(Intent.DRAFT_EXPENSE) / 3);
            scores.put(Intent.DRAFT_INVOICE, scores.get(Intent.DRAFT_INVOICE) / 2);
        }
        if (SALE.matcher(reading).find()) {
            scores.put(Intent.DRAFT_EXPENSE, scores.get(Intent.DRAFT_EXPENSE) / 3); // a sale's total is money coming in
        }
        if (!INVOICE_REF.matcher(own).find() && !CHASING.matcher(own).find()) {
            scores.put(Intent.DRAFT_AR_MESSAGE, 0.0);
        }
        boolean asks = own.contains("?") || scores.get(Intent.CREATE_WORK_ITEM) > 0 || scores.get(Intent.DRAFT_QUOTE) > 0
                || scores.get(Intent.DRAFT_INVOICE) > 0;
        if (!asks) {
            scores.merge(Intent.NONE, 2.0, Double::sum);
        }
        // an invoice, a quote and a payment chase all ask for something: the work item is their base, not a rival
        double specific = Math.max(scores.get(Intent.DRAFT_INVOICE), Math.max(scores.get(Intent.DRAFT_QUOTE),
                Math.max(scores.get(Intent.DRAFT_AR_MESSAGE), scores.get(Intent.DRAFT_EXPENSE))));
        if (specific >= 3) {
            scores.put(Intent.CREATE_WORK_ITEM, Math.min(scores.get(Intent.CREATE_WORK_ITEM), specific - 0.5));
        }
        if (scores.values().stream().allMatch(v -> v == 0)) {
            scores.put(Intent.NONE, 1.0);
        }
        return scores;
    }

    private static final Pattern SERVICE_LINE = Pattern.compile("\\b(labou?r|hours?|hrs?|clean\\w*|groom\\w*|headshot\\w*|"
            + "session|visit\\w*|service|install\\w*|repair\\w*|replac\\w*|bookkeeping|consult\\w*|lesson\\w*|shoot|travel|"
            + "call-?out|fee|migration|work|fit\\w*|support|clearing|cleaning|design|setup|set-up|maintenance|mowing|retainer|"
            + "troubleshoot\\w*|call\\w*)\\b", I);
    /** Time is a service: "3 hrs", "2 days". */
    private static final Pattern TIMED = Pattern.compile("\\d\\s*(hrs?|hours?|days?|half[- ]days?|weeks?|nights?)\\b", I);
    private static final Pattern BOOKKEEPING = Pattern.compile("\\b(reconcil\\w*|bookkeeping|payroll|p&l|balance sheet|tax return|"
            + "bas|gst return|year[- ]end|books)\\b", I);
    private static final Pattern RESCHEDULE = Pattern.compile("\\b(move|push|postpone|shift|bump) (my|our|his|her|the|\\w+'s) [\\w ]{2,25}? from "
            + "(tmrw|tomorrow|today|mon|tue|wed|thu|fri|sat|sun|next|this|the \\d)\\w* to\\b|\\b(reschedule|(move|push|postpone|shift|bring forward|cancel|change) "
            + "(his|her|my|our|the|\\w+'s) (\\w+ )?(appt|appointment|booking|visit|session|lesson|time|grooming|cut|clean\\w*|class|"
            + "service|fitting|consult\\w*|shoot|walk))\\b|\\brebook\\b", I);
    private static final Pattern FAULTY_PURCHASE = Pattern.compile("\\b(bought|purchased|ordered)\\b.*\\b(broken|faulty|damaged|"
            + "stopped working|doesn'?t work|defective)\\b", I | Pattern.DOTALL);
    private static final Pattern SUPPORT = Pattern.compile("\\b(exchange|swap|return (it|this|them)|send (this|it) back|refund|"
            + "wrong (colou?r|size|item)|where is my order|tracking|not syncing|syncing|printer|laptop|wi-?fi|outlook|password|"
            + "log ?in|remote in|email has stopped|computer|software|website|web ?site|booking page|error|server|app|network|"
            + "(card |payment |eftpos )?terminal|card machine|pos|point of sale)\\b", I);
    private static final Pattern ORDER_TROUBLE = Pattern.compile("\\b(exchange|return|refund|wrong|where is|tracking|damaged|"
            + "missing)\\b", I);
    private static final Pattern ORDERING = Pattern.compile("\\b(i'?d like to order|place an order|set aside|put aside|hold \\d|"
            + "hold (one|it|them|a|an|two|\\d+) (for me|aside|till|until)|do you have (the |a |an |any )?[\\w ]{2,40} in (a |an )?(size |xs|small|"
            + "medium|large|xl|\\d)|"
            + "reserve|pick (it|them) up|pickup|dozen|(can|could) (we|i) (get|order) \\d+\\s*(lbs?|kg|cases?|boxes|bags|units|pcs|"
            + "bottles|trays|loaves))\\b", I);

    private static WorkType type(Intent intent, Inbound message, String reading, String orderId, List<Line> lines) {
        boolean retail = "retail_pos".equals(message.profile());
        switch (intent) {
            case DRAFT_QUOTE -> {
                return WorkType.REQUEST;
            }
            case DRAFT_AR_MESSAGE -> {
                return WorkType.COLLECTION;
            }
            case DRAFT_INVOICE -> {
                boolean service = lines.isEmpty() || lines.stream().anyMatch(l -> SERVICE_LINE.matcher(l.name()).find());
                boolean goods = !service && !TIMED.matcher(reading).find()
                        && lines.stream().anyMatch(l -> l.qty().compareTo(BigDecimal.ONE) > 0);
                return orderId != null || retail || goods ? WorkType.ORDER : WorkType.JOB;
            }
            default -> {
                if (BOOKKEEPING.matcher(reading).find()) {
                    return WorkType.BOOKKEEPING;
                }
                if (RESCHEDULE.matcher(reading).find()) {
                    return WorkType.ADMIN;
                }
                if (orderId != null || FAULTY_PURCHASE.matcher(reading).find() || SUPPORT.matcher(reading).find()) {
                    return orderId != null && !ORDER_TROUBLE.matcher(reading).find() ? WorkType.ORDER : WorkType.SUPPORT;
                }
                if (ORDERING.matcher(reading).find() || SALE.matcher(reading).find() || retail && !lines.isEmpty()) {
                    return WorkType.ORDER;
                }
                return WorkType.JOB;
            }
        }
    }

    private static final Pattern SHOUTED = Pattern.compile("\\b(HELP|NOW|ASAP|EMERGENCY|URGENT)\\b");
    private static final Pattern EMERGENCY = Pattern.compile("\\b((?:blowing warm|no (?:heat|ac|a/c|air|cooling)|not cooling|freezing|"
            + "(?:9\\d|1[01]\\d) (?:degrees|in here))\\b[^\\n]{0,80}\\b(?:newborn|infant|baby|elderly|pregnant)|(?:newborn|infant|elderly|pregnant)"
            + "\\b[^\\n]{0,80}\\b(?:blowing warm|no (?:heat|ac|a/c|air|cooling)|not cooling|freezing)|emergency|burst|flood\\w*|water everywhere|gas leak|smell gas|"
            + "sparking|no power|fire|(?:through|thru) the ceiling|(?:come|someone|here|over) (?:right )?now|"
            + "costing us|losing (?:sales|customers|money|business)|and climbing|spoil\\w*|(?:worth|\\$[\\d,]+) of (?:food|stock|product)|can'?t (?:take|make) (?:orders|sales|payments|bookings)|"
            + "(?:website|site|server|system|till|pos|card machine|network|email) (?:is |has been |went |goes )?down)\\b", I);
    private static final Pattern RELAXED = Pattern.compile("\\b(no rush|no hurry|whenever (you|it) (get|suits)|in the next few weeks|"
            + "when you have time|whenever you'?re (next )?(in the area|around|passing|nearby|free)|just budgeting|"
            + "not looking to start (until|till|before)|no timeline|not in a hurry)\\b", I);
    private static final Pattern NOT_URGENT = Pattern.compile("\\bnot (urgent|a rush)\\b", I);
    private static final Pattern PRESSING = Pattern.compile("\\b(urgent|asap|as soon as possible|right away|immediately|worried|fall|"
            + "dangerous|unsafe|firmer|final notice|upset|angry|livid|not happy|unhappy|\\d{2,} days overdue|a bit of a problem|no hot water|no heat(ing)?|need it by|"
            + "still no word|still waiting|(been|over) \\d+ weeks|fuming|furious)\\b", I);
    private static final Pattern RECENTLY_OVERDUE = Pattern.compile("\\b([1-2]\\d|[1-9]) days overdue\\b", I);

    private static WorkType.Priority priority(String text, LocalDate due, LocalDate today, Intent intent) {
        if (SHOUTED.matcher(text).find() || EMERGENCY.matcher(text).find()) {
            return WorkType.Priority.URGENT;
        }
        if (RELAXED.matcher(text).find()) {
            return WorkType.Priority.LOW;
        }
        if (!NOT_URGENT.matcher(text).find() && PRESSING.matcher(text).find()
                && (!RECENTLY_OVERDUE.matcher(text).find() || text.toLowerCase(Locale.ROOT).contains("firmer"))) {
            return WorkType.Priority.HIGH;
        }
        if (due != null && due.equals(today) && intent == Intent.CREATE_WORK_ITEM) {
            return WorkType.Priority.HIGH;
        }
        return WorkType.Priority.NORMAL;
    }

    private static String orderId(String text, boolean sale) {
        Matcher m = ORDER_ID.matcher(text);
        while (m.find()) {
            String id = m.group(1);
            if (sale || !id.matches("\\d{7,}")) { // a long number is a vendor's order, unless the message is our sale
                return id.toUpperCase(Locale.ROOT);
            }
        }
        return null;
    }

    private static String address(MessageText text, String reading) {
        String labelled = text.fields.get("address");
        if (labelled == null) {
            labelled = text.fields.get("service address");
        }
        if (labelled != null) {
            return labelled.replaceAll("[.\\s]+$", "");
        }
        Matcher m = STREET.matcher(reading);
        if (m.find()) {
            int from = m.start();
            if (reading.substring(Math.max(0, from - 6), from).matches("(?is).*\\bfrom\\s+")) {
                Matcher to = STREET.matcher(reading).useTransparentBounds(true).region(m.end(), reading.length());
                while (to.find()) {
                    if (reading.substring(Math.max(0, to.start() - 4), to.start()).matches("(?is).*\\bto\\s+")) {
                        m = to; // "from 400 Main St to 88 Harbour Rd": the move, the delivery ends there
                        break;
                    }
                }
            }
            String street = m.group().trim();
            String rest = reading.substring(m.end());
            if (rest.startsWith(".")) {
                return street.replaceAll("\\.$", "");
            }
            Matcher tail = STREET_TAIL.matcher(rest);
            return (tail.lookingAt() ? street + tail.group() : street).trim();
        }
        Matcher venue = VENUE.matcher(reading);
        return venue.find() ? venue.group(1) : null;
    }

}
