package com.smbhub.export;

import com.smbhub.contact.Contact;
import com.smbhub.file.FileStores;
import com.smbhub.invoice.Invoice;
import com.smbhub.invoice.InvoicePdf;
import com.smbhub.money.Drafts;
import com.smbhub.money.MoneyDocument;
import com.smbhub.money.TaxCode;
import com.smbhub.quote.Quote;
import com.smbhub.quote.QuoteService;
import com.smbhub.tenant.BusinessLogo;
import com.smbhub.job.JobLedger;
import com.smbhub.job.JobName;
import com.smbhub.job.JobRun;
import com.smbhub.notification.NotificationService;
import com.smbhub.job.JobRunStatus;
import com.smbhub.platform.Jsonp;
import com.smbhub.platform.mail.Mailer;
import com.smbhub.platform.security.User;
import com.smbhub.platform.tenancy.TenantEntry;
import com.smbhub.platform.time.BusinessClock;
import com.smbhub.tenant.Tenant;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.ZipException;
import java.util.zip.ZipOutputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * "Export everything" (issue 16): one ZIP of a business's records — each table as JSON lines (every column, lossless)
 * and as CSV (for spreadsheets), every stored file under {@code files/}, each invoice and quote as its PDF under
 * {@code pdfs/} (unless the run leaves them out), and {@code manifest.json} with the counts,
 * the schema version and each entry's SHA-256. Rows stream from a cursor straight into the ZIP, which is written to a
 * file and then to the file store, so memory stays flat whatever the size. Runs as the business's job
 * ({@link TenantEntry.Path#JOB}): the queries name the business and row-level security holds them to it too.
 */
@Stateless
public class Exporter {

    private static final Logger LOG = Logger.getLogger(Exporter.class.getName());

    /** The business's tables, parents before children (the order an import writes them back in). */
    static final List<String> TABLES = List.of("tax_codes", "catalog_items", "document_sequences", "templates", "tenant_profile_overrides",
            "contacts", "conversations", "messages", "message_sources", "sms_media", "files", "work_items", "quotes", "invoices", "payments", "expenses",
            "ai_drafts", "notifications", "ar_reminders", "sms_opt_outs", "external_entity_map", "import_columns");
    /** Narrows a table's rows to those not deleted. */
    private static final String LIVE = " and deleted_at is null";
    /** UTF-8's byte-order mark: spreadsheets then read the CSV's accents right. */
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final Set<String> TEXT_TYPES = Set.of("text", "character varying", "character");
    /** How many files (or PDFs) go between two progress updates. */
    private static final int PROGRESS_EVERY = 2_000;
    /** How many invoices or quotes are read at a time for their PDFs. */
    private static final int PDF_PAGE = 200;
    /** Below every id: where reading by id starts. */
    private static final String FIRST_ID = "00000000-0000-0000-0000-000000000000";

    @PersistenceContext(unitName = "smbhub") EntityManager em;

    @EJB TenantEntry entry;

    @EJB JobLedger ledger;

    @Inject FileStores stores;

    @EJB Mailer mailer;

    @Inject @ConfigProperty(name = "smbhub.public-url", defaultValue = "http://localhost:8080") String publicUrl;

    @Resource SessionContext context;

    /** Where the export of run {@code runId} is kept in the file store. */
    public static String key(String tenantId, String runId) {
        return "exports/" + tenantId + "/" + runId + ".zip";
    }

    /** Run {@code runId}: the ZIP written and stored, then the run's counts kept (or why it failed). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void run(String tenantId, String runId) {
        Exporter self = context.getBusinessObject(Exporter.class);
        try {
            int rows = self.write(tenantId, runId);
            ledger.ended(tenantId, runId, JobRunStatus.COMPLETED, rows, 0, 0, List.of());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Export " + runId + " of business " + tenantId + " failed", e);
            ledger.ended(tenantId, runId, JobRunStatus.FAILED, 0, 0, 0, List.of("The export could not be written; start it again"));
            return;
        }
        try {
            self.ready(tenantId, runId);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Export " + runId + " is ready, but the business was not told", e);
        }
    }

    /** Tells the business its export is ready: a notification for everyone, an e-mail to whoever started it. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void ready(String tenantId, String runId) {
        entry.asTenant(tenantId, TenantEntry.Path.JOB, "job_run:" + runId, null, () -> {
            NotificationService.add(em, "export.ready", "Your export is ready to download in Settings → Data", "job_run", runId);
            String startedBy = em.find(JobRun.class, runId).getStartedBy();
            User person = startedBy == null ? null : em.find(User.class, startedBy);
            if (person != null) {
                mailer.sendPlatformLater("EXPORT_READY", person.getEmail(), "Your SMB Hub export is ready",
                        "Hello,\n\nThe export of " + em.find(Tenant.class, tenantId).getName() + " you started is ready: download"
                                + " it in Settings → Data within " + Exports.KEPT.toDays() + " days:\n" + publicUrl
                                + "/app/settings?tab=data\n");
            }
            return null;
        });
    }

    /** Writes the ZIP in one read-only transaction (one consistent view of the business) and answers the rows written. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int write(String tenantId, String runId) {
        return entry.asTenant(tenantId, TenantEntry.Path.JOB, "job_run:" + runId, null, () -> {
            Path zip = null;
            try {
                Files.createDirectories(stores.incoming());
                zip = Files.createTempFile(stores.incoming(), "export-", ".zip");
                int rows;
                try (OutputStream file = Files.newOutputStream(zip)) {
                    rows = write(em.unwrap(Connection.class), tenantId, runId, file);
                }
                stores.current().put(key(tenantId, runId), zip);
                dropExpired(tenantId);
                return rows;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (SQLException e) {
                throw new IllegalStateException("export query failed", e);
            } finally {
                deleteQuietly(zip);
            }
        });
    }

    private int write(Connection db, String tenantId, String runId, OutputStream out) throws SQLException, IOException {
        ExportZip zip = new ExportZip(new ZipOutputStream(out));
        JsonObjectBuilder counts = Jsonp.createObjectBuilder();
        int total = 0;
        for (String table : TABLES) {
            total += count(db, table, tenantId, "");
        }
        int files = count(db, "files", tenantId, LIVE); // a deleted file's row goes, its bytes do not
        total += files;
        boolean withPdfs = !Boolean.FALSE.equals(em.find(JobRun.class, runId).getWithPdfs());
        if (withPdfs) {
            total += count(db, "invoices", tenantId, LIVE) + count(db, "quotes", tenantId, LIVE);
        }
        ledger.progress(tenantId, runId, 0, total);
        int done = 0;
        CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
        for (String table : TABLES) {
            // COPY takes no parameters: the id is a UUID this server made, and row-level security holds the rows anyway
            String rowsOf = table + " t where t.tenant_id = '" + tenantId + "'";
            OutputStream entry = zip.entry(table + ".jsonl");
            // CSV with quote and delimiter that JSON text never holds raw: each row_to_json line comes out as it is
            long rows = copy.copyOut("copy (select row_to_json(t) from " + rowsOf + ") to stdout with (format csv,"
                    + " quote e'\\x01', delimiter e'\\x02')", entry);
            zip.close(entry);
            entry = zip.entry(table + ".csv");
            entry.write(BOM);
            copy.copyOut("copy (select " + csvColumns(columns(db, table)) + " from " + rowsOf + ") to stdout with (format csv,"
                    + " header)", entry);
            zip.close(entry);
            counts.add(table, rows);
            done += (int) rows;
            ledger.progress(tenantId, runId, done, total);
        }
        try (ResultSet r = rows(db, "select cast(id as text), storage_provider, object_key, file_name from files"
                + " where tenant_id = cast(? as uuid)" + LIVE + " order by id", tenantId)) {
            while (r.next()) {
                try (InputStream bytes = stores.of(r.getString(2)).open(r.getString(3))) {
                    OutputStream entry = zip.entry("files/" + r.getString(1) + "/" + ExportZip.safeName(r.getString(4)));
                    bytes.transferTo(entry);
                    zip.close(entry);
                } catch (IOException e) {
                    zip.missing("files/" + r.getString(1));
                }
                if (++done % PROGRESS_EVERY == 0) {
                    ledger.progress(tenantId, runId, done, total);
                }
            }
        }
        JsonObjectBuilder pdfs = Jsonp.createObjectBuilder();
        if (withPdfs) {
            Tenant business = em.find(Tenant.class, tenantId);
            byte[] logo = BusinessLogo.of(em, tenantId);
            Map<String, TaxCode> codes = Drafts.allTaxCodes(em);
            int before = done;
            done = pdfs(zip, Invoice.class, "invoices", tenantId, runId, done, total,
                    (invoice, client) -> InvoicePdf.of(invoice, client, codes, business, logo, null));
            pdfs.add("invoices", done - before);
            before = done;
            done = pdfs(zip, Quote.class, "quotes", tenantId, runId, done, total,
                    (quote, client) -> QuoteService.pdf(quote, client, codes, business, logo, null));
            pdfs.add("quotes", done - before);
        }
        JsonObjectBuilder manifest = Jsonp.createObjectBuilder().add("format", "smbhub-export").add("format_version", 1)
                .add("schema_version", schemaVersion(db)).add("business_id", tenantId)
                .add("exported_at", BusinessClock.now().toString()).add("rows", counts).add("files", files)
                .add("pdfs", pdfs).add("business", business(tenantId));
        zip.finish(manifest);
        ledger.progress(tenantId, runId, total, total);
        return done;
    }

    /**
     * Each live invoice (or quote) as the PDF the back office gives, {@code pdfs/<folder>/<number>.pdf}, read a page at
     * a time by id with its client and then let go of, so memory stays flat; answers {@code done} counted on.
     */
    private <D extends MoneyDocument> int pdfs(ExportZip zip, Class<D> type, String folder, String tenantId, String runId,
                                               int done, int total, BiFunction<D, Contact, byte[]> render) throws IOException {
        String after = FIRST_ID;
        while (true) {
            List<Object[]> page = em.createQuery("select d, c from " + type.getSimpleName() + " d left join Contact c"
                            + " on c.id = d.contactId where d.deletedAt is null and d.id > :after order by d.id", Object[].class)
                    .setParameter("after", after).setMaxResults(PDF_PAGE).getResultList();
            if (page.isEmpty()) {
                return done;
            }
            for (Object[] row : page) {
                D document = type.cast(row[0]);
                byte[] pdf = render.apply(document, (Contact) row[1]);
                String name = "pdfs/" + folder + "/" + ExportZip.safeName(document.getNumber());
                OutputStream entry;
                try {
                    entry = zip.entry(name + ".pdf");
                } catch (ZipException sameName) { // two numbers that differ only in characters a file name cannot hold
                    entry = zip.entry(name + "-" + document.getId() + ".pdf");
                }
                entry.write(pdf);
                zip.close(entry);
                after = document.getId();
                if (++done % PROGRESS_EVERY == 0) {
                    ledger.progress(tenantId, runId, done, total);
                }
            }
            em.clear();
        }
    }

    /**
     * The business's name and settings an import takes over: time zone, currency, profile, its documents' details and
     * its options (mails after card payments, Text-to-Task automation). Its profile overrides (labels, fields, payment
     * reminders) travel as the table {@code tenant_profile_overrides}.
     */
    private JsonObjectBuilder business(String tenantId) {
        Tenant tenant = em.find(Tenant.class, tenantId);
        JsonObjectBuilder details = Jsonp.createObjectBuilder();
        tenant.details().fields().forEach((key, value) -> {
            if (value != null) {
                details.add(key, value);
            }
        });
        Tenant.Options options = tenant.options();
        JsonObjectBuilder switches = Jsonp.createObjectBuilder().add("payment_mail", options.paymentMail())
                .add("receipt_mail", options.receiptMail()).add("ai_auto_draft", options.aiAutoDraft());
        if (options.aiAutoApplyAt() != null) {
            switches.add("ai_auto_apply_at", options.aiAutoApplyAt());
        }
        return Jsonp.createObjectBuilder().add("name", tenant.getName()).add("timezone", tenant.getTimezone())
                .add("currency", tenant.getCurrency()).add("profile_id", tenant.getProfileId()).add("details", details)
                .add("options", switches);
    }

    /** The business's exports past their download week leave the file store (each new export tidies up). */
    private void dropExpired(String tenantId) {
        List<String> expired = em.createQuery("select r.id from JobRun r where r.job = :job and r.finishedAt < :before"
                        + " and r.finishedAt > :since order by r.finishedAt desc", String.class)
                .setParameter("job", JobName.EXPORT.apiName()).setParameter("before", BusinessClock.now().minus(Exports.KEPT))
                .setParameter("since", BusinessClock.now().minus(Exports.KEPT.multipliedBy(4))).setMaxResults(50).getResultList();
        for (String runId : expired) {
            try {
                stores.current().delete(key(tenantId, runId));
            } catch (IOException e) {
                LOG.fine(() -> "expired export " + runId + " not deleted: " + e.getMessage());
            }
        }
    }

    /**
     * The CSV's select list: each column by its name; a text cell starting with = + - @ gets a leading apostrophe so
     * no spreadsheet runs it as a formula (the JSON lines keep the exact value).
     */
    static String csvColumns(List<String[]> columns) {
        return String.join(", ", columns.stream().map(c -> {
            String name = '"' + c[0].replace("\"", "\"\"") + '"';
            return TEXT_TYPES.contains(c[1])
                    ? "case when " + name + " ~ '^[=+@-]' then '''' || " + name + " else " + name + " end as " + name : name;
        }).toList());
    }

    /** A table's columns in order: name and data type. */
    static List<String[]> columns(Connection db, String table) throws SQLException {
        List<String[]> columns = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement("select column_name, data_type from information_schema.columns"
                + " where table_schema = current_schema() and table_name = ? order by ordinal_position")) {
            query.setString(1, table);
            try (ResultSet r = query.executeQuery()) {
                while (r.next()) {
                    columns.add(new String[] {r.getString(1), r.getString(2)});
                }
            }
        }
        return columns;
    }

    /** The business's rows of {@code table}, {@code also} narrowing them. */
    private static int count(Connection db, String table, String tenantId, String also) throws SQLException {
        try (ResultSet r = rows(db, "select count(*) from " + table + " where tenant_id = cast(? as uuid)" + also, tenantId)) {
            r.next();
            return r.getInt(1);
        }
    }

    /** A streaming cursor over the rows (the transaction is open, so the driver fetches in batches). */
    private static ResultSet rows(Connection db, String sql, String tenantId) throws SQLException {
        PreparedStatement query = db.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        query.setFetchSize(500);
        query.setString(1, tenantId);
        query.closeOnCompletion();
        return query.executeQuery();
    }

    static String schemaVersion(Connection db) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("select version from flyway_schema_history where success"
                + " and version is not null order by installed_rank desc limit 1"); ResultSet r = query.executeQuery()) {
            return r.next() ? r.getString(1) : "unknown";
        }
    }

    /** Removes a temporary file; one left behind is only logged. */
    static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.fine(() -> "temporary file not deleted: " + e.getMessage());
            }
        }
    }
}
