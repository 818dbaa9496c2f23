package com.smbhub.inbox;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every 5 seconds: fetches the MMS pictures that are due from Twilio and keeps them with their messages. */
@Singleton
public class SmsMediaFetcher {

    private static final Logger LOG = Logger.getLogger(SmsMediaFetcher.class.getName());

    @EJB SmsMedia media;

    @Inject TwilioGateway twilio;

    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void run() {
        List<SmsMedia.Due> due;
        try {
            due = media.lease(20);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "MMS media could not be listed", e);
            return;
        }
        for (SmsMedia.Due d : due) {
            try {
                media.store(d, twilio.media(d.account(), d.url()));
            } catch (IOException e) {
                LOG.info(() -> "MMS media of message " + d.messageId() + " not fetched: " + e.getMessage());
                media.failed(d, e.getMessage() == null ? "Twilio could not be reached" : e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "MMS media of message " + d.messageId() + " not kept", e);
                media.failed(d, "it could not be kept");
            }
        }
    }
}
