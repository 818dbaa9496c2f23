package com.smbhub.workitem;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A work item as the UI and the API show it, with what the caller may do to it. */
public record WorkItemView(String id, String type, String title, String description, String status, String priority,
                           String contactId, String contactName, Instant dueAt, String assignedTo, String source, String conversationId,
                           Map<String, Object> labels,
                           long version, Instant createdAt, Instant updatedAt, List<String> allowedActions,
                           List<String> nextStatuses) implements Serializable {

    public WorkItemDraft draft() {
        return new WorkItemDraft(type, title, description, priority, contactId, dueAt, assignedTo, labels);
    }
}
