package com.smbhub.web.testmode;

import com.smbhub.inbox.SmsSettings;
import com.smbhub.inbox.TwilioSignature;
import com.smbhub.platform.Jsonp;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Test mode for texts ({@code smbhub.twilio.test-mode=true}, set by {@code ./smbhub run} and the test stack;
 * 404 otherwise): stands in for Twilio's Messages API at {@code /app/test-mode/twilio/2010-04-01/…}, answering
 * with Twilio's JSON shapes, and reports each text's fate as Twilio does — status callbacks "sent" then
 * "delivered", form-posted to the message's StatusCallback and signed with the caller's auth token. Like
 * Twilio's test credentials, {@code +15005550001} is an invalid number (error 21211) and {@code +15005550009}
 * cannot receive texts (21614); an all-zero auth token is refused (20003); texts to {@code +15005550010} have
 * their callbacks posted before the API answers (the race a busy Twilio produces). {@code GET /app/test-mode/twilio/sent}
 * lists what was sent, newest first. A text's media ({@code …/Messages/MM…/Media/ME…}) answer, as Twilio's do,
 * with a redirect to the file elsewhere (here {@code /media-files/ME…}, a small PNG). Nothing else in the
 * code knows it exists.
 */
@WebServlet("/test-mode/twilio/*")
public class TestModeTwilio extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(TestModeTwilio.class.getName());
    private static final DateTimeFormatter RFC_2822 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US);
    private static final int KEEP = 1_000;
    /** Texts to this number have their callbacks posted before the API answers, as a busy Twilio sometimes does. */
    private static final String CALLBACKS_FIRST = "+15005550010";

    @Inject @ConfigProperty(name = "smbhub.twilio.test-mode", defaultValue = "false") boolean enabled;

    @Resource ManagedScheduledExecutorService scheduler;

    private final ConcurrentLinkedDeque<JsonObject> sent = new ConcurrentLinkedDeque<>();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        if (!enabled) {
            response.sendError(404);
        } else if (path.equals("/sent")) {
            JsonArrayBuilder list = Jsonp.createArrayBuilder();
            sent.forEach(list::add);
            json(response, 200, Jsonp.createObjectBuilder().add("messages", list).build());
        } else if (path.matches("/2010-04-01/Accounts/AC[0-9a-fA-F]{32}\\.json")) {
            String sid = path.substring("/2010-04-01/Accounts/".length(), path.length() - ".json".length());
            if (authorised(request, response, sid) != null) {
                String now = RFC_2822.format(ZonedDateTime.now(ZoneOffset.UTC));
                json(response, 200, Jsonp.createObjectBuilder().add("sid", sid).add("owner_account_sid", sid)
                        .add("friendly_name", "Test-mode account " + sid.substring(0, 8)).add("status", "active")
                        .add("type", "Full").add("date_created", now).add("date_updated", now)
                        .add("uri", "/2010-04-01/Accounts/" + sid + ".json").build());
            }
        } else if (path.matches("/2010-04-01/Accounts/AC[0-9a-fA-F]{32}/Messages/(MM|SM)[0-9a-fA-F]{32}/Media/ME[0-9a-fA-F]{32}")) {
            String sid = path.substring("/2010-04-01/Accounts/".length(), path.indexOf("/Messages"));
            if (authorised(request, response, sid) != null) {
                // as Twilio does: a redirect to the file on its media host, fetched there without credentials
                String url = request.getRequestURL().toString();
                response.setStatus(307);
                response.setHeader("Location", url.substring(0, url.indexOf("/2010-04-01/")) + "/media-files/"
                        + path.substring(path.lastIndexOf('/') + 1));
            }
        } else if (path.matches("/media-files/ME[0-9a-fA-F]{32}")) {
            response.setContentType("image/png");
            response.getOutputStream().write(picture(path.substring("/media-files/".length())));
        } else {
            error(response, 404, 20404, "The requested resource " + path + " was not found");
        }
    }

    /** A small picture of its own for each media sid (a coloured square with a mark), as a PNG. */
    private static byte[] picture(String mediaSid) throws IOException {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(96, 72, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(new java.awt.Color(mediaSid.hashCode() & 0xffffff));
        g.fillRect(0, 0, 96, 72);
        g.setColor(java.awt.Color.WHITE);
        g.fillOval(30, 18, 36, 36);
        g.dispose();
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", png);
        return png.toByteArray();
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        if (!enabled) {
            response.sendError(404);
            return;
        }
        if (!path.matches("/2010-04-01/Accounts/AC[0-9a-fA-F]{32}/Messages\\.json")) {
            error(response, 404, 20404, "The requested resource " + path + " was not found");
            return;
        }
        String sid = path.substring("/2010-04-01/Accounts/".length(), path.indexOf("/Messages"));
        String token = authorised(request, response, sid);
        if (token == null) {
            return;
        }
        String to = request.getParameter("To");
        String from = request.getParameter("From");
        String body = request.getParameter("Body");
        String callback = request.getParameter("StatusCallback");
        if (to == null || !to.matches("\\+[1-9][0-9]{6,14}") || "+15005550001".equals(to)) {
            error(response, 400, 21211, "The 'To' number " + to + " is not a valid phone number.");
            return;
        }
        if ("+15005550009".equals(to)) {
            error(response, 400, 21614, "'To' number is not a valid mobile number");
            return;
        }
        if (from == null || body == null || body.isEmpty()) {
            error(response, 400, 21602, "Message body is required.");
            return;
        }
        String messageSid = TwilioSignature.messageSid();
        String now = RFC_2822.format(ZonedDateTime.now(ZoneOffset.UTC));
        String uri = "/2010-04-01/Accounts/" + sid + "/Messages/" + messageSid;
        JsonObject message = Jsonp.createObjectBuilder().add("account_sid", sid).add("api_version", "2010-04-01")
                .add("body", body).add("date_created", now).add("date_sent", JsonValue.NULL).add("date_updated", now)
                .add("direction", "outbound-api").add("error_code", JsonValue.NULL).add("error_message", JsonValue.NULL)
                .add("from", from).add("messaging_service_sid", JsonValue.NULL).add("num_media", "0").add("num_segments", "1")
                .add("price", JsonValue.NULL).add("price_unit", "USD").add("sid", messageSid).add("status", "queued")
                .add("subresource_uris", Jsonp.createObjectBuilder().add("media", uri + "/Media.json"))
                .add("to", to).add("uri", uri + ".json").build();
        sent.addFirst(message);
        while (sent.size() > KEEP) {
            sent.removeLast();
        }
        boolean callbacksFirst = CALLBACKS_FIRST.equals(to);
        if (callback != null && !callback.isBlank()) {
            report(callback, token, message, "sent", callbacksFirst ? 0 : 1);
            report(callback, token, message, "delivered", callbacksFirst ? 0 : 2);
        }
        json(response, 201, message);
    }

    /** A status callback as Twilio posts it, {@code seconds} from now (0: before the API answers). */
    private void report(String url, String token, JsonObject message, String status, int seconds) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", message.getString("account_sid"));
        params.put("From", message.getString("from"));
        params.put("To", message.getString("to"));
        params.put("MessageSid", message.getString("sid"));
        params.put("SmsSid", message.getString("sid"));
        params.put("MessageStatus", status);
        params.put("SmsStatus", status);
        params.put("ApiVersion", "2010-04-01");
        Runnable post = () -> {
            try {
                SmsSettings.post(url, params, token);
            } catch (RuntimeException e) {
                LOG.info(() -> "test-mode status callback not delivered: " + e.getMessage());
            }
        };
        if (seconds == 0) {
            post.run();
        } else {
            scheduler.schedule(post, seconds, TimeUnit.SECONDS);
        }
    }

    /** The auth token of a request whose Basic credentials name this account, else null (answered 401). */
    private static String authorised(HttpServletRequest request, HttpServletResponse response, String sid) throws IOException {
        String auth = request.getHeader("Authorization");
        String token = null;
        if (auth != null && auth.startsWith("Basic ")) {
            try {
                String pair = new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
                if (pair.startsWith(sid + ":")) {
                    token = pair.substring(sid.length() + 1);
                }
            } catch (IllegalArgumentException e) {
                token = null;
            }
        }
        if (token == null || token.isEmpty() || token.matches("0+")) {
            error(response, 401, 20003, "Authenticate");
            return null;
        }
        return token;
    }

    private static void error(HttpServletResponse response, int status, int code, String message) throws IOException {
        JsonObjectBuilder body = Jsonp.createObjectBuilder().add("code", code).add("message", message)
                .add("more_info", "https://www.twilio.com/docs/errors/" + code).add("status", status);
        json(response, status, body.build());
    }

    private static void json(HttpServletResponse response, int status, JsonObject body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(body.toString());
    }
}
