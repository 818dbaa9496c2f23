package com.smbhub.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.smbhub.platform.audit.AuditService;
import com.smbhub.platform.db.NativeSql;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.errors.ValidationException.FieldError;
import com.smbhub.platform.net.OutboundHosts;
import com.smbhub.platform.security.Access;
import com.smbhub.platform.security.Capability;
import com.smbhub.platform.security.Secrets;
import com.smbhub.platform.tenancy.TenantScoped;
import com.smbhub.tenant.IntegrationConnection;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FolderNotFoundException;
import jakarta.mail.MessagingException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.Serializable;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Settings → Inbox: the business's own mailbox (IMAP host, port, security, user, password, folder and
 * its address). The password is stored encrypted like the SMTP one and never shown; the poller reads it.
 */
@Stateless
@TenantScoped
public class MailboxSettings {

    private static final Logger LOG = Logger.getLogger(MailboxSettings.class.getName());
    static final String PROVIDER = "IMAP";
    static final Set<Integer> IMAP_PORTS = Set.of(143, 993);
    static final List<String> SECURITY = List.of("SSL", "STARTTLS", "NONE");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What the page shows: the settings ({@code passwordSet} instead of the password) and how reading goes
     * ({@code pushed}: the server tells us the moment mail arrives, IMAP IDLE).
     */
    public record View(boolean connected, String host, int port, String security, String username, boolean passwordSet,
                       String folder, String address, Instant lastPolledAt, Instant lastSuccessAt, String lastError,
                       boolean pushed)
            implements Serializable {
    }

    @PersistenceContext(unitName = "smbhub") EntityManager em;

    @EJB Access access;

    @EJB AuditService audit;

    @Inject Secrets secrets;

    @Inject @ConfigProperty(name = "smbhub.outbound.allowed-hosts", defaultValue = "") String allowedHosts;

    public View get() {
        access.require(Capability.MANAGE_SETTINGS);
        return connection().map(this::view).orElse(new View(false, "", 993, "SSL", "", false, "INBOX", "", null, null, null, false));
    }

    /** Saves the mailbox; a null password keeps the stored one. Reading starts at the next poll. */
    public View save(String host, Integer port, String security, String username, String password, String folder,
                     String address) {
        access.require(Capability.MANAGE_SETTINGS);
        List<FieldError> errors = new ArrayList<>();
        String h = host == null ? "" : host.trim().toLowerCase();
        if (!h.matches("[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?")) {
            errors.add(new FieldError("host", "A host name such as imap.example.com"));
        }
        String sec = security == null || security.isBlank() ? "SSL" : security.trim().toUpperCase();
        if (!SECURITY.contains(sec)) {
            errors.add(new FieldError("security", "One of SSL, STARTTLS, NONE"));
        }
        if (port == null || port < 1 || port > 65535) {
            errors.add(new FieldError("port", "A port from 1 to 65535 (993 with SSL, usually)"));
        } else if (errors.isEmpty()) {
            OutboundHosts.check(h, port, IMAP_PORTS, OutboundHosts.allowList(allowedHosts), errors);
        }
        String user = username == null ? "" : username.trim();
        if (user.isEmpty() || user.length() > 200 || user.chars().anyMatch(c -> c < 0x20)) {
            errors.add(new FieldError("username", "The mailbox's user name (often its address), at most 200 characters"));
        }
        String box = folder == null || folder.isBlank() ? "INBOX" : folder.trim();
        if (box.length() > 200 || box.chars().anyMatch(c -> c < 0x20)) {
            errors.add(new FieldError("folder", "A folder name such as INBOX"));
        }
        String addr = address == null ? "" : address.trim().toLowerCase();
        if (!addr.matches("^[^@\\s,;<>\"]{1,64}@[^@\\s,;<>\"]+\\.[^@\\s,;<>\"]{2,}$") || addr.length() > 254) {
            errors.add(new FieldError("address", "The address your clients write to, e.g. office@yourbusiness.com"));
        }
        if (password != null && (password.length() > 500 || password.indexOf('\u0000') >= 0)) {
            errors.add(new FieldError("password", "At most 500 characters"));
        }
        IntegrationConnection c = connection().orElse(null);
        if (c == null && (password == null || password.isEmpty())) {
            errors.add(new FieldError("password", "The mailbox's password (an app password, with most providers)"));
        }
        ValidationException.throwIfAny(errors);
        String secret = password != null && !password.isEmpty() ? secrets.encrypt(password, "password") : c.getCredentialsRef();
        boolean moved = c != null && !(h.equals(c.config().path("host").asText()) && user.equals(c.config().path("username").asText())
                && box.equals(c.config().path("folder").asText()));
        if (c == null) {
            c = new IntegrationConnection(PROVIDER);
            em.persist(c);
        }
        c.set(JSON.createObjectNode().put("host", h).put("port", port).put("security", sec).put("username", user)
                .put("folder", box).put("address", addr).toString(), secret);
        em.flush();
        if (moved) {
            // another mailbox: its UIDs mean nothing here; Message-IDs keep what was read once
            NativeSql.query(em, "delete from mailbox_sync where connection_id = cast(?1 as uuid)").setParameter(1, c.getId())
                    .executeUpdate();
        }
        audit.record("tenant.mailbox_saved", "tenant", c.getTenantId() == null ? "mailbox" : c.getTenantId(), null,
                Map.of("host", h, "port", port, "security", sec, "folder", box, "address", addr,
                        "password_changed", password != null && !password.isEmpty()));
        return view(c);
    }

