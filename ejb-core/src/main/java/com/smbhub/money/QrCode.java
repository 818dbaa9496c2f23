package com.smbhub.money;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.BadElementException;
import com.lowagie.text.Image;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.util.Map;

/** A QR code drawn in a PDF as vector squares (sharp at any zoom and in print). */
final class QrCode {

    private QrCode() {
    }

    /** The code of {@code text}, {@code size} points wide, with a one-module quiet zone. */
    static Image image(PdfWriter writer, String text, float size) {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.MARGIN, 1, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
        } catch (WriterException e) {
            throw new IllegalArgumentException("Too long for a QR code", e);
        }
        int modules = matrix.getWidth();
        PdfTemplate template = writer.getDirectContent().createTemplate(modules, modules);
        for (int y = 0; y < modules; y++) {
            for (int x = 0; x < modules; x++) {
                if (matrix.get(x, y)) {
                    template.rectangle(x, modules - 1 - y, 1, 1);
                }
            }
        }
        template.fill();
        try {
            Image image = Image.getInstance(template);
            image.scaleAbsolute(size, size);
            return image;
        } catch (BadElementException e) {
            throw new IllegalStateException("QR code could not be drawn", e);
        }
    }
}
