package com.smbhub.money;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place quote and invoice amounts are computed. Every amount is rounded to the currency's
 * minor unit (half up) per line; the document's figures are sums of the rounded lines, so what a
 * client sees always adds up.
 *
 * <ul>
 * <li>Line amount = qty × rate.</li>
 * <li>A discount (percent of the subtotal, or a fixed amount up to the subtotal) is shared across
 * the lines in proportion to their amounts (the last line takes the rounding remainder) and taxed
 * lines are taxed after it.</li>
 * <li>Tax-exclusive prices: tax = net × rate; total = subtotal − discount + tax.</li>
 * <li>Tax-inclusive prices: the line already contains its tax: tax = gross × rate / (100 + rate);
 * total = subtotal − discount.</li>
 * </ul>
 */
public final class Totals {

    public enum Pricing { TAX_EXCLUSIVE, TAX_INCLUSIVE }

    /** A discount: a percent of the subtotal or a fixed amount; null or zero means none. */
    public record Discount(boolean percent, BigDecimal value) implements Serializable {
        public static Discount none() {
            return new Discount(false, BigDecimal.ZERO);
        }
    }

    public record Line(BigDecimal amount, BigDecimal discount, BigDecimal tax) implements Serializable {
    }

    /** The computed figures; {@code taxes} per tax code, in the order the codes first appear. */
    public record Result(List<Line> lines, BigDecimal subtotal, BigDecimal discountTotal, BigDecimal taxTotal,
                         BigDecimal total, Map<String, BigDecimal> taxes) implements Serializable {
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Totals() {
    }

    public static int scale(String currency) {
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        return Math.max(digits, 0);
    }

    /** An amount in the currency's minor units, as Stripe counts it (12.50 CAD → 1250; 500 JPY → 500). */
    public static long minorUnits(BigDecimal amount, String currency) {
        return amount.setScale(scale(currency), RoundingMode.HALF_UP).unscaledValue().longValueExact();
    }

    public static BigDecimal fromMinorUnits(long minor, String currency) {
        return BigDecimal.valueOf(minor, scale(currency));
    }

    /** A line's amount before discount and tax: qty × rate, rounded to the currency. */
    public static BigDecimal lineAmount(LineItem item, String currency) {
        return item.qty().multiply(item.rate()).setScale(scale(currency), RoundingMode.HALF_UP);
    }

    /** Assumes checked input: qty > 0, rate ≥ 0, known tax codes, discount ≥ 0. */
    public static Result compute(List<LineItem> items, Map<String, TaxCode> codes, Pricing pricing, Discount discount,
                                 String currency) {
        int scale = scale(currency);
        List<BigDecimal> amounts = new ArrayList<>();
        BigDecimal subtotal = BigDecimal.ZERO.setScale(scale);
        for (LineItem item : items) {
            BigDecimal amount = lineAmount(item, currency);
            amounts.add(amount);
            subtotal = subtotal.add(amount);
        }
        BigDecimal discountTotal = discountTotal(discount, subtotal, scale);
        List<BigDecimal> shares = shares(amounts, subtotal, discountTotal);
        List<Line> lines = new ArrayList<>();
        Map<String, BigDecimal> taxes = new LinkedHashMap<>();
        BigDecimal taxTotal = BigDecimal.ZERO.setScale(scale);
        for (int i = 0; i < items.size(); i++) {
            BigDecimal base = amounts.get(i).subtract(shares.get(i));
            TaxCode code = items.get(i).taxCode() == null ? null : codes.get(items.get(i).taxCode());
            BigDecimal tax = BigDecimal.ZERO.setScale(scale);
            if (code != null && code.ratePercent().signum() > 0) {
                tax = pricing == Pricing.TAX_EXCLUSIVE
                        ? base.multiply(code.ratePercent()).divide(HUNDRED, scale, RoundingMode.HALF_UP)
                        : base.multiply(code.ratePercent()).divide(HUNDRED.add(code.ratePercent()), scale, RoundingMode.HALF_UP);
                taxes.merge(code.code(), tax, BigDecimal::add);
            }
            taxTotal = taxTotal.add(tax);
            lines.add(new Line(amounts.get(i), shares.get(i), tax));
        }
        BigDecimal total = subtotal.subtract(discountTotal);
        if (pricing == Pricing.TAX_EXCLUSIVE) {
            total = total.add(taxTotal);
        }
        return new Result(List.copyOf(lines), subtotal, discountTotal, taxTotal, total, Map.copyOf(taxes));
    }

    private static BigDecimal discountTotal(Discount discount, BigDecimal subtotal, int scale) {
        if (discount == null || discount.value() == null || discount.value().signum() <= 0) {
            return BigDecimal.ZERO.setScale(scale);
        }
        BigDecimal amount = discount.percent()
                ? subtotal.multiply(discount.value()).divide(HUNDRED, scale, RoundingMode.HALF_UP)
                : discount.value().setScale(scale, RoundingMode.HALF_UP);
        return amount.min(subtotal);
    }

    /** The discount shared across lines by amount; the last line with an amount takes the remainder. */
    private static List<BigDecimal> shares(List<BigDecimal> amounts, BigDecimal subtotal, BigDecimal discountTotal) {
        List<BigDecimal> shares = new ArrayList<>();
        int last = -1;
        for (int i = 0; i < amounts.size(); i++) {
            if (amounts.get(i).signum() > 0) {
                last = i;
            }
        }
        BigDecimal given = BigDecimal.ZERO;
        for (int i = 0; i < amounts.size(); i++) {
            BigDecimal share;
            if (discountTotal.signum() == 0 || amounts.get(i).signum() == 0) {
                share = BigDecimal.ZERO.setScale(discountTotal.scale());
            } else if (i == last) {
                share = discountTotal.subtract(given);
            } else {
                share = discountTotal.multiply(amounts.get(i)).divide(subtotal, discountTotal.scale(), RoundingMode.HALF_UP);
            }
            given = given.add(share);
            shares.add(share);
        }
        return shares;
    }
}
