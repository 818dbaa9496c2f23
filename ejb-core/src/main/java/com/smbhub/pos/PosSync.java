package com.smbhub.pos;

import com.smbhub.contact.ContactDraft;
import com.smbhub.contact.ContactService;
import com.smbhub.contact.ContactView;
import com.smbhub.integration.square.SquareGateway;
import com.smbhub.integration.square.SquareGateway.Customer;
import com.smbhub.integration.square.SquareGateway.Order;
import com.smbhub.integration.square.SquareGateway.Page;
import com.smbhub.integration.square.SquareGateway.Refund;
import com.smbhub.job.JobLedger;
import com.smbhub.job.JobName;
import com.smbhub.job.JobRunStatus;
import com.smbhub.job.Jobs;
import com.smbhub.platform.db.NativeSql;
import com.smbhub.platform.errors.ProviderException;
import com.smbhub.platform.security.Secrets;
import com.smbhub.platform.tenancy.TenantEntry;
import com.smbhub.profile.ProfileService;
import com.smbhub.workitem.WorkItemDraft;
import com.smbhub.workitem.WorkItemService;
import com.smbhub.workitem.WorkItemStatus;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The POS sync job's work for one business (issue 16, docs/operations.md "POS sync"): what changed in its Square location since
 * the last run — customers become contacts (matched by e-mail or phone, never twice), orders ORDER work items, refunds
 * SUPPORT items for the returns queue — each outside id keyed in {@code external_entity_map}, so a re-run, an overlap
 * or a replayed page changes nothing. Each page is applied in its own transaction with its cursor; Square busy (429)
 * or failing (5xx) is waited out a few times, then the run ends and the next one goes on from the cursor.
 */
@Stateless
public class PosSync {

    private static final Logger LOG = Logger.getLogger(PosSync.class.getName());
    static final String PROVIDER = SquareSettings.PROVIDER;
    /** The kind under which a Square payment id leads to its sale's work item. */
    private static final String PAYMENT = "PAYMENT";
    /** Each pass reads again what changed this long before the last one ended (Square indexes some changes late). */
    static final Duration OVERLAP = Duration.ofMinutes(5);
    private static final int TRIES = 5;
    /** A run syncs again (at most this many rounds) when a notice came while it ran. */
    private static final int ROUNDS = 20;
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

    /** What the sync reads, in this order (orders name customers; refunds name orders). */
    public enum Feed {
        CUSTOMERS("CUSTOMER", "Customers"), ORDERS("ORDER", "Orders"), REFUNDS("REFUND", "Refunds");

        final String kind;
        final String words;

        Feed(String kind, String words) {
            this.kind = kind;
            this.words = words;
        }
    }

    /** What a run did: made or changed, seen unchanged (or unusable), failed. */
    public static final class Tally {
        int done;
        int skipped;
        int failed;
    }

    @PersistenceContext(unitName = "smbhub") EntityManager em;

    @EJB TenantEntry entry;

    @EJB JobLedger ledger;

    @EJB WorkItemService work;

    @EJB ContactService contacts;

    @EJB ProfileService profiles;

    @Inject SquareGateway square;

    @Inject Secrets secrets;

    @Inject @ConfigProperty(name = "smbhub.square.retry-ms", defaultValue = "1000") long retryMillis;

    @Resource SessionContext context;

    /** Whether the schedule should sync the business now: its profile syncs a point of sale and Square is connected. */
    public boolean dueNow(String tenantId) {
        return profiles.effective().capability(SquareSettings.CAPABILITY) && SquareSettings.connection(em).isPresent();
    }

