package com.smbhub.integration.stripe;

import com.smbhub.platform.errors.ProviderException;
import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.StripeException;
import com.stripe.model.Account;
import com.stripe.model.AccountLink;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.AccountCreateParams;
import com.stripe.param.AccountLinkCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The platform's Stripe account through the official SDK: Checkout Sessions as direct charges on a
 * business's connected account, and Connect onboarding. Key and address come from configuration
 * ({@code smbhub.stripe.secret-key}, {@code smbhub.stripe.api-base}); the key is never logged.
 * Every failure becomes a {@link ProviderException} with Stripe's reason.
 */
@ApplicationScoped
public class StripeGateway {

    private static final Logger LOG = Logger.getLogger(StripeGateway.class.getName());

    /** What the business asks Stripe to charge: the amount due now, in minor units. */
    public record CheckoutRequest(String account, String invoiceId, String invoiceNumber, String currency, long amountMinor,
                                  String successUrl, String cancelUrl, String idempotencyKey) {
    }

    public record Checkout(String id, String url, Instant expiresAt) {
    }

    @Inject @ConfigProperty(name = "smbhub.stripe.secret-key") Optional<String> secretKey;

    @Inject @ConfigProperty(name = "smbhub.stripe.api-base", defaultValue = "https://api.stripe.com") String apiBase;

    private volatile StripeClient client;

    public StripeGateway() {
    }

    /** For tests: a gateway on this key and address. */
    public StripeGateway(String secretKey, String apiBase) {
        this.secretKey = Optional.ofNullable(secretKey);
        this.apiBase = apiBase;
    }

    /** Whether card payments can be offered at all (the platform has a Stripe key). */
    public boolean configured() {
        return secretKey.filter(k -> !k.isBlank()).isPresent();
    }

    public Checkout createCheckout(CheckoutRequest r) {
        SessionCreateParams params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT)
                .setSuccessUrl(r.successUrl())
                .setCancelUrl(r.cancelUrl())
                .setClientReferenceId(r.invoiceId())
                .putMetadata("invoice_id", r.invoiceId())
                .putMetadata("invoice_number", r.invoiceNumber())
                .setPaymentIntentData(SessionCreateParams.PaymentIntentData.builder()
                        .putMetadata("invoice_id", r.invoiceId()).build())
                .addLineItem(SessionCreateParams.LineItem.builder().setQuantity(1L)
                        .setPriceData(SessionCreateParams.LineItem.PriceData.builder()
                                .setCurrency(r.currency().toLowerCase())
                                .setUnitAmount(r.amountMinor())
                                .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                        .setName("Invoice " + r.invoiceNumber()).build())
                                .build())
                        .build())
                .build();
        RequestOptions options = RequestOptions.builder().setStripeAccount(r.account())
                .setIdempotencyKey(r.idempotencyKey()).build();
        try {
            Session session = client().v1().checkout().sessions().create(params, options);
            if (session.getUrl() == null || session.getId() == null) {
                throw new ProviderException("Stripe did not return a checkout page; try again");
            }
            Instant expires = session.getExpiresAt() == null ? Instant.now().plusSeconds(23 * 3600)
                    : Instant.ofEpochSecond(session.getExpiresAt());
            return new Checkout(session.getId(), session.getUrl(), expires);
        } catch (StripeException e) {
            throw failure("create a checkout page", e);
        }
    }

    /** Closes an open Checkout Session (the invoice was voided); a failure is only logged. */
    public void expireCheckout(String account, String sessionId) {
        try {
            client().v1().checkout().sessions().expire(sessionId, RequestOptions.builder().setStripeAccount(account).build());
        } catch (StripeException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not expire Stripe checkout session " + sessionId + ": " + e.getMessage());
        }
    }

    /** A new connected account for the business and the Stripe page that onboards it. */
    public String[] onboard(String businessName, String returnUrl, String refreshUrl) {
        try {
            Account account = client().v1().accounts().create(AccountCreateParams.builder()
                    .setType(AccountCreateParams.Type.EXPRESS)
                    .setBusinessProfile(AccountCreateParams.BusinessProfile.builder().setName(businessName).build())
                    .build());
            AccountLink link = client().v1().accountLinks().create(AccountLinkCreateParams.builder()
                    .setAccount(account.getId()).setReturnUrl(returnUrl).setRefreshUrl(refreshUrl)
                    .setType(AccountLinkCreateParams.Type.ACCOUNT_ONBOARDING).build());
            return new String[] {account.getId(), link.getUrl()};
        } catch (StripeException e) {
            throw failure("start the Stripe onboarding", e);
        }
    }

    private StripeClient client() {
        if (!configured()) {
            throw new ProviderException("Card payments are not set up on this server (no Stripe key)");
        }
        if (client == null) {
            client = StripeClient.builder().setApiKey(secretKey.get()).setApiBase(apiBase)
                    .setConnectTimeout(5_000).setReadTimeout(20_000).setMaxNetworkRetries(1).build();
        }
        return client;
    }

    private static ProviderException failure(String what, StripeException e) {
        String reason = e instanceof ApiConnectionException ? "Stripe could not be reached"
                : e.getStripeError() != null && e.getStripeError().getMessage() != null ? e.getStripeError().getMessage()
                : "Stripe answered " + e.getStatusCode();
        LOG.warning("Stripe refused to " + what + ": " + reason + " (request " + e.getRequestId() + ")");
        return new ProviderException("Stripe could not " + what + ": " + reason);
    }
}
