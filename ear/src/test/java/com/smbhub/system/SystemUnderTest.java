package com.smbhub.system;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The deployed EAR that ./smbhub it-up starts for the system tests (its own ports and data). */
final class SystemUnderTest {

    static final String BASE = System.getenv().getOrDefault("SMBHUB_IT_BASE_URL", "http://localhost:28080");
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private SystemUnderTest() {
    }

    record Reply(int status, String body, HttpResponse<String> raw) {
        JsonObject json() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }

        String errorCode() {
            return json().getJsonObject("error").getString("code");
        }
    }

    static Reply get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    static Reply post(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(BASE + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    static String token(String user, String business) {
        String body = business == null
                ? "{\"username\":\"" + user + "\",\"password\":\"demo\"}"
                : "{\"username\":\"" + user + "\",\"password\":\"demo\",\"business\":\"" + business + "\"}";
        Reply reply = post("/api/v1/auth/token", body);
        if (reply.status() != 200) {
            throw new AssertionError("token for " + user + ": " + reply.status() + " " + reply.body());
        }
        return reply.json().getJsonObject("data").getString("access_token");
    }

    static Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
