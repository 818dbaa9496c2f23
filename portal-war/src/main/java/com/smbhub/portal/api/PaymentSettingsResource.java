package com.smbhub.portal.api;

import com.smbhub.payment.StripeAccounts;
import com.smbhub.platform.Jsonp;
import com.smbhub.platform.errors.ValidationException.FieldError;
import com.smbhub.platform.errors.ValidationException;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Settings → Payments: the business's Stripe connected account (owners change it; owners and admins see it) and the
 * e-mails a card payment brings (owners and admins).
 */
@ApplicationScoped
@Path("/settings/payments")
@Authenticated
public class PaymentSettingsResource {

    @EJB StripeAccounts accounts;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response get() {
        return reply(accounts.state());
    }

    /** {@code {"stripe_account_id": "acct_…"}}; null or "" disconnects. */
    @PUT
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response connect(String body) {
        JsonBody json = JsonBody.parse(body, Set.of("stripe_account_id"));
        List<FieldError> errors = new ArrayList<>();
        String id = json.string("stripe_account_id", errors);
        ValidationException.throwIfAny(errors);
        return reply(accounts.connect(id));
    }

    /**
     * {@code {"payment_mail": true, "receipt_mail": false}} (either): the owners' and admins' e-mail on a card payment,
     * the client's receipt after one; each change audited.
     */
    @PATCH
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response mail(String body) {
        JsonBody json = JsonBody.parse(body, Set.of("payment_mail", "receipt_mail"));
        List<FieldError> errors = new ArrayList<>();
        StripeAccounts.State now = accounts.state();
        boolean owners = json.bool("payment_mail", now.paymentMail(), errors);
        boolean client = json.bool("receipt_mail", now.receiptMail(), errors);
        ValidationException.throwIfAny(errors);
        if (owners != now.paymentMail()) {
            now = accounts.mailPayments(owners);
        }
        if (client != now.receiptMail()) {
            now = accounts.mailReceipts(client);
        }
        return reply(now);
    }

    /** Starts Stripe's Connect onboarding: a new connected account and the page to send the owner to. */
    @POST
    @Path("/onboarding")
    @Produces(MediaType.APPLICATION_JSON)
    public Response onboard() {
        return Envelope.ok(Jsonp.createObjectBuilder().add("onboarding_url", accounts.onboard()).build());
    }

    private static Response reply(StripeAccounts.State s) {
        return Envelope.ok(Jsonp.createObjectBuilder().add("card_payments_available", s.platformReady())
                .add("stripe_account_id", s.accountId() == null ? JsonValue.NULL : Jsonp.createValue(s.accountId()))
                .add("can_change", s.canChange()).add("payment_mail", s.paymentMail()).add("receipt_mail", s.receiptMail())
                .build());
    }
}
