package com.smbhub.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./smbhub extract messages FILE.jsonl}: reads messages (one JSON object a line: id, channel, from,
 * subject, text, received_at, profile and optionally currency, country) and prints one JSON line each with what
 * the offline extractor made of it, in the shape the benchmark scripts score. Runs without the server.
 */
public final class ExtractCommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ExtractCommand() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2 || !args[0].equals("messages") && !args[0].equals("receipts")) {
            System.err.println("usage: extract messages FILE.jsonl | extract receipts FILE...");
            System.exit(2);
        }
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        if (args[0].equals("receipts")) {
            // Tika says at INFO that tesseract "can add greatly to processing time": known, and not the output
            java.util.logging.Logger.getLogger("org.apache.tika.parser.ocr").setLevel(java.util.logging.Level.WARNING);
            int bad = 0;
            for (int i = 1; i < args.length; i++) {
                Path file = Path.of(args[i]);
                if (!Files.isRegularFile(file)) {
                    System.err.println(args[i] + ": no such file");
                    bad++;
                    continue;
                }
                out.println(JSON.writeValueAsString(receipt(file, LocalDate.now())));
                out.flush();
            }
            System.exit(bad > 0 ? 1 : 0);
        }
        Extractor extractor = new RulesExtractor();
        int line = 0;
        int bad = 0;
        try (BufferedReader in = Files.newBufferedReader(Path.of(args[1]), StandardCharsets.UTF_8)) {
            for (String text; (text = in.readLine()) != null; ) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                JsonNode record;
                Inbound message;
                try {
                    record = JSON.readTree(text);
                    message = inbound(record);
                } catch (IOException | DateTimeParseException | IllegalArgumentException e) {
                    System.err.println(args[1] + ":" + line + ": not a message (" + e.getMessage().split("\n")[0] + ")");
                    bad++;
                    continue;
                }
                ObjectNode result;
                try {
                    result = ExtractionJson.write(extractor.extract(message));
                } catch (RuntimeException e) {
                    // the server drafts such a message by hand (ai.parse.failed); here it is named and the rest read
                    System.err.println(args[1] + ":" + line + ": could not be read (" + e + ")");
                    bad++;
                    continue;
                }
                result.set("id", record.get("id"));
                out.println(JSON.writeValueAsString(reorder(result)));
            }
        }
        out.flush();
        if (bad > 0) {
            System.exit(1);
        }
    }

    /**
     * A receipt read as the server reads an upload: a picture or PDF through {@link ReceiptScan}; a {@code .txt}
     * as its text; a {@code .csv} of OCR boxes ({@code x1,y1,…,y4,text}, the benchmark's gold OCR) as those lines.
     */
    /**
     * OCR boxes put back into printed lines, as OCR's own text has them: boxes whose middles sit at the same
     * height (within half a box) are one line, read left to right. A row that is not a box is a line of its own.
     */
    static String boxLines(List<String> rows) {
        record Box(double x, double y, double height, String text) {
        }
        List<Box> boxes = new ArrayList<>();
        double y = 0;
        for (String row : rows) {
            String[] cells = row.split(",", 9);
            try {
                double top = Math.min(Double.parseDouble(cells[1]), Double.parseDouble(cells[3]));
                double bottom = Math.max(Double.parseDouble(cells[5]), Double.parseDouble(cells[7]));
                boxes.add(new Box(Double.parseDouble(cells[0]), (top + bottom) / 2, bottom - top, cells[8]));
                y = (top + bottom) / 2;
            } catch (RuntimeException notABox) {
                boxes.add(new Box(0, y += 0.001, 0, row));
            }
        }
        boxes.sort(java.util.Comparator.comparingDouble(Box::y));
        List<List<Box>> lines = new ArrayList<>();
        for (Box box : boxes) {
            List<Box> last = lines.isEmpty() ? null : lines.get(lines.size() - 1);
            if (last == null || box.height() == 0 || last.get(0).height() == 0
                    || Math.abs(box.y() - last.get(0).y()) > Math.max(box.height(), last.get(0).height()) / 2) {
                lines.add(last = new ArrayList<>());
            }
            last.add(box);
        }
        return lines.stream().map(l -> l.stream().sorted(java.util.Comparator.comparingDouble(Box::x)).map(Box::text)
                .collect(java.util.stream.Collectors.joining(" "))).collect(java.util.stream.Collectors.joining("\n"));
    }

    public static ObjectNode receipt(Path file, LocalDate today) throws IOException {
        String name = file.getFileName().toString();
        ReceiptScan.Text text;
        if (name.endsWith(".csv")) {
            text = new ReceiptScan.Text(ReceiptScan.Status.READ, "text/csv", boxLines(Files.readAllLines(file, StandardCharsets.UTF_8)), false);
        } else {
            text = ReceiptScan.read(Files.readAllBytes(file), name);
        }
        ReceiptFields fields = ReceiptFields.read(text, today, null);
        ObjectNode o = JSON.createObjectNode();
        o.put("file", file.toString());
        o.put("status", text.status().name());
        o.put("vendor", fields.vendor());
        o.put("date", fields.date() == null ? null : fields.date().toString());
        o.put("total", fields.total() == null ? null : fields.total().toPlainString());
        o.put("tax", fields.tax() == null ? null : fields.tax().toPlainString());
        o.put("currency", fields.currency());
        o.put("category", fields.category());
        o.put("confidence", fields.confidence());
        ObjectNode confidence = o.putObject("field_confidence");
        fields.fieldConfidence().forEach(confidence::put);
        return o;
    }

    public static Inbound inbound(JsonNode r) {
        if (!r.isObject()) {
            throw new IllegalArgumentException("a JSON object is expected");
        }
        String received = text(r, "received_at");
        return new Inbound(text(r, "channel"), text(r, "from"), text(r, "subject"), text(r, "text"),
                received == null ? null : OffsetDateTime.parse(received), text(r, "profile"), text(r, "currency"), text(r, "country"));
    }

    private static String text(JsonNode r, String field) {
        JsonNode v = r.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static ObjectNode reorder(ObjectNode result) {
        ObjectNode o = JSON.createObjectNode();
        o.set("id", result.get("id"));
        result.fields().forEachRemaining(f -> {
            if (!f.getKey().equals("id")) {
                o.set(f.getKey(), f.getValue());
            }
        });
        return o;
    }
}
