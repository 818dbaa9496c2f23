package com.smbhub.payment;

import com.smbhub.platform.time.BusinessClock;
import com.smbhub.platform.tenancy.TenantRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** Money received against an invoice (PRD 2.1): by Stripe, or recorded by hand (cash, bank, other). */
@Entity
@Table(name = "payments")
public class Payment extends TenantRecord {

    @Column(name = "invoice_id")
    private String invoiceId;
    private String provider;
    @Column(name = "provider_payment_id")
    private String providerPaymentId;
    private String status;
    private BigDecimal amount;
    private String currency;
    @Column(name = "paid_at")
    private Instant paidAt;
    @Column(name = "method_label")
    private String methodLabel;
    @Column(name = "amount_refunded")
    private BigDecimal amountRefunded = BigDecimal.ZERO;

    protected Payment() {
    }

    public Payment(String invoiceId, String provider, PaymentStatus status, BigDecimal amount, String currency, Instant paidAt,
                   String methodLabel) {
        this.invoiceId = invoiceId;
        this.provider = provider;
        this.status = status.name();
        this.amount = amount;
        this.currency = currency;
        this.paidAt = paidAt;
        this.methodLabel = methodLabel;
    }

    /** A payment taken by Stripe (card checkout), keyed by its payment intent. */
    static Payment stripe(String invoiceId, String paymentIntent, PaymentStatus status, BigDecimal amount, String currency) {
        Payment payment = new Payment(invoiceId, "STRIPE", status, amount, currency, BusinessClock.now(), "Card (Stripe)");
        payment.providerPaymentId = paymentIntent;
        return payment;
    }

    void refund() {
        status = PaymentStatus.REFUNDED.name();
        amountRefunded = amount;
    }

    void settle(PaymentStatus newStatus) {
        status = newStatus.name();
        paidAt = BusinessClock.now();
    }

    /** Stripe's running refunded total; the payment is REFUNDED once all of it went back. */
    void refunded(BigDecimal total) {
        amountRefunded = total;
        status = getStatus().afterRefunded(total, amount).name();
    }

    public String getInvoiceId() { return invoiceId; }
    public String getProvider() { return provider; }
    public PaymentStatus getStatus() { return PaymentStatus.valueOf(status); }
    public BigDecimal getAmount() { return amount; }
    public String getCurrency() { return currency; }
    public Instant getPaidAt() { return paidAt; }
    public String getMethodLabel() { return methodLabel; }
    public String getProviderPaymentId() { return providerPaymentId; }
    public BigDecimal getAmountRefunded() { return amountRefunded; }
}
