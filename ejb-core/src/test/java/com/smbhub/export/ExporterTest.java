package com.smbhub.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The export's CSV columns: text that a spreadsheet would run as a formula is marked as text; other columns as they are. */
class ExporterTest {

    @Test
    void textColumnsStartingLikeAFormulaGetAnApostrophe() {
        assertEquals("\"id\", case when \"display_name\" ~ '^[=+@-]' then '''' || \"display_name\" else \"display_name\" end"
                + " as \"display_name\", \"total\"", Exporter.csvColumns(List.of(new String[] {"id", "uuid"},
                new String[] {"display_name", "text"}, new String[] {"total", "numeric"})));
    }

    @Test
    void quotesInAColumnNameAreDoubled() {
        assertEquals("\"a\"\"b\"", Exporter.csvColumns(List.<String[]>of(new String[] {"a\"b", "integer"})));
    }
}
