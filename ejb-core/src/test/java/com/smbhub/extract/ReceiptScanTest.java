package com.smbhub.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.Document;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Files as people upload them, through Tika and the real tesseract ({@code ./smbhub test} installs it): a
 * slightly crooked phone photo of a receipt, a PDF bill with its own text, files that are not receipts, and a
 * machine without tesseract.
 */
class ReceiptScanTest {

    private static final String[] RECEIPT = {"CORNER HARDWARE SDN BHD", "12 JALAN MAWAR, 81100 JOHOR BAHRU", "TAX INVOICE",
        "DATE: 14/03/2018 10:22", "", "PAINT BRUSH 2IN      2 X 6.50   13.00", "MASKING TAPE         1 X 4.20    4.20",
        "", "SUB TOTAL                     17.20", "GST 6%                         1.03", "ROUNDING                      -0.03",
        "TOTAL (RM)                    18.20", "CASH                          20.00", "CHANGE                         1.80", "",
        "THANK YOU, PLEASE COME AGAIN"};

    @AfterEach
    void tesseractOnThePath() {
        System.clearProperty(ReceiptScan.PATH_PROPERTY);
    }

    /** A receipt as a phone photographs it: grey paper, small type, turned by two degrees, as a JPEG. */
    static byte[] photo() throws Exception {
        BufferedImage image = new BufferedImage(520, 640, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(226, 224, 218));
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setTransform(AffineTransform.getRotateInstance(Math.toRadians(2), 260, 320));
        g.setColor(new Color(40, 40, 48));
        g.setFont(new Font(Font.MONOSPACED, Font.BOLD, 15));
        int y = 40;
        for (String line : RECEIPT) {
            g.drawString(line, 20, y);
            y += 24;
        }
        g.dispose();
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", jpeg);
        return jpeg.toByteArray();
    }

    @Test
    void aPhotoOfAReceiptIsReadByTesseractIntoVendorDateAndTotal() throws Exception {
        assertTrue(ReceiptScan.ocrAvailable(), "tesseract is installed (./smbhub test installs tesseract-ocr)");
        ReceiptScan.Text text = ReceiptScan.read(photo(), "IMG_2041.jpg");
        assertEquals(ReceiptScan.Status.READ, text.status(), text.text());
        assertEquals("image/jpeg", text.mediaType());
        assertTrue(text.ocr());
        ReceiptFields fields = ReceiptFields.read(text.text(), LocalDate.of(2018, 3, 20), null);
        assertEquals("CORNER HARDWARE SDN BHD", fields.vendor(), text.text());
        assertEquals(LocalDate.of(2018, 3, 14), fields.date(), text.text());
        assertEquals(new BigDecimal("18.20"), fields.total(), text.text());
        assertEquals("MYR", fields.currency());
        assertEquals("Supplies", fields.category());
    }

    @Test
    void aPdfWithItsOwnTextIsReadWithoutOcr() throws Exception {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        Document document = new Document();
        PdfWriter.getInstance(document, pdf);
        document.open();
        for (String line : new String[] {"Northern Utilities Ltd", "Statement date: 02/11/2026", "Electricity, October",
            "Amount due: £212.09"}) {
            document.add(new Paragraph(line));
        }
        document.close();
        ReceiptScan.Text text = ReceiptScan.read(pdf.toByteArray(), "bill.pdf");
        assertEquals(ReceiptScan.Status.READ, text.status());
        assertFalse(text.ocr());
        ReceiptFields fields = ReceiptFields.read(text.text(), LocalDate.of(2026, 11, 20), "GB");
        assertEquals("Northern Utilities Ltd", fields.vendor());
        assertEquals(new BigDecimal("212.09"), fields.total());
        assertEquals(LocalDate.of(2026, 11, 2), fields.date(), "day first in the business's country");
        assertEquals("GBP", fields.currency());
        assertEquals("Utilities", fields.category());
    }

    @Test
    void whatIsNotAReceiptSaysSoAndNothingBreaks() throws Exception {
        assertEquals(ReceiptScan.Status.NO_TEXT, ReceiptScan.read(new byte[0], "empty.jpg").status());
        assertEquals(ReceiptScan.Status.UNSUPPORTED, ReceiptScan.read(new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0}, "x.zip").status());
        assertEquals(ReceiptScan.Status.UNREADABLE, ReceiptScan.read(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3},
                "broken.jpg").status(), "a JPEG that is not one");
        assertEquals(ReceiptScan.Status.UNREADABLE, ReceiptScan.read("%PDF-1.7 not really".getBytes(StandardCharsets.US_ASCII),
                "broken.pdf").status());
        assertEquals(ReceiptScan.Status.READ, ReceiptScan.read("Total: $4.50".getBytes(StandardCharsets.UTF_8), "note.txt").status());
    }

    @Test
    void withoutTesseractAPhotoIsOcrUnavailableNotAnEmptyReceipt() throws Exception {
        System.setProperty(ReceiptScan.PATH_PROPERTY, "/nonexistent/tesseract-" + System.nanoTime());
        assertFalse(ReceiptScan.ocrAvailable());
        ReceiptScan.Text text = ReceiptScan.read(photo(), "IMG_2041.jpg");
        assertEquals(ReceiptScan.Status.OCR_UNAVAILABLE, text.status());
    }
}
