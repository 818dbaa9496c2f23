package com.smbhub.platform.mail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.smbhub.platform.audit.AuditService;
import com.smbhub.platform.errors.ValidationException.FieldError;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.net.OutboundHosts;
import com.smbhub.platform.security.Access;
import com.smbhub.platform.security.Capability;
import com.smbhub.platform.security.Secrets;
import com.smbhub.platform.tenancy.TenantScoped;
import com.smbhub.tenant.IntegrationConnection;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Settings → Email: the business's own SMTP server (host, port, STARTTLS, user, password, from
 * address) instead of the installation's. The password is stored encrypted and never shown.
 */
@Stateless
@TenantScoped
public class SmtpSettings {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the page shows; {@code passwordSet} instead of the password. */
    public record View(boolean own, String host, int port, boolean starttls, String username, boolean passwordSet,
                       String fromAddress) implements Serializable {
    }

    /** A server to send through (the business's, decrypted for use only). */
    public record Server(String host, int port, boolean starttls, String username, String password, String from) {
    }

    @PersistenceContext(unitName = "smbhub") EntityManager em;

    @EJB Access access;

    @EJB AuditService audit;

    @Inject Secrets secrets;

    /** Hosts a business may name although they are not public (self-hosting, the development mail server). */
    @Inject @ConfigProperty(name = "smbhub.outbound.allowed-hosts", defaultValue = "") String allowedHosts;

    public View get() {
        access.require(Capability.MANAGE_SETTINGS);
        return connection().map(this::view).orElse(new View(false, "", 587, true, "", false, ""));
    }

    /** Saves the business's server; a null password keeps the stored one. */
    public View save(String host, Integer port, boolean starttls, String username, String password, String fromAddress) {
        access.require(Capability.MANAGE_SETTINGS);
        List<FieldError> errors = new ArrayList<>();
        String h = host == null ? "" : host.trim().toLowerCase();
        if (!h.matches("[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?")) {
            errors.add(new FieldError("host", "A host name such as smtp.example.com"));
        }
        if (port == null || port < 1 || port > 65535) {
            errors.add(new FieldError("port", "A port from 1 to 65535 (587 with STARTTLS, usually)"));
        } else if (errors.isEmpty()) {
            OutboundHosts.check(h, port, OutboundHosts.MAIL_PORTS, OutboundHosts.allowList(allowedHosts), errors);
        }
        String user = username == null ? "" : username.trim();
        if (user.length() > 200) {
            errors.add(new FieldError("username", "At most 200 characters"));
        }
        String from = Mailer.recipient(fromAddress, null, new ArrayList<>());
        if (from == null || !from.matches("^[^@\\s,;]{1,64}@[^@\\s,;]+\\.[^@\\s,;]{2,}$")) {
            errors.add(new FieldError("from_address", "The address your mail comes from, e.g. office@yourbusiness.com"));
        }
        if (password != null && password.length() > 500) {
            errors.add(new FieldError("password", "At most 500 characters"));
        }
        ValidationException.throwIfAny(errors);
        IntegrationConnection c = connection().orElse(null);
        String secret = password != null && !password.isEmpty() ? secrets.encrypt(password, "password")
                : c == null ? null : c.getCredentialsRef();
        if (c == null) {
            c = new IntegrationConnection("SMTP");
            em.persist(c);
        }
        c.set(JSON.createObjectNode().put("host", h).put("port", port).put("starttls", starttls).put("username", user)
                .put("from_address", from).toString(), secret);
        em.flush();
        audit.record("tenant.smtp_saved", "tenant", c.getTenantId() == null ? "smtp" : c.getTenantId(), null,
                Map.of("host", h, "port", port, "starttls", starttls, "from_address", from, "password_changed", password != null
                        && !password.isEmpty()));
        return view(c);
    }

    /** Whether the saved server may still be reached (its name may resolve elsewhere since it was saved). */
    public boolean reachable(Server server) {
        List<FieldError> errors = new ArrayList<>();
        OutboundHosts.check(server.host(), server.port(), OutboundHosts.MAIL_PORTS, OutboundHosts.allowList(allowedHosts), errors);
        return errors.isEmpty();
    }

    /** Back to the installation's mail server. */
    public View clear() {
        access.require(Capability.MANAGE_SETTINGS);
        connection().ifPresent(c -> {
            em.remove(c);
            em.flush();
            audit.record("tenant.smtp_cleared", "tenant", "smtp", null, Map.of());
        });
        return get();
    }

    /** The business's server for sending, if it set one (called inside the sender's transaction). */
    public Optional<Server> server() {
        return connection().map(c -> {
            JsonNode j = c.config();
            return new Server(j.path("host").asText(), j.path("port").asInt(587), j.path("starttls").asBoolean(true),
                    j.path("username").asText(""), secrets.decrypt(c.getCredentialsRef()).orElse(""),
                    j.path("from_address").asText());
        });
    }

    private Optional<IntegrationConnection> connection() {
        return IntegrationConnection.active(em, "SMTP");
    }

    private View view(IntegrationConnection c) {
        JsonNode j = c.config();
        return new View(true, j.path("host").asText(), j.path("port").asInt(587), j.path("starttls").asBoolean(true),
                j.path("username").asText(""), c.getCredentialsRef() != null, j.path("from_address").asText());
    }
}
