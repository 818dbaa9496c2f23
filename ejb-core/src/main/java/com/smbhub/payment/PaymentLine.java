package com.smbhub.payment;

import java.io.Serializable;
import java.math.BigDecimal;

/** A payment in the list of every payment: the payment, what of it went back, and the invoice and client it is for. */
public record PaymentLine(PaymentView payment, BigDecimal refunded, String invoiceNumber, String contactId, String clientName)
        implements Serializable {
}
