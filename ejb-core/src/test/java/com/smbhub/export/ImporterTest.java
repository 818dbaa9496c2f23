package com.smbhub.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

class ImporterTest {

    @Test
    void anUploadIsKeptOnlyUpToTheLimit() throws Exception {
        byte[] upload = new byte[200_000];
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        assertTrue(Importer.copyAtMost(new ByteArrayInputStream(upload), kept, 200_000), "exactly the limit");
        assertArrayEquals(upload, kept.toByteArray());
        ByteArrayOutputStream over = new ByteArrayOutputStream();
        assertFalse(Importer.copyAtMost(new ByteArrayInputStream(upload), over, 199_999), "one byte over");
        assertTrue(over.size() < 200_000, "stops reading once over");
    }
}
