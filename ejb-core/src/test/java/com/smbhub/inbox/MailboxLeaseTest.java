package com.smbhub.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smbhub.platform.security.Secrets;
import com.smbhub.platform.tenancy.TestDatabase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One poller per mailbox in the whole cluster: two instances asking at the same moment get disjoint
 * mailboxes (row locks skipped, then the lease), a lease left by a killed instance passes on once it ran
 * out, and an IDLE watch is held by one instance at a time.
 */
@Timeout(60) // a lease that waits for another instance's transaction fails here instead of hanging the suite
class MailboxLeaseTest {

    private static TestDatabase db;
    private static EntityManagerFactory emf;
    private static final Secrets SECRETS = new Secrets(Base64.getEncoder().encodeToString(new byte[32]));
    private static final List<String> BOXES = new java.util.ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        db = TestDatabase.fresh("mailbox_lease_suite");
        emf = Persistence.createEntityManagerFactory("smbhub-se", db.jpaProperties());
        try (Connection c = db.connect()) {
            for (int i = 0; i < 6; i++) {
                String tenant = UUID.randomUUID().toString();
                String box = UUID.randomUUID().toString();
                run(c, "insert into tenants (id, external_org_id, name) values (?::uuid, ?, ?)", tenant, "org-" + tenant, "B" + i);
                run(c, "insert into integration_connections (id, tenant_id, provider, config_json, credentials_ref)"
                        + " values (?::uuid, ?::uuid, 'IMAP', ?::jsonb, ?)", box, tenant, "{\"host\":\"imap.example.com\","
                        + "\"port\":993,\"security\":\"SSL\",\"username\":\"u" + i + "\",\"folder\":\"INBOX\"}",
                        SECRETS.encrypt("pw" + i, "imap"));
                BOXES.add(box);
            }
            // each mailbox's row exists already (the first lease makes it; two first leases at once wait for each other)
            c.createStatement().executeUpdate("insert into mailbox_sync (connection_id, tenant_id) select id, tenant_id"
                    + " from integration_connections");
        }
    }

    @AfterAll
    static void stop() {
        emf.close();
    }

    private static void run(Connection c, String sql, String... args) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setString(i + 1, args[i]);
            }
            s.executeUpdate();
        }
    }

    /** A Mailboxes bean of one instance, in a transaction of its own that the caller ends. */
    private static <T> T inTransaction(EntityManager em, boolean commit, Function<Mailboxes, T> work) {
        Mailboxes boxes = new Mailboxes();
        boxes.em = em;
        boxes.secrets = SECRETS;
        em.getTransaction().begin();
        try {
            return work.apply(boxes);
        } finally {
            if (commit) {
                em.getTransaction().commit();
            }
        }
    }

    private static boolean watch(EntityManager em, String box, String poller) {
        Boolean taken = inTransaction(em, true, x -> x.watch(box, poller));
        return taken;
    }

    @Test
    void twoInstancesAskingAtOnceGetDisjointMailboxesAndALapsedLeasePassesOn() throws Exception {
        EntityManager one = emf.createEntityManager();
        EntityManager two = emf.createEntityManager();
        List<Mailboxes.Due> first = inTransaction(one, false, b -> b.lease("instance-1", 4, 300, List.of(), false, 4));
        // instance 1 has not committed yet: its rows are locked, and instance 2 skips them
        List<Mailboxes.Due> second = inTransaction(two, true, b -> b.lease("instance-2", 4, 300, List.of(), false, 20));
        one.getTransaction().commit();
        Set<String> a = new HashSet<>(first.stream().map(Mailboxes.Due::connectionId).toList());
        Set<String> b = new HashSet<>(second.stream().map(Mailboxes.Due::connectionId).toList());
        assertEquals(4, a.size());
        assertTrue(b.stream().noneMatch(a::contains), "no mailbox is read by both: " + a + " " + b);
        assertEquals(BOXES.size(), a.size() + b.size(), "every mailbox went to one of them");
        assertEquals("pw" + BOXES.indexOf(first.get(0).connectionId()), first.get(0).account().password());

        // held leases are not handed out again, by either instance, however due
        assertTrue(inTransaction(two, true, x -> x.lease("instance-2", 0, 0, BOXES, false, 20)).isEmpty());
        // instance 1 is killed: its leases run out, then instance 2 takes its mailboxes over
        try (Connection c = db.connect()) {
            c.createStatement().executeUpdate("update mailbox_sync set lease_until = now() - interval '1 second'"
                    + " where leased_by = 'instance-1'");
        }
        List<Mailboxes.Due> taken = inTransaction(two, true, x -> x.lease("instance-2", 0, 0, List.of(), false, 20));
        assertEquals(a, new HashSet<>(taken.stream().map(Mailboxes.Due::connectionId).toList()));
        one.close();
        two.close();
    }

    @Test
    void oneInstanceWatchesAMailboxAtATime() {
        EntityManager em = emf.createEntityManager();
        String box = BOXES.get(5);
        assertTrue(watch(em, box, "watcher-1"));
        assertFalse(watch(em, box, "watcher-2"), "another instance watches it");
        assertTrue(watch(em, box, "watcher-1"), "the watcher keeps its own");
        assertEquals(Set.of(box), inTransaction(em, true, x -> x.renewWatches("watcher-1")).keySet());
        assertTrue(inTransaction(em, true, x -> x.renewWatches("watcher-2")).isEmpty());
        inTransaction(em, true, x -> {
            x.unwatch(box, "watcher-1");
            return null;
        });
        assertTrue(watch(em, box, "watcher-2"), "free again once let go");
        inTransaction(em, true, x -> {
            x.unwatchAll("watcher-2"); // that instance stops
            return null;
        });
        assertTrue(watch(em, box, "watcher-1"));
        em.close();
    }
}
