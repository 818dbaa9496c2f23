package com.smbhub.platform.mail;

import com.smbhub.platform.tenancy.TenantRecord;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * One of a business's e-mail texts (subject and body with {placeholders}): its wording of a
 * shipped e-mail (name = kind) or a template of its own, named, of one kind; kind "reply" holds the inbox's
 * saved answers (body only, see {@code inbox.SavedAnswers}).
 */
@Entity
@Table(name = "templates")
public class MessageTemplate extends TenantRecord {

    private String type = "MESSAGE";
    private String kind;
    private String name;
    private String content;

    protected MessageTemplate() {
    }

    public MessageTemplate(String kind, String name) {
        this.kind = kind;
        this.name = name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public void setContent(String content) {
        this.content = content;
    }

    public String getType() { return type; }
    public String getKind() { return kind; }
    public String getName() { return name; }
    public String getContent() { return content; }
}
