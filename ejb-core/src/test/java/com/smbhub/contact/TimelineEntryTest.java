package com.smbhub.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.smbhub.contact.TimelineEntry.Event;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A timeline line is data; its wording is decided in one place. */
class TimelineEntryTest {

    private static String title(Event event, String... facts) {
        return new TimelineEntry(event, "id-1", Instant.EPOCH, null, TimelineEntry.factsOf(facts)).title();
    }

    @Test
    void eachEventIsWordedForAReader() {
        assertEquals("Boiler service (in progress)", title(Event.WORK_ITEM, "title", "Boiler service", "status", "IN_PROGRESS"));
        assertEquals("Boiler service moved to needs approval",
                title(Event.STATUS_MOVED, "title", "Boiler service", "status", "NEEDS_APPROVAL"));
        assertEquals("File quote.pdf on Boiler service", title(Event.FILE, "file_name", "quote.pdf", "on", "Boiler service"));
        assertEquals("File site.jpg", title(Event.FILE, "file_name", "site.jpg"));
        assertEquals("Invoice INV-1001 drafted ($226.00)",
                title(Event.INVOICE_DRAFTED, "number", "INV-1001", "amount", "226", "currency", "CAD"));
        assertEquals("Payment of $100.00 received for INV-1001 by card",
                title(Event.PAYMENT_RECEIVED, "number", "INV-1001", "amount", "100", "currency", "CAD", "provider", "STRIPE"));
        assertEquals("Refund on INV-1001", title(Event.PAYMENT_REFUNDED, "number", "INV-1001", "currency", "CAD", "amount", null));
        assertEquals("Contact added", title(Event.CONTACT_ADDED));
    }

    @Test
    void theApiKeepsItsKinds() {
        assertEquals("status", new TimelineEntry(Event.STATUS_MOVED, "x", Instant.EPOCH, "x", TimelineEntry.factsOf()).type());
        assertEquals("payment", new TimelineEntry(Event.PAYMENT_REFUNDED, "x", Instant.EPOCH, null, TimelineEntry.factsOf()).type());
    }
}
