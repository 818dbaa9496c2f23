package com.smbhub.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/** Money for people: the currency's symbol and at least its minor unit ("$1,234.50"; a rate may keep up to 4 decimals). */
public final class MoneyText {

    /** What a field says of a code that is not a currency. */
    public static final String NOT_A_CURRENCY = "A three-letter currency code, e.g. CAD";

    private MoneyText() {
    }

    /** Whether {@code code} (trimmed, upper case) is a three-letter ISO 4217 currency. */
    public static boolean isCurrency(String code) {
        if (code == null || code.length() != 3) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public static String format(BigDecimal amount, String currency) {
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.CANADA);
        int digits = 2;
        try {
            Currency c = Currency.getInstance(currency);
            format.setCurrency(c);
            digits = Math.max(0, c.getDefaultFractionDigits());
        } catch (IllegalArgumentException | NullPointerException e) {
            // unknown code: the default symbol
        }
        int scale = Math.max(digits, Math.min(4, amount.stripTrailingZeros().scale()));
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(scale);
        return format.format(amount.setScale(scale, RoundingMode.HALF_UP));
    }
}
