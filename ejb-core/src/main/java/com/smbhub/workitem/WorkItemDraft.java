package com.smbhub.workitem;

import java.time.Instant;
import java.util.Map;

/** What a person or client may set on a work item; null type/priority take the profile's defaults. */
public record WorkItemDraft(String type, String title, String description, String priority, String contactId,
                            Instant dueAt, String assignedTo, Map<String, Object> labels) {

    public WorkItemDraft {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    /** The same draft for another assignee. */
    public WorkItemDraft assignedTo(String userId) {
        return new WorkItemDraft(type, title, description, priority, contactId, dueAt, userId, labels);
    }

    public static WorkItemDraft titled(String title) {
        return new WorkItemDraft(null, title, null, null, null, null, null, Map.of());
    }
}
