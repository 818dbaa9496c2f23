package com.smbhub.extract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smbhub.platform.InputText;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.errors.ValidationException.FieldError;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An {@link Extraction} in the benchmark's JSON shape (snake_case, dates ISO, amounts as numbers): written for the
 * benchmark command, the API and the stored draft; read back strictly from a stored draft or a person's edits,
 * every wrong value named at its field ({@code payload.work_item.due_date}).
 */
public final class ExtractionJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_LINES = 100;
    private static final Set<String> TOP = Set.of("intent", "work_item", "line_items", "total", "currency", "expense",
            "invoice_ref", "contact", "confidence", "field_confidence", "alternatives");

    private ExtractionJson() {
    }

    public static ObjectNode write(Extraction e) {
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
        Extraction.Contact contact = e.contact() == null ? new Extraction.Contact(null, null, null) : e.contact();
        c.put("name", contact.name());
        c.put("email", contact.email());
        c.put("phone", contact.phone());
        o.put("confidence", e.confidence());
        ObjectNode fields = o.putObject("field_confidence");
        e.fieldConfidence().forEach(fields::put);
        ArrayNode alternatives = o.putArray("alternatives");
        e.alternatives().forEach(a -> alternatives.add(a.name()));
        return o;
    }

    public static String text(Extraction e) {
        try {
            return JSON.writeValueAsString(write(e));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** A stored or edited draft; anything that is not the shape above is refused at its field under {@code prefix}. */
    public static Extraction read(String text, String prefix) {
        if (text == null || text.isBlank()) {
            throw new ValidationException(prefix, "A JSON object is required");
        }
        InputText.checkDepth(text);
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ValidationException(prefix, "Not valid JSON");
        }
        return read(node, prefix);
    }

    public static Extraction read(JsonNode o, String prefix) {
        if (o == null || !o.isObject()) {
            throw new ValidationException(prefix, "A JSON object is required");
        }
        List<FieldError> errors = new ArrayList<>();
        unknown(o, TOP, prefix, errors);
        Reader r = new Reader(prefix, errors);
        Extraction.Intent intent = r.choice(o, "intent", Extraction.Intent.class, true);
        Extraction.WorkItem work = null;
        JsonNode w = r.object(o, "work_item");
        if (w != null) {
            Reader wr = r.under("work_item");
            unknown(w, Set.of("type", "title", "due_date", "priority", "service_address", "external_order_id"),
                    prefix + ".work_item", errors);
            WorkType type = wr.choice(w, "type", WorkType.class, false);
            WorkType.Priority priority = wr.choice(w, "priority", WorkType.Priority.class, false);
            work = new Extraction.WorkItem(type == null ? null : type.name(), wr.string(w, "title", 200), wr.date(w, "due_date"),
                    priority == null ? null : priority.name(), wr.string(w, "service_address", 500),
                    wr.string(w, "external_order_id", 100));
        }
        List<Extraction.Line> lines = new ArrayList<>();
        JsonNode l = o.get("line_items");
        if (l != null && !l.isNull()) {
            if (!l.isArray()) {
                errors.add(new FieldError(prefix + ".line_items", "A list is required"));
            } else if (l.size() > MAX_LINES) {
                errors.add(new FieldError(prefix + ".line_items", "At most " + MAX_LINES + " lines"));
            } else {
                for (int i = 0; i < l.size(); i++) {
                    JsonNode line = l.get(i);
                    Reader lr = r.under("line_items[" + i + "]");
                    if (!line.isObject()) {
                        errors.add(new FieldError(lr.prefix, "A JSON object is required"));
                        continue;
                    }
                    unknown(line, Set.of("name", "qty", "rate"), lr.prefix, errors);
                    lines.add(new Extraction.Line(lr.string(line, "name", 200), lr.amount(line, "qty", true),
                            lr.amount(line, "rate", false)));
                }
            }
        }
        Extraction.Expense expense = null;
        JsonNode x = r.object(o, "expense");
        if (x != null) {
            Reader xr = r.under("expense");
            unknown(x, Set.of("vendor", "amount", "date", "category"), prefix + ".expense", errors);
            expense = new Extraction.Expense(xr.string(x, "vendor", 200), xr.amount(x, "amount", true), xr.date(x, "date"),
                    xr.string(x, "category", 100));
        }
        Extraction.Contact contact = new Extraction.Contact(null, null, null);
        JsonNode c = r.object(o, "contact");
        if (c != null) {
            Reader cr = r.under("contact");
            unknown(c, Set.of("name", "email", "phone"), prefix + ".contact", errors);
            contact = new Extraction.Contact(cr.string(c, "name", 200), cr.string(c, "email", 254), cr.string(c, "phone", 40));
        }
        String currency = r.string(o, "currency", 3);
        if (currency != null && !currency.matches("[A-Z]{3}")) {
            errors.add(new FieldError(prefix + ".currency", "A three-letter currency code such as USD"));
        }
        BigDecimal total = r.amount(o, "total", true);
        String invoiceRef = r.string(o, "invoice_ref", 100);
        double confidence = o.path("confidence").isNumber() ? clamp(o.get("confidence").asDouble()) : 0;
        Map<String, Double> fieldConfidence = new LinkedHashMap<>();
        JsonNode f = o.get("field_confidence");
        if (f != null && f.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = f.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isNumber() && fieldConfidence.size() < 50) {
                    fieldConfidence.put(e.getKey(), clamp(e.getValue().asDouble()));
                }
            }
        }
        List<Extraction.Intent> alternatives = new ArrayList<>();
        JsonNode a = o.get("alternatives");
        if (a != null && a.isArray()) {
            a.forEach(n -> Arrays.stream(Extraction.Intent.values()).filter(i -> i.name().equals(n.asText()))
                    .findFirst().ifPresent(alternatives::add));
        }
        ValidationException.throwIfAny(errors);
        return new Extraction(intent, work, List.copyOf(lines), total, currency, expense, invoiceRef, contact, confidence,
                java.util.Collections.unmodifiableMap(fieldConfidence), List.copyOf(alternatives));
    }

    private static void unknown(JsonNode o, Set<String> allowed, String prefix, List<FieldError> errors) {
        o.fieldNames().forEachRemaining(n -> {
            if (!allowed.contains(n)) {
                errors.add(new FieldError(prefix + "." + n, "Unknown field"));
            }
        });
    }

    private static double clamp(double v) {
        return Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v));
    }

    static BigDecimal plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().scale() < 0 ? value.setScale(0) : value.stripTrailingZeros();
    }

    /** Reads typed values under one prefix, collecting what is wrong. */
    private record Reader(String prefix, List<FieldError> errors) {

        Reader under(String name) {
            return new Reader(prefix + "." + name, errors);
        }

        private boolean absent(JsonNode v) {
            return v == null || v.isNull() || v.isTextual() && v.asText().isBlank();
        }

        JsonNode object(JsonNode o, String name) {
            JsonNode v = o.get(name);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isObject()) {
                errors.add(new FieldError(prefix + "." + name, "A JSON object is required"));
                return null;
            }
            return v;
        }

        String string(JsonNode o, String name, int max) {
            JsonNode v = o.get(name);
            if (absent(v)) {
                return null;
            }
            if (!v.isTextual()) {
                errors.add(new FieldError(prefix + "." + name, "Text is required"));
                return null;
            }
            String s = v.asText().strip();
            if (s.length() > max) {
                errors.add(new FieldError(prefix + "." + name, "At most " + max + " characters"));
                return null;
            }
            if (InputText.hasControl(s)) {
                errors.add(new FieldError(prefix + "." + name, InputText.NO_CONTROL));
                return null;
            }
            return s;
        }

        <E extends Enum<E>> E choice(JsonNode o, String name, Class<E> type, boolean required) {
            String s = string(o, name, 40);
            if (s == null) {
                if (required && absent(o.get(name))) {
                    errors.add(new FieldError(prefix + "." + name, "Required"));
                }
                return null;
            }
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(s.toUpperCase())) {
                    return e;
                }
            }
            errors.add(new FieldError(prefix + "." + name, "One of " + Arrays.toString(type.getEnumConstants())));
            return null;
        }

        LocalDate date(JsonNode o, String name) {
            String s = string(o, name, 10);
            if (s == null) {
                return null;
            }
            try {
                LocalDate d = LocalDate.parse(s);
                if (d.getYear() < 1900 || d.getYear() > 2999) {
                    throw new DateTimeParseException("year", s, 0);
                }
                return d;
            } catch (DateTimeParseException e) {
                errors.add(new FieldError(prefix + "." + name, "A date as YYYY-MM-DD"));
                return null;
            }
        }

        BigDecimal amount(JsonNode o, String name, boolean notNegative) {
            JsonNode v = o.get(name);
            if (absent(v)) {
                return null;
            }
            BigDecimal n = null;
            if (v.isNumber()) {
                n = v.decimalValue();
            } else if (v.isTextual() && v.asText().strip().matches("-?\\d{1,13}(\\.\\d{1,4})?")) {
                n = new BigDecimal(v.asText().strip());
            }
            if (n == null || n.abs().compareTo(new BigDecimal("1e13")) >= 0 || n.scale() > 4) {
                errors.add(new FieldError(prefix + "." + name, "A number with at most 4 decimals"));
                return null;
            }
            if (notNegative && n.signum() < 0) {
                errors.add(new FieldError(prefix + "." + name, "Cannot be negative"));
                return null;
            }
            return plain(n);
        }
    }
}
