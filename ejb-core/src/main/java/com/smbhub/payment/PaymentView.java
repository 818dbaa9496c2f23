package com.smbhub.payment;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A payment as the UI and the API show it. */
public record PaymentView(String id, String invoiceId, String provider, String status, BigDecimal amount, String currency,
                          Instant paidAt, String methodLabel, List<String> allowedActions) implements Serializable {
}
