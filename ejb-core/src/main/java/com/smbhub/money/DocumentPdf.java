package com.smbhub.money;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import com.smbhub.platform.time.DateStyle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Renders an invoice or a quote as a PDF: the business, the client, number, dates, lines, taxes, totals, a link. */
public final class DocumentPdf {

    /** Who sends it and to whom; {@code link} ("Pay online: …", "Approve online: …") and {@code logo} may be null. */
    public record Parties(String businessName, byte[] logo, String clientName, String clientEmail, String link,
                          Map<String, String> taxNames) {
    }

    /** The document: its title ("Invoice INV-1001"), dates line, figures; {@code amountPaid} null when not a bill. */
    public record Sheet(String title, String dates, String currency, Totals.Pricing pricing, List<LineItem> lines,
                        List<Totals.Line> lineTotals, BigDecimal subtotal, BigDecimal discountTotal,
                        Map<String, BigDecimal> taxes, BigDecimal total, BigDecimal amountPaid, BigDecimal amountDue,
                        String notes, String terms) {
    }

    /** A day as the business writes it ({@link DateStyle}: "15 December 2026", "December 15, 2026"). */
    public static String date(LocalDate day, String country) {
        return DateStyle.longDay(day, country);
    }

    private DocumentPdf() {
    }

    /** The business's logo above its name, at most 180 × 60 points; a logo that cannot be read is left out. */
    private static void addLogo(Document document, byte[] bytes) throws DocumentException {
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
        document.add(logo);
    }

    public static byte[] render(Sheet invoice, Parties parties) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 48, 48, 56, 56);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle(invoice.title());
            document.addAuthor(parties.businessName());
            document.addProducer("SMB Hub"); // not the library and its version
            document.addCreator("SMB Hub");
            document.open();
            Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 20);
            Font bold = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);
            Font normal = FontFactory.getFont(FontFactory.HELVETICA, 10);
            Font small = FontFactory.getFont(FontFactory.HELVETICA, 8);
            addLogo(document, parties.logo());
            document.add(new Paragraph(parties.businessName(), title));
            document.add(new Paragraph(invoice.title(), bold));
            document.add(new Paragraph(invoice.dates(), normal));
            document.add(Chunk.NEWLINE);
            document.add(new Paragraph("Bill to", small));
            document.add(new Paragraph(parties.clientName() == null ? "" : parties.clientName(), bold));
            if (parties.clientEmail() != null) {
                document.add(new Paragraph(parties.clientEmail(), normal));
            }
            document.add(Chunk.NEWLINE);
            PdfPTable lines = new PdfPTable(new float[] {5, 1.2f, 1.8f, 1.6f, 2});
            lines.setWidthPercentage(100);
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
                document.add(new Paragraph(new Phrase(parties.link(), bold)));
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
