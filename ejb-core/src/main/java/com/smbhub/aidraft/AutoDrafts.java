package com.smbhub.aidraft;

import com.smbhub.inbox.MessagesReceived;
import com.smbhub.platform.errors.ConflictException;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.tenancy.TenantEntry;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Text-to-Task by itself, for a business that turned it on (Settings → Inbox): once new messages are stored (after
 * their transaction committed), each is read into a draft, and a draft sure enough is applied — drafts made,
 * nothing sent. Each step runs in its own transaction as the business's automation, so a message that cannot be
 * drafted or applied stays for a person and stops nothing else.
 */
@Stateless
public class AutoDrafts {

    private static final Logger LOG = Logger.getLogger(AutoDrafts.class.getName());

    @EJB TenantEntry entry;

    @EJB AiDraftService drafts;

    @Resource SessionContext context;

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void received(@Observes(during = TransactionPhase.AFTER_SUCCESS) MessagesReceived received) {
        AutoDrafts self = context.getBusinessObject(AutoDrafts.class);
        for (String messageId : received.messageIds()) {
            String step = "draft";
            try {
                AiDraftView draft = self.draft(received.tenantId(), messageId);
                if (draft != null) {
                    step = "apply";
                    self.apply(received.tenantId(), draft.id());
                }
            } catch (ConflictException | ValidationException e) {
                // similar open work, or a reading apply refuses: the draft waits for a person
                LOG.fine("Message " + messageId + ": not " + step + "ed by itself (" + e.getMessage() + ")");
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Message " + messageId + " could not be " + step + "ed by itself", e);
            }
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public AiDraftView draft(String tenantId, String messageId) {
        return entry.asAutomation(tenantId, "message:" + messageId, () -> drafts.autoDraft(messageId));
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public AiDraftView apply(String tenantId, String draftId) {
        return entry.asAutomation(tenantId, "ai_draft:" + draftId, () -> drafts.autoApply(draftId));
    }
}
