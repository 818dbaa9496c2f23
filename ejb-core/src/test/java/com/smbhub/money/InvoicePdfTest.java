package com.smbhub.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smbhub.file.FileTypes;
import com.smbhub.invoice.InvoicePdf;
import com.smbhub.invoice.InvoiceStatus;
import com.smbhub.invoice.InvoiceView;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InvoicePdfTest {

    @Test
    void aPdfIsWrittenWithTheInvoiceText() throws Exception {
        List<LineItem> lines = List.of(new LineItem("Repair", BigDecimal.ONE, new BigDecimal("120"), "HST"));
        Totals.Result t = Totals.compute(lines, TotalsTest.CODES, Totals.Pricing.TAX_EXCLUSIVE, Totals.Discount.none(), "CAD");
        InvoiceView invoice = new InvoiceView("id", "INV-1001", "DRAFT", "c", "Jane Client", null, LocalDate.of(2026, 11, 25),
                LocalDate.of(2026, 12, 9), "CAD", Totals.Pricing.TAX_EXCLUSIVE, "HST", lines, Totals.Discount.none(), t.lines(),
                t.subtotal(), t.discountTotal(), t.taxTotal(), t.taxes(), t.total(), BigDecimal.ZERO, t.total(), "Thanks!", null,
                1, Instant.now(), Instant.now(), List.of(), null, "NONE",
                InvoiceStatus.DRAFT, null, null, null);
        byte[] pdf = InvoicePdf.render(invoice, "Northside Plumbing", "CA", null, "Jane Client", "jane@x.test",
                "https://pay.example/abc", Map.of("HST", "HST 13%"));
        assertEquals("%PDF-", new String(pdf, 0, 5, StandardCharsets.US_ASCII));
        assertTrue(pdf.length > 1000);
        assertEquals("application/pdf", FileTypes.detect(
                Files.write(Files.createTempFile("inv", ".pdf"), pdf), "x.pdf"));
        String raw = new String(pdf, StandardCharsets.ISO_8859_1);
        assertTrue(raw.contains("/Producer(SMB Hub)"), "our name as the producer");
        assertTrue(!raw.toLowerCase().contains("openpdf") && !raw.contains("lowagie"), "no library named in the file");
    }
}
