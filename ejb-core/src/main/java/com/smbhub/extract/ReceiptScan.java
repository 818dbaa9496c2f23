package com.smbhub.extract;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.imageio.ImageIO;
import org.apache.tika.Tika;
import org.apache.tika.exception.TikaConfigException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.CompositeParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.ocr.TesseractOCRParser;
import org.apache.tika.parser.ocr.tess4j.ImageDeskew;
import org.apache.tika.parser.ocr.tess4j.ImageUtil;
import org.apache.tika.parser.pdf.PDFParser;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.xml.sax.SAXException;

/**
 * The text of a receipt or bill: Apache Tika says what the file is; a PDF with text gives its text; a photo or
 * a scan (or a PDF of one) is read by tesseract after the preprocessing scans need — grayscale, scaled up when
 * small, deskewed (Tika's tess4j deskew), contrast stretched. A picture is read three ways at once: the prepared
 * image as one block of text (labels and amounts stay on one line) and as a column of lines of any size (a shop's
 * name in large print, which the block reading drops), and the picture as taken (what preparing blurred). When
 * tesseract is not installed the answer says so ({@link Status#OCR_UNAVAILABLE}) rather than an empty text.
 */
public final class ReceiptScan {

    /** What became of a file. */
    public enum Status { READ, NO_TEXT, OCR_UNAVAILABLE, UNSUPPORTED, UNREADABLE }

    /** A file's text, its detected type, whether OCR made it, and OCR's other readings of a picture (else empty). */
    public record Text(Status status, String mediaType, String text, boolean ocr, List<String> otherReadings) {

        public Text(Status status, String mediaType, String text, boolean ocr) {
            this(status, mediaType, text, ocr, List.of());
        }
    }

    /** The largest file read; a phone photo is a few MB. */
    public static final int MAX_BYTES = 20 * 1024 * 1024;
    private static final int MIN_WIDTH = 1000;
    private static final int MAX_PIXELS = 16_000_000;
    private static final Set<String> IMAGES = Set.of("image/jpeg", "image/png", "image/tiff", "image/bmp", "image/gif",
            "image/webp", "image/heic", "image/heif");
    private static final Tika TIKA = new Tika();

    private ReceiptScan() {
    }

    /** Where tesseract is when not on the PATH (system property {@code smbhub.tesseract.path}, a directory). */
    static final String PATH_PROPERTY = "smbhub.tesseract.path";
    private static final java.util.concurrent.ConcurrentHashMap<String, Boolean> AVAILABLE = new java.util.concurrent.ConcurrentHashMap<>();

    /** Whether tesseract can be run here (asked once per location). */
    public static boolean ocrAvailable() {
        return AVAILABLE.computeIfAbsent(System.getProperty(PATH_PROPERTY, ""), path -> {
            try {
                return tesseract().hasTesseract();
            } catch (TikaConfigException e) {
                return false;
            }
        });
    }

    private static TesseractOCRParser tesseract() {
        TesseractOCRParser parser = new TesseractOCRParser();
        String path = System.getProperty(PATH_PROPERTY, "");
        if (!path.isEmpty()) {
            parser.setTesseractPath(path);
        }
        return parser;
    }

    public static Text read(byte[] content, String fileName) {
        String type = TIKA.detect(content, fileName);
        if (content.length == 0) {
            return new Text(Status.NO_TEXT, type, "", false);
        }
        if (content.length > MAX_BYTES) {
            return new Text(Status.UNREADABLE, type, "", false);
        }
        try {
            if (type.equals("text/plain")) {
                return text(type, new String(content, java.nio.charset.StandardCharsets.UTF_8), false);
            }
            if (type.equals("application/pdf")) {
                return pdf(content);
            }
            if (IMAGES.contains(type)) {
                if (!ocrAvailable()) {
                    return new Text(Status.OCR_UNAVAILABLE, type, "", true);
                }
                BufferedImage image = ImageIO.read(new ByteArrayInputStream(content));
                if (image == null || (long) image.getWidth() * image.getHeight() > MAX_PIXELS) {
                    return new Text(Status.UNREADABLE, type, "", true);
                }
                BufferedImage prepared = prepare(image);
                List<CompletableFuture<String>> others = List.of(
                        CompletableFuture.supplyAsync(() -> ocrQuietly(prepared, COLUMN), OCR_THREADS),
                        CompletableFuture.supplyAsync(() -> ocrQuietly(toGray(image), BLOCK), OCR_THREADS));
                Text block = text(type, ocr(prepared, BLOCK), true);
                return new Text(block.status(), type, block.text(), true, others.stream().map(CompletableFuture::join)
                        .filter(java.util.Objects::nonNull).map(ReceiptScan::clean).toList());
            }
            return new Text(Status.UNSUPPORTED, type, "", false);
        } catch (IOException | TikaException | SAXException | RuntimeException e) {
            return new Text(Status.UNREADABLE, type, "", false);
        }
    }

    private static Text text(String type, String text, boolean ocr) {
        String t = clean(text);
        return new Text(t.isEmpty() ? Status.NO_TEXT : Status.READ, type, t, ocr);
    }

