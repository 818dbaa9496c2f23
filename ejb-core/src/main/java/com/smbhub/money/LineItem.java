package com.smbhub.money;

import java.io.Serializable;
import java.math.BigDecimal;

/** One line of a quote or invoice: what, how many, at what price, taxed by which code (null: no tax). */
public record LineItem(String name, BigDecimal qty, BigDecimal rate, String taxCode) implements Serializable {
}
