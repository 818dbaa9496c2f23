package com.smbhub.money;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/** A business's tax: its code on lines ("HST"), a name, and the rate in percent (13 for 13 %). */
public record TaxCode(String code, String name, BigDecimal ratePercent) implements Serializable {

    /** Each code's name, as a document's totals print it. */
    public static Map<String, String> names(Map<String, TaxCode> codes) {
        Map<String, String> names = new HashMap<>();
        codes.values().forEach(t -> names.put(t.code(), t.name()));
        return names;
    }
}
