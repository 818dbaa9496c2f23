package com.smbhub.inbox;

import com.smbhub.platform.db.NativeSql;
import com.smbhub.platform.security.Secrets;
import com.smbhub.platform.tenancy.CrossTenant;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The poller's bookkeeping over every business's mailbox: which are due, a lease so that one poller in
 * the whole cluster reads a mailbox at a time, and how the last read went. Each call is its own transaction.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class Mailboxes {

    /** A mailbox leased to this poller, with where reading stopped last time. */
    public record Due(String connectionId, String tenantId, MailboxReader.Account account, Long uidValidity, long lastUid) {
    }

    /** How long a lease holds when its poller vanishes (a killed instance); a live poller renews it per batch. */
    static final int LEASE_SECONDS = 120;
    /** How long a watch holds when its instance vanishes; a live one renews it every 5 seconds. */
    static final int WATCH_SECONDS = 20;

    @PersistenceContext(unitName = "smbhub") EntityManager em;

    @Inject Secrets secrets;

    /**
     * Leases up to {@code max} mailboxes whose next read is due: every {@code everySeconds} seconds, later
     * after failures (doubling up to 15 minutes), every {@code watchedSeconds} while one is watched with IDLE,
     * at once when in {@code woken} (with {@code onlyWoken}, only those); never one another poller holds.
     */
    public List<Due> lease(String poller, int everySeconds, int watchedSeconds, Collection<String> woken, boolean onlyWoken,
                           int max) {
        return CrossTenant.run(em, CrossTenant.Purpose.MAILBOXES, () -> {
            // only mailboxes without their row: a conflict with a row another poller holds would wait for it
            NativeSql.query(em, "insert into mailbox_sync (connection_id, tenant_id) select c.id, c.tenant_id"
                    + " from integration_connections c where c.provider = 'IMAP' and c.status = 'ACTIVE' and c.deleted_at is null"
                    + " and not exists (select 1 from mailbox_sync s where s.connection_id = c.id)"
                    + " on conflict (connection_id) do nothing").executeUpdate();
            List<?> rows = NativeSql.query(em, "update mailbox_sync s set lease_until = now() + make_interval(secs => ?1),"
                    + " leased_by = ?2 from integration_connections c"
                    + " where c.id = s.connection_id and c.provider = 'IMAP' and c.status = 'ACTIVE' and c.deleted_at is null"
                    + " and (s.lease_until is null or s.lease_until < now())"
                    + " and s.connection_id in (select d.connection_id from mailbox_sync d where (d.lease_until is null"
                    + " or d.lease_until < now()) and (?7 = false or cast(d.connection_id as text) = any(string_to_array(?6, ',')))"
                    + " and (d.last_polled_at is null"
                    + " or cast(d.connection_id as text) = any(string_to_array(?6, ','))"
                    + " or d.last_polled_at < now() - make_interval(secs => case when d.watch_until > now() and d.failures = 0"
                    + " then ?5 else least(900, ?3 * power(2, least(d.failures, 10))) end))"
                    + " order by d.last_polled_at nulls first limit ?4 for update skip locked)"
                    + " returning cast(s.connection_id as text), cast(s.tenant_id as text), cast(c.config_json as text),"
                    + " c.credentials_ref, s.uid_validity, s.last_uid")
                    .setParameter(1, LEASE_SECONDS).setParameter(2, poller).setParameter(3, everySeconds).setParameter(4, max)
                    .setParameter(5, watchedSeconds).setParameter(6, String.join(",", woken))
                    .setParameter(7, onlyWoken)
                    .getResultList();
            return rows.stream().map(r -> (Object[]) r).map(r -> new Due((String) r[0], (String) r[1],
                    MailboxSettings.account((String) r[2], (String) r[3], secrets),
                    r[4] == null ? null : ((Number) r[4]).longValue(), ((Number) r[5]).longValue())).toList();
        });
    }

    /**
     * Takes (or keeps) the watch over a mailbox for this poller: only one instance holds an IDLE connection
     * to it. False when another holds it.
     */
    public boolean watch(String connectionId, String poller) {
        return CrossTenant.run(em, CrossTenant.Purpose.MAILBOXES, () -> NativeSql.query(em, "update mailbox_sync"
                        + " set watched_by = ?2, watch_until = now() + make_interval(secs => ?3) where connection_id = cast(?1 as uuid)"
                        + " and (watch_until is null or watch_until < now() or watched_by = ?2)")
                .setParameter(1, connectionId).setParameter(2, poller).setParameter(3, WATCH_SECONDS).executeUpdate() == 1);
    }

    /**
     * Renews this poller's watches; returns each mailbox still connected and still watched by it, with its
     * settings now (a watcher whose mailbox is gone or changed is stopped by the caller).
     */
    public Map<String, MailboxReader.Account> renewWatches(String poller) {
        return CrossTenant.run(em, CrossTenant.Purpose.MAILBOXES, () -> {
            List<?> rows = NativeSql.query(em, "update mailbox_sync s set watch_until = now() + make_interval(secs => ?2)"
                            + " from integration_connections c where c.id = s.connection_id and s.watched_by = ?1"
                            + " and c.provider = 'IMAP' and c.status = 'ACTIVE' and c.deleted_at is null"
                            + " returning cast(s.connection_id as text), cast(c.config_json as text), c.credentials_ref")
                    .setParameter(1, poller).setParameter(2, WATCH_SECONDS).getResultList();
            Map<String, MailboxReader.Account> watched = new HashMap<>();
            rows.stream().map(r -> (Object[]) r).forEach(r -> watched.put((String) r[0],
                    MailboxSettings.account((String) r[1], (String) r[2], secrets)));
            return watched;
        });
    }

    /** Every watch of this poller ends (the instance stops). */
    public void unwatchAll(String poller) {
        CrossTenant.run(em, CrossTenant.Purpose.MAILBOXES, () -> NativeSql.query(em, "update mailbox_sync set watched_by = null,"
                + " watch_until = null where watched_by = ?1").setParameter(1, poller).executeUpdate());
    }

    /** The watch ended (the connection dropped, the mailbox changed). */
    public void unwatch(String connectionId, String poller) {
        CrossTenant.run(em, CrossTenant.Purpose.MAILBOXES, () -> NativeSql.query(em, "update mailbox_sync set watched_by = null,"
                        + " watch_until = null where connection_id = cast(?1 as uuid) and watched_by = ?2")
                .setParameter(1, connectionId).setParameter(2, poller).executeUpdate());
    }

    /** Reading went well: the lease ends, the failure count resets. */
    public void succeeded(String connectionId, String poller) {
        finish(connectionId, poller, null);
    }

    /** Reading failed: the reason in words for Settings → Inbox, and the next try waits longer. */
    public void failed(String connectionId, String poller, String reason) {
        finish(connectionId, poller, reason);
    }

    private void finish(String connectionId, String poller, String error) {
        CrossTenant.run(em, CrossTenant.Purpose.MAILBOXES, () -> NativeSql.query(em, "update mailbox_sync set lease_until = null,"
                        + " leased_by = null, last_polled_at = now(), last_error = cast(?3 as text),"
                        + " failures = case when cast(?3 as text) is null then 0 else failures + 1 end,"
                        + " last_success_at = case when cast(?3 as text) is null then now() else last_success_at end"
                        + " where connection_id = cast(?1 as uuid) and leased_by = ?2")
                .setParameter(1, connectionId).setParameter(2, poller).setParameter(3, error).executeUpdate());
    }
}
