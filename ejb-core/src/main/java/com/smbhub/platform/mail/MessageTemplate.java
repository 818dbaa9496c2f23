package com.smbhub.platform.mail;

import com.smbhub.platform.tenancy.TenantRecord;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A business's own wording of one of its e-mails (subject and body with {placeholders}). */
@Entity
@Table(name = "templates")
public class MessageTemplate extends TenantRecord {

    private String type = "MESSAGE";
    private String name;
    private String content;

    protected MessageTemplate() {
    }

    public MessageTemplate(String name) {
        this.name = name;
    }

    void setContent(String content) {
        this.content = content;
    }

    public String getType() { return type; }
    public String getName() { return name; }
    public String getContent() { return content; }
}
