package com.smbhub.payment;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every 15 seconds: the stored webhook events whose next attempt is due are tried again. */
@Singleton
public class WebhookRetries {

    private static final Logger LOG = Logger.getLogger(WebhookRetries.class.getName());

    @EJB StripeWebhooks webhooks;

    @Schedule(second = "*/15", minute = "*", hour = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void run() {
        try {
            webhooks.retryDue();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Webhook retries could not run", e);
        }
    }
}
