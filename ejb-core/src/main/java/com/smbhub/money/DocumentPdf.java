package com.smbhub.money;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import com.smbhub.contact.Contact;
import com.smbhub.platform.status.Tone;
import com.smbhub.platform.time.DateStyle;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Renders an invoice or a quote as a PDF: the business's letterhead (logo, name, legal name, address, how to reach
 * it, tax registration numbers), the document's title, dates and stamp (PAID, VOID), whom it is for (name, address,
 * e-mail), the lines, taxes and totals, the link to pay or approve online as text and as a QR code, notes and terms.
 */
public final class DocumentPdf {

    /** Who sends it: the name, the lines under it, its tax registration numbers; {@code logo} may be null. */
    public record From(String name, List<String> lines, List<String> taxNumbers, byte[] logo) {

        /** Just a name (a business that filled in nothing else). */
        public static From named(String name) {
            return new From(name, List.of(), List.of(), null);
        }
    }

    /** Whom it is for: the name, the address's lines, the e-mail (either may be missing). */
    public record To(String name, List<String> address, String email) {

        /** The client of a document, by the name the document shows; {@code client} may be null (gone). */
        public static To of(String name, Contact client) {
            return client == null ? new To(name, List.of(), null) : new To(name, client.address().lines(), client.getEmail());
        }
    }

    /** Where to act on it online ("Pay online", "Approve online"), printed and as a QR code. */
    public record Link(String label, String url) {
    }

    /** Who sends it and to whom; {@code link} may be null. */
    public record Parties(From from, To to, Link link, Map<String, String> taxNames) {
    }

    /**
     * The document: its title ("Invoice INV-1001"), dates line, figures; {@code amountPaid} null when not a bill;
     * {@code stamp} (PAID, VOID, APPROVED …) null for none.
     */
    public record Sheet(String title, String dates, String currency, Totals.Pricing pricing, List<LineItem> lines,
                        List<Totals.Line> lineTotals, BigDecimal subtotal, BigDecimal discountTotal,
                        Map<String, BigDecimal> taxes, BigDecimal total, BigDecimal amountPaid, BigDecimal amountDue,
                        String notes, String terms, Tone.Toned stamp) {
    }

    private static final Color MUTED = new Color(0x55, 0x5f, 0x6d);
    private static final Color DONE = new Color(0x1a, 0x7f, 0x37);
    private static final Color OVER = new Color(0x8a, 0x12, 0x12);

    /** A day as the business writes it ({@link DateStyle}: "15 December 2026", "December 15, 2026"). */
    public static String date(LocalDate day, String country) {
        return DateStyle.longDay(day, country);
    }

    private DocumentPdf() {
    }

    /** The business's logo above its name, at most 180 × 60 points; a logo that cannot be read is left out. */
    private static void addLogo(PdfPCell cell, byte[] bytes) {
        if (bytes == null) {
            return;
        }
        Image logo;
        try {
            logo = Image.getInstance(bytes);
        } catch (IOException | RuntimeException e) {
            return;
        }
        logo.scaleToFit(180, 60);
        cell.addElement(logo);
    }

