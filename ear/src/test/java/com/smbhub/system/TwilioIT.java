package com.smbhub.system;

import static com.smbhub.system.ContactsIT.send;
import static com.smbhub.system.SystemUnderTest.get;
import static com.smbhub.system.SystemUnderTest.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Texts through Twilio against the deployed EAR: Twilio is the test-mode stand-in for its API (it answers
 * with Twilio's JSON and posts signed status callbacks), and incoming texts are posted here signed exactly as
 * Twilio signs them, computed independently of the server's code. Forged, replayed and misdirected webhooks,
 * STOP then a send attempt, and status callbacks in any order.
 */
class TwilioIT {

    private static final World WORLD = World.create();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static String owner;
    private static String sid;
    private static String authToken;
    private static String number;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void connect() {
        owner = token(WORLD.northside("owner"), null);
        sid = "AC" + hex(16);
        authToken = hex(16);
        number = newNumber();
        var saved = save(owner, sid, authToken, number);
        assertEquals(200, saved.status(), saved.body());
        JsonObject data = saved.json().getJsonObject("data");
        assertTrue(data.getBoolean("auth_token_set"));
        assertEquals(number, data.getString("number"));
        assertEquals(SystemUnderTest.BASE + "/api/v1/webhooks/twilio/sms", data.getString("incoming_url"));
        assertFalse(saved.body().contains(authToken), "the token never comes back");
    }

    static SystemUnderTest.Reply save(String token, String accountSid, String authToken, String number) {
        return send("PUT", "/api/v1/settings/sms", token, "{\"account_sid\":\"" + accountSid + "\",\"auth_token\":\""
                + authToken + "\",\"number\":\"" + number + "\"}");
    }

    static String hex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** A Toronto number of its own for each business of each run. */
    static String newNumber() {
        return "+1416" + (2 + RANDOM.nextInt(8)) + String.format("%06d", RANDOM.nextInt(1_000_000));
    }

    static String client() {
        return "+1647" + (2 + RANDOM.nextInt(8)) + String.format("%06d", RANDOM.nextInt(1_000_000));
    }

    /** Twilio's signature: base64(HMAC-SHA1(token, URL + each parameter's name and value sorted by name)). */
    static String sign(String token, String url, Map<String, String> params) throws Exception {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((k, v) -> data.append(k).append(v));
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    }

    static SystemUnderTest.Reply post(String path, Map<String, String> params, String signature) {
        String form = params.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(SystemUnderTest.BASE + path))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        }
        return SystemUnderTest.send(request.build());
    }

    static SystemUnderTest.Reply signed(String path, Map<String, String> params, String token) throws Exception {
        return post(path, params, sign(token, SystemUnderTest.BASE + path, params));
    }

    static Map<String, String> incoming(String account, String from, String to, String body) {
        Map<String, String> p = new LinkedHashMap<>();
        String messageSid = "SM" + hex(16);
        p.put("ToCountry", "CA");
        p.put("SmsMessageSid", messageSid);
        p.put("NumMedia", "0");
        p.put("SmsSid", messageSid);
        p.put("SmsStatus", "received");
        p.put("Body", body);
        p.put("To", to);
        p.put("NumSegments", "1");
        p.put("MessageSid", messageSid);
        p.put("AccountSid", account);
        p.put("From", from);
        p.put("ApiVersion", "2010-04-01");
        return p;
    }

    static Map<String, String> status(String messageSid, String from, String to, String status) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("AccountSid", sid);
        p.put("From", from);
        p.put("To", to);
        p.put("MessageSid", messageSid);
        p.put("SmsSid", messageSid);
        p.put("MessageStatus", status);
        p.put("SmsStatus", status);
        p.put("ApiVersion", "2010-04-01");
        return p;
    }

    static JsonObject conversationWith(String token, String phone) throws InterruptedException {
        return InboxIT.awaitConversation(token, URLEncoder.encode(phone, StandardCharsets.UTF_8));
    }

    static JsonObject lastMessage(String token, String conversation) {
        var messages = get("/api/v1/conversations/" + conversation + "/messages", token);
        assertEquals(200, messages.status(), messages.body());
        var data = messages.json().getJsonArray("data");
        return data.getJsonObject(data.size() - 1);
    }

    /** An incoming MMS with one picture of this account's media, as Twilio posts it. */
    static Map<String, String> picture(String account, String from, String to, String body) {
        Map<String, String> p = incoming(account, from, to, body);
        p.put("NumMedia", "1");
        p.put("MediaUrl0", "https://api.twilio.com/2010-04-01/Accounts/" + account + "/Messages/" + p.get("MessageSid") + "/Media/ME"
                + hex(16));
        p.put("MediaContentType0", "image/png");
        return p;
    }

    /** The conversation's last message once its pictures are fetched (or as it is after 30 s). */
    static JsonObject awaitAttachments(String token, String conversation) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonObject last = lastMessage(token, conversation);
        while (last.getJsonArray("attachments").isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(250);
            last = lastMessage(token, conversation);
        }
        return last;
    }

    static JsonObject awaitState(String token, String conversation, String state) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonObject last = lastMessage(token, conversation);
        while (!last.getString("state").equals(state) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            last = lastMessage(token, conversation);
        }
        assertEquals(state, last.getString("state"), last.toString());
        return last;
    }

    /** What the stand-in for Twilio's API was asked to send to this number, newest first. */
    static JsonObject sentTo(String phone) {
        var sent = get("/app/test-mode/twilio/sent", null);
        assertEquals(200, sent.status(), sent.body());
        return sent.json().getJsonArray("messages").stream().map(JsonObject.class::cast)
                .filter(m -> m.getString("to").equals(phone)).findFirst().orElseThrow(() -> new AssertionError("nothing sent to " + phone));
    }

    @Test
    void settingsTakeOnlyWhatTwilioGivesAndOneNumberBelongsToOneBusiness() {
        var bad = save(owner, "AB123", "short", "not a number");
        assertEquals(400, bad.status(), bad.body());
        assertTrue(bad.body().contains("account_sid") && bad.body().contains("auth_token") && bad.body().contains("\"number\""),
                bad.body());
        var agent = save(token(WORLD.northside("agent"), null), sid, authToken, number);
        assertEquals(403, agent.status(), agent.body());
        var taken = save(token(WORLD.maple("owner"), null), "AC" + hex(16), hex(16), number);
        assertEquals(400, taken.status(), taken.body());
        assertTrue(taken.body().contains("Another business"), taken.body());
        var test = send("POST", "/api/v1/settings/sms/test", owner, null);
        assertEquals(200, test.status(), test.body());
        assertTrue(test.json().getJsonObject("data").getString("result").startsWith("Connected to "), test.body());
    }

    @Test
    void anIncomingTextBecomesOneMessageEvenWhenTwilioSendsItTwice() throws Exception {
        String from = client();
        Map<String, String> text = incoming(sid, from, number, "Hi, the boiler is making noise " + run);
        var first = signed("/api/v1/webhooks/twilio/sms", text, authToken);
        assertEquals(200, first.status(), first.body());
        assertTrue(first.body().contains("<Response>"), "an empty TwiML answer: " + first.body());
        assertEquals("RECEIVED", first.raw().headers().firstValue("X-SMBHub-Status").orElse(""));
        var again = signed("/api/v1/webhooks/twilio/sms", text, authToken);
        assertEquals(200, again.status(), again.body());
        assertEquals("DUPLICATE", again.raw().headers().firstValue("X-SMBHub-Status").orElse(""));
        JsonObject c = conversationWith(owner, from);
        assertEquals("SMS", c.getString("channel"));
        assertEquals(from, c.getString("counterpart"));
        var messages = get("/api/v1/conversations/" + c.getString("id") + "/messages", owner).json().getJsonArray("data");
        assertEquals(1, messages.size(), messages.toString());
        assertEquals("Hi, the boiler is making noise " + run, messages.getJsonObject(0).getString("text"));
        var next = signed("/api/v1/webhooks/twilio/sms", incoming(sid, from, number, "Also the tap " + run), authToken);
        assertEquals(200, next.status());
        assertEquals(2, get("/api/v1/conversations/" + c.getString("id") + "/messages", owner).json().getJsonArray("data").size(),
                "the same number's texts are one thread");
    }

    @Test
    void forgedMisdirectedOrMalformedWebhooksAreRefusedAndChangeNothing() throws Exception {
        String from = client();
        Map<String, String> text = incoming(sid, from, number, "forged " + run);
        String path = "/api/v1/webhooks/twilio/sms";
        assertEquals(403, post(path, text, null).status(), "no signature");
        assertEquals(403, post(path, text, "bm90IGEgc2lnbmF0dXJl").status(), "a made-up signature");
        assertEquals(403, signed(path, text, hex(16)).status(), "signed with another token");
        assertEquals(403, post(path, text, sign(authToken, "https://elsewhere.example" + path, text)).status(), "another URL");
        Map<String, String> changed = new LinkedHashMap<>(text);
        String signature = sign(authToken, SystemUnderTest.BASE + path, text);
        changed.put("Body", "pay me " + run);
        assertEquals(403, post(path, changed, signature).status(), "the body changed after signing");
        assertEquals(403, signed(path, incoming("AC" + hex(16), from, number, "x " + run), authToken).status(),
                "another account's sid");
        assertEquals(403, signed(path, incoming(sid, from, newNumber(), "x " + run), authToken).status(), "a number nobody has");
        Map<String, String> broken = new LinkedHashMap<>(text);
        broken.put("MessageSid", "'; drop table messages; --");
        var malformed = signed(path, broken, authToken);
        assertEquals(400, malformed.status(), malformed.body());
        assertTrue(malformed.body().contains("MessageSid"), malformed.body());
        Map<String, String> nul = new LinkedHashMap<>(text);
        nul.put("Body", "a\u0000b");
        assertEquals(400, signed(path, nul, authToken).status());
        assertEquals(403, post("/api/v1/webhooks/twilio/status", status("SM" + hex(16), number, from, "delivered"), "x").status());
        var list = get("/api/v1/conversations?q=" + URLEncoder.encode(from, StandardCharsets.UTF_8), owner);
        assertEquals(200, list.status(), list.body());
        assertTrue(list.json().getJsonArray("data").isEmpty(), "nothing stored: " + list.body());
    }

    @Test
    void aNumberThatTextedStopIsNeverTextedUntilItSendsStart() throws Exception {
        String from = client();
        assertEquals(200, signed("/api/v1/webhooks/twilio/sms", incoming(sid, from, number, "Quote please " + run), authToken)
                .status());
        String id = conversationWith(owner, from).getString("id");
        assertEquals(200, signed("/api/v1/webhooks/twilio/sms", incoming(sid, from, number, "STOP"), authToken).status());
        JsonObject c = get("/api/v1/conversations/" + id, owner).json().getJsonObject("data");
        assertTrue(c.getString("notice").contains("STOP"), c.toString());
        assertFalse(c.getJsonArray("allowed_actions").toString().contains("reply"), c.toString());
        var refused = send("POST", "/api/v1/conversations/" + id + "/messages", owner, "{\"text\":\"Still there?\"}");
        assertEquals(400, refused.status(), refused.body());
        assertTrue(refused.body().contains("\"to\"") && refused.body().contains("STOP"), refused.body());
        var composed = send("POST", "/api/v1/conversations", owner, "{\"channel\":\"SMS\",\"to\":\"" + from + "\",\"text\":\"Hello\"}");
        assertEquals(400, composed.status(), "compose is refused too: " + composed.body());
        assertEquals(200, signed("/api/v1/webhooks/twilio/sms", incoming(sid, from, number, "Start"), authToken).status());
        var sent = send("POST", "/api/v1/conversations/" + id + "/messages", owner, "{\"text\":\"Welcome back " + run + "\"}");
        assertEquals(201, sent.status(), sent.body());
        assertEquals("Welcome back " + run, sentTo(from).getString("body"));
    }

    @Test
    void anAnswerGoesThroughTwilioAndIsDeliveredWhateverOrderTheCallbacksArriveIn() throws Exception {
        String from = client();
        signed("/api/v1/webhooks/twilio/sms", incoming(sid, from, number, "Can you come at 3? " + run), authToken);
        String id = conversationWith(owner, from).getString("id");
        var reply = send("POST", "/api/v1/conversations/" + id + "/messages", owner, "{\"text\":\"Yes, see you at 3 " + run + "\"}",
                "Idempotency-Key", "twilio-" + run);
        assertEquals(201, reply.status(), reply.body());
        assertEquals("SENT", reply.json().getJsonObject("data").getString("state"));
        assertEquals(number, reply.json().getJsonObject("data").getString("from"));
        var repeat = send("POST", "/api/v1/conversations/" + id + "/messages", owner, "{\"text\":\"Yes, see you at 3 " + run + "\"}",
                "Idempotency-Key", "twilio-" + run);
        assertEquals(reply.json().getJsonObject("data").getString("id"), repeat.json().getJsonObject("data").getString("id"),
                "the same Idempotency-Key sends once");
        JsonObject toTwilio = sentTo(from);
        assertEquals("Yes, see you at 3 " + run, toTwilio.getString("body"));
        assertEquals(number, toTwilio.getString("from"));
        awaitState(owner, id, "DELIVERED"); // the stand-in's callbacks: sent, then delivered
        String messageSid = toTwilio.getString("sid");
        for (String late : new String[] {"sent", "queued", "failed", "undelivered"}) {
            var callback = signed("/api/v1/webhooks/twilio/status", status(messageSid, number, from, late), authToken);
            assertEquals(200, callback.status(), callback.body());
        }
        assertEquals("DELIVERED", lastMessage(owner, id).getString("state"), "late callbacks move nothing back");
        var unknown = signed("/api/v1/webhooks/twilio/status", status("SM" + hex(16), number, from, "delivered"), authToken);
        assertEquals(200, unknown.status());
        assertEquals("WAITING", unknown.raw().headers().firstValue("X-SMBHub-Status").orElse(""),
                "a callback for a text not stored yet waits for it");
    }

    @Test
    void callbacksThatReachUsBeforeTwilioAnswersAreAppliedWhenTheTextIsStored() {
        // the stand-in posts "sent" and "delivered" for this number before its API answers
        var composed = send("POST", "/api/v1/conversations", owner, "{\"channel\":\"SMS\",\"to\":\"+15005550010\",\"text\":\"Early "
                + run + "\"}");
        assertEquals(201, composed.status(), composed.body());
        JsonObject text = lastMessage(owner, composed.json().getJsonObject("data").getString("id"));
        assertEquals("Early " + run, text.getString("text"));
        assertEquals("DELIVERED", text.getString("state"), text.toString());
    }

    @Test
    void picturesSentByMmsAreFetchedFromTwilioAndKeptWithTheText() throws Exception {
        String from = client();
        assertEquals(200, signed("/api/v1/webhooks/twilio/sms", picture(sid, from, number, "Here is the leak " + run), authToken)
                .status());
        String id = conversationWith(owner, from).getString("id");
        JsonObject message = awaitAttachments(owner, id);
        assertEquals("Here is the leak " + run + "\n(1 picture or file sent by MMS)", message.getString("text"));
        assertEquals(1, message.getJsonArray("attachments").size(), message.toString());
        JsonObject file = message.getJsonArray("attachments").getJsonObject(0);
        assertEquals("mms-1.png", file.getString("file_name"));
        assertEquals("image/png", file.getString("mime_type"));
        var content = SystemUnderTest.send(HttpRequest.newBuilder(URI.create(SystemUnderTest.BASE + "/api/v1/files/"
                + file.getString("id") + "/content")).header("Authorization", "Bearer " + owner).GET().build());
        assertEquals(200, content.status());

        for (String address : new String[] {"http://169.254.169.254/latest/meta-data",
                "https://api.twilio.com/2010-04-01/Accounts/AC" + hex(16) + "/Messages/MM" + hex(16) + "/Media/ME" + hex(16)}) {
            Map<String, String> odd = incoming(sid, from, number, "odd " + run);
            odd.put("NumMedia", "1");
            odd.put("MediaUrl0", address);
            var refused = signed("/api/v1/webhooks/twilio/sms", odd, authToken);
            assertEquals(400, refused.status(), address);
            assertTrue(refused.body().contains("MediaUrl0"), refused.body());
        }
        assertFalse(get("/api/v1/conversations/" + id + "/messages", owner).body().contains("odd " + run),
                "a text naming media that are not its account's is not stored");
    }

    @Test
    void aTextTwilioRefusesIsFailedInWordsAndKept() {
        var composed = send("POST", "/api/v1/conversations", owner, "{\"channel\":\"SMS\",\"to\":\"+15005550001\",\"text\":\"Hi " + run
                + "\"}");
        assertEquals(201, composed.status(), composed.body());
        String id = composed.json().getJsonObject("data").getString("id");
        JsonObject failed = lastMessage(owner, id);
        assertEquals("FAILED", failed.getString("state"));
        assertTrue(failed.getString("error").contains("21211"), failed.toString());
        var again = send("POST", "/api/v1/conversations/" + id + "/messages/" + failed.getString("id") + "/retry", owner, null);
        assertEquals(200, again.status(), again.body());
        assertEquals("FAILED", again.json().getJsonObject("data").getString("state"));
        var tooLong = send("POST", "/api/v1/conversations", owner, "{\"channel\":\"SMS\",\"to\":\"" + client() + "\",\"text\":\""
                + "x".repeat(1601) + "\"}");
        assertEquals(400, tooLong.status());
        assertTrue(tooLong.body().contains("1,600"), tooLong.body());
        var badNumber = send("POST", "/api/v1/conversations", owner, "{\"channel\":\"SMS\",\"to\":\"call me\",\"text\":\"x\"}");
        assertEquals(400, badNumber.status());
        assertTrue(badNumber.body().contains("\"to\""), badNumber.body());
        var badChannel = send("POST", "/api/v1/conversations", owner, "{\"channel\":\"FAX\",\"to\":\"+14165550134\",\"text\":\"x\"}");
        assertEquals(400, badChannel.status());
        assertTrue(badChannel.body().contains("channel"), badChannel.body());
    }

    @Test
    void aTextToAContactUsesTheirPhone() {
        String phone = client();
        var contact = send("POST", "/api/v1/contacts", owner, "{\"display_name\":\"Text Client " + run + "\",\"phone\":\"" + phone
                + "\"}");
        assertEquals(201, contact.status(), contact.body());
        String contactId = contact.json().getJsonObject("data").getString("id");
        var composed = send("POST", "/api/v1/conversations", owner, "{\"channel\":\"SMS\",\"contact_id\":\"" + contactId
                + "\",\"text\":\"Your invoice is ready " + run + "\"}");
        assertEquals(201, composed.status(), composed.body());
        JsonObject c = composed.json().getJsonObject("data");
        assertEquals(contactId, c.getString("contact_id"));
        assertEquals(phone, c.getString("counterpart"));
        assertEquals("Your invoice is ready " + run, sentTo(phone).getString("body"));

        var desk = send("POST", "/api/v1/contacts", owner, "{\"display_name\":\"Desk " + run + "\",\"phone\":\"416-555-0134 x22\"}");
        assertEquals(201, desk.status(), desk.body());
        assertEquals("+14165550134 x22", desk.json().getJsonObject("data").getString("phone"), "the extension kept");
        var toDesk = send("POST", "/api/v1/conversations", owner, "{\"channel\":\"SMS\",\"contact_id\":\""
                + desk.json().getJsonObject("data").getString("id") + "\",\"text\":\"x\"}");
        assertEquals(400, toDesk.status(), toDesk.body());
        assertTrue(toDesk.body().contains("extension"), toDesk.body());
    }

    @Test
    void textsNeverCrossBusinesses() throws Exception {
        String maple = token(WORLD.maple("owner"), null);
        String mapleSid = "AC" + hex(16);
        String mapleToken = hex(16);
        String mapleNumber = newNumber();
        assertEquals(200, save(maple, mapleSid, mapleToken, mapleNumber).status());
        String from = client();
        assertEquals(403, signed("/api/v1/webhooks/twilio/sms", incoming(mapleSid, from, number, "to Northside " + run), mapleToken)
                .status(), "Maple's token cannot post into Northside's number");
        assertEquals(200, signed("/api/v1/webhooks/twilio/sms", incoming(sid, from, number, "to Northside " + run), authToken)
                .status());
        String id = conversationWith(owner, from).getString("id");
        assertEquals(404, get("/api/v1/conversations/" + id, maple).status());
        assertEquals(404, send("POST", "/api/v1/conversations/" + id + "/messages", maple, "{\"text\":\"x\"}").status());
        assertTrue(get("/api/v1/conversations?q=" + URLEncoder.encode(from, StandardCharsets.UTF_8), maple).json()
                .getJsonArray("data").isEmpty());
        assertEquals(200, signed("/api/v1/webhooks/twilio/sms", incoming(mapleSid, from, mapleNumber, "to Maple " + run), mapleToken)
                .status());
        JsonObject mapleThread = conversationWith(maple, from);
        assertFalse(mapleThread.getString("id").equals(id), "each business has its own thread with the same person");
        var northsideMessages = get("/api/v1/conversations/" + id + "/messages", owner).json().getJsonArray("data");
        assertFalse(northsideMessages.toString().contains("to Maple"), northsideMessages.toString());

        Map<String, String> northsideMedia = incoming(mapleSid, from, mapleNumber, "Northside's picture " + run);
        northsideMedia.put("NumMedia", "1");
        northsideMedia.put("MediaUrl0", "https://api.twilio.com/2010-04-01/Accounts/" + sid + "/Messages/MM" + hex(16) + "/Media/ME"
                + hex(16));
        assertEquals(400, signed("/api/v1/webhooks/twilio/sms", northsideMedia, mapleToken).status(),
                "Maple's text cannot name media of Northside's account");
        assertEquals(200, signed("/api/v1/webhooks/twilio/sms", picture(mapleSid, from, mapleNumber, "Maple's picture " + run),
                mapleToken).status());
        JsonObject withPicture = awaitAttachments(maple, mapleThread.getString("id"));
        assertEquals(1, withPicture.getJsonArray("attachments").size(), "fetched with Maple's own account: " + withPicture);
        String file = withPicture.getJsonArray("attachments").getJsonObject(0).getString("id");
        for (String path : new String[] {"/api/v1/files/" + file, "/api/v1/files/" + file + "/content"}) {
            assertEquals(200, get(path, maple).status(), path);
            assertEquals(404, get(path, owner).status(), path);
        }
        assertFalse(get("/api/v1/conversations/" + id + "/messages", owner).body().contains(file),
                "Northside's thread with the same person never carries Maple's picture");
    }

    @Test
    void simulateInTestModePostsASignedTextThroughTheRealWebhook() throws Exception {
        String from = client();
        var simulated = send("POST", "/api/v1/settings/sms/simulate", owner, "{\"from\":\"" + from + "\",\"text\":\"Simulated "
                + run + "\"}");
        assertEquals(200, simulated.status(), simulated.body());
        assertEquals(200, simulated.json().getJsonObject("data").getInt("webhook_status"));
        assertEquals("Simulated " + run, get("/api/v1/conversations/" + conversationWith(owner, from).getString("id")
                + "/messages", owner).json().getJsonArray("data").getJsonObject(0).getString("text"));
        var viewer = send("POST", "/api/v1/settings/sms/simulate", token(WORLD.northside("viewer"), null),
                "{\"from\":\"" + from + "\",\"text\":\"x\"}");
        assertEquals(403, viewer.status(), viewer.body());
    }
}
