package com.smbhub.aidraft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PayloadsTest {

    private static final String READ = "{\"intent\":\"DRAFT_QUOTE\",\"work_item\":{\"title\":\"Leak\",\"due_date\":\"2026-12-04\"},"
            + "\"line_items\":[{\"name\":\"Labour\",\"qty\":3,\"rate\":85}],\"total\":255,\"confidence\":0.5,"
            + "\"field_confidence\":{\"line_items\":0.75}}";

    @Test
    void namesEachChangedFieldAndNothingElse() {
        String edited = READ.replace("\"Leak\"", "\"Kitchen leak\"").replace("\"rate\":85", "\"rate\":90")
                .replace("\"total\":255", "\"total\":270");
        assertEquals(List.of("work_item.title", "line_items", "total"), Payloads.changed(READ, edited));
    }

    @Test
    void theSameValuesWrittenDifferentlyAreNoChange() {
        String same = READ.replace("\"total\":255", "\"total\":255.00").replace(",\"due_date\":\"2026-12-04\"", ",\"due_date\":\"2026-12-04\",\"priority\":null")
                .replace("\"confidence\":0.5", "\"confidence\":0.9");
        assertEquals(List.of(), Payloads.changed(READ, same));
        assertEquals(List.of(), Payloads.changed(null, READ));
        String reordered = READ.replace("{\"name\":\"Labour\",\"qty\":3,\"rate\":85}", "{\"qty\":3.0,\"name\":\"Labour\",\"rate\":85}");
        assertEquals(List.of(), Payloads.changed(READ, reordered), "as jsonb keeps it");
    }

    @Test
    void aClearedOrAddedFieldIsAChange() {
        assertEquals(List.of("work_item.due_date"), Payloads.changed(READ, READ.replace(",\"due_date\":\"2026-12-04\"", "")));
        assertEquals(List.of("invoice_ref"), Payloads.changed(READ, READ.replace("\"total\":255", "\"total\":255,\"invoice_ref\":\"INV-7\"")));
    }
}
