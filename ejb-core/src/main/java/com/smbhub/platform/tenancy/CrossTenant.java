package com.smbhub.platform.tenancy;

import com.smbhub.platform.db.NativeSql;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The one way past row-level security (docs/security.md): work that must read or write rows of more
 * than one business, or of a business not yet known, names why and runs in this scope for exactly the
 * statements it wraps (the database setting {@code app.cross_tenant} is on for them and back as it was
 * after). Everything else sees only the rows of the business bound to its transaction.
 */
public final class CrossTenant {

    /** Why a piece of work crosses businesses; each is logged when it starts. */
    public enum Purpose {
        /** a user's memberships at sign-in and in the business switcher */
        MEMBERSHIPS,
        /** an invitation found by its token before the invitee is a member */
        INVITATION,
        /** a client link's business found from its token */
        PORTAL_LINK,
        /** demo and test businesses made at start-up or by a test */
        SEEDING,
        /** queued view events of several businesses written in one batch */
        ANALYTICS,
        /** the mail log of one business, named explicitly (written in a transaction of its own, read by the sender) */
        MAIL_LOG
    }

    private static final Logger LOG = Logger.getLogger(CrossTenant.class.getName());
    private static final String READ = "select current_setting('app.cross_tenant', true)";
    private static final String SET = "select set_config('app.cross_tenant', ?1, true)";

    private CrossTenant() {
    }

    /** Runs {@code work} on {@code em}'s transaction with the scope on, then restores what was set before. */
    public static <T> T run(EntityManager em, Purpose purpose, Supplier<T> work) {
        Object before = NativeSql.query(em, READ).getSingleResult();
        set(em, "on");
        LOG.fine(() -> "cross-business scope: " + purpose);
        try {
            return work.get();
        } finally {
            set(em, before == null ? "" : before.toString());
        }
    }

    /** For the rest of {@code em}'s transaction (seeding a business from nothing). */
    public static void forTransaction(EntityManager em, Purpose purpose) {
        set(em, "on");
        LOG.fine(() -> "cross-business scope for the transaction: " + purpose);
    }

    /** The same on a plain JDBC connection taken inside a container transaction, for that transaction. */
    public static void forTransaction(Connection connection, Purpose purpose) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("select set_config('app.cross_tenant', 'on', true)")) {
            ps.execute();
        }
        LOG.fine(() -> "cross-business scope for the transaction: " + purpose);
    }

    private static void set(EntityManager em, String value) {
        NativeSql.query(em, SET).setParameter(1, value).getSingleResult();
    }
}
