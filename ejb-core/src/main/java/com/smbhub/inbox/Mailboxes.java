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
import java.util.List;

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

    @PersistenceContext(unitName = "smbhub") EntityManager em;

    @Inject Secrets secrets;

    /**
     * Leases up to {@code max} mailboxes whose next read is due: every {@code everySeconds} seconds, later
     * after failures (doubling up to 15 minutes), never one another poller holds.
     */
    public List<Due> lease(String poller, int everySeconds, int max) {
        return CrossTenant.run(em, CrossTenant.Purpose.MAILBOXES, () -> {
            NativeSql.query(em, "insert into mailbox_sync (connection_id, tenant_id) select id, tenant_id"
                    + " from integration_connections where provider = 'IMAP' and status = 'ACTIVE' and deleted_at is null"
                    + " on conflict (connection_id) do nothing").executeUpdate();
            List<?> rows = NativeSql.query(em, "update mailbox_sync s set lease_until = now() + make_interval(secs => ?1),"
                    + " leased_by = ?2 from integration_connections c"
                    + " where c.id = s.connection_id and c.provider = 'IMAP' and c.status = 'ACTIVE' and c.deleted_at is null"
                    + " and (s.lease_until is null or s.lease_until < now())"
                    + " and s.connection_id in (select d.connection_id from mailbox_sync d where (d.lease_until is null"
                    + " or d.lease_until < now()) and (d.last_polled_at is null or d.last_polled_at < now()"
                    + " - make_interval(secs => least(900, ?3 * power(2, least(d.failures, 10)))))"
                    + " order by d.last_polled_at nulls first limit ?4 for update skip locked)"
                    + " returning cast(s.connection_id as text), cast(s.tenant_id as text), cast(c.config_json as text),"
                    + " c.credentials_ref, s.uid_validity, s.last_uid")
                    .setParameter(1, LEASE_SECONDS).setParameter(2, poller).setParameter(3, everySeconds).setParameter(4, max)
                    .getResultList();
            return rows.stream().map(r -> (Object[]) r).map(r -> new Due((String) r[0], (String) r[1],
                    MailboxSettings.account((String) r[2], (String) r[3], secrets),
                    r[4] == null ? null : ((Number) r[4]).longValue(), ((Number) r[5]).longValue())).toList();
        });
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