    /** Logs in with the saved settings and opens the folder: "12 messages in INBOX", or what went wrong in words. */
    public String test() {
        access.require(Capability.MANAGE_SETTINGS);
        IntegrationConnection c = connection().orElseThrow(() -> new ValidationException("host", "Save the mailbox first"));
        MailboxReader.Account account = account(c, secrets);
        List<FieldError> errors = new ArrayList<>();
        OutboundHosts.check(account.host(), account.port(), IMAP_PORTS, OutboundHosts.allowList(allowedHosts), errors);
        ValidationException.throwIfAny(errors);
        try {
            int n = MailboxReader.count(account);
            return "Connected: " + n + (n == 1 ? " message in " : " messages in ") + account.folder();
        } catch (MessagingException e) {
            LOG.info(() -> "mailbox test failed: " + e);
            throw new ValidationException(field(e), reason(e));
        }
    }

    /** Stops reading the mailbox (what was read stays in the inbox). */
    public View clear() {
        access.require(Capability.MANAGE_SETTINGS);
        connection().ifPresent(c -> {
            NativeSql.query(em, "delete from mailbox_sync where connection_id = cast(?1 as uuid)").setParameter(1, c.getId())
                    .executeUpdate();
            em.remove(c);
            em.flush();
            audit.record("tenant.mailbox_cleared", "tenant", "mailbox", null, Map.of());
        });
        return get();
    }

    /** The business's inbound address, if it connected a mailbox (replies are sent with it as Reply-To). */
    public Optional<String> address() {
        return connection().map(c -> c.config().path("address").asText(null));
    }

    static MailboxReader.Account account(IntegrationConnection c, Secrets secrets) {
        return account(c.getConfigJson(), c.getCredentialsRef(), secrets);
    }

    static MailboxReader.Account account(String configJson, String credentials, Secrets secrets) {
        JsonNode j = IntegrationConnection.config(configJson);
        return new MailboxReader.Account(j.path("host").asText(), j.path("port").asInt(993), j.path("security").asText("SSL"),
                j.path("username").asText(), secrets.decrypt(credentials).orElse(""), j.path("folder").asText("INBOX"));
    }

    /** What a business is told of a failed login or read: the server's words when it said no, else only that it was not reached. */
    static String reason(Exception e) {
        if (e instanceof AuthenticationFailedException) {
            return "The mail server refused the user name or password";
        }
        if (e instanceof FolderNotFoundException) {
            return "The mailbox has no such folder";
        }
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof IOException) {
                return "Could not reach the mail server; check its host, port and security";
            }
        }
        String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return text.length() > 200 ? text.substring(0, 200) : text;
    }

    private static String field(MessagingException e) {
        return e instanceof AuthenticationFailedException ? "password" : e instanceof FolderNotFoundException ? "folder" : "host";
    }

    private Optional<IntegrationConnection> connection() {
        return IntegrationConnection.active(em, PROVIDER);
    }

    private View view(IntegrationConnection c) {
        JsonNode j = c.config();
        List<?> sync = NativeSql.query(em, "select last_polled_at, last_success_at, last_error,"
                + " coalesce(watch_until > now(), false) from mailbox_sync where connection_id = cast(?1 as uuid)")
                .setParameter(1, c.getId()).getResultList();
        Object[] s = sync.isEmpty() ? new Object[] {null, null, null, false} : (Object[]) sync.get(0);
        return new View(true, j.path("host").asText(), j.path("port").asInt(993), j.path("security").asText("SSL"),
                j.path("username").asText(), c.getCredentialsRef() != null, j.path("folder").asText("INBOX"),
                j.path("address").asText(), instant(s[0]), instant(s[1]), (String) s[2], Boolean.TRUE.equals(s[3]));
    }

    static Instant instant(Object value) {
        return value instanceof Timestamp t ? t.toInstant() : value instanceof OffsetDateTime o ? o.toInstant()
                : value instanceof Instant i ? i : null;
    }
}
