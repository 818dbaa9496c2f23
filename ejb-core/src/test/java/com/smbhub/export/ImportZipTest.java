package com.smbhub.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.Jsonp;
import jakarta.json.JsonObjectBuilder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An export brought back is checked whole before anything is written: format, checksums, nothing missing, nothing added. */
class ImportZipTest {

    private static final String BUSINESS = "0b6f1c1e-0000-4000-8000-000000000001";
    private static final String CONTACT = "{\"id\":\"0b6f1c1e-0000-4000-8000-0000000000c1\",\"tenant_id\":\"" + BUSINESS + "\"}";

    @TempDir Path dir;

    @Test
    void aWholeExportOpensWithItsRowsAndFiles() throws IOException {
        try (ImportZip zip = ImportZip.open(export(manifest()))) {
            assertEquals(BUSINESS, zip.businessId());
            assertEquals("29", zip.schemaVersion());
            assertEquals(1, zip.rows("contacts"));
            try (BufferedReader lines = zip.lines("contacts")) {
                assertEquals(CONTACT, lines.readLine());
            }
            try (BufferedReader lines = zip.lines("invoices")) {
                assertEquals(null, lines.readLine());
            }
            try (InputStream bytes = zip.file("f1")) {
                assertEquals("receipt", new String(bytes.readAllBytes(), StandardCharsets.UTF_8));
            }
            assertEquals(null, zip.file("f2"));
        }
    }

    @Test
    void anEntryChangedAfterTheExportIsRefused() throws IOException {
        Path zip = rewrite(export(manifest()), Map.of("contacts.jsonl", CONTACT.replace("c1", "c2")), null);
        assertRefused(zip, "contacts.jsonl does not match its checksum");
    }

    @Test
    void anEntryTheManifestDoesNotListIsRefused() throws IOException {
        Path zip = rewrite(export(manifest()), Map.of(), "extra.jsonl");
        assertRefused(zip, "holds extra.jsonl, which its manifest does not list");
    }

    @Test
    void aMissingEntryIsRefused() throws IOException {
        Path zip = rewrite(export(manifest()), Map.of(), null, "contacts.csv");
        assertRefused(zip, "missing contacts.csv");
    }

    @Test
    void anotherFormatOrNoManifestOrNoZipIsRefused() throws IOException {
        assertRefused(export(manifest().add("format_version", 2)), "format 2");
        assertRefused(export(manifest().add("format", "other")), "not an SMB Hub export");
        assertRefused(rewrite(export(manifest()), Map.of(), null, ExportZip.MANIFEST), "has no manifest.json");
        Path text = Files.writeString(dir.resolve("notes.zip"), "just text");
        assertRefused(text, "not a ZIP file");
    }

    @Test
    void everyExportedIdFollowsItsRowAndOtherIdsStay() {
        String line = "{\"id\":\"11111111-1111-4111-8111-111111111111\",\"contact_id\":\"22222222-2222-4222-8222-222222222222\","
                + "\"note\":\"see 22222222-2222-4222-8222-222222222222\",\"assigned_to\":\"33333333-3333-4333-8333-333333333333\"}";
        String moved = Importer.remap(line, Map.of("11111111-1111-4111-8111-111111111111", "aaaaaaaa-1111-4111-8111-111111111111",
                "22222222-2222-4222-8222-222222222222", "bbbbbbbb-2222-4222-8222-222222222222"));
        assertEquals("{\"id\":\"aaaaaaaa-1111-4111-8111-111111111111\",\"contact_id\":\"bbbbbbbb-2222-4222-8222-222222222222\","
                + "\"note\":\"see bbbbbbbb-2222-4222-8222-222222222222\",\"assigned_to\":\"33333333-3333-4333-8333-333333333333\"}",
                moved);
    }

    private void assertRefused(Path zip, String why) {
        ValidationException e = assertThrows(ValidationException.class, () -> ImportZip.open(zip).close());
        assertEquals("file", e.errors().get(0).field());
        assertTrue(e.errors().get(0).message().contains(why), e.errors().get(0).message());
    }

    private static JsonObjectBuilder manifest() {
        return Jsonp.createObjectBuilder().add("format", "smbhub-export").add("format_version", 1).add("schema_version", "29")
                .add("business_id", BUSINESS).add("rows", Jsonp.createObjectBuilder().add("contacts", 1)).add("files", 1);
    }

    /** An export as the exporter writes it: contacts as JSON lines and CSV, one stored file, the manifest last. */
    private Path export(JsonObjectBuilder about) throws IOException {
        Path path = Files.createTempFile(dir, "export-", ".zip");
        try (OutputStream file = Files.newOutputStream(path)) {
            ExportZip zip = new ExportZip(new ZipOutputStream(file));
            write(zip, "contacts.jsonl", CONTACT);
            write(zip, "contacts.csv", "id,tenant_id\n");
            write(zip, "files/f1/receipt.txt", "receipt");
            zip.finish(about);
        }
        return path;
    }

    private static void write(ExportZip zip, String name, String text) throws IOException {
        OutputStream entry = zip.entry(name);
        entry.write(text.getBytes(StandardCharsets.UTF_8));
        zip.close(entry);
    }

    /** The same ZIP with some entries' bytes replaced, one entry added and some left out. */
    private Path rewrite(Path from, Map<String, String> replaced, String added, String... dropped) throws IOException {
        Path path = Files.createTempFile(dir, "changed-", ".zip");
        try (ZipFile in = new ZipFile(from.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(path))) {
            for (ZipEntry entry : java.util.Collections.list(in.entries())) {
                if (java.util.List.of(dropped).contains(entry.getName())) {
                    continue;
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (replaced.containsKey(entry.getName())) {
                    out.write(replaced.get(entry.getName()).getBytes(StandardCharsets.UTF_8));
                } else {
                    in.getInputStream(entry).transferTo(out);
                }
                out.closeEntry();
            }
            if (added != null) {
                out.putNextEntry(new ZipEntry(added));
                out.write('x');
                out.closeEntry();
            }
        }
        return path;
    }
}