    private static String clean(String text) {
        return text == null ? "" : text.replace("\r\n", "\n").replaceAll("[ \\t\\x0B\\f]+", " ").replaceAll("\\n{3,}", "\n\n").trim();
    }

    /** A PDF's own text; its scanned pages through tesseract (Tika's "auto" OCR strategy). */
    private static Text pdf(byte[] content) throws IOException, TikaException, SAXException {
        ParseContext context = new ParseContext();
        PDFParserConfig config = new PDFParserConfig();
        boolean ocr = ocrAvailable();
        config.setOcrStrategy(ocr ? PDFParserConfig.OCR_STRATEGY.AUTO : PDFParserConfig.OCR_STRATEGY.NO_OCR);
        context.set(PDFParserConfig.class, config);
        context.set(TesseractOCRConfig.class, ocrConfig(BLOCK));
        TesseractOCRParser tesseract = tesseract();
        context.set(Parser.class, new CompositeParser(new org.apache.tika.mime.MediaTypeRegistry(), tesseract));
        BodyContentHandler handler = new BodyContentHandler(-1);
        try (InputStream in = new ByteArrayInputStream(content)) {
            new PDFParser().parse(in, handler, new Metadata(), context);
        }
        Text text = text("application/pdf", handler.toString(), false);
        if (text.status() == Status.NO_TEXT && !ocr) {
            return new Text(Status.OCR_UNAVAILABLE, "application/pdf", "", true);
        }
        return text;
    }

    /** Tesseract's page segmentation: one uniform block of text; a single column of text of varying sizes. */
    private static final String BLOCK = "6";
    private static final String COLUMN = "4";
    /** The other readings of each picture; two at a time, daemon threads (they hold no container state). */
    private static final ExecutorService OCR_THREADS = Executors.newFixedThreadPool(2, task -> {
        Thread t = new Thread(task, "receipt-ocr");
        t.setDaemon(true);
        return t;
    });

    private static TesseractOCRConfig ocrConfig(String pageSegMode) {
        TesseractOCRConfig config = new TesseractOCRConfig();
        config.setLanguage("eng");
        config.setPageSegMode(pageSegMode);
        config.setTimeoutSeconds(60);
        config.setPreserveInterwordSpacing(false);
        return config;
    }

    private static String ocrQuietly(BufferedImage image, String pageSegMode) {
        try {
            return ocr(image, pageSegMode);
        } catch (IOException | TikaException | SAXException | RuntimeException e) {
            return null; // the block reading stands alone
        }
    }

    private static String ocr(BufferedImage image, String pageSegMode) throws IOException, TikaException, SAXException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        ParseContext context = new ParseContext();
        context.set(TesseractOCRConfig.class, ocrConfig(pageSegMode));
        BodyContentHandler handler = new BodyContentHandler(-1);
        Metadata metadata = new Metadata();
        metadata.set(Metadata.CONTENT_TYPE, "image/png");
        try (InputStream in = new ByteArrayInputStream(png.toByteArray())) {
            tesseract().parse(in, handler, metadata, context);
        }
        return handler.toString();
    }

    /** Grayscale, scaled up to a width tesseract reads well, deskewed, contrast stretched. */
    static BufferedImage prepare(BufferedImage source) {
        double scale = source.getWidth() < MIN_WIDTH ? Math.min(3.0, (double) MIN_WIDTH / source.getWidth()) : 1.0;
        int w = (int) Math.round(source.getWidth() * scale);
        int h = (int) Math.round(source.getHeight() * scale);
        BufferedImage gray = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = gray.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.drawImage(source, 0, 0, w, h, null);
        g.dispose();
        double angle = new ImageDeskew(gray).getSkewAngle();
        if (Math.abs(angle) > 0.3 && Math.abs(angle) < 15) {
            gray = toGray(ImageUtil.rotate(gray, -angle, w / 2, h / 2));
        }
        stretch(gray);
        return gray;
    }

    private static BufferedImage toGray(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return image;
        }
        BufferedImage gray = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = gray.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return gray;
    }

    /** Darkest 1 % to black, lightest 1 % to white: faded thermal print gets its contrast back. */
    private static void stretch(BufferedImage gray) {
        java.awt.image.WritableRaster r = gray.getRaster();
        int[] hist = new int[256];
        int[] row = new int[gray.getWidth()];
        for (int y = 0; y < gray.getHeight(); y++) {
            r.getSamples(0, y, row.length, 1, 0, row);
            for (int v : row) {
                hist[v]++;
            }
        }
        long total = (long) gray.getWidth() * gray.getHeight();
        int low = 0;
        int high = 255;
        for (long seen = 0; low < 255 && (seen += hist[low]) < total / 100; low++) {
        }
        for (long seen = 0; high > 0 && (seen += hist[high]) < total / 100; high--) {
        }
        if (high - low < 32) {
            return;
        }
        for (int y = 0; y < gray.getHeight(); y++) {
            r.getSamples(0, y, row.length, 1, 0, row);
            for (int i = 0; i < row.length; i++) {
                row[i] = Math.max(0, Math.min(255, (row[i] - low) * 255 / (high - low)));
            }
            r.setSamples(0, y, row.length, 1, 0, row);
        }
    }
}
