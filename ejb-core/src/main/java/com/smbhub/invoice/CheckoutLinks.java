package com.smbhub.invoice;

import com.smbhub.integration.stripe.StripeGateway;
import com.smbhub.money.Totals;
import com.smbhub.platform.audit.AuditService;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.tenant.Tenant;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

/**
 * The Stripe Checkout page that pays an invoice's amount due, as a direct charge on the business's
 * connected account. The open session is reused while it pays exactly the amount due; otherwise a
 * new one is made. Callers have checked the caller (back office) or the token (portal) and named
 * the business on the transaction; a Stripe failure changes nothing.
 */
@Stateless
public class CheckoutLinks {

    @PersistenceContext(unitName = "smbhub") EntityManager em;

    @Inject StripeGateway stripe;

    @EJB AuditService audit;

    /** Whether the invoice can be paid by card now: an amount is due, the platform has a key, the business an account. */
    public boolean payable(Invoice invoice, Tenant tenant) {
        return invoice.getStatus().allows(InvoiceStatus.Action.PAYMENT_LINK) && invoice.getAmountDue().signum() > 0 && stripe.configured()
                && tenant.getStripeAccountId() != null;
    }

    public String urlFor(Invoice invoice, Tenant tenant, String successUrl, String cancelUrl) {
        if (!invoice.getStatus().allows(InvoiceStatus.Action.PAYMENT_LINK) || invoice.getAmountDue().signum() <= 0) {
            throw new ValidationException("payment_link", "Only an invoice with an amount due can be paid by card");
        }
        if (tenant.getStripeAccountId() == null) {
            throw new ValidationException("payment_link", "Connect a Stripe account in Settings → Payments first");
        }
        if (!stripe.configured()) {
            throw new ValidationException("payment_link", "Card payments are not set up on this server");
        }
        Instant now = Instant.now();
        if (invoice.paymentLinkUsable(now)) {
            return invoice.getPaymentLinkUrl();
        }
        long minor = Totals.minorUnits(invoice.getAmountDue(), invoice.getCurrency());
        // the same attempt (same invoice, version and amount) is one Stripe request, however often it is retried;
        // any change since (a payment, a refund, a link made or closed) is a new attempt
        String key = "smbhub-checkout-" + sha256(invoice.getId() + "|" + invoice.getVersion() + "|" + minor);
        StripeGateway.Checkout checkout = stripe.createCheckout(new StripeGateway.CheckoutRequest(tenant.getStripeAccountId(),
                invoice.getId(), invoice.getNumber(), invoice.getCurrency(), minor, successUrl, cancelUrl, key));
        invoice.paymentLink(checkout.id(), checkout.url(), invoice.getAmountDue(), checkout.expiresAt());
        em.flush();
        audit.record("invoice.payment_link_created", "invoice", invoice.getId(), null,
                Map.of("amount", invoice.getAmountDue().toPlainString(), "currency", invoice.getCurrency()));
        return checkout.url();
    }

    /**
     * The open checkout page stops taking money: the invoice was voided, or what is due changed (a payment
     * recorded by hand, a refund), so a page for the old amount could overpay it. Best effort at Stripe
     * (its own expiry and the overpayment credit are the backstops); the next link is made for the new amount.
     */
    public void close(Invoice invoice, Tenant tenant) {
        if (invoice.getStripeSessionId() != null && tenant.getStripeAccountId() != null && stripe.configured()) {
            stripe.expireCheckout(tenant.getStripeAccountId(), invoice.getStripeSessionId());
        }
        invoice.forgetPaymentLink();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 40);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
