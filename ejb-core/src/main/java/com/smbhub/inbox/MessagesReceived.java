package com.smbhub.inbox;

import java.util.List;

/**
 * Messages just received by a business that drafts new messages by itself (Settings → Inbox); fired inside the
 * transaction that stores them, observed once it committed (Text-to-Task's {@code AutoDrafts}).
 */
public record MessagesReceived(String tenantId, List<String> messageIds) {
}
