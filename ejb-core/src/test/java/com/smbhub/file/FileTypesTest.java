package com.smbhub.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTypesTest {

    @TempDir
    Path dir;

    private String detect(byte[] bytes, String name) throws Exception {
        Path file = Files.write(dir.resolve("f"), bytes);
        return FileTypes.detect(file, name);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void aPdfIsAPdf() throws Exception {
        String type = detect(ascii("%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n%%EOF\n"), "quote.pdf");
        assertEquals("application/pdf", type);
        assertTrue(FileTypes.allowed(type));
    }

    @Test
    void aPngIsAPngWhateverItsName() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        assertEquals("image/png", detect(png, "photo.txt"));
    }

    @Test
    void aRenamedWindowsExecutableIsRefused() throws Exception {
        byte[] exe = new byte[256];
        exe[0] = 'M';
        exe[1] = 'Z';
        String type = detect(exe, "invoice.pdf");
        assertFalse(FileTypes.allowed(type), type);
    }

    @Test
    void aRenamedLinuxExecutableIsRefused() throws Exception {
        byte[] elf = new byte[64];
        elf[0] = 0x7f;
        elf[1] = 'E';
        elf[2] = 'L';
        elf[3] = 'F';
        elf[4] = 2;
        elf[5] = 1;
        elf[6] = 1;
        String type = detect(elf, "receipt.jpg");
        assertFalse(FileTypes.allowed(type), type);
    }

    @Test
    void aShellScriptNamedTxtIsRefused() throws Exception {
        String type = detect(ascii("#!/bin/sh\nrm -rf /\n"), "notes.txt");
        assertFalse(FileTypes.allowed(type), type);
    }

    @Test
    void unknownBytesNamedPdfAreRefused() throws Exception {
        byte[] noise = new byte[512];
        new Random(7).nextBytes(noise);
        String type = detect(noise, "statement.pdf");
        assertFalse(FileTypes.allowed(type), type);
    }

    @Test
    void textIsTextAndCsvByItsName() throws Exception {
        assertEquals("text/plain", detect(ascii("Gate code 4411, dog is friendly\n"), "notes.txt"));
        assertEquals("text/csv", detect(ascii("name,email\nJane,jane@x.test\n"), "contacts.csv"));
    }

    @Test
    void cleanNameKeepsOnlyTheLastPathPart() {
        assertEquals("evil.pdf", FileService.cleanName("../../etc/evil.pdf"));
        assertEquals("x.pdf", FileService.cleanName("C:\\Users\\me\\x.pdf"));
        assertEquals("file", FileService.cleanName(".."));
        assertEquals("ab.pdf", FileService.cleanName("a\u0000b\n.pdf"));
    }
}
