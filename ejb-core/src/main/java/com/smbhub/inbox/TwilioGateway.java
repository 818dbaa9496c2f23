package com.smbhub.inbox;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Twilio's Messages API through the official SDK. {@code smbhub.twilio.api-base} points the SDK somewhere
 * other than api.twilio.com (the test-mode stand-in, a test's double); unset, it talks to Twilio.
 */
@ApplicationScoped
public class TwilioGateway {

    private static final Logger LOG = Logger.getLogger(TwilioGateway.class.getName());

    /** A business's Twilio account and the number it texts from. */
    public record Account(String sid, String token, String number) {
        @Override
        public String toString() {
            return "Account[" + sid + ", " + number + "]";
        }
    }

    /** What Twilio answered: the message's sid and status, or why it refused (in words, with Twilio's code). */
    public record Sent(String sid, String status, String error, Integer code) {
        public boolean ok() {
            return error == null;
        }
    }

    /** A picture or file a text carried, as Twilio serves it. */
    public record Media(byte[] bytes, String contentType) {
    }

    /** Twilio's own limit for an MMS (all its media together). */
    static final int MAX_MEDIA_BYTES = 5 * 1024 * 1024;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Inject @ConfigProperty(name = "smbhub.twilio.api-base") Optional<String> apiBase;

    @Inject @ConfigProperty(name = "smbhub.public-url", defaultValue = "http://localhost:8080") String publicUrl;

    /** A URL of this server as Twilio calls it (what its signatures are computed on). */
    public String publicUrl(String path) {
        return (publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl) + path;
    }

    /** Sends a text; Twilio reports its fate to the status webhook. Never throws for what Twilio or the network says. */
    public Sent send(Account account, String to, String body) {
        try {
            Message m = Message.creator(new PhoneNumber(to), new PhoneNumber(account.number()), body)
                    .setStatusCallback(URI.create(publicUrl(SmsSettings.STATUS_PATH))).create(client(account));
            return new Sent(m.getSid(), m.getStatus() == null ? "queued" : m.getStatus().toString(), null, null);
        } catch (ApiConnectionException e) {
            return unreachable(e);
        } catch (ApiException e) {
            return e.getCause() instanceof IOException ? unreachable(e) : new Sent(null, "failed", refusal(e), e.getCode());
        }
    }

    /** Checks the credentials by reading the account: its name, or why not (in words). */
    public String check(Account account) {
        try {
            com.twilio.rest.api.v2010.Account a = com.twilio.rest.api.v2010.Account.fetcher(account.sid()).fetch(client(account));
            return a.getFriendlyName() == null ? account.sid() : a.getFriendlyName();
        } catch (ApiConnectionException e) {
            throw new IllegalArgumentException(unreachable(e).error());
        } catch (ApiException e) {
            if (e.getCause() instanceof IOException) {
                throw new IllegalArgumentException(unreachable(e).error());
            }
            Integer status = e.getStatusCode();
            throw new IllegalArgumentException(status != null && (status == 401 || status == 404)
                    ? "Twilio refused this Account SID and auth token" : refusal(e));
        }
    }

    /** Whether {@code url} names one of this account's media on Twilio, as an incoming MMS does. */
    public static boolean isMediaOf(String accountSid, String url) {
        return url != null && accountSid.matches("AC[0-9a-fA-F]{32}") && url.matches("https://api\\.twilio\\.com/2010-04-01"
                + "/Accounts/" + accountSid + "/Messages/(MM|SM)[0-9a-fA-F]{32}/Media/ME[0-9a-fA-F]{32}");
    }

    /**
     * Fetches one of the account's media (see {@link #isMediaOf}): asked of Twilio with the account's
     * credentials, whose redirect to the file's host is followed once without them. At most 5 MB.
     */
    public Media media(Account account, String url) throws IOException, InterruptedException {
        if (!isMediaOf(account.sid(), url)) {
            throw new IOException("Not a media address of this Twilio account");
        }
        String base = apiBase.filter(b -> !b.isBlank()).map(b -> b.endsWith("/") ? b.substring(0, b.length() - 1) : b)
                .orElse("https://api.twilio.com");
        URI asked = URI.create(base + URI.create(url).getRawPath());
        String basic = Base64.getEncoder().encodeToString((account.sid() + ":" + account.token()).getBytes(StandardCharsets.UTF_8));
        HttpResponse<InputStream> answer = HTTP.send(HttpRequest.newBuilder(asked).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + basic).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        if (answer.statusCode() / 100 == 3) {
            answer.body().close();
            URI to = answer.headers().firstValue("Location").map(asked::resolve)
                    .orElseThrow(() -> new IOException("Twilio redirected nowhere"));
            if (!"https".equals(to.getScheme()) && !(to.getHost() != null && to.getHost().equals(asked.getHost()))) {
                throw new IOException("Twilio redirected to " + to.getScheme() + "://" + to.getHost());
            }
            answer = HTTP.send(HttpRequest.newBuilder(to).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        }
        try (InputStream body = answer.body()) {
            if (answer.statusCode() != 200) {
                throw new IOException("Twilio answered " + answer.statusCode());
            }
            byte[] bytes = body.readNBytes(MAX_MEDIA_BYTES + 1);
            if (bytes.length > MAX_MEDIA_BYTES) {
                throw new IOException("larger than 5 MB");
            }
            return new Media(bytes, answer.headers().firstValue("Content-Type").orElse(null));
        }
    }

    private static Sent unreachable(Exception e) {
        LOG.info(() -> "Twilio not reached: " + e.getMessage());
        return new Sent(null, "failed", "Could not reach Twilio; try again in a moment", null);
    }

    private static String refusal(ApiException e) {
        String text = e.getMessage() == null ? "Twilio refused the message" : e.getMessage();
        text = text.length() > 300 ? text.substring(0, 300) : text;
        return e.getCode() == null ? text : text + " (Twilio error " + e.getCode() + ")";
    }

    private TwilioRestClient client(Account account) {
        TwilioRestClient.Builder builder = new TwilioRestClient.Builder(account.sid(), account.token());
        apiBase.filter(b -> !b.isBlank()).ifPresent(base -> builder.httpClient(new Redirected(base)));
        return builder.build();
    }

    /** Sends the SDK's requests to another base URL, path, parameters and credentials unchanged. */
    private static final class Redirected extends NetworkHttpClient {
        private final String base;

        Redirected(String base) {
            this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        }

        @Override
        public Response makeRequest(Request request) {
            Request moved = new Request(request.getMethod(), base + URI.create(request.getUrl()).getRawPath());
            request.getQueryParams().forEach((k, values) -> values.forEach(v -> moved.addQueryParam(k, v)));
            request.getPostParams().forEach((k, values) -> values.forEach(v -> moved.addPostParam(k, v)));
            request.getHeaderParams().forEach((k, values) -> values.forEach(v -> moved.addHeaderParam(k, v)));
            if (request.getAuthStrategy() != null) {
                moved.setAuth(request.getAuthStrategy());
            } else {
                moved.setAuth(request.getUsername(), request.getPassword());
            }
            return super.makeRequest(moved);
        }
    }
}
