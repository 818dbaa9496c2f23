package com.smbhub.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The chat-completions reader against a local double of the endpoint: what it sends, what it reads, when it gives up. */
class ChatExtractorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Inbound LEAK = new Inbound("EMAIL", "Maria Lopez <maria@example.com>", "Leak",
            "Can you quote 3 hrs labour at $85 to fix the leak at 42 Elm St by Friday?",
            OffsetDateTime.parse("2026-03-02T09:00:00-05:00"), "general", "USD", "US");
    private static final String READING = "{\"intent\":\"DRAFT_QUOTE\",\"work_item\":{\"type\":\"REQUEST\",\"title\":\"Leak at 42 Elm St\","
            + "\"due_date\":\"2026-03-06\",\"priority\":\"NORMAL\",\"service_address\":\"42 Elm St\",\"external_order_id\":null},"
            + "\"line_items\":[{\"name\":\"Labour\",\"qty\":3,\"rate\":85}],\"total\":255,\"currency\":\"USD\",\"expense\":null,"
            + "\"invoice_ref\":null,\"contact\":{\"name\":\"Maria Lopez\",\"email\":\"maria@example.com\",\"phone\":null},\"confidence\":0.9}";

    private HttpServer server;
    private final List<JsonNode> asked = new ArrayList<>();
    private final List<String> keys = new ArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();

    /** A double answering the n-th call (1-based) with {status, body}; a null answer never comes (a hang). */
    private ChatExtractor endpoint(IntFunction<Object[]> answer, Duration timeout) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/v1/chat/completions", exchange -> {
            asked.add(JSON.readTree(exchange.getRequestBody()));
            keys.add(exchange.getRequestHeaders().getFirst("Authorization"));
            Object[] reply = answer.apply(calls.incrementAndGet());
            if (reply == null) {
                try {
                    Thread.sleep(timeout.toMillis() * 3);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
                return;
            }
            byte[] body = ((String) reply[1]).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders((Integer) reply[0], body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return new ChatExtractor(new ChatExtractor.Settings(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/"),
                "small-model", "sk-test", timeout, new BigDecimal("0.15"), new BigDecimal("0.60")));
    }

    private static String completion(String content) {
        return JSON.createObjectNode().<com.fasterxml.jackson.databind.node.ObjectNode>set("choices", JSON.createArrayNode()
                .add(JSON.createObjectNode().set("message", JSON.createObjectNode().put("role", "assistant").put("content", content))))
                .set("usage", JSON.createObjectNode().put("prompt_tokens", 1200).put("completion_tokens", 300)).toString();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void theMessageGoesOutWithTheContractAndTheAnswerIsReadWithItsCost() throws IOException {
        ChatExtractor chat = endpoint(n -> new Object[] {200, completion(READING)}, Duration.ofSeconds(5));
        ChatExtractor.Reply reply = chat.ask(LEAK, null);
        assertEquals(Extraction.Intent.DRAFT_QUOTE, reply.extraction().intent());
        assertEquals(0, new BigDecimal("255").compareTo(reply.extraction().total()));
        assertEquals("42 Elm St", reply.extraction().workItem().serviceAddress());
        assertEquals(new BigDecimal("0.360000"), reply.cost(), "1,200 in at 0.15 and 300 out at 0.60 per 1,000");
        JsonNode sent = asked.get(0);
        assertEquals("small-model", sent.get("model").asText());
        assertEquals("json_schema", sent.at("/response_format/type").asText());
        assertTrue(sent.at("/response_format/json_schema/schema/properties/intent/enum").toString().contains("DRAFT_EXPENSE"));
        assertTrue(sent.at("/messages/1/content").asText().contains("42 Elm St"), sent.toString());
        assertEquals("Bearer sk-test", keys.get(0));
    }

    @Test
    void aBusyEndpointIsAskedOnceMoreAndAnAnswerThatIsNotAReadingFails() throws IOException {
        ChatExtractor chat = endpoint(n -> n == 1 ? new Object[] {503, "busy"} : new Object[] {200, completion(READING)},
                Duration.ofSeconds(5));
        assertEquals(Extraction.Intent.DRAFT_QUOTE, chat.extract(LEAK, null).intent());
        assertEquals(2, calls.get());
        stop();
        calls.set(0);
        ChatExtractor wrong = endpoint(n -> new Object[] {200, completion("{\"intent\":\"MAYBE\"}")}, Duration.ofSeconds(5));
        assertThrows(ChatExtractor.ChatFailed.class, () -> wrong.ask(LEAK, null));
        assertEquals(1, calls.get(), "a wrong answer is not asked again");
    }

    @Test
    void anEndpointThatDoesNotAnswerInTimeFailsAfterTwoTries() throws IOException {
        ChatExtractor chat = endpoint(n -> null, Duration.ofMillis(300));
        ChatExtractor.ChatFailed failed = assertThrows(ChatExtractor.ChatFailed.class, () -> chat.ask(LEAK, Extraction.Intent.DRAFT_QUOTE));
        assertTrue(failed.getMessage().contains("no answer"), failed.getMessage());
        assertEquals(2, calls.get());
        stop();
        ChatExtractor refused = endpoint(n -> new Object[] {401, "{\"error\":\"bad key\"}"}, Duration.ofSeconds(5));
        assertThrows(ChatExtractor.ChatFailed.class, () -> refused.ask(LEAK, null));
    }
}
