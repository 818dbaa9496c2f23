package com.smbhub.aidraft;

import com.smbhub.extract.ChatExtractor;
import com.smbhub.extract.Extraction;
import com.smbhub.extract.Inbound;
import com.smbhub.platform.db.NativeSql;
import com.smbhub.platform.security.Access;
import com.smbhub.platform.security.Capability;
import com.smbhub.platform.tenancy.RequestContext;
import com.smbhub.platform.tenancy.TenantScoped;
import com.smbhub.platform.time.BusinessClock;
import com.smbhub.tenant.Tenant;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.math.BigDecimal;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The optional chat-completions reader of the current business's messages (issue 15, docs/text-to-task.md): used
 * only when {@code smbhub.ai.chat.base-url} is configured, within the business's monthly budget and per-minute
 * rate; every call is kept in {@code ai_usage} with its tokens and cost. Empty means the rules extractor reads it —
 * when it is off, over budget or rate, or the endpoint failed.
 */
@Stateless
@TenantScoped
public class ChatReader {

    @PersistenceContext(unitName = "smbhub") EntityManager em;

    @EJB Access access;

    /** Where the model is, and what each business may spend on it a month and ask of it a minute. */
    public record Options(ChatExtractor.Settings chat, BigDecimal monthlyBudget, long perMinute) {
    }

    /** The configured model ({@code smbhub.ai.chat.*}); empty when no base URL is set (the default). */
    public static Optional<Options> configured() {
        Config config = ConfigProvider.getConfig();
        Optional<String> base = config.getOptionalValue("smbhub.ai.chat.base-url", String.class).filter(s -> !s.isBlank());
        return base.map(url -> new Options(new ChatExtractor.Settings(URI.create(url.endsWith("/") ? url : url + "/"),
                config.getOptionalValue("smbhub.ai.chat.model", String.class).orElse("gpt-4o-mini"),
                config.getOptionalValue("smbhub.ai.chat.key", String.class).orElse(""),
                Duration.ofSeconds(config.getOptionalValue("smbhub.ai.chat.timeout-seconds", Long.class).orElse(20L)),
                config.getOptionalValue("smbhub.ai.chat.price-in-per-1k", BigDecimal.class).orElse(new BigDecimal("0.00015")),
                config.getOptionalValue("smbhub.ai.chat.price-out-per-1k", BigDecimal.class).orElse(new BigDecimal("0.0006"))),
                config.getOptionalValue("smbhub.ai.chat.monthly-budget", BigDecimal.class).orElse(new BigDecimal("5.00")),
                config.getOptionalValue("smbhub.ai.chat.per-minute", Long.class).orElse(20L)));
    }

    /**
     * This month's use of the model by the current business, for its owners: {@code model} null when no model is
     * configured (the rules read every message on the server); {@code read} readings the model gave, {@code
     * fellBack} asks the rules answered instead (over budget or rate, or the endpoint failed).
     */
    public record Usage(String model, BigDecimal budget, BigDecimal spent, long read, long fellBack) implements Serializable {
    }

    public Usage usage() {
        access.require(Capability.MANAGE_SETTINGS);
        return configured().map(this::usageOf).orElseGet(() -> new Usage(null, null, BigDecimal.ZERO, 0, 0));
    }

    /** This month's use of the model with these options. */
    public Usage usage(Options options) {
        access.require(Capability.MANAGE_SETTINGS);
        return usageOf(options);
    }

    private Usage usageOf(Options options) {
        String tenantId = RequestContext.current().orElseThrow().tenantId();
        Object[] row = (Object[]) NativeSql.query(em, "select coalesce(sum(cost), 0), count(*) filter (where outcome = 'READ'),"
                + " count(*) filter (where outcome <> 'READ') from ai_usage where tenant_id = cast(?1 as uuid) and at >= ?2")
                .setParameter(1, tenantId).setParameter(2, monthStart(tenantId)).getSingleResult();
        return new Usage(options.chat().model(), options.monthlyBudget(),
                ((BigDecimal) row[0]).setScale(2, java.math.RoundingMode.UP), ((Number) row[1]).longValue(), ((Number) row[2]).longValue());
    }

    private Timestamp monthStart(String tenantId) {
        ZoneId zone = em.find(Tenant.class, tenantId).zone();
        return Timestamp.from(BusinessClock.today(zone).withDayOfMonth(1).atStartOfDay(zone).toInstant());
    }

    /** The configured model's reading, or empty for the rules extractor. */
    public Optional<Extraction> read(Inbound message, Extraction.Intent as) {
        return configured().flatMap(options -> read(message, as, options));
    }

    /** The model's reading with these options, or empty: over the rate or the month's budget, or the endpoint failed. */
    public Optional<Extraction> read(Inbound message, Extraction.Intent as, Options options) {
        String tenantId = RequestContext.current().orElseThrow().tenantId();
        String model = options.chat().model();
        Instant now = BusinessClock.now();
        if (count("select count(*) from ai_usage where tenant_id = cast(?1 as uuid) and at > ?2 and outcome in ('READ', 'FAILED')",
                tenantId, now.minus(Duration.ofMinutes(1))) >= options.perMinute()) {
            record(tenantId, now, model, 0, 0, BigDecimal.ZERO, "RATE_LIMITED");
            return Optional.empty();
        }
        BigDecimal spent = (BigDecimal) NativeSql.query(em, "select coalesce(sum(cost), 0) from ai_usage where tenant_id = cast(?1 as uuid)"
                + " and at >= ?2").setParameter(1, tenantId).setParameter(2, monthStart(tenantId)).getSingleResult();
        if (spent.compareTo(options.monthlyBudget()) >= 0) {
            record(tenantId, now, model, 0, 0, BigDecimal.ZERO, "OVER_BUDGET");
            return Optional.empty();
        }
        try {
            ChatExtractor.Reply reply = new ChatExtractor(options.chat()).ask(message, as);
            record(tenantId, now, model, reply.inputTokens(), reply.outputTokens(), reply.cost(), "READ");
            return Optional.of(reply.extraction());
        } catch (ChatExtractor.ChatFailed e) {
            record(tenantId, now, model, 0, 0, BigDecimal.ZERO, "FAILED");
            return Optional.empty();
        }
    }

    private long count(String sql, String tenantId, Instant since) {
        return ((Number) NativeSql.query(em, sql).setParameter(1, tenantId).setParameter(2, Timestamp.from(since)).getSingleResult())
                .longValue();
    }

    private void record(String tenantId, Instant at, String model, long in, long out, BigDecimal cost, String outcome) {
        NativeSql.query(em, "insert into ai_usage (tenant_id, at, model, input_tokens, output_tokens, cost, outcome)"
                        + " values (cast(?1 as uuid), ?7, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, tenantId).setParameter(2, model).setParameter(3, in).setParameter(4, out)
                .setParameter(5, cost).setParameter(6, outcome).setParameter(7, Timestamp.from(at)).executeUpdate();
    }
}
