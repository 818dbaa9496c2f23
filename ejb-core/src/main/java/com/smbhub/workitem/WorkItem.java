package com.smbhub.workitem;

import com.smbhub.platform.tenancy.TenantRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** The universal operational object (PRD 2.1): a request, order, job or ticket, by profile. */
@Entity
@Table(name = "work_items")
public class WorkItem extends TenantRecord {

    private String type = "REQUEST";
    private String title;
    private String description;
    private String status = WorkItemStatus.NEW.name();
    private String priority = "NORMAL";
    @Column(name = "contact_id")
    private String contactId;
    @Column(name = "conversation_id")
    private String conversationId;
    @Column(name = "assigned_to")
    private String assignedTo;
    @Column(name = "due_at")
    private Instant dueAt;
    private String source = "MANUAL";
    @Column(name = "labels_json")
    private String labelsJson = "{}";

    protected WorkItem() {
    }

    public WorkItem(String title) {
        this.title = title;
    }

    void apply(WorkItemDraft d, String labelsJson) {
        type = d.type();
        title = d.title();
        description = d.description();
        priority = d.priority();
        contactId = d.contactId();
        dueAt = d.dueAt();
        assignedTo = d.assignedTo();
        this.labelsJson = labelsJson;
    }

    void origin(String conversationId, String source) {
        this.conversationId = conversationId;
        this.source = source;
    }

    void moveTo(WorkItemStatus status) {
        this.status = status.name();
    }

    public String getType() { return type; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getDescription() { return description; }
    public WorkItemStatus getStatus() { return WorkItemStatus.valueOf(status); }
    public String getPriority() { return priority; }
    public String getContactId() { return contactId; }
    public void setContactId(String contactId) { this.contactId = contactId; }
    public String getAssignedTo() { return assignedTo; }
    public void setAssignedTo(String assignedTo) { this.assignedTo = assignedTo; }
    public Instant getDueAt() { return dueAt; }
    public String getSource() { return source; }
    public String getConversationId() { return conversationId; }
    public String getLabelsJson() { return labelsJson; }
}
