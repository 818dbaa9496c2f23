package com.smbhub.contact;

import com.smbhub.money.MoneyText;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One line of a contact's timeline as data: what happened, the id it opens, when, the work item it
 * belongs to (null for lines about the contact itself) and its facts (titles, numbers, amounts).
 * {@link #title()} is the one place that words it for the back office and the API.
 */
public record TimelineEntry(Event event, String id, Instant at, String workItemId, Map<String, String> facts)
        implements Serializable {

    /** What happened; {@code type} is the kind the API names ("work_item", "file", …). */
    public enum Event {
        CONTACT_ADDED("contact"), WORK_ITEM("work_item"), STATUS_MOVED("status"), FILE("file"), FILE_REMOVED("file_removed"),
        INVOICE_DRAFTED("invoice"), INVOICE_SENT("invoice"), INVOICE_VIEWED("invoice"), INVOICE_VOIDED("invoice"), PAYMENT_RECEIVED("payment"),
        PAYMENT_REFUNDED("payment"), MESSAGE_RECEIVED("message"), MESSAGE_SENT("message"), EXPENSE("expense");

        private final String type;

        Event(String type) {
            this.type = type;
        }
    }

    public TimelineEntry {
        facts = Map.copyOf(facts);
    }

    /** Facts from key, value pairs; a missing (null) value is left out. */
    static Map<String, String> factsOf(String... keyValues) {
        Map<String, String> facts = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                facts.put(keyValues[i], keyValues[i + 1]);
            }
        }
        return facts;
    }

    public String type() {
        return event.type;
    }

    /** The line as a reader sees it: "Boiler service moved to in progress", "Invoice INV-1001 sent". */
    public String title() {
        return switch (event) {
            case CONTACT_ADDED -> "Contact added";
            case WORK_ITEM -> fact("title") + " (" + words(fact("status")) + ")";
            case STATUS_MOVED -> fact("title") + " moved to " + words(fact("status"));
            case FILE -> "File " + fact("file_name") + (facts.containsKey("on") ? " on " + fact("on") : "");
            case FILE_REMOVED -> "File " + fact("file_name") + " removed from " + fact("on");
            case INVOICE_DRAFTED -> "Invoice " + fact("number") + " drafted (" + amount() + ")";
            case INVOICE_SENT -> "Invoice " + fact("number") + " sent";
            case INVOICE_VIEWED -> "Invoice " + fact("number") + " opened by the client";
            case INVOICE_VOIDED -> "Invoice " + fact("number") + " voided";
            case PAYMENT_RECEIVED -> "Payment of " + amount() + " received for " + fact("number")
                    + ("STRIPE".equals(facts.get("provider")) ? " by card" : "");
            case PAYMENT_REFUNDED -> "Refund" + (facts.containsKey("amount") ? " of " + amount() : "") + " on " + fact("number");
            case MESSAGE_RECEIVED -> "E-mail received: " + fact("subject");
            case MESSAGE_SENT -> "E-mail sent: " + fact("subject");
            case EXPENSE -> "Expense" + (facts.containsKey("amount") ? " of " + amount() : "")
                    + (facts.containsKey("vendor") ? " at " + fact("vendor") : "") + (facts.containsKey("on") ? " on " + fact("on") : "")
                    + " (" + words(fact("status")) + ")";
        };
    }

    private String fact(String key) {
        return facts.getOrDefault(key, "");
    }

    private String amount() {
        return facts.containsKey("amount") ? MoneyText.format(new BigDecimal(facts.get("amount")), facts.get("currency")) : "";
    }

    private static String words(String code) {
        return code.replace('_', ' ').toLowerCase(Locale.ROOT);
    }
}
