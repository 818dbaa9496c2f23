package com.smbhub.money;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.smbhub.money.Totals.Discount;
import com.smbhub.money.Totals.Pricing;
import com.smbhub.money.Totals.Result;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TotalsTest {

    static final Map<String, TaxCode> CODES = Map.of(
            "HST", new TaxCode("HST", "HST 13%", new BigDecimal("13")),
            "GST", new TaxCode("GST", "GST 5%", new BigDecimal("5")),
            "ZERO", new TaxCode("ZERO", "Zero rated", BigDecimal.ZERO));

    static LineItem line(String qty, String rate, String tax) {
        return new LineItem("x", new BigDecimal(qty), new BigDecimal(rate), tax);
    }

    static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void twoLinesWithTaxExclusive() {
        Result r = Totals.compute(List.of(line("2", "120", "HST"), line("1.5", "40.10", null)), CODES,
                Pricing.TAX_EXCLUSIVE, Discount.none(), "CAD");
        assertEquals(d("240.00"), r.lines().get(0).amount());
        assertEquals(d("60.15"), r.lines().get(1).amount());
        assertEquals(d("300.15"), r.subtotal());
        assertEquals(d("31.20"), r.taxTotal());
        assertEquals(d("331.35"), r.total());
        assertEquals(Map.of("HST", d("31.20")), r.taxes());
    }

    @Test
    void roundingIsPerLineHalfUpAndTheTotalIsTheSumOfLines() {
        // 3 × 0.335 = 1.005 → 1.01 per line; tax 13 % of 1.01 = 0.1313 → 0.13 per line
        Result r = Totals.compute(List.of(line("3", "0.335", "HST"), line("3", "0.335", "HST")), CODES,
                Pricing.TAX_EXCLUSIVE, Discount.none(), "CAD");
        assertEquals(d("2.02"), r.subtotal());
        assertEquals(d("0.26"), r.taxTotal());
        assertEquals(d("2.28"), r.total());
    }

    @Test
    void taxInclusivePricesContainTheirTax() {
        Result r = Totals.compute(List.of(line("1", "113", "HST"), line("1", "105", "GST")), CODES,
                Pricing.TAX_INCLUSIVE, Discount.none(), "CAD");
        assertEquals(d("218.00"), r.subtotal());
        assertEquals(d("18.00"), r.taxTotal());
        assertEquals(d("218.00"), r.total());
        assertEquals(d("13.00"), r.taxes().get("HST"));
        assertEquals(d("5.00"), r.taxes().get("GST"));
    }

    @Test
    void aPercentDiscountIsSharedByAmountAndTaxedAfter() {
        Result r = Totals.compute(List.of(line("1", "100", "HST"), line("1", "50", null)), CODES,
                Pricing.TAX_EXCLUSIVE, new Discount(true, d("10")), "CAD");
        assertEquals(d("15.00"), r.discountTotal());
        assertEquals(d("10.00"), r.lines().get(0).discount());
        assertEquals(d("5.00"), r.lines().get(1).discount());
        assertEquals(d("11.70"), r.taxTotal());
        assertEquals(d("146.70"), r.total());
    }

    @Test
    void aFixedDiscountNeverExceedsTheSubtotalAndSharesAddUp() {
        Result r = Totals.compute(List.of(line("1", "10", "HST"), line("1", "10", "HST"), line("1", "10", "HST")), CODES,
                Pricing.TAX_EXCLUSIVE, new Discount(false, d("10")), "CAD");
        BigDecimal shared = r.lines().stream().map(Totals.Line::discount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(d("10.00"), shared);
        assertEquals(d("3.33"), r.lines().get(0).discount());
        assertEquals(d("3.34"), r.lines().get(2).discount());
        Result capped = Totals.compute(List.of(line("1", "10", null)), CODES, Pricing.TAX_EXCLUSIVE,
                new Discount(false, d("25")), "CAD");
        assertEquals(d("10.00"), capped.discountTotal());
        assertEquals(d("0.00"), capped.total());
    }

    @Test
    void theCurrencyDecidesTheScale() {
        Result yen = Totals.compute(List.of(line("3", "333.5", null)), CODES, Pricing.TAX_EXCLUSIVE, Discount.none(), "JPY");
        assertEquals(d("1001"), yen.total());
        Result dinar = Totals.compute(List.of(line("1", "1.2345", null)), CODES, Pricing.TAX_EXCLUSIVE, Discount.none(), "KWD");
        assertEquals(d("1.235"), dinar.total());
    }

    @Test
    void zeroRatedAndUntaxedLinesAddNoTax() {
        Result r = Totals.compute(List.of(line("1", "10", "ZERO"), line("2", "5", null)), CODES,
                Pricing.TAX_EXCLUSIVE, Discount.none(), "USD");
        assertEquals(d("0.00"), r.taxTotal());
        assertEquals(d("20.00"), r.total());
        assertEquals(Map.of(), r.taxes());
    }

    @Test
    void theSameInputAlwaysGivesTheSameResult() {
        List<LineItem> items = List.of(line("7", "19.99", "HST"), line("0.25", "80", "GST"), line("1", "0.01", null));
        Result first = Totals.compute(items, CODES, Pricing.TAX_EXCLUSIVE, new Discount(true, d("7.5")), "CAD");
        for (int i = 0; i < 20; i++) {
            assertEquals(first, Totals.compute(items, CODES, Pricing.TAX_EXCLUSIVE, new Discount(true, d("7.5")), "CAD"));
        }
        assertEquals(first.total(), first.subtotal().subtract(first.discountTotal()).add(first.taxTotal()));
    }

    @Test
    void stripeAmountsAreInTheCurrencysMinorUnits() {
        assertEquals(1250L, Totals.minorUnits(d("12.50"), "CAD"));
        assertEquals(500L, Totals.minorUnits(d("500"), "JPY"));
        assertEquals(1235L, Totals.minorUnits(d("12.345"), "USD"));
        assertEquals(d("12.50"), Totals.fromMinorUnits(1250, "CAD"));
        assertEquals(d("500"), Totals.fromMinorUnits(500, "JPY"));
        assertEquals(d("1.234"), Totals.fromMinorUnits(1234, "KWD"));
    }
}
