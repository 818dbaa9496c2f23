package com.smbhub.contact;

import com.smbhub.platform.tenancy.TenantRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A customer, vendor or lead of the business (PRD 2.1). Screens and API land with issue 3. */
@Entity
@Table(name = "contacts")
public class Contact extends TenantRecord {

    private String type = "CUSTOMER";
    @Column(name = "display_name")
    private String displayName;
    private String email;
    private String phone;
    private String status = "ACTIVE";

    protected Contact() {
    }

    public Contact(String displayName, String email, String phone) {
        this.displayName = displayName;
        this.email = email;
        this.phone = phone;
    }

    public String getType() { return type; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public String getEmail() { return email; }
    public String getPhone() { return phone; }
    public String getStatus() { return status; }
}
