package com.smbhub.pos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.smbhub.integration.square.SquareGateway;
import com.smbhub.job.JobName;
import com.smbhub.job.JobRun;
import com.smbhub.job.JobRunView;
import com.smbhub.platform.audit.AuditService;
import com.smbhub.platform.db.NativeSql;
import com.smbhub.platform.errors.ProviderException;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.security.Access;
import com.smbhub.platform.security.Capability;
import com.smbhub.platform.security.Secrets;
import com.smbhub.platform.tenancy.CrossTenant;
import com.smbhub.platform.tenancy.RequestContext;
import com.smbhub.platform.tenancy.TenantScoped;
import com.smbhub.profile.ProfileRules;
import com.smbhub.profile.ProfileService;
import com.smbhub.tenant.IntegrationConnection;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Settings → Point of sale (profiles with {@code pos_sync}, OWNER/ADMIN): the business's Square account — an access
 * token (stored encrypted, never shown) and the location whose sales come in. The sync itself is {@link PosSync}; the
 * Orders screen shows its state to everyone who sees work ({@link #status()}).
 */
@Stateless
@TenantScoped
public class SquareSettings {

    static final String PROVIDER = "SQUARE";
    /** The profile capability that turns the POS sync on (the retail profile has it). */
    public static final String CAPABILITY = "pos_sync";
    public static final String WEBHOOK_PATH = "/api/v1/webhooks/square";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What Settings shows: the connection (no token), where Square sends its notices, the latest runs. */
    public record View(boolean connected, String merchantId, String locationId, String locationName, String webhookUrl,
                       boolean testMode, List<JobRunView> recent) implements Serializable {
    }

    /** What the Orders screen shows: whether sales come in from Square, from where, and the latest sync. */
    public record Status(boolean connected, String locationName, JobRunView last) implements Serializable {
    }

    @PersistenceContext(unitName = "smbhub") EntityManager em;

    @EJB Access access;

    @EJB AuditService audit;

    @EJB ProfileService profiles;

    @Inject Secrets secrets;

    @Inject SquareGateway square;

    @Inject @ConfigProperty(name = "smbhub.square.test-mode", defaultValue = "false") boolean testMode;

    @Inject @ConfigProperty(name = "smbhub.public-url", defaultValue = "http://localhost:8080") String publicUrl;

    public View get() {
        access.require(Capability.MANAGE_SETTINGS);
        ProfileRules.requireCapability(profiles.effective(), CAPABILITY);
        return view(connection(em));
    }

    /** The locations this access token reaches ({@code token} null: the stored one), to pick one from. */
    public List<SquareGateway.Location> locations(String token) {
        access.require(Capability.MANAGE_SETTINGS);
        ProfileRules.requireCapability(profiles.effective(), CAPABILITY);
        return locationsOf(token(token));
    }

    /** The token's locations; a token Square refuses is an error at its field, a busy Square a provider error. */
    private List<SquareGateway.Location> locationsOf(String token) {
        try {
            return square.locations(token);
        } catch (SquareGateway.Refused e) {
            throw new ValidationException("access_token", e.getMessage());
        } catch (SquareGateway.Busy e) {
            throw new ProviderException(e.getMessage() + "; try again in a minute");
        }
    }

    /** Connects the account and location ({@code token} null: keep the stored one); the first sync starts after. */
    public View connect(String token, String locationId) {
        access.require(Capability.MANAGE_SETTINGS);
        ProfileRules.requireCapability(profiles.effective(), CAPABILITY);
        String access = token(token);
        if (locationId == null || locationId.isBlank()) {
            throw new ValidationException("location_id", "Pick the location whose sales come in");
        }
        SquareGateway.Location location = locationsOf(access).stream().filter(l -> l.id().equals(locationId.trim()))
                .findFirst().orElseThrow(() -> new ValidationException("location_id", "This account has no such location"));
        if (!location.active()) {
            throw new ValidationException("location_id", "This location is closed in Square");
        }
        if (merchantTaken(location.merchantId())) {
            throw new ValidationException("access_token", "This Square account is connected to another business on SMB Hub");
        }
        IntegrationConnection c = connection(em).orElse(null);
        boolean moved = c != null && !location.id().equals(c.config().path("location_id").asText());
        if (c == null) {
            c = new IntegrationConnection(PROVIDER);
            em.persist(c);
        }
        c.set(JSON.createObjectNode().put("merchant_id", location.merchantId()).put("location_id", location.id())
                .put("location_name", location.name()).toString(), token == null ? c.getCredentialsRef()
                : secrets.encrypt(access, "access_token"));
        if (moved) {
            SyncCursors.clear(em, PROVIDER);
        }
        em.flush();
        audit.record("tenant.square_connected", "tenant", tenant(), null, Map.of("merchant_id", location.merchantId(),
                "location_id", location.id(), "token_changed", token != null));
        return view(Optional.of(c));
    }

    /** Stops the sync; what came in stays (and is not made twice if the account comes back). */
    public View disconnect() {
        access.require(Capability.MANAGE_SETTINGS);
        connection(em).ifPresent(c -> {
            em.remove(c);
            SyncCursors.clear(em, PROVIDER);
            em.flush();
            audit.record("tenant.square_disconnected", "tenant", tenant(), null, Map.of());
        });
        return view(Optional.empty());
    }

    public Status status() {
        access.require(Capability.WORK_READ);
        Optional<IntegrationConnection> c = connection(em);
        JobRunView last = em.createQuery("select r from JobRun r where r.job = :job order by r.startedAt desc, r.id", JobRun.class)
                .setParameter("job", JobName.POS_SYNC.apiName()).setMaxResults(1).getResultStream().findFirst()
                .map(JobRunView::of).orElse(null);
        return new Status(c.isPresent(), c.map(x -> x.config().path("location_name").asText("")).orElse(null), last);
    }

    /** The business's Square account for the sync: token decrypted (never for a screen), location. */
    record Account(String token, String merchantId, String locationId) {
    }

    static Optional<Account> account(EntityManager em, Secrets secrets) {
        return connection(em).map(c -> {
            JsonNode j = c.config();
            return new Account(secrets.decrypt(c.getCredentialsRef()).orElse(""), j.path("merchant_id").asText(),
                    j.path("location_id").asText());
        });
    }

    static Optional<IntegrationConnection> connection(EntityManager em) {
        return IntegrationConnection.active(em, PROVIDER);
    }

    private String token(String given) {
        if (given != null && !given.isBlank()) {
            String t = given.strip();
            if (t.length() < 20 || t.length() > 500 || !t.matches("[A-Za-z0-9_\\-.]+")) {
                throw new ValidationException("access_token", "The access token from your Square Developer Dashboard (starts with EAAA)");
            }
            return t;
        }
        return account(em, secrets).map(Account::token).filter(t -> !t.isEmpty())
                .orElseThrow(() -> new ValidationException("access_token", "The access token from your Square Developer Dashboard"));
    }

    private boolean merchantTaken(String merchantId) {
        String tenant = tenant();
        return CrossTenant.run(em, CrossTenant.Purpose.POS_MERCHANTS, () -> !NativeSql.query(em, "select 1 from integration_connections"
                        + " where provider = 'SQUARE' and config_json ->> 'merchant_id' = ?1 and tenant_id <> cast(?2 as uuid)")
                .setParameter(1, merchantId).setParameter(2, tenant).getResultList().isEmpty());
    }

    private View view(Optional<IntegrationConnection> c) {
        JsonNode j = c.map(IntegrationConnection::config).orElse(JSON.createObjectNode());
        List<JobRunView> recent = em.createQuery("select r from JobRun r where r.job = :job order by r.startedAt desc, r.id",
                JobRun.class).setParameter("job", JobName.POS_SYNC.apiName()).setMaxResults(5).getResultList().stream()
                .map(JobRunView::of).toList();
        String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        return new View(c.isPresent(), j.path("merchant_id").asText(null), j.path("location_id").asText(null),
                j.path("location_name").asText(null), base + WEBHOOK_PATH, testMode, recent);
    }

    private static String tenant() {
        return RequestContext.current().orElseThrow().tenantId();
    }
}
