package com.smbhub.web.shell;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/** Money for display: the currency's symbol and scale ("$1,234.50"). */
public final class Amounts {

    private Amounts() {
    }

    public static String format(BigDecimal amount, String currency) {
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.CANADA);
        try {
            Currency c = Currency.getInstance(currency);
            format.setCurrency(c);
            format.setMinimumFractionDigits(c.getDefaultFractionDigits());
            format.setMaximumFractionDigits(c.getDefaultFractionDigits());
        } catch (IllegalArgumentException e) {
            // unknown code: the default symbol
        }
        return format.format(amount);
    }
}
