package com.smbhub.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.smbhub.platform.errors.ValidationException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaymentsCsvTest {

    private static PaymentLine line(String provider, String label, String client, String at, String refunded) {
        return new PaymentLine(new PaymentView("p1", "i1", provider, "SUCCEEDED", new BigDecimal("100.5"), "CAD",
                at == null ? null : Instant.parse(at), label, List.of()), new BigDecimal(refunded), "INV-1001", "c1", client);
    }

    @Test
    void aRowPerPaymentWithTheDayInTheBusinessZoneAndNoFormulaRun() {
        String csv = PaymentsCsv.of(List.of(line("BANK", "=HYPERLINK(\"x\")", "Roy, Jeanne", "2026-04-01T03:30:00Z", "0"),
                line("STRIPE", null, "-Dash", null, "20.25")), ZoneId.of("America/Toronto"));
        assertEquals("\uFEFFDate,Client,Invoice,Method,Reference,Status,Amount,Refunded,Currency\r\n"
                + "2026-03-31,\"Roy, Jeanne\",INV-1001,Bank transfer,\"'=HYPERLINK(\"\"x\"\")\",SUCCEEDED,100.50,0.00,CAD\r\n"
                + "\"\",'-Dash,INV-1001,Card,,SUCCEEDED,100.50,20.25,CAD\r\n", csv);
    }

    @Test
    void aFilterIsReadFromAClientsWordsOrRefusedAtItsField() {
        assertEquals(new PaymentFilter(YearMonth.of(2026, 12), "CASH", PaymentStatus.REFUNDED),
                PaymentFilter.of("2026-12", "cash", "refunded"));
        assertEquals(PaymentFilter.ALL, PaymentFilter.of(null, " ", ""));
        ValidationException e = assertThrows(ValidationException.class, () -> PaymentFilter.of("2026-13", "card", "paid"));
        assertEquals(List.of("month", "method", "status"), e.errors().stream().map(ValidationException.FieldError::field).toList());
    }
}
