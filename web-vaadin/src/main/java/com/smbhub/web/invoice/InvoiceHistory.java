package com.smbhub.web.invoice;

import com.smbhub.invoice.ReminderHold;
import com.smbhub.money.MoneyText;
import com.smbhub.platform.audit.AuditService;
import com.smbhub.web.shell.Dates;
import com.smbhub.web.shell.Words;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/** An invoice's status timeline in words: "25 Nov 2026 14:02 · Owner at Northside · sent it to jane@…". */
class InvoiceHistory extends VerticalLayout {

    InvoiceHistory(List<AuditService.Entry> entries, ZoneId zone, String currency) {
        setId("inv-history");
        setPadding(false);
        setSpacing(false);
        add(new H4("History"));
        Dates dates = Dates.current().in(zone);
        for (AuditService.Entry e : entries) {
            add(new Span(dates.dayTime(e.at()) + " · " + (e.actor() == null ? "Stripe / system" : e.actor()) + " · "
                    + describe(e, currency)));
        }
    }

    static String describe(AuditService.Entry e, String currency) {
        String amount = e.after().get("amount") == null ? "" : MoneyText.format(new BigDecimal(e.after().get("amount")), currency);
        return switch (e.action()) {
            case "invoice.created" -> "created it";
            case "invoice.updated" -> "changed the draft";
            case "invoice.sent" -> "sent it to " + e.after().getOrDefault("to", "the client");
            case "invoice.reminder_sent" -> "sent a reminder to " + e.after().getOrDefault("to", "the client") + " ("
                    + Words.of(e.after().getOrDefault("ar_stage", "")) + ")";
            case "invoice.voided" -> "voided it";
            case "invoice.reminders_held" -> "held the automatic reminders ("
                    + ReminderHold.valueOf(e.after().get("reminder_hold")).words.toLowerCase(Locale.ROOT) + ")";
            case "invoice.reminders_resumed" -> "resumed the automatic reminders";
            case "invoice.payment_link_created" -> "made a card payment link for " + amount;
            case "portal.link_created" -> "made a new client link";
            case "payment.recorded" -> "recorded a payment of " + amount + " ("
                    + Words.of(e.after().getOrDefault("provider", "other")) + "), now "
                    + Words.of(e.after().getOrDefault("status", "")).toLowerCase();
            case "payment.refunded" -> "refunded " + (amount.isEmpty() ? "a payment" : amount);
            default -> e.action().replace('_', ' ').replace('.', ' ');
        };
    }
}
