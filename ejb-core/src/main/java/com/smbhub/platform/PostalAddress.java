package com.smbhub.platform;

import java.util.Arrays;
import java.util.List;

/** A postal address as people write it: the parts there are, in the order an envelope has them. */
public record PostalAddress(String line1, String line2, String city, String region, String postalCode, String country) {

    /** "1 King St", "Unit 4", "Toronto ON M5H 1A1", "CA" (blank parts left out). */
    public List<String> lines() {
        return nonBlank(line1, line2, String.join(" ", nonBlank(city, region, postalCode)), country);
    }

    /** "1 King St, Unit 4, Toronto ON M5H 1A1, CA". */
    public String oneLine() {
        return String.join(", ", lines());
    }

    private static List<String> nonBlank(String... parts) {
        return Arrays.stream(parts).filter(p -> p != null && !p.isBlank()).map(String::trim).toList();
    }
}
