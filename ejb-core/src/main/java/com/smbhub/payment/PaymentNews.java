package com.smbhub.payment;

import com.smbhub.invoice.Invoice;
import com.smbhub.invoice.InvoiceSending;
import com.smbhub.invoice.InvoiceStatus;
import com.smbhub.money.MoneyText;
import com.smbhub.notification.NotificationService;
import com.smbhub.platform.errors.ProviderException;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.errors.VerificationRequiredException;
import com.smbhub.platform.mail.MailFailedException;
import com.smbhub.platform.mail.Mailer;
import com.smbhub.platform.security.Capability;
import com.smbhub.platform.security.Permissions;
import com.smbhub.platform.security.Role;
import com.smbhub.platform.security.User;
import com.smbhub.platform.tenancy.TenantEntry;
import com.smbhub.tenant.Tenant;
import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What follows a card payment once it is on the books (its transaction committed, so no mail tells of a payment that
 * was rolled back): the e-mail to the owners and admins and the receipt to the client, each only when the business
 * asked for it (Settings → Payments). Runs after Stripe is answered, inside the business as its automation; a receipt
 * that cannot go (no e-mail for the client, the mail server refused) is a notification on Home and changes nothing else.
 */
@Stateless
public class PaymentNews {

    private static final Logger LOG = Logger.getLogger(PaymentNews.class.getName());

    @PersistenceContext(unitName = "smbhub") EntityManager em;

    @EJB TenantEntry entry;

    @EJB Mailer mailer;

    @EJB InvoiceSending sending;

    @Resource SessionContext context;

    @Inject @ConfigProperty(name = "smbhub.public-url", defaultValue = "http://localhost:8080") String publicUrl;

    /** The news of a card payment, as Home shows it. */
    static String headline(Invoice invoice, Payment payment) {
        return "Payment of " + MoneyText.format(payment.getAmount(), payment.getCurrency()) + " received by card for "
                + invoice.getNumber() + (invoice.getStatus() == InvoiceStatus.PAID ? ", now paid in full" : "");
    }

    /** Called once the payment's transaction committed; returns at once. */
    @Asynchronous
    public void received(String tenantId, String paymentId) {
        PaymentNews self = context.getBusinessObject(PaymentNews.class);
        try {
            self.mailOwners(tenantId, paymentId);
        } catch (RuntimeException e) {
            LOG.warning("Payment e-mail to the owners of " + tenantId + " failed: " + e.getMessage());
        }
        try {
            self.sendReceipt(tenantId, paymentId);
        } catch (ValidationException e) {
            self.receiptNotSent(tenantId, paymentId, "the client has no valid e-mail address. Add one, then use Send receipt"
                    + " on the invoice's payments");
        } catch (VerificationRequiredException e) {
            self.receiptNotSent(tenantId, paymentId, "nothing goes to a client until the owner confirms their e-mail address."
                    + " Then use Send receipt on the invoice's payments");
        } catch (ProviderException e) {
            self.receiptNotSent(tenantId, paymentId, e.getMessage().replaceAll("[.\\s]+$", "")
                    + ". Use Send receipt on the invoice's payments to try again");
        }
    }

    /** When the business asked for it: the news to each active owner and admin with an e-mail, linking to the invoice. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void mailOwners(String tenantId, String paymentId) {
        entry.asAutomation(tenantId, "payment:" + paymentId, () -> {
            Tenant business = em.find(Tenant.class, tenantId);
            Payment payment = em.find(Payment.class, paymentId);
            if (!business.isPaymentMail() || payment == null) {
                return null;
            }
            Invoice invoice = em.find(Invoice.class, payment.getInvoiceId());
            String news = headline(invoice, payment);
            String link = publicUrl.replaceAll("/+$", "") + "/app/invoices?open=" + invoice.getId();
            List<Role> managers = Arrays.stream(Role.values()).filter(r -> Permissions.allows(r, Capability.MANAGE_SETTINGS))
                    .toList();
            for (String person : em.createQuery("select m.userId from TenantMember m where m.role in :roles"
                    + " and m.status = 'ACTIVE' and m.deletedAt is null", String.class).setParameter("roles", managers).getResultList()) {
                User user = em.find(User.class, person);
                if (user != null && user.getEmail() != null) {
                    try {
                        mailer.sendPlatform("PAYMENT_RECEIVED", user.getEmail(), news + " · " + business.getName(),
                                "Hello " + user.getDisplayName() + ",\n\n" + news + ".\n\nSee the invoice:\n" + link
                                        + "\n\nYou get this because " + business.getName() + " asked for an e-mail on each"
                                        + " card payment (Settings → Payments).\n\nSMB Hub\n");
                    } catch (MailFailedException e) {
                        // logged by the mailer; the others still get theirs, and Home shows the payment either way
                    }
                }
            }
            return null;
        });
    }

    /** When the business asked for it: the client's receipt, as "Send receipt" on the invoice sends it. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void sendReceipt(String tenantId, String paymentId) {
        entry.asAutomation(tenantId, "payment:" + paymentId, () -> {
            Payment payment = em.find(Payment.class, paymentId);
            if (em.find(Tenant.class, tenantId).isReceiptMail() && payment != null && payment.getStatus() == PaymentStatus.SUCCEEDED) {
                sending.receipt(payment.getInvoiceId(), paymentId, null, null, null);
            }
            return null;
        });
    }

    /** Tells the business on Home that the client's receipt did not go, and why. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void receiptNotSent(String tenantId, String paymentId, String why) {
        entry.asAutomation(tenantId, "payment:" + paymentId, () -> {
            Payment payment = em.find(Payment.class, paymentId);
            Invoice invoice = payment == null ? null : em.find(Invoice.class, payment.getInvoiceId());
            if (invoice == null) {
                return null;
            }
            NotificationService.add(em, "receipt.not_sent", "The receipt for " + invoice.getNumber() + " was not e-mailed: " + why,
                    "invoice", invoice.getId());
            return null;
        });
    }
}
