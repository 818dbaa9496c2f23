package com.smbhub.platform.tenancy;

import com.smbhub.platform.audit.AuditService;
import com.smbhub.platform.db.NativeSql;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The one way past row-level security (docs/security.md): work that must read or write rows of more
 * than one business, or of a business not yet known, names why and runs in this scope for exactly the
 * statements it wraps (the database setting {@code app.cross_tenant} is on for them and back as it was
 * after). Everything else sees only the rows of the business bound to its transaction.
 */
public final class CrossTenant {

    /**
     * Why a piece of work crosses businesses. Each entry is audited ({@code platform.cross_tenant}) unless
     * the work it serves is audited already or is itself the record, as said for each.
     */
    public enum Purpose {
        /** the caller's own memberships at sign-in, in the switcher and for its role (covered by {@code auth.login_completed}) */
        MEMBERSHIPS(false),
        /** an invitation found by its token before the invitee is a member */
        INVITATION(true),
        /** a client link's business found from its token (covered by the {@code tenant.entered} that follows) */
        PORTAL_LINK(false),
        /** demo and test businesses made at start-up or by a test */
        SEEDING(true),
        /** queued view events of several businesses written in one batch (the rows are the record) */
        ANALYTICS(false),
        /** the mail log of one business, named explicitly (the log row is the record; the send is audited) */
        MAIL_LOG(false),
        /** platform ops' reports over every business: activation, job runs (read only) */
        OPS_REPORT(true),
        /**
         * the mail poller's claim of the mailboxes due for reading and its own bookkeeping of them (what it
         * reads enters each business through {@link TenantEntry}, audited there)
         */
        MAILBOXES(false),
        /**
         * the business a texting number belongs to, found from the number Twilio names (what the text carries
         * enters that business through {@link TenantEntry}, audited there), and the check that a number is
         * not another business's before it is saved
         */
        SMS_NUMBERS(false),
        /**
         * the business a Square merchant belongs to, found from the merchant a Square webhook names (the sync it starts
         * enters that business through {@link TenantEntry}, audited there), and the check that a merchant is not
         * another business's before it is connected
         */
        POS_MERCHANTS(false),
        /**
         * the media fetcher's claim of the MMS pictures due for fetching, with their business's Twilio account
         * (what it keeps enters each business through {@link TenantEntry}, audited there)
         */
        SMS_MEDIA(false),
        /** platform ops' review queue of Text-to-Task drafts sent to QC, over every business (read only) */
        AI_REVIEW(true);

        private final boolean audited;

        Purpose(boolean audited) {
            this.audited = audited;
        }
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
        entered(em, purpose);
        try {
            return work.get();
        } finally {
            set(em, before == null ? "" : before.toString());
        }
    }

    /** For the rest of {@code em}'s transaction (seeding a business from nothing). */
    public static void forTransaction(EntityManager em, Purpose purpose) {
        set(em, "on");
        entered(em, purpose);
    }

    /** The same on a plain JDBC connection taken inside a container transaction, for that transaction. */
    public static void forTransaction(Connection connection, Purpose purpose) throws SQLException {
        if (purpose.audited) {
            throw new IllegalArgumentException(purpose + " is audited: enter it through the EntityManager");
        }
        try (PreparedStatement ps = connection.prepareStatement("select set_config('app.cross_tenant', 'on', true)")) {
            ps.execute();
        }
        LOG.fine(() -> "cross-business scope for the transaction: " + purpose);
    }

    private static void entered(EntityManager em, Purpose purpose) {
        LOG.fine(() -> "cross-business scope: " + purpose);
        if (purpose.audited) {
            AuditService.recordPlatform(em, "platform.cross_tenant", "purpose", purpose.name(), Map.of());
        }
    }

    private static void set(EntityManager em, String value) {
        NativeSql.query(em, SET).setParameter(1, value).getSingleResult();
    }
}
