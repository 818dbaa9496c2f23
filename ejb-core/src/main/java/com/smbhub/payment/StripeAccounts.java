package com.smbhub.payment;

import com.smbhub.integration.stripe.StripeGateway;
import com.smbhub.platform.audit.AuditService;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.security.Access;
import com.smbhub.platform.security.Capability;
import com.smbhub.platform.security.Permissions;
import com.smbhub.platform.tenancy.RequestContext;
import com.smbhub.platform.tenancy.TenantScoped;
import com.smbhub.tenant.Tenant;
import com.smbhub.tenant.TenantPayments;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Settings → Payments: the business's own Stripe account (Connect). An owner enters its connected
 * account id or starts Stripe's onboarding; owners and admins see the state. No secret is shown.
 */
@Stateless
@TenantScoped
public class StripeAccounts {

    /**
     * What the page shows: whether the server can take cards at all, the business's account, whether its owners and
     * admins get an e-mail when a client pays by card, and whether the client gets a receipt by itself then.
     */
    public record State(boolean platformReady, String accountId, boolean canChange, boolean paymentMail, boolean receiptMail)
            implements Serializable {
    }

    @PersistenceContext(unitName = "smbhub") EntityManager em;

    @EJB Access access;

    @EJB AuditService audit;

    @Inject StripeGateway stripe;

    @Inject @ConfigProperty(name = "smbhub.public-url", defaultValue = "http://localhost:8080") String publicUrl;

    public State state() {
        access.require(Capability.MANAGE_SETTINGS);
        return new State(stripe.configured(), tenant().getStripeAccountId(), Permissions.allows(Access.resolved(), Capability.MANAGE_BILLING),
                tenant().isPaymentMail(), tenant().isReceiptMail());
    }

    /** Turns the "payment received" e-mail to owners and admins on or off (owners and admins); audited. */
    public State mailPayments(boolean on) {
        return toggle("payment_mail", Tenant::isPaymentMail, Tenant::mailPayments, on);
    }

    /** Turns the client's receipt e-mail after a card payment on or off (owners and admins); audited. */
    public State mailReceipts(boolean on) {
        return toggle("receipt_mail", Tenant::isReceiptMail, Tenant::mailReceipts, on);
    }

    private State toggle(String setting, Predicate<Tenant> current, BiConsumer<Tenant, Boolean> change, boolean on) {
        access.require(Capability.MANAGE_SETTINGS);
        Tenant tenant = tenant();
        boolean was = current.test(tenant);
        change.accept(tenant, on);
        em.flush();
        audit.record("tenant." + setting + "_changed", "tenant", tenant.getId(), Map.of(setting, was), Map.of(setting, on));
        return state();
    }

    /** Connects (or, with a blank id, disconnects) the account: owners only; an id another business uses is refused. */
    public State connect(String accountId) {
        owner();
        String id = accountId == null ? "" : accountId.trim();
        if (!id.isEmpty() && !id.matches("acct_[A-Za-z0-9_]{1,64}")) {
            throw new ValidationException("stripe_account_id", "A Stripe account id starts with acct_, e.g. acct_1Nv0FGQ9RKHgCVdK");
        }
        Tenant tenant = tenant();
        if (!id.isEmpty() && !id.equals(tenant.getStripeAccountId()) && TenantPayments.tenantOf(em, id).isPresent()) {
            throw new ValidationException("stripe_account_id", "Another business has connected this Stripe account");
        }
        Map<String, Object> before = new HashMap<>();
        before.put("stripe_account_id", tenant.getStripeAccountId());
        Map<String, Object> after = new HashMap<>();
        after.put("stripe_account_id", id.isEmpty() ? null : id);
        tenant.connectStripe(id.isEmpty() ? null : id);
        em.flush();
        audit.record(id.isEmpty() ? "tenant.stripe_disconnected" : "tenant.stripe_connected", "tenant", tenant.getId(),
                before, after);
        return state();
    }

    /** Creates a connected account for the business and returns Stripe's onboarding page to send the owner to. */
    public String onboard() {
        owner();
        Tenant tenant = tenant();
        String settings = publicUrl.replaceAll("/+$", "") + "/app/settings?tab=payments";
        String[] made = stripe.onboard(tenant.getName(), settings, settings);
        tenant.connectStripe(made[0]);
        em.flush();
        audit.record("tenant.stripe_connected", "tenant", tenant.getId(), null,
                Map.of("stripe_account_id", made[0], "via", "onboarding"));
        return made[1];
    }

    private void owner() {
        access.require(Capability.MANAGE_BILLING);
    }

    private Tenant tenant() {
        return em.find(Tenant.class, RequestContext.current().orElseThrow().tenantId());
    }
}
