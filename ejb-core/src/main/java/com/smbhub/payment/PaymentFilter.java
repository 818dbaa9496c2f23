package com.smbhub.payment;

import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.errors.ValidationException.FieldError;
import java.io.Serializable;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Which payments a list shows: those paid in a month of the business's calendar (null: any), by one method (STRIPE for
 * card, CASH, BANK, OTHER; null: any) and in one status (null: any).
 */
public record PaymentFilter(YearMonth month, String method, PaymentStatus status) implements Serializable {

    public static final List<String> METHODS = List.of("STRIPE", "CASH", "BANK", "OTHER");
    public static final PaymentFilter ALL = new PaymentFilter(null, null, null);

    /** From a client's words ({@code 2026-12}, {@code cash}, {@code refunded}); anything else → 400 at the field. */
    public static PaymentFilter of(String month, String method, String status) {
        List<FieldError> errors = new ArrayList<>();
        YearMonth m = null;
        if (month != null && !month.isBlank()) {
            try {
                m = YearMonth.parse(month.trim());
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("month", "A month, e.g. 2026-12"));
            }
        }
        String how = method == null || method.isBlank() ? null : method.trim().toUpperCase(Locale.ROOT);
        if (how != null && !METHODS.contains(how)) {
            errors.add(new FieldError("method", "One of " + String.join(", ", METHODS)));
        }
        PaymentStatus s = null;
        if (status != null && !status.isBlank()) {
            s = Arrays.stream(PaymentStatus.values()).filter(v -> v.name().equalsIgnoreCase(status.trim())).findFirst().orElse(null);
            if (s == null) {
                errors.add(new FieldError("status", "One of " + String.join(", ", PaymentStatus.names(List.of(PaymentStatus.values())))));
            }
        }
        ValidationException.throwIfAny(errors);
        return new PaymentFilter(m, how, s);
    }
}
