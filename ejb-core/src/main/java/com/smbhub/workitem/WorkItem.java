package com.smbhub.workitem;

import com.smbhub.platform.tenancy.TenantRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** The universal operational object (PRD 2.1). Screens and API land with issue 3. */
@Entity
@Table(name = "work_items")
public class WorkItem extends TenantRecord {

    private String type = "REQUEST";
    private String title;
    private String status = "NEW";
    private String priority = "NORMAL";
    @Column(name = "contact_id")
    private String contactId;
    @Column(name = "assigned_to")
    private String assignedTo;
    @Column(name = "due_at")
    private Instant dueAt;
    private String source = "MANUAL";

    protected WorkItem() {
    }

    public WorkItem(String title) {
        this.title = title;
    }

    public String getType() { return type; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getStatus() { return status; }
    public String getPriority() { return priority; }
    public String getContactId() { return contactId; }
    public void setContactId(String contactId) { this.contactId = contactId; }
    public String getAssignedTo() { return assignedTo; }
    public void setAssignedTo(String assignedTo) { this.assignedTo = assignedTo; }
    public Instant getDueAt() { return dueAt; }
    public String getSource() { return source; }
}
