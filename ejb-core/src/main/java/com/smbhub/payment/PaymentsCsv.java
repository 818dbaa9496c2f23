package com.smbhub.payment;

import com.smbhub.money.Totals;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The payments list as a spreadsheet reads it: a header row, one payment per row, dates in the business's zone,
 * amounts as plain numbers; UTF-8 with a byte-order mark (accents right in Excel), and a text cell that starts with
 * {@code = + - @} prefixed with {@code '} so no spreadsheet runs it as a formula.
 */
public final class PaymentsCsv {

    /** How a method is said. */
    public static final Map<String, String> METHOD_NAMES = Map.of("STRIPE", "Card", "CASH", "Cash", "BANK", "Bank transfer",
            "OTHER", "Other");

    private PaymentsCsv() {
    }

    public static String of(List<PaymentLine> lines, ZoneId zone) {
        StringBuilder out = new StringBuilder("\uFEFF");
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("Date", "Client", "Invoice", "Method",
                "Reference", "Status", "Amount", "Refunded", "Currency").get())) {
            for (PaymentLine line : lines) {
                PaymentView p = line.payment();
                csv.printRecord(p.paidAt() == null ? "" : p.paidAt().atZone(zone).toLocalDate().toString(), text(line.clientName()),
                        text(line.invoiceNumber()), METHOD_NAMES.getOrDefault(p.provider(), p.provider()), text(p.methodLabel()),
                        p.status(), plain(p.amount(), p.currency()), plain(line.refunded(), p.currency()), p.currency());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String plain(BigDecimal amount, String currency) {
        return amount.setScale(Totals.scale(currency), RoundingMode.HALF_UP).toPlainString();
    }

    private static String text(String value) {
        if (value == null) {
            return "";
        }
        return !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
