package com.smbhub.export;

import com.smbhub.file.FileStore;
import com.smbhub.file.FileStores;
import com.smbhub.money.MoneyText;
import com.smbhub.platform.Jsonp;
import com.smbhub.platform.audit.AuditService;
import com.smbhub.platform.errors.ConflictException;
import com.smbhub.platform.errors.ProviderException;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.security.Access;
import com.smbhub.platform.security.Capability;
import com.smbhub.platform.tenancy.RequestContext;
import com.smbhub.platform.tenancy.TenantScoped;
import com.smbhub.profile.ProfileCache;
import com.smbhub.profile.ProfileCatalog;
import com.smbhub.tenant.BusinessDetails;
import com.smbhub.tenant.Tenant;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Brings an export back into a new, empty business (issue 16): the ZIP is checked whole first ({@link ImportZip}), then
 * every row is written in one transaction under this business with a new id — every reference to an exported row,
 * wherever it is (a column, a note, a draft's payload), follows it — and every stored file goes to the file store.
 * People are not part of an export: a row that names someone who is not in this business names nobody. Anything
 * refused changes nothing.
 */
@Stateless
@TenantScoped
public class Importer {

    private static final Logger LOG = Logger.getLogger(Importer.class.getName());

    /** What a business has from its first day (tax codes, numbering, templates…): the export's rows take their place. */
    public static final List<String> REPLACED = List.of("tax_codes", "document_sequences", "templates", "tenant_profile_overrides",
            "notifications", "ar_reminders", "sms_opt_outs");
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final int BATCH = 500;

    @PersistenceContext(unitName = "smbhub") EntityManager em;

    @EJB Access access;

    @EJB AuditService audit;

    @Inject ProfileCache profiles;

    @Inject FileStores stores;

    @EJB ProfileCatalog catalog;

    @Inject @ConfigProperty(name = "smbhub.import.max-bytes", defaultValue = "2147483648") long maxBytes;

    /** What an import wrote: rows per table, and the stored files. */
    public record Result(Map<String, Long> rows, int files) {
    }

    /** A reference to a row written later in the order (a quote's invoice): set once both rows are in. */
    private record Later(String table, String column, String id, String value) {
    }

    /** Reads {@code upload} (an export ZIP) into this business; OWNER/ADMIN, and only while the business has no records. */
    public Result load(InputStream upload) {
        access.require(Capability.RUN_JOBS);
        String tenantId = RequestContext.current().orElseThrow().tenantId();
        Path path = null;
        List<String> stored = new ArrayList<>();
        try {
            Files.createDirectories(stores.incoming());
            path = Files.createTempFile(stores.incoming(), "import-", ".zip");
            try (OutputStream out = Files.newOutputStream(path)) {
                if (!copyAtMost(upload, out, maxBytes)) {
                    throw new ValidationException("file", "An export is at most " + maxBytes / (1024 * 1024)
                            + " MB on this server; ask its operator to raise smbhub.import.max-bytes");
                }
            }
            try (ImportZip zip = ImportZip.open(path)) {
                Result result = load(em.unwrap(Connection.class), zip, tenantId, stored);
                profiles.invalidate(tenantId);
                audit.record("business.imported", "tenant", tenantId, null, Map.of("from_business", zip.businessId(),
                        "rows", result.rows().values().stream().mapToLong(Long::longValue).sum(), "files", result.files()));
                return result;
            }
        } catch (IOException e) {
            LOG.warning("an import could not be read or stored: " + e);
            throw new ProviderException("The export could not be stored while it was read; try again later");
        } catch (SQLException e) {
            throw new IllegalStateException("import failed", e);
        } catch (RuntimeException e) {
            deleteStored(stored);
            throw e;
        } finally {
            Exporter.deleteQuietly(path);
        }
    }

    private Result load(Connection db, ImportZip zip, String tenantId, List<String> stored) throws IOException, SQLException {
        String ours = Exporter.schemaVersion(db);
        if (!ours.equals(zip.schemaVersion())) {
            throw ImportZip.refused("This export was made by another version of SMB Hub (database version "
                    + zip.schemaVersion() + "; this server has " + ours + "); export it again from an up-to-date server");
        }
        requireEmpty(db, tenantId);
        Map<String, String> fileIds = new HashMap<>();
        Map<String, String> ids = newIds(zip, fileIds);
        Set<String> people = people(db, tenantId);
        for (String table : REPLACED) {
            update(db, "delete from " + table + " where tenant_id = cast(? as uuid)", tenantId);
        }
        Map<String, Long> rows = new LinkedHashMap<>();
        List<Later> later = new ArrayList<>();
        int files = 0;
        for (int t = 0; t < Exporter.TABLES.size(); t++) {
            String table = Exporter.TABLES.get(t);
            int at = t;
            Map<String, String> references = references(db, table);
            List<String> personColumns = references.keySet().stream().filter(c -> references.get(c).equals("users")).toList();
            List<String> laterColumns = references.keySet().stream()
                    .filter(c -> Exporter.TABLES.indexOf(references.get(c)) >= at).toList();
            List<String> columns = Exporter.columns(db, table).stream().map(c -> '"' + c[0] + '"').toList();
            String names = String.join(", ", columns);
            long count = 0;
            try (BufferedReader lines = zip.lines(table); PreparedStatement insert = db.prepareStatement("insert into " + table
                    + " (" + names + ") select " + names + " from json_populate_record(null::" + table + ", cast(? as json))")) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonObject row = parse(table, remap(line, ids));
                    JsonObjectBuilder written = Jsonp.createObjectBuilder(row).add("tenant_id", tenantId);
                    for (String column : personColumns) {
                        if (row.get(column) instanceof JsonString person && !people.contains(person.getString())) {
                            written.addNull(column);
                        }
                    }
                    for (String column : laterColumns) {
                        if (row.get(column) instanceof JsonString value) {
                            later.add(new Later(table, column, row.getString("id"), value.getString()));
                            written.addNull(column);
                        }
                    }
                    if (table.equals("files")) {
                        files += storeFile(zip, fileIds.get(row.getString("id")), tenantId, written, stored) ? 1 : 0;
                    }
                    insert.setString(1, written.build().toString());
                    insert.addBatch();
                    if (++count % BATCH == 0) {
                        write(insert, table);
                    }
                }
                write(insert, table);
            }
            rows.put(table, count);
        }
        for (Later reference : later) {
            update(db, "update " + reference.table() + " set \"" + reference.column() + "\" = cast(? as uuid)"
                    + " where id = cast(? as uuid)", reference.value(), reference.id());
        }
        zip.business().ifPresent(business -> settle(tenantId, business));
        return new Result(rows, files);
    }

    /**
     * The business takes the exported one's time zone, currency, profile, details and options (each checked; a wrong one
     * refuses it all).
     */
    private void settle(String tenantId, ImportZip.Business business) {
        if (!isZone(business.timezone()) || !MoneyText.isCurrency(business.currency()) || !catalog.profileIds().contains(business.profileId())) {
            throw ImportZip.refused("The export's manifest names a time zone, currency or profile this server does not know;"
                    + " the ZIP is damaged");
        }
        Tenant tenant = em.find(Tenant.class, tenantId);
        BusinessDetails details;
        try {
            details = BusinessDetails.of(business.details(), tenant.getVersion()).checked();
        } catch (ValidationException e) {
            throw ImportZip.refused("The export's business details cannot be kept (" + e.getMessage() + "); the ZIP is damaged");
        }
        try {
            tenant.imported(business.timezone(), business.currency(), business.profileId(), details, business.options());
        } catch (ValidationException e) {
            throw ImportZip.refused("The export's business options cannot be kept (" + e.getMessage() + "); the ZIP is damaged");
        }
        em.flush();
    }

    private static boolean isZone(String id) {
        try {
            return id != null && ZoneId.of(id).getId().equals(id);
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** Copies {@code in} to {@code out} while it is at most {@code max} bytes; false (and stops) once it is more. */
    static boolean copyAtMost(InputStream in, OutputStream out, long max) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long copied = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            copied += n;
            if (copied > max) {
                return false;
            }
            out.write(buffer, 0, n);
        }
        return true;
    }

    /** Only a business with no records takes an import (what sign-up gives it is replaced; anything else would mix). */
    private static void requireEmpty(Connection db, String tenantId) throws SQLException {
        List<String> filled = new ArrayList<>();
        for (String table : Exporter.TABLES) {
            if (!REPLACED.contains(table) && exists(db, "select 1 from " + table + " where tenant_id = cast(? as uuid)"
                    + " limit 1", tenantId)) {
                filled.add(table.replace('_', ' '));
            }
        }
        if (!filled.isEmpty()) {
            throw new ConflictException("This business already has records (" + String.join(", ", filled) + "). An export is"
                    + " brought into a new business: sign up again and choose “I have an export”, or remove the sample"
                    + " records first", Map.of("tables", filled));
        }
    }

    /**
     * The first read: every row belongs to the business the manifest names, each table holds as many rows as the
     * manifest counts, and every id is new in the export; each id
     * gets the id it will have here ({@code fileIds}: a stored file's export id by its new id).
     */
    private static Map<String, String> newIds(ImportZip zip, Map<String, String> fileIds) throws IOException {
        Map<String, String> ids = new HashMap<>();
        for (String table : Exporter.TABLES) {
            long count = 0;
            try (BufferedReader lines = zip.lines(table)) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.isBlank()) {
                        continue;
                    }
                    count++;
                    JsonObject row = parse(table, line);
                    if (!(row.get("tenant_id") instanceof JsonString owner) || !owner.getString().equals(zip.businessId())) {
                        throw ImportZip.refused("The export's " + table + " holds rows of another business than the one it"
                                + " was made of; it was put together from more than one export");
                    }
                    if (row.get("id") instanceof JsonString id) {
                        String newId = UUID.randomUUID().toString();
                        if (ids.put(id.getString(), newId) != null) {
                            throw ImportZip.refused("The export's " + table + " repeats the id " + id.getString()
                                    + "; it was put together from more than one export");
                        }
                        if (table.equals("files")) {
                            fileIds.put(newId, id.getString());
                        }
                    }
                }
            }
            if (count != zip.rows(table)) {
                throw ImportZip.refused("The export's " + table + " holds " + count + " records where its manifest counts "
                        + zip.rows(table) + "; the ZIP is damaged or was changed");
            }
        }
        return ids;
    }

    /** The line with every exported row's id replaced by its new one. */
    static String remap(String line, Map<String, String> ids) {
        Matcher found = ID.matcher(line);
        StringBuilder out = new StringBuilder(line.length());
        while (found.find()) {
            found.appendReplacement(out, ids.getOrDefault(found.group(), found.group()));
        }
        return found.appendTail(out).toString();
    }

    /** Copies a file row's bytes from the ZIP to the file store under a new key; false when the export has none. */
    private boolean storeFile(ImportZip zip, String oldId, String tenantId, JsonObjectBuilder written, List<String> stored)
            throws IOException {
        FileStore store = stores.current();
        String key = FileStores.newKey(tenantId);
        written.add("storage_provider", store.provider()).add("object_key", key).addNull("bucket");
        try (InputStream bytes = zip.file(oldId)) {
            if (bytes == null) {
                return false;
            }
            Path copy = Files.createTempFile(stores.incoming(), "import-file-", ".part");
            try {
                Files.copy(bytes, copy, StandardCopyOption.REPLACE_EXISTING);
                store.put(key, copy);
                stored.add(key);
            } finally {
                Files.deleteIfExists(copy);
            }
        }
        return true;
    }

    /** The table's columns that reference another table (people, or rows of the export), by the table they name. */
    private static Map<String, String> references(Connection db, String table) throws SQLException {
        Map<String, String> references = new HashMap<>();
        try (PreparedStatement query = db.prepareStatement("select a.attname, c.confrelid::regclass::text from pg_constraint c"
                + " join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)"
                + " where c.contype = 'f' and c.conrelid = cast(? as regclass) and c.confrelid <> cast('tenants' as regclass)")) {
            query.setString(1, table);
            try (ResultSet r = query.executeQuery()) {
                while (r.next()) {
                    references.put(r.getString(1), r.getString(2));
                }
            }
        }
        return references;
    }

    /** The people of this business (a reference to anyone else is dropped). */
    private static Set<String> people(Connection db, String tenantId) throws SQLException {
        Set<String> people = new HashSet<>();
        try (PreparedStatement query = db.prepareStatement("select cast(user_id as text) from tenant_members"
                + " where tenant_id = cast(? as uuid) and deleted_at is null")) {
            query.setString(1, tenantId);
            try (ResultSet r = query.executeQuery()) {
                while (r.next()) {
                    people.add(r.getString(1));
                }
            }
        }
        return people;
    }

    private static JsonObject parse(String table, String line) {
        try (JsonReader reader = Jsonp.createReader(new StringReader(line))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw ImportZip.refused("The export's " + table + " has a line that is not a record; the ZIP is damaged");
        }
    }

    /** Runs the batch; a row this server's rules refuse is the export's fault, said in words. */
    private static void write(PreparedStatement insert, String table) throws SQLException {
        try {
            insert.executeBatch();
        } catch (SQLException e) {
            SQLException cause = e.getNextException() != null ? e.getNextException() : e;
            if (cause.getSQLState() != null && (cause.getSQLState().startsWith("23") || cause.getSQLState().startsWith("22"))) {
                LOG.info("import refused a row of " + table + ": " + cause.getMessage());
                throw ImportZip.refused("The export's " + table + " has a record this server does not accept ("
                        + cause.getMessage().lines().findFirst().orElse("") + ")");
            }
            throw e;
        }
    }

    private static boolean exists(Connection db, String sql, String tenantId) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, tenantId);
            try (ResultSet r = query.executeQuery()) {
                return r.next();
            }
        }
    }

    private static void update(Connection db, String sql, String... values) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setString(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }

    private void deleteStored(List<String> keys) {
        for (String key : keys) {
            try {
                stores.current().delete(key);
            } catch (IOException | RuntimeException e) {
                LOG.fine(() -> "an imported file not deleted after the import was refused: " + e);
            }
        }
    }
}
