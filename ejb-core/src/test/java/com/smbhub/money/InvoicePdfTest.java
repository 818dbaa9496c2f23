package com.smbhub.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import com.smbhub.file.FileTypes;
import com.smbhub.invoice.InvoicePdf;
import com.smbhub.invoice.InvoiceStatus;
import com.smbhub.invoice.InvoiceView;
import com.smbhub.platform.PostalAddress;
import com.smbhub.tenant.BusinessDetails;
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
        byte[] pdf = InvoicePdf.render(invoice, DocumentPdf.From.named("Northside Plumbing"), "CA",
                new DocumentPdf.To("Jane Client", List.of(), "jane@x.test"), "https://pay.example/abc", Map.of("HST", "HST 13%"));
        assertEquals("%PDF-", new String(pdf, 0, 5, StandardCharsets.US_ASCII));
        assertTrue(pdf.length > 1000);
        assertEquals("application/pdf", FileTypes.detect(
                Files.write(Files.createTempFile("inv", ".pdf"), pdf), "x.pdf"));
        String raw = new String(pdf, StandardCharsets.ISO_8859_1);
        assertTrue(raw.contains("/Producer(SMB Hub)"), "our name as the producer");
        assertTrue(!raw.toLowerCase().contains("openpdf") && !raw.contains("lowagie"), "no library named in the file");
    }

    @Test
    void theBusinessAndTheClientAreThereWithTheirAddressesTaxNumbersAndTheWayToPay() throws Exception {
        BusinessDetails details = new BusinessDetails("Northside Plumbing Ltd.", new PostalAddress("12 King St W", "Unit 4",
                "Toronto", "ON", "M5H 1A1", "CA"), "+14165550100", "hello@northside.test", "northside.test",
                "GST/HST 123456789 RT0001", null, null, 0);
        DocumentPdf.To client = new DocumentPdf.To("Jane Client", List.of("9 Elm Ave", "Hamilton ON L8P 4R5"), "jane@x.test");
        String text = text(InvoicePdf.render(invoice("SENT", BigDecimal.ZERO), details.letterhead("Northside Plumbing", null),
                "CA", client, "https://portal.example/p/abc", Map.of("HST", "HST 13%")));
        for (String expected : List.of("Northside Plumbing Ltd.", "12 King St W", "Toronto ON M5H 1A1", "Canada",
                "+1 416-555-0100 · hello@northside.test · northside.test", "GST/HST 123456789 RT0001", "Invoice INV-1001",
                "Bill to", "9 Elm Ave", "Hamilton ON L8P 4R5", "jane@x.test", "Pay online", "https://portal.example/p/abc",
                "Thanks!")) {
            assertTrue(text.contains(expected), expected + " in:\n" + text);
        }
        assertFalse(text.contains("PAID"), "no stamp on an invoice still to pay");
    }

    @Test
    void aPaidInvoiceIsStampedAndOffersNoWayToPay() throws Exception {
        InvoiceView paid = invoice("PAID", new BigDecimal("135.60"));
        String text = text(InvoicePdf.render(paid, DocumentPdf.From.named("Northside Plumbing"), "US",
                new DocumentPdf.To("Jane Client", List.of(), null), "https://portal.example/p/abc", Map.of()));
        assertTrue(text.contains("PAID"), text);
        assertTrue(text.contains("Issued November 25, 2026"), "the US writes the month first: " + text);
        assertFalse(text.contains("Pay online"), text);
    }

    private static InvoiceView invoice(String status, BigDecimal paid) {
        List<LineItem> lines = List.of(new LineItem("Repair", BigDecimal.ONE, new BigDecimal("120"), "HST"));
        Totals.Result t = Totals.compute(lines, TotalsTest.CODES, Totals.Pricing.TAX_EXCLUSIVE, Totals.Discount.none(), "CAD");
        return new InvoiceView("id", "INV-1001", status, "c", "Jane Client", null, LocalDate.of(2026, 11, 25),
                LocalDate.of(2026, 12, 9), "CAD", Totals.Pricing.TAX_EXCLUSIVE, "HST", lines, Totals.Discount.none(), t.lines(),
                t.subtotal(), t.discountTotal(), t.taxTotal(), t.taxes(), t.total(), paid, t.total().subtract(paid), "Thanks!", null,
                1, Instant.now(), Instant.now(), List.of(), null, "NONE",
                InvoiceStatus.valueOf(status), null, null, null);
    }

    private static String text(byte[] pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        StringBuilder text = new StringBuilder();
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page)).append('\n');
        }
        return text.toString();
    }
}