    public static byte[] render(Sheet invoice, Parties parties) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 48, 48, 56, 56);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            document.addTitle(invoice.title());
            document.addAuthor(parties.from().name());
            document.addProducer("SMB Hub"); // not the library and its version
            document.addCreator("SMB Hub");
            document.open();
            Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 20);
            Font bold = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);
            Font normal = FontFactory.getFont(FontFactory.HELVETICA, 10);
            Font small = FontFactory.getFont(FontFactory.HELVETICA, 8);
            Font muted = FontFactory.getFont(FontFactory.HELVETICA, 9, MUTED);
            document.add(header(parties.from(), invoice, title, bold, normal, muted));
            document.add(new Paragraph(invoice.amountPaid() == null ? "For" : "Bill to", small));
            To to = parties.to();
            document.add(new Paragraph(to.name() == null ? "" : to.name(), bold));
            for (String line : to.address()) {
                document.add(new Paragraph(line, normal));
            }
            if (to.email() != null) {
                document.add(new Paragraph(to.email(), normal));
            }
            document.add(Chunk.NEWLINE);
            PdfPTable lines = new PdfPTable(new float[] {5, 1.2f, 1.8f, 1.6f, 2});
            lines.setWidthPercentage(100);
            lines.setHeaderRows(1);
            for (String header : new String[] {"Description", "Qty", "Price", "Tax", "Amount"}) {
                lines.addCell(cell(header, bold, header.equals("Description") ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT));
            }
            for (int i = 0; i < invoice.lines().size(); i++) {
                LineItem line = invoice.lines().get(i);
                Totals.Line total = invoice.lineTotals().get(i);
                lines.addCell(cell(line.name(), normal, Element.ALIGN_LEFT));
                lines.addCell(cell(line.qty().stripTrailingZeros().toPlainString(), normal, Element.ALIGN_RIGHT));
                lines.addCell(cell(money(line.rate(), invoice.currency()), normal, Element.ALIGN_RIGHT));
                lines.addCell(cell(line.taxCode() == null ? "" : line.taxCode(), normal, Element.ALIGN_RIGHT));
                lines.addCell(cell(money(total.amount(), invoice.currency()), normal, Element.ALIGN_RIGHT));
            }
            document.add(lines);
            PdfPTable sums = new PdfPTable(new float[] {3, 1});
            sums.setWidthPercentage(50);
            sums.setHorizontalAlignment(Element.ALIGN_RIGHT);
            sums.setSpacingBefore(8);
            sum(sums, "Subtotal", money(invoice.subtotal(), invoice.currency()), normal);
            if (invoice.discountTotal().signum() > 0) {
                sum(sums, "Discount", "−" + money(invoice.discountTotal(), invoice.currency()), normal);
            }
            boolean inclusive = invoice.pricing() == Totals.Pricing.TAX_INCLUSIVE;
            invoice.taxes().forEach((code, amount) -> sum(sums, parties.taxNames().getOrDefault(code, code)
                    + (inclusive ? " (included)" : ""), money(amount, invoice.currency()), normal));
            sum(sums, "Total " + invoice.currency(), money(invoice.total(), invoice.currency()), bold);
            if (invoice.amountPaid() != null && invoice.amountPaid().signum() > 0) {
                sum(sums, "Paid", money(invoice.amountPaid(), invoice.currency()), normal);
                sum(sums, "Amount due", money(invoice.amountDue(), invoice.currency()), bold);
            }
            document.add(sums);
            document.add(Chunk.NEWLINE);
            if (parties.link() != null) {
                document.add(link(writer, parties.link(), bold, muted));
            }
            if (invoice.notes() != null) {
                document.add(new Paragraph(invoice.notes(), normal));
            }
            if (invoice.terms() != null) {
                document.add(new Paragraph(invoice.terms(), small));
            }
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("PDF could not be written", e);
        }
        return out.toByteArray();
    }

    /** The business on the left (logo, name, details, tax numbers), the document's title, dates and stamp on the right. */
    private static PdfPTable header(From from, Sheet sheet, Font title, Font bold, Font normal, Font muted) {
        PdfPTable header = new PdfPTable(new float[] {3, 2});
        header.setWidthPercentage(100);
        header.setSpacingAfter(16);
        PdfPCell left = new PdfPCell();
        left.setBorder(PdfPCell.NO_BORDER);
        addLogo(left, from.logo());
        left.addElement(new Paragraph(from.name(), title));
        from.lines().forEach(line -> left.addElement(new Paragraph(line, muted)));
        from.taxNumbers().forEach(line -> left.addElement(new Paragraph(line, muted)));
        PdfPCell right = new PdfPCell();
        right.setBorder(PdfPCell.NO_BORDER);
        right.setHorizontalAlignment(Element.ALIGN_RIGHT);
        Paragraph name = new Paragraph(sheet.title(), FontFactory.getFont(FontFactory.HELVETICA_BOLD, 14));
        name.setAlignment(Element.ALIGN_RIGHT);
        right.addElement(name);
        for (String part : sheet.dates().split(" · ")) { // "Issued …" and "Due …" each on its line
            Paragraph date = new Paragraph(part, normal);
            date.setAlignment(Element.ALIGN_RIGHT);
            right.addElement(date);
        }
        if (sheet.stamp() != null) {
            Paragraph stamp = new Paragraph(sheet.stamp().name(), FontFactory.getFont(FontFactory.HELVETICA_BOLD, 22,
                    sheet.stamp().tone() == Tone.DONE ? DONE : OVER));
            stamp.setAlignment(Element.ALIGN_RIGHT);
            stamp.setSpacingBefore(8);
            right.addElement(stamp);
        }
        header.addCell(left);
        header.addCell(right);
        return header;
    }

    /** "Pay online: https://…" beside a QR code of the same address (a phone's camera opens it). */
    private static PdfPTable link(PdfWriter writer, Link link, Font bold, Font muted) throws DocumentException {
        PdfPTable table = new PdfPTable(new float[] {4, 1});
        table.setWidthPercentage(100);
        table.setSpacingAfter(12);
        PdfPCell text = new PdfPCell();
        text.setBorder(PdfPCell.NO_BORDER);
        text.addElement(new Paragraph(link.label(), bold));
        text.addElement(new Paragraph(link.url(), muted));
        text.addElement(new Paragraph("Or scan the code with your phone's camera.", muted));
        PdfPCell code = new PdfPCell(QrCode.image(writer, link.url(), 80), false);
        code.setBorder(PdfPCell.NO_BORDER);
        code.setHorizontalAlignment(Element.ALIGN_RIGHT);
        table.addCell(text);
        table.addCell(code);
        return table;
    }

    private static PdfPCell cell(String text, Font font, int align) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setHorizontalAlignment(align);
        cell.setBorder(PdfPCell.BOTTOM);
        cell.setPadding(4);
        return cell;
    }

    private static void sum(PdfPTable table, String label, String value, Font font) {
        PdfPCell left = new PdfPCell(new Phrase(label, font));
        left.setBorder(PdfPCell.NO_BORDER);
        PdfPCell right = new PdfPCell(new Phrase(value, font));
        right.setBorder(PdfPCell.NO_BORDER);
        right.setHorizontalAlignment(Element.ALIGN_RIGHT);
        table.addCell(left);
        table.addCell(right);
    }

    private static String money(BigDecimal amount, String currency) {
        return MoneyText.format(amount, currency);
    }
}
