package com.smbhub.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.smbhub.extract.Extraction.Line;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class AmountsTest {

    private static Line line(String name, String qty, String rate) {
        return new Line(name, new BigDecimal(qty), new BigDecimal(rate));
    }

    @Test
    void theWaysPeopleWriteTheLinesOfABill() {
        assertEquals(List.of(line("Labour", "8", "85"), line("Parts", "1", "1140"), line("Permit", "1", "75")),
                Amounts.lines("labour 8 hrs @ 85/hr + $1,140 parts + $75 permit", "Panel upgrade"));
        assertEquals(List.of(line("Silk scarves", "5", "32"), line("Straw sun hats", "2", "24")),
                Amounts.lines("5 silk scarves at $32 and 2 straw sun hats at $24", null));
        assertEquals(List.of(line("Cupcakes", "24", "3.5")), Amounts.lines("two dozen cupcakes at $3.50 each", null));
        assertEquals(List.of(line("Sausage rolls", "40", "1.2"), line("Trays of brownies", "2", "18")),
                Amounts.lines("the 40 sausage rolls (£1.20 each) and 2 trays of brownies (£18 per tray)", null));
        assertEquals(List.of(line("Consumer unit replacement", "1", "480"), line("Extra double sockets", "2", "65")),
                Amounts.lines("inv for Tom - consumer unit replacement £480 fixed + 2 extra double sockets @ £65 each", null));
        assertEquals(List.of(line("Server migration", "12", "110")), Amounts.lines("12 hours at the agreed $110/hr", "Server migration"));
        assertEquals(List.of(line("Exterior doors", "2", "650")), Amounts.lines("replace 2 exterior doors, $650 each installed", null));
    }

    @Test
    void aCountThenTheThingThenItsPrice() {
        assertEquals(List.of(line("Furnace service", "1", "149"), line("Filter", "1", "35")),
                Amounts.lines("Invoice Marc Tremblay for today's tune-up: 1 furnace service $149, 1 filter $35", "Tune-up"));
        assertEquals(List.of(line("Edited images", "25", "12")), Amounts.lines("25 edited images $300", "Shoot"),
                "an amount that divides evenly is the line's");
        assertEquals("CAD", Amounts.find("Order Total: CDN$ 214.69").get(0).currency());
    }

    @Test
    void anOrdersItemRowsAreItsLinesAndTheirPricesAddUpToWhatIsPrinted() {
        String order = "1 x Linen throw pillow - Sage  $42.00\n2 x Beeswax candle  $18.00\n\nSubtotal $78.00\nShipping $9.00\nTotal $87.00";
        assertEquals(List.of(line("Linen throw pillow - Sage", "1", "42"), line("Beeswax candle", "2", "18"), line("Shipping", "1", "9")),
                Amounts.lines(order, null), "$18.00 is the price of one candle: only that adds up to the subtotal");
        String receipt = "2 x Flat white  $10.50\n1 x Breakfast wrap  $8.25\n\nTotal  $18.75";
        assertEquals(List.of(line("Flat white", "2", "5.25"), line("Breakfast wrap", "1", "8.25")), Amounts.lines(receipt, null),
                "$10.50 is the price of both: only that adds up to the total");
        assertEquals(List.of(line("Beeswax candle", "2", "9")), Amounts.lines("Beeswax candle × 2  $18.00", null),
                "nothing printed to add up to: the row's amount is the line's");
    }

    @Test
    void crewsAndDaysMultiply() {
        assertEquals(List.of(line("Carpenter labour", "6", "480")),
                Amounts.lines("Please invoice for 3 days x 2 carpenters at $480/day per carpenter", null));
        assertEquals(List.of(line("Excavator rental", "2", "650"), line("Labour", "6", "80")),
                Amounts.lines("2 days excavator rental $650/day plus 6 hrs labour at $80", null));
    }

    @Test
    void signsNameTheirCurrencyAndABareDollarWaitsForTheSendersCountry() {
        List<Amounts.Money> found = Amounts.find("CA$ 75, £1.20, €9, A$5, $1,150.50, 40 quid, RM 9.00");
        assertEquals(List.of("CAD", "GBP", "EUR", "AUD", "-", "GBP", "MYR"),
                found.stream().map(m -> m.currency() == null ? "-" : m.currency()).toList());
        assertEquals(new BigDecimal("1150.5"), found.get(4).value());
    }
}
