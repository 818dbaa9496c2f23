package com.smbhub.integration.square;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Square's money is in the currency's smallest unit: its amounts keep the currency's own decimals. */
class SquareGatewayTest {

    @Test
    void minorUnitsBecomeAmountsInTheCurrencysDecimals() {
        assertEquals(new BigDecimal("12.50"), SquareGateway.money(Optional.of(1250L), "USD"));
        assertEquals(new BigDecimal("1250"), SquareGateway.money(Optional.of(1250L), "JPY"));
        assertEquals(new BigDecimal("1.250"), SquareGateway.money(Optional.of(1250L), "KWD"));
        assertEquals(new BigDecimal("0.00"), SquareGateway.money(Optional.empty(), "CAD"));
        assertEquals(new BigDecimal("12.50"), SquareGateway.money(Optional.of(1250L), "XXY"), "an unknown code: two decimals");
    }
}
