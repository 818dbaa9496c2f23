package com.smbhub.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smbhub.platform.errors.ValidationException;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * An OpenAI-compatible chat-completions endpoint as the reader of a message (optional, off unless configured; the
 * rules extractor stays the default and the fallback): the message goes out with the output contract as a JSON
 * schema, the answer is read as strictly as a person's edit ({@link ExtractionJson}), and what the call cost is
 * worked out from the tokens the endpoint reports. One retry on a timeout, a 429 or a 5xx; anything else fails.
 */
public final class ChatExtractor implements Extractor {

    /** Where and how to ask; prices per 1,000 tokens in the budget's currency. */
    public record Settings(URI baseUrl, String model, String key, Duration timeout, BigDecimal inputPer1k,
            BigDecimal outputPer1k) {
    }

    /** The reading with what it took: tokens in and out, and the cost of the call. */
    public record Reply(Extraction extraction, long inputTokens, long outputTokens, BigDecimal cost) {
    }

    /** The endpoint did not give a usable reading (after the retry, where one applies). */
    public static class ChatFailed extends RuntimeException {
        public ChatFailed(String message) {
            super(message);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String PROMPT = "You read one message a small business received and draft what a careful person would make"
            + " of it. Answer only with JSON matching the schema. intent: CREATE_WORK_ITEM (work to do), DRAFT_QUOTE (a price is"
            + " asked for), DRAFT_INVOICE (work or goods to bill), DRAFT_EXPENSE (a receipt or bill the business paid or owes),"
            + " DRAFT_AR_MESSAGE (about paying an invoice of ours), NONE (nothing to do). Resolve relative dates against"
            + " received_at in the sender's offset; amounts as numbers; null what the message does not say; confidence 0..1.";

    private final Settings settings;
    private final HttpClient http;

    public ChatExtractor(Settings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    @Override
    public Extraction extract(Inbound message, Extraction.Intent as) {
        return ask(message, as).extraction();
    }

    public Reply ask(Inbound message, Extraction.Intent as) {
        HttpRequest request = HttpRequest.newBuilder(settings.baseUrl().resolve("chat/completions"))
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + settings.key())
                .POST(HttpRequest.BodyPublishers.ofString(body(message, as))).build();
        HttpResponse<String> response = null;
        for (int attempt = 1; attempt <= 2; attempt++) {
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 429 && response.statusCode() < 500) {
                    break;
                }
            } catch (IOException e) {
                response = null; // a timeout or a dropped connection: once more
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ChatFailed("interrupted");
            }
        }
        if (response == null) {
            throw new ChatFailed("no answer within " + settings.timeout().toSeconds() + " s");
        }
        if (response.statusCode() != 200) {
            throw new ChatFailed("the endpoint answered " + response.statusCode());
        }
        return reply(response.body(), as);
    }

    private Reply reply(String body, Extraction.Intent as) {
        try {
            JsonNode answer = JSON.readTree(body);
            String content = answer.path("choices").path(0).path("message").path("content").asText(null);
            Extraction read = ExtractionJson.read(content, "answer");
            long in = answer.path("usage").path("prompt_tokens").asLong(0);
            long out = answer.path("usage").path("completion_tokens").asLong(0);
            BigDecimal cost = settings.inputPer1k().multiply(BigDecimal.valueOf(in))
                    .add(settings.outputPer1k().multiply(BigDecimal.valueOf(out)))
                    .divide(BigDecimal.valueOf(1000), 6, RoundingMode.HALF_UP);
            return new Reply(as == null ? read : read.as(as), in, out, cost);
        } catch (IOException | ValidationException e) {
            throw new ChatFailed("the answer is not a reading: " + e.getMessage());
        }
    }

    private String body(Inbound message, Extraction.Intent as) {
        ObjectNode o = JSON.createObjectNode();
        o.put("model", settings.model());
        o.put("temperature", 0);
        ArrayNode messages = o.putArray("messages");
        messages.addObject().put("role", "system").put("content", PROMPT);
        ObjectNode user = JSON.createObjectNode();
        user.put("channel", message.sms() ? "SMS" : "EMAIL");
        user.put("from", message.from());
        user.put("subject", message.subject());
        user.put("text", message.text());
        user.put("received_at", message.receivedAt() == null ? null : message.receivedAt().toString());
        user.put("currency", message.currency());
        user.put("country", message.country());
        if (as != null) {
            user.put("make", as.name());
        }
        messages.addObject().put("role", "user").put("content", user.toString());
        ObjectNode format = o.putObject("response_format");
        format.put("type", "json_schema");
        ObjectNode schema = format.putObject("json_schema");
        schema.put("name", "extraction");
        schema.set("schema", schema());
        return o.toString();
    }

    /** The output contract of shared/benchmarks/README.md as a JSON schema. */
    static ObjectNode schema() {
        ObjectNode s = JSON.createObjectNode();
        s.put("type", "object");
        ObjectNode p = s.putObject("properties");
        ArrayNode intents = p.putObject("intent").put("type", "string").putArray("enum");
        for (Extraction.Intent i : Extraction.Intent.values()) {
            intents.add(i.name());
        }
        ObjectNode work = p.putObject("work_item");
        work.putArray("type").add("object").add("null");
        ObjectNode wp = work.putObject("properties");
        for (String f : new String[] {"type", "title", "due_date", "priority", "service_address", "external_order_id"}) {
            wp.putObject(f).putArray("type").add("string").add("null");
        }
        ObjectNode line = p.putObject("line_items").put("type", "array").putObject("items");
        line.put("type", "object");
        ObjectNode lp = line.putObject("properties");
        lp.putObject("name").put("type", "string");
        lp.putObject("qty").put("type", "number");
        lp.putObject("rate").putArray("type").add("number").add("null");
        p.putObject("total").putArray("type").add("number").add("null");
        p.putObject("currency").putArray("type").add("string").add("null");
        ObjectNode expense = p.putObject("expense");
        expense.putArray("type").add("object").add("null");
        ObjectNode ep = expense.putObject("properties");
        ep.putObject("vendor").putArray("type").add("string").add("null");
        ep.putObject("amount").putArray("type").add("number").add("null");
        ep.putObject("date").putArray("type").add("string").add("null");
        ep.putObject("category").putArray("type").add("string").add("null");
        p.putObject("invoice_ref").putArray("type").add("string").add("null");
        ObjectNode contact = p.putObject("contact").put("type", "object").putObject("properties");
        for (String f : new String[] {"name", "email", "phone"}) {
            contact.putObject(f).putArray("type").add("string").add("null");
        }
        p.putObject("confidence").put("type", "number");
        s.putArray("required").add("intent").add("contact").add("confidence");
        return s;
    }
}
