package com.smbhub.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.smbhub.contact.ContactChecks;
import com.smbhub.platform.audit.AuditService;
import com.smbhub.platform.db.NativeSql;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.errors.ValidationException.FieldError;
import com.smbhub.platform.security.Access;
import com.smbhub.platform.security.Capability;
import com.smbhub.platform.security.Permissions;
import com.smbhub.platform.security.Secrets;
import com.smbhub.platform.tenancy.RequestContext;
import com.smbhub.platform.tenancy.TenantScoped;
import com.smbhub.tenant.IntegrationConnection;
import com.smbhub.tenant.Tenant;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Settings → Inbox → Text messages: the business's Twilio account (Account SID, auth token stored
 * encrypted and never shown) and the number clients text. Twilio is told to post incoming texts to
 * {@link #INBOUND_PATH}; in test mode "Simulate an incoming text" posts one as Twilio would.
 */
@Stateless
@TenantScoped
public class SmsSettings {

    static final String PROVIDER = "TWILIO";
    public static final String INBOUND_PATH = "/api/v1/webhooks/twilio/sms";
    public static final String STATUS_PATH = "/api/v1/webhooks/twilio/status";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the page shows: the account and number ({@code tokenSet} instead of the token) and the URLs to give Twilio. */
    public record View(boolean connected, String accountSid, String number, boolean tokenSet, String incomingUrl,
                       String statusUrl, boolean testMode) implements Serializable {
    }

    @PersistenceContext(unitName = "smbhub") EntityManager em;

    @EJB Access access;

    @EJB AuditService audit;

    @Inject Secrets secrets;

    @Inject TwilioGateway twilio;

    @Inject @ConfigProperty(name = "smbhub.twilio.test-mode", defaultValue = "false") boolean testMode;

    public View get() {
        access.require(Capability.MANAGE_SETTINGS);
        return view(connection());
    }

    /** Saves the account; a null token keeps the stored one. */
    public View save(String accountSid, String authToken, String number) {
        access.require(Capability.MANAGE_SETTINGS);
        List<FieldError> errors = new ArrayList<>();
        String sid = accountSid == null ? "" : accountSid.trim();
        if (!sid.matches("AC[0-9a-fA-F]{32}")) {
            errors.add(new FieldError("account_sid", "The Account SID from your Twilio console: AC followed by 32 letters and digits"));
        }
        if (authToken != null && !authToken.isEmpty() && !authToken.trim().matches("[A-Za-z0-9]{16,128}")) {
            errors.add(new FieldError("auth_token", "The auth token from your Twilio console (32 letters and digits)"));
        }
        Optional<String> e164 = ContactChecks.e164(number, em.find(Tenant.class, tenant()).getCurrency());
        if (e164.isEmpty()) {
            errors.add(new FieldError("number", "Your Twilio number with its country code, e.g. +1 416 555 0100"));
        }
        IntegrationConnection c = connection().orElse(null);
        if (c == null && (authToken == null || authToken.isEmpty())) {
            errors.add(new FieldError("auth_token", "The auth token from your Twilio console"));
        }
        ValidationException.throwIfAny(errors);
        if (e164.isPresent() && SmsWebhooks.numberTaken(em, e164.get(), tenant())) {
            throw new ValidationException("number", "Another business on SMB Hub uses this number");
        }
        String token = authToken != null && !authToken.isEmpty() ? secrets.encrypt(authToken.trim(), "auth_token")
                : c.getCredentialsRef();
        if (c == null) {
            c = new IntegrationConnection(PROVIDER);
            em.persist(c);
        }
        c.set(JSON.createObjectNode().put("account_sid", sid).put("number", e164.get()).toString(), token);
        em.flush();
        audit.record("tenant.sms_saved", "tenant", tenant(), null, Map.of("account_sid", sid, "number", e164.get(),
                "token_changed", authToken != null && !authToken.isEmpty()));
        return view(Optional.of(c));
    }

    /** Asks Twilio for the account with the saved credentials: "Connected to <account name>", or why not. */
    public String test() {
        access.require(Capability.MANAGE_SETTINGS);
        TwilioGateway.Account account = account().orElseThrow(() -> new ValidationException("account_sid", "Save the account first"));
        try {
            return "Connected to " + twilio.check(account);
        } catch (IllegalArgumentException e) {
            throw new ValidationException("auth_token", e.getMessage());
        }
    }

    /** Stops texting (conversations stay). */
    public View clear() {
        access.require(Capability.MANAGE_SETTINGS);
        connection().ifPresent(c -> {
            em.remove(c);
            em.flush();
            audit.record("tenant.sms_cleared", "tenant", tenant(), null, Map.of());
        });
        return view(Optional.empty());
    }

    /** Whether "Simulate an incoming text" is offered: test mode, texting set up, and a caller who answers texts. */
    public boolean canSimulate() {
        return testMode && Permissions.allows(access.role(), Capability.INBOX_RESPOND) && connection().isPresent();
    }

    /**
     * Test mode only: a text from {@code from} to the business's number, posted to the webhook and signed
     * exactly as Twilio signs it, so it travels the real path. Returns the webhook's answer status.
     */
    public int simulateIncoming(String from, String text) {
        access.require(Capability.INBOX_RESPOND);
        TwilioGateway.Account account = account().filter(a -> testMode)
                .orElseThrow(() -> new ValidationException("from", "Only in test mode, with text messages set up"));
        List<FieldError> errors = new ArrayList<>();
        Optional<String> sender = ContactChecks.e164(from, em.find(Tenant.class, tenant()).getCurrency());
        if (sender.isEmpty()) {
            errors.add(new FieldError("from", "A phone number, e.g. +1 416 555 0134"));
        }
        String body = text == null ? "" : text.strip();
        if (body.isEmpty() || body.length() > 1600 || body.indexOf('\u0000') >= 0) {
            errors.add(new FieldError("text", body.isEmpty() ? "Write the text" : "At most 1,600 characters"));
        }
        ValidationException.throwIfAny(errors);
        Map<String, String> params = new LinkedHashMap<>();
        String sid = TwilioSignature.messageSid();
        params.put("MessageSid", sid);
        params.put("SmsSid", sid);
        params.put("SmsMessageSid", sid);
        params.put("AccountSid", account.sid());
        params.put("From", sender.get());
        params.put("To", account.number());
        params.put("Body", body);
        params.put("NumMedia", "0");
        params.put("NumSegments", "1");
        params.put("SmsStatus", "received");
        params.put("ApiVersion", "2010-04-01");
        return post(twilio.publicUrl(INBOUND_PATH), params, account.token());
    }

    private Optional<TwilioGateway.Account> account() {
        return account(em, secrets);
    }

    /** The current business's account, if it set up texting (its token decrypted: never for a screen). */
    static Optional<TwilioGateway.Account> account(EntityManager em, Secrets secrets) {
        return connection(em).map(c -> account(c.getConfigJson(), c.getCredentialsRef(), secrets));
    }

    /** Why the current business cannot text this number now, if it cannot. */
    static Optional<String> cannotText(EntityManager em, String number) {
        if (connection(em).isEmpty()) {
            return Optional.of("Set up text messages in Settings → Inbox to send texts");
        }
        boolean stopped = number != null && !NativeSql.query(em, "select 1 from sms_opt_outs where phone = ?1")
                .setParameter(1, number).getResultList().isEmpty();
        return stopped ? Optional.of("This number texted STOP: it cannot be texted until it sends START") : Optional.empty();
    }

    static TwilioGateway.Account account(String configJson, String credentials, Secrets secrets) {
        JsonNode j = IntegrationConnection.config(configJson);
        return new TwilioGateway.Account(j.path("account_sid").asText(), secrets.decrypt(credentials).orElse(""),
                j.path("number").asText());
    }

    /** Posts form parameters signed as Twilio signs them (this server standing in for Twilio). */
    public static int post(String url, Map<String, String> params, String token) {
        String form = params.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", TwilioSignature.sign(token, url, params))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new IllegalStateException("The webhook could not be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private View view(Optional<IntegrationConnection> c) {
        JsonNode j = IntegrationConnection.config(c.map(IntegrationConnection::getConfigJson).orElse(null));
        return new View(c.isPresent(), j.path("account_sid").asText(""), j.path("number").asText(""),
                c.map(x -> x.getCredentialsRef() != null).orElse(false), twilio.publicUrl(INBOUND_PATH), twilio.publicUrl(STATUS_PATH), testMode);
    }

    private Optional<IntegrationConnection> connection() {
        return connection(em);
    }

    private static Optional<IntegrationConnection> connection(EntityManager em) {
        return IntegrationConnection.active(em, PROVIDER);
    }

    private static String tenant() {
        return RequestContext.current().orElseThrow().tenantId();
    }
}
