package com.smbhub.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

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
        if (args.length < 2 || !args[0].equals("messages")) {
            System.err.println("usage: extract messages FILE.jsonl");
            System.exit(2);
        }
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
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
                ObjectNode result = json(extractor.extract(message));
                result.set("id", record.get("id"));
                out.println(JSON.writeValueAsString(reorder(result)));
            }
        }
        out.flush();
        if (bad > 0) {
            System.exit(1);
        }
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

    /** The extraction in the benchmark's JSON shape (snake_case, dates ISO, amounts as numbers). */
    public static ObjectNode json(Extraction e) {
        ObjectNode o = JSON.createObjectNode();
        o.put("intent", e.intent().name());
        if (e.workItem() == null) {
            o.putNull("work_item");
        } else {
            ObjectNode w = o.putObject("work_item");
            w.put("type", e.workItem().type());
            w.put("title", e.workItem().title());
            w.put("due_date", e.workItem().dueDate() == null ? null : e.workItem().dueDate().toString());
            w.put("priority", e.workItem().priority());
            w.put("service_address", e.workItem().serviceAddress());
            w.put("external_order_id", e.workItem().externalOrderId());
        }
        ArrayNode lines = o.putArray("line_items");
        for (Extraction.Line l : e.lineItems()) {
            lines.addObject().put("name", l.name()).put("qty", plain(l.qty())).put("rate", plain(l.rate()));
        }
        o.put("total", plain(e.total()));
        o.put("currency", e.currency());
        if (e.expense() == null) {
            o.putNull("expense");
        } else {
            ObjectNode x = o.putObject("expense");
            x.put("vendor", e.expense().vendor());
            x.put("amount", plain(e.expense().amount()));
            x.put("date", e.expense().date() == null ? null : e.expense().date().toString());
            x.put("category", e.expense().category());
        }
        o.put("invoice_ref", e.invoiceRef());
        ObjectNode c = o.putObject("contact");
        c.put("name", e.contact().name());
        c.put("email", e.contact().email());
        c.put("phone", e.contact().phone());
        o.put("confidence", e.confidence());
        ObjectNode fields = o.putObject("field_confidence");
        e.fieldConfidence().forEach(fields::put);
        ArrayNode alternatives = o.putArray("alternatives");
        e.alternatives().forEach(a -> alternatives.add(a.name()));
        return o;
    }

    private static BigDecimal plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().scale() < 0 ? value.setScale(0) : value.stripTrailingZeros();
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
