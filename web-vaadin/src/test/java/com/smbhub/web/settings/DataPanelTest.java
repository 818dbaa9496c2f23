package com.smbhub.web.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smbhub.export.Importer;
import com.smbhub.job.JobRunView;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What an owner reads about an export: how far it is, until when it can be downloaded; what an import brought in. */
class DataPanelTest {

    private static final ZoneId TORONTO = ZoneId.of("America/Toronto");
    private static final Instant STARTED = Instant.parse("2026-12-05T14:00:00Z");

    @Test
    void anImportSaysWhatCameInLeavingOutWhatEveryBusinessHas() {
        Map<String, Long> rows = new LinkedHashMap<>();
        rows.put("tax_codes", 3L);
        rows.put("contacts", 1_200L);
        rows.put("work_items", 40L);
        rows.put("expenses", 0L);
        assertEquals("Brought in 1,200 contacts, 40 work items, 1 file.", DataPanel.brought(new Importer.Result(rows, 1)));
        assertEquals("Brought in 0 files.", DataPanel.brought(new Importer.Result(Map.of(), 0)));
    }

    @Test
    void progressCountsTheItemsWritten() {
        assertEquals("Counting your records…", DataPanel.progress(run("STARTED", 0, null, null)));
        assertEquals("1,500 of 12,000 items written", DataPanel.progress(run("STARTED", 1500, 12000, null)));
    }

    @Test
    void aFinishedExportIsDownloadableForAWeek() {
        JobRunView done = run("COMPLETED", 120, 120, STARTED.plusSeconds(30));
        assertEquals("5 Dec 2026, 09:00: 120 items, until 12 Dec 2026, 09:00", DataPanel.line(done, TORONTO, STARTED.plusSeconds(60)));
        assertTrue(DataPanel.downloadable(done, STARTED.plusSeconds(60)));
        assertFalse(DataPanel.downloadable(done, STARTED.plusSeconds(8 * 86_400)));
        assertEquals("5 Dec 2026, 09:00: more than 7 days old, start a new one", DataPanel.line(done, TORONTO, STARTED.plusSeconds(8 * 86_400)));
        assertEquals("5 Dec 2026, 09:00: being written…", DataPanel.line(run("STARTED", 5, 120, null), TORONTO, STARTED));
        assertFalse(DataPanel.downloadable(run("FAILED", 0, 120, STARTED), STARTED));
        JobRunView dataOnly = new JobRunView("r2", "export", "MANUAL", "COMPLETED", 2L, null, STARTED, STARTED.plusSeconds(30),
                100, 100, 0, 0, null, false);
        assertEquals("5 Dec 2026, 09:00: 100 items (no PDFs), until 12 Dec 2026, 09:00",
                DataPanel.line(dataOnly, TORONTO, STARTED.plusSeconds(60)));
    }

    private static JobRunView run(String status, int done, Integer total, Instant finished) {
        return new JobRunView("r1", "export", "MANUAL", status, 1L, null, STARTED, finished, done, total, 0, 0, null, true);
    }
}
