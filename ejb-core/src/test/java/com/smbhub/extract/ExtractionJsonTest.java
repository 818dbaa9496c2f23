package com.smbhub.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.errors.ValidationException.FieldError;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtractionJsonTest {

    @Test
    void aReadingSurvivesTheRoundTrip() {
        Extraction read = new RulesExtractor().extract(new Inbound("EMAIL", "Maria Lopez <maria@example.com>", "Leak",
                "Can you quote 3 hrs labour at $85 to fix the leak at 42 Elm St by Friday?",
                OffsetDateTime.parse("2026-12-03T10:00:00-05:00"), "general", "CAD", "CA"));
        Extraction back = ExtractionJson.read(ExtractionJson.text(read), "payload");
        assertEquals(ExtractionJson.text(read), ExtractionJson.text(back));
        assertEquals(LocalDate.of(2026, 12, 4), back.workItem().dueDate());
        assertEquals(new Extraction.Line("Labour", new BigDecimal("3"), new BigDecimal("85")), back.lineItems().get(0));
        assertEquals("CAD", back.currency());
    }

    @Test
    void eachWrongValueIsNamedAtItsField() {
        ValidationException e = assertThrows(ValidationException.class, () -> ExtractionJson.read("{\"intent\":\"DRAFT_QUOTE\","
                + "\"work_item\":{\"type\":\"PARTY\",\"title\":\"" + "x".repeat(201) + "\",\"due_date\":\"Friday\"},"
                + "\"line_items\":[{\"name\":\"Labour\",\"qty\":-3,\"rate\":\"lots\"}],\"currency\":\"dollars\","
                + "\"contact\":{\"email\":7},\"colour\":\"red\"}", "payload"));
        assertEquals(List.of("payload.colour", "payload.work_item.type", "payload.work_item.title", "payload.work_item.due_date",
                "payload.line_items[0].qty", "payload.line_items[0].rate", "payload.contact.email", "payload.currency"),
                e.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void notAnObjectOrNotJsonIsRefused() {
        for (String bad : List.of("", "[]", "{", "\"text\"", "{\"intent\":\"MAYBE\"}", "{\"work_item\":{}}")) {
            assertThrows(ValidationException.class, () -> ExtractionJson.read(bad, "payload"), bad);
        }
        assertThrows(ValidationException.class, () -> ExtractionJson.read("{\"intent\":\"NONE\",\"line_items\":"
                + "[" + "{},".repeat(100) + "{}]}", "payload"), "at most 100 lines");
    }
}