    /** Run {@code runId} for business {@code tenantId}: every feed from its cursor to now, then the run's counts and errors. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void run(String tenantId, String runId) {
        PosSync self = context.getBusinessObject(PosSync.class);
        Optional<SquareSettings.Account> account = self.account(tenantId, runId);
        if (account.isEmpty()) {
            ledger.ended(tenantId, runId, JobRunStatus.FAILED, 0, 0, 0,
                    List.of("Square is not connected, or this business does not sync a point of sale (Settings → Point of sale)"));
            return;
        }
        Tally tally = new Tally();
        List<String> errors = new ArrayList<>();
        for (int rounds = 1; ; rounds++) {
            Instant round = Instant.now();
            JobRunStatus end = round(self, tenantId, runId, account.get(), tally, errors);
            if (end != JobRunStatus.COMPLETED || rounds == ROUNDS) {
                ledger.ended(tenantId, runId, end, tally.done, tally.skipped, tally.failed, errors);
                return;
            }
            if (self.finish(tenantId, runId, round, tally, errors)) {
                return;
            }
        }
    }

    /** Every feed once, in order; the first that cannot finish ends the round (and the run) failed. */
    private JobRunStatus round(PosSync self, String tenantId, String runId, SquareSettings.Account account, Tally tally,
                               List<String> errors) {
        JobRunStatus end = JobRunStatus.COMPLETED;
        for (Feed feed : Feed.values()) {
            try {
                pass(self, tenantId, runId, account, feed, tally, errors);
            } catch (SquareGateway.Busy e) {
                errors.add(feed.words + ": " + e.getMessage() + ", " + TRIES + " times; the next run goes on from where this one stopped");
                end = JobRunStatus.FAILED;
                break;
            } catch (ProviderException e) {
                errors.add(feed.words + ": " + e.getMessage());
                end = JobRunStatus.FAILED;
                break;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "POS sync of business " + tenantId + " stopped at " + feed, e);
                errors.add(feed.words + " could not be synced; the next run goes on from where this one stopped");
                end = JobRunStatus.FAILED;
                break;
            }
        }
        return end;
    }

    /**
     * Ends the run unless Square sent the business a notice since the round began (then false: another round). Under
     * the business's lock on starting a sync, which a notice takes too: either the notice finds this run going and this
     * check then sees it, or the run has ended and the notice starts the next one — no notice falls between.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean finish(String tenantId, String runId, Instant round, Tally tally, List<String> errors) {
        return entry.asAutomation(tenantId, "job_run:" + runId, () -> {
            Jobs.lockStarts(em, JobName.POS_SYNC);
            boolean noticed = !NativeSql.query(em, "select 1 from webhook_events where provider = 'SQUARE'"
                            + " and tenant_id = cast(?1 as uuid) and received_at > ?2 limit 1").setParameter(1, tenantId)
                    .setParameter(2, java.time.OffsetDateTime.ofInstant(round, java.time.ZoneOffset.UTC)).getResultList().isEmpty();
            if (!noticed) {
                ledger.ended(tenantId, runId, JobRunStatus.COMPLETED, tally.done, tally.skipped, tally.failed, errors);
            }
            return !noticed;
        });
    }

    /** One feed from its cursor to now, a page at a time; a page that fails as a whole is applied row by row. */
    private void pass(PosSync self, String tenantId, String runId, SquareSettings.Account account, Feed feed, Tally tally,
                      List<String> errors) {
        SyncCursors.Place place = self.place(tenantId, runId, feed);
        if (!place.passing()) {
            place = place.pass(Instant.now(), OVERLAP); // Square's clock, not the business day
        }
        while (true) {
            Page<?> page = fetch(feed, account, place);
            SyncCursors.Place next = place.after(page.cursor());
            try {
                self.apply(tenantId, runId, feed, page.items(), next, tally);
            } catch (RuntimeException e) {
                for (Object item : page.items()) {
                    try {
                        self.apply(tenantId, runId, feed, List.of(item), null, tally);
                    } catch (RuntimeException one) {
                        LOG.log(Level.WARNING, "POS sync of business " + tenantId + ": " + feed + " " + id(item) + " not applied", one);
                        tally.failed++;
                        errors.add(feed.words + ": " + id(item) + " could not be synced");
                    }
                }
                self.keep(tenantId, runId, feed, next);
            }
            if (page.cursor() == null) {
                return;
            }
            place = next;
        }
    }

    /** A page from Square, waiting out 429 and 5xx (as long as Square asks, else doubling) up to {@link #TRIES} times. */
    private Page<?> fetch(Feed feed, SquareSettings.Account a, SyncCursors.Place at) {
        for (int attempt = 1; ; attempt++) {
            try {
                return switch (feed) {
                    case CUSTOMERS -> square.customers(a.token(), at.from(), at.until(), at.page());
                    case ORDERS -> square.orders(a.token(), a.locationId(), at.from(), at.until(), at.page());
                    case REFUNDS -> square.refunds(a.token(), a.locationId(), at.from(), at.until(), at.page());
                };
            } catch (SquareGateway.Busy e) {
                if (attempt >= TRIES) {
                    throw e;
                }
                Duration wait = e.retryAfter() != null ? e.retryAfter() : Duration.ofMillis(retryMillis << (attempt - 1));
                try {
                    Thread.sleep(Math.min(wait.toMillis(), LONGEST_WAIT.toMillis()));
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<SquareSettings.Account> account(String tenantId, String runId) {
        return entry.asAutomation(tenantId, "job_run:" + runId, () -> dueNow(tenantId)
                ? SquareSettings.account(em, secrets).filter(a -> !a.token().isEmpty()) : Optional.empty());
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public SyncCursors.Place place(String tenantId, String runId, Feed feed) {
        return entry.asAutomation(tenantId, "job_run:" + runId, () -> SyncCursors.place(em, PROVIDER, feed.kind));
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void keep(String tenantId, String runId, Feed feed, SyncCursors.Place next) {
        entry.asAutomation(tenantId, "job_run:" + runId, () -> {
            SyncCursors.keep(em, PROVIDER, feed.kind, next);
            return null;
        });
    }

    /** A page's rows applied, and (unless null) the feed's cursor moved past it, in one transaction. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void apply(String tenantId, String runId, Feed feed, List<?> items, SyncCursors.Place next, Tally tally) {
        int[] counts = entry.asAutomation(tenantId, "job_run:" + runId, () -> {
            int[] c = new int[2];
            Known known = new Known(feed, items);
            for (Object item : items) {
                boolean changed = switch (feed) {
                    case CUSTOMERS -> customer((Customer) item, known);
                    case ORDERS -> order((Order) item, known);
                    case REFUNDS -> refund((Refund) item, known);
                };
                c[changed ? 0 : 1]++;
            }
            if (next != null) {
                SyncCursors.keep(em, PROVIDER, feed.kind, next);
            }
            return c;
        });
        tally.done += counts[0];
        tally.skipped += counts[1];
    }

    /** What a page's outside ids became, read in one query per kind; what the page makes is added as it goes. */
    private final class Known {
        private final Map<String, Map<String, String>> byKind = new HashMap<>();

        Known(Feed feed, List<?> items) {
            switch (feed) {
                case CUSTOMERS -> load(Feed.CUSTOMERS.kind, items, i -> ((Customer) i).id());
                case ORDERS -> {
                    load(Feed.ORDERS.kind, items, i -> ((Order) i).id());
                    load(Feed.CUSTOMERS.kind, items, i -> ((Order) i).customerId());
                }
                case REFUNDS -> {
                    load(Feed.REFUNDS.kind, items, i -> ((Refund) i).id());
                    load(Feed.ORDERS.kind, items, i -> ((Refund) i).orderId());
                    load(PAYMENT, items, i -> ((Refund) i).paymentId());
                }
            }
        }

        private void load(String kind, List<?> items, java.util.function.Function<Object, String> id) {
            byKind.computeIfAbsent(kind, k -> new HashMap<>()).putAll(SyncCursors.mapped(em, PROVIDER, kind,
                    items.stream().map(id).filter(java.util.Objects::nonNull).toList()));
        }

        Optional<String> get(String kind, String externalId) {
            return externalId == null ? Optional.empty() : Optional.ofNullable(byKind.getOrDefault(kind, Map.of()).get(externalId));
        }

        void put(String kind, String externalId, String internalId) {
            SyncCursors.map(em, PROVIDER, kind, externalId, internalId);
            byKind.computeIfAbsent(kind, k -> new HashMap<>()).put(externalId, internalId);
        }
    }

    /** A customer with an e-mail or phone becomes a contact once (matched to one that has either); later edits stay the business's. */
    private boolean customer(Customer c, Known known) {
        if (known.get(Feed.CUSTOMERS.kind, c.id()).isPresent()) {
            return false;
        }
        Optional<ContactView> contact = contacts.matchOrCreate(ContactDraft.of(c.name(), c.email(), c.phone()));
        contact.ifPresent(k -> known.put(Feed.CUSTOMERS.kind, c.id(), k.id()));
        return contact.isPresent();
    }

    private boolean order(Order o, Known seen) {
        if (o.state() == SquareGateway.OrderState.DRAFT) {
            return false; // not a sale yet
        }
        Optional<String> known = seen.get(Feed.ORDERS.kind, o.id());
        String contact = seen.get(Feed.CUSTOMERS.kind, o.customerId()).orElse(null);
        String summary = o.lines().stream().map(l -> quantity(l.quantity()) + " × " + l.name()).collect(Collectors.joining(", "));
        String title = clip("Square sale " + (o.reference() != null ? o.reference() : tail(o.id()))
                + (summary.isEmpty() ? "" : ": " + summary), 200);
        StringBuilder d = new StringBuilder();
        o.lines().forEach(l -> d.append(quantity(l.quantity())).append(" × ").append(l.name()).append(" — ")
                .append(amount(l.total(), o.currency())).append('\n'));
        d.append("Total ").append(amount(o.total(), o.currency())).append('\n');
        o.tenders().forEach(t -> d.append("Paid ").append(amount(t.amount(), o.currency())).append(" by ")
                .append(t.card() != null ? t.card() : t.type().toLowerCase(java.util.Locale.ROOT))
                .append(t.paymentId() != null ? " (Square payment " + t.paymentId() + ")" : "").append('\n'));
        d.append("Square order ").append(o.id()).append(", ").append(o.state().name().toLowerCase(java.util.Locale.ROOT));
        WorkItemStatus status = switch (o.state()) {
            case COMPLETED -> WorkItemStatus.DONE;
            case CANCELED -> WorkItemStatus.CANCELED;
            case OPEN, DRAFT -> WorkItemStatus.NEW;
        };
        WorkItemService.Synced synced = work.synced(known.orElse(null), new WorkItemDraft("ORDER", title, clip(d.toString(), 20_000),
                null, contact, null, null, Map.of("external_order_id", o.id())), status);
        if (known.isEmpty()) {
            seen.put(Feed.ORDERS.kind, o.id(), synced.id());
        }
        if (synced.changed()) { // each payment of the sale leads to it (a refund names its payment)
            o.tenders().stream().filter(t -> t.paymentId() != null).forEach(t -> seen.put(PAYMENT, t.paymentId(), synced.id()));
        }
        return synced.changed();
    }

    /** A refund is a SUPPORT item in the returns queue, linked to its sale's customer; it stays NEW for a person. */
    private boolean refund(Refund r, Known seen) {
        Optional<String> known = seen.get(Feed.REFUNDS.kind, r.id());
        Optional<String> sale = seen.get(Feed.ORDERS.kind, r.orderId()).or(() -> seen.get(PAYMENT, r.paymentId()));
        String contact = sale.map(id -> em.find(com.smbhub.workitem.WorkItem.class, id)).map(w -> w.getContactId()).orElse(null);
        String title = clip("Refund of " + amount(r.amount(), r.currency()) + " on Square sale "
                + (r.orderId() != null ? tail(r.orderId()) : tail(r.paymentId())), 200);
        String description = "Square refund " + r.id() + ", " + r.status().toLowerCase(java.util.Locale.ROOT)
                + (r.paymentId() != null ? "\nPayment " + r.paymentId() : "") + (r.orderId() != null ? "\nOrder " + r.orderId() : "");
        String reason = r.reason() == null || r.reason().isBlank() ? "Not given" : clip(r.reason().strip(), 200);
        WorkItemService.Synced synced = work.synced(known.orElse(null), new WorkItemDraft("SUPPORT", title, description, null,
                contact, null, null, Map.of("return_reason", reason)), WorkItemStatus.NEW);
        if (known.isEmpty()) {
            seen.put(Feed.REFUNDS.kind, r.id(), synced.id());
        }
        return synced.changed();
    }

    private static String id(Object item) {
        return item instanceof Customer c ? c.id() : item instanceof Order o ? o.id() : item instanceof Refund r ? r.id() : "?";
    }

    private static String amount(BigDecimal amount, String currency) {
        return amount.toPlainString() + (currency == null ? "" : " " + currency);
    }

    private static String quantity(String q) {
        try {
            return new BigDecimal(q).stripTrailingZeros().toPlainString();
        } catch (RuntimeException e) {
            return q == null ? "1" : q;
        }
    }

    private static String tail(String id) {
        return id == null ? "" : "#" + id.substring(Math.max(0, id.length() - 6));
    }

    private static String clip(String text, int max) {
        String oneLine = max <= 200 ? text.replaceAll("\\p{Cntrl}", " ") : text;
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 1) + "…";
    }
}
