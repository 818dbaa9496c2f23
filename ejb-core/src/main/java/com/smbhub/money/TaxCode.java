package com.smbhub.money;

import java.io.Serializable;
import java.math.BigDecimal;

/** A business's tax: its code on lines ("HST"), a name, and the rate in percent (13 for 13 %). */
public record TaxCode(String code, String name, BigDecimal ratePercent) implements Serializable {
}
