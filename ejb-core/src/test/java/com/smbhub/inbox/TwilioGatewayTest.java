package com.smbhub.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SDK against a local double answering with Twilio's documented JSON: what is sent, and what its answers become. */
class TwilioGatewayTest {

    private static final String SID = "AC" + "1234567890abcdef".repeat(2);
    private static final TwilioGateway.Account ACCOUNT = new TwilioGateway.Account(SID, "s3cr3tt0k3ns3cr3tt0k3n12", "+14165550100");

    private static final String BIG = "ME" + "f".repeat(32);
    private static final String MEDIA = "https://api.twilio.com/2010-04-01/Accounts/" + SID + "/Messages/MM" + "0".repeat(32)
            + "/Media/";

    private HttpServer server;
    private final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
    private TwilioGateway gateway;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/twilio/", exchange -> {
            Map<String, String> seen = new HashMap<>();
            seen.put("method", exchange.getRequestMethod());
            seen.put("path", exchange.getRequestURI().getPath());
            seen.put("auth", exchange.getRequestHeaders().getFirst("Authorization"));
            for (String pair : new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("&")) {
                if (pair.contains("=")) {
                    seen.put(URLDecoder.decode(pair.substring(0, pair.indexOf('=')), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(pair.indexOf('=') + 1), StandardCharsets.UTF_8));
                }
            }
            requests.add(seen);
            if (exchange.getRequestURI().getPath().contains("/Media/")) {
                String path = exchange.getRequestURI().getPath();
                exchange.getResponseHeaders().add("Location", "/files/" + path.substring(path.lastIndexOf('/') + 1));
                exchange.sendResponseHeaders(307, -1);
                exchange.close();
                return;
            }
            String to = seen.getOrDefault("To", "");
            int status;
            String body;
            if (exchange.getRequestURI().getPath().endsWith(".json") && exchange.getRequestMethod().equals("GET")) {
                status = 200;
                body = "{\"sid\": \"" + SID + "\", \"friendly_name\": \"Northside Plumbing\", \"status\": \"active\","
                        + " \"type\": \"Full\", \"date_created\": \"Thu, 24 Aug 2023 05:01:45 +0000\"}";
            } else if (to.equals("+15005550001")) {
                status = 400;
                body = "{\"code\": 21211, \"message\": \"The 'To' number +15005550001 is not a valid phone number.\","
                        + " \"more_info\": \"https://www.twilio.com/docs/errors/21211\", \"status\": 400}";
            } else {
                status = 201;
                body = "{\"account_sid\": \"" + SID + "\", \"api_version\": \"2010-04-01\", \"body\": \"" + seen.get("Body")
                        + "\", \"date_created\": \"Thu, 24 Aug 2023 05:01:45 +0000\", \"date_sent\": null, \"date_updated\":"
                        + " \"Thu, 24 Aug 2023 05:01:45 +0000\", \"direction\": \"outbound-api\", \"error_code\": null,"
                        + " \"error_message\": null, \"from\": \"+14165550100\", \"messaging_service_sid\": null, \"num_media\":"
                        + " \"0\", \"num_segments\": \"1\", \"price\": null, \"price_unit\": \"USD\", \"sid\":"
                        + " \"SMaaaabbbbccccddddeeeeffff00001111\", \"status\": \"queued\", \"subresource_uris\": {\"media\":"
                        + " \"/2010-04-01/Accounts/" + SID + "/Messages/SMaaaabbbbccccddddeeeeffff00001111/Media.json\"},"
                        + " \"to\": \"" + to + "\", \"uri\": \"/2010-04-01/Accounts/" + SID
                        + "/Messages/SMaaaabbbbccccddddeeeeffff00001111.json\"}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.createContext("/files/", exchange -> {
            requests.add(Map.of("path", exchange.getRequestURI().getPath(),
                    "auth", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"))));
            byte[] bytes = exchange.getRequestURI().getPath().endsWith(BIG) ? new byte[TwilioGateway.MAX_MEDIA_BYTES + 1]
                    : "a picture".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "image/jpeg");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        gateway = new TwilioGateway();
        gateway.apiBase = Optional.of("http://localhost:" + server.getAddress().getPort() + "/twilio");
        gateway.publicUrl = "https://hub.example.com/";
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aTextGoesToTheMessagesApiWithItsStatusCallbackAndComesBackWithItsSid() {
        TwilioGateway.Sent sent = gateway.send(ACCOUNT, "+14165550134", "On my way — 10 minutes");
        assertTrue(sent.ok(), String.valueOf(sent));
        assertEquals("SMaaaabbbbccccddddeeeeffff00001111", sent.sid());
        assertEquals("queued", sent.status());
        Map<String, String> request = requests.get(0);
        assertEquals("POST", request.get("method"));
        assertEquals("/twilio/2010-04-01/Accounts/" + SID + "/Messages.json", request.get("path"));
        assertEquals("Basic " + Base64.getEncoder().encodeToString((SID + ":" + ACCOUNT.token()).getBytes(StandardCharsets.UTF_8)),
                request.get("auth"));
        assertEquals("+14165550134", request.get("To"));
        assertEquals("+14165550100", request.get("From"));
        assertEquals("On my way — 10 minutes", request.get("Body"));
        assertEquals("https://hub.example.com/api/v1/webhooks/twilio/status", request.get("StatusCallback"));
    }

    @Test
    void twiliosRefusalIsAFailureInWordsWithItsCode() {
        TwilioGateway.Sent sent = gateway.send(ACCOUNT, "+15005550001", "Hello");
        assertFalse(sent.ok());
        assertNull(sent.sid());
        assertEquals(21211, sent.code());
        assertTrue(sent.error().contains("not a valid phone number") && sent.error().contains("21211"), sent.error());
    }

    @Test
    void aTwilioThatCannotBeReachedIsAFailureNotAnException() {
        server.stop(0);
        TwilioGateway.Sent sent = gateway.send(ACCOUNT, "+14165550134", "Hello");
        assertFalse(sent.ok());
        assertTrue(sent.error().startsWith("Could not reach Twilio"), sent.error());
        assertThrows(IllegalArgumentException.class, () -> gateway.check(ACCOUNT));
    }

    @Test
    void checkReadsTheAccountsName() {
        assertEquals("Northside Plumbing", gateway.check(ACCOUNT));
        assertEquals("GET", requests.get(0).get("method"));
        assertEquals("/twilio/2010-04-01/Accounts/" + SID + ".json", requests.get(0).get("path"));
    }

    @Test
    void mediaAreAskedOfTwilioWithTheAccountAndFetchedFromWhereItPointsWithout() throws Exception {
        TwilioGateway.Media media = gateway.media(ACCOUNT, MEDIA + "ME" + "1".repeat(32));
        assertEquals("a picture", new String(media.bytes(), StandardCharsets.UTF_8));
        assertEquals("image/jpeg", media.contentType());
        assertEquals("/twilio/2010-04-01/Accounts/" + SID + "/Messages/MM" + "0".repeat(32) + "/Media/ME" + "1".repeat(32),
                requests.get(0).get("path"));
        assertTrue(requests.get(0).get("auth").startsWith("Basic "));
        assertEquals("/files/ME" + "1".repeat(32), requests.get(1).get("path"));
        assertEquals("null", requests.get(1).get("auth"), "the credentials stay with Twilio");
        assertThrows(IOException.class, () -> gateway.media(ACCOUNT, MEDIA + BIG), "larger than Twilio's 5 MB");
        assertThrows(IOException.class, () -> gateway.media(ACCOUNT, "http://169.254.169.254/latest/meta-data"));
        assertThrows(IOException.class, () -> gateway.media(ACCOUNT, MEDIA.replace(SID, "AC" + "9".repeat(32)) + "ME" + "1".repeat(32)),
                "another account's media");
        assertFalse(TwilioGateway.isMediaOf(SID, MEDIA + "ME" + "1".repeat(32) + "?x=1"));
    }

    @Test
    void theTokenNeverShowsInTheAccountsText() {
        assertFalse(ACCOUNT.toString().contains(ACCOUNT.token()));
    }
}
