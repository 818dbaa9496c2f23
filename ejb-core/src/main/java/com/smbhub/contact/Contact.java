package com.smbhub.contact;

import com.smbhub.platform.PostalAddress;
import com.smbhub.platform.db.TextArrayConverter;
import com.smbhub.platform.tenancy.TenantRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** A customer, vendor or lead of the business (PRD 2.1). */
@Entity
@Table(name = "contacts")
public class Contact extends TenantRecord {

    private String type = "CUSTOMER";
    @Column(name = "display_name")
    private String displayName;
    @Column(name = "company_name")
    private String companyName;
    private String email;
    private String phone;
    @Column(name = "address_line1")
    private String addressLine1;
    @Column(name = "address_line2")
    private String addressLine2;
    private String city;
    private String region;
    @Column(name = "postal_code")
    private String postalCode;
    private String country;
    @Convert(converter = TextArrayConverter.class)
    private List<String> tags = new ArrayList<>();
    private String notes;
    private String status = "ACTIVE";

    protected Contact() {
    }

    public Contact(String displayName, String email, String phone) {
        this.displayName = displayName;
        this.email = email;
        this.phone = phone;
    }

    /** Copies every editable field from a checked draft. */
    void apply(ContactDraft d) {
        type = d.type();
        displayName = d.displayName();
        companyName = d.companyName();
        email = d.email();
        phone = d.phone();
        addressLine1 = d.addressLine1();
        addressLine2 = d.addressLine2();
        city = d.city();
        region = d.region();
        postalCode = d.postalCode();
        country = d.country();
        tags = new ArrayList<>(d.tags());
        notes = d.notes();
    }

    /**
     * Takes in a duplicate: blank fields take the other's values, tags are joined (at most 30), notes
     * appended (at most 10,000 characters); type and name stay. The other is deleted (restorable) at {@code at}.
     */
    void absorb(Contact other, Instant at) {
        companyName = or(companyName, other.companyName);
        email = or(email, other.email);
        phone = or(phone, other.phone);
        addressLine1 = or(addressLine1, other.addressLine1);
        addressLine2 = or(addressLine2, other.addressLine2);
        city = or(city, other.city);
        region = or(region, other.region);
        postalCode = or(postalCode, other.postalCode);
        country = or(country, other.country);
        LinkedHashSet<String> joined = new LinkedHashSet<>(tags);
        joined.addAll(other.tags);
        tags = new ArrayList<>(List.copyOf(joined).subList(0, Math.min(joined.size(), 30)));
        String both = notes == null ? other.notes : other.notes == null ? notes : notes + "\n\n" + other.notes;
        notes = both != null && both.length() > 10_000 ? both.substring(0, 10_000) : both;
        other.setDeletedAt(at);
    }

    private static String or(String first, String second) {
        return first != null ? first : second;
    }

    /** Replaces the tags (tests and imports; people edit through a draft). */
    public void tag(List<String> newTags) {
        tags = new ArrayList<>(newTags);
    }

    public String getType() { return type; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public String getCompanyName() { return companyName; }
    public String getEmail() { return email; }
    public String getPhone() { return phone; }
    public String getAddressLine1() { return addressLine1; }
    public String getAddressLine2() { return addressLine2; }
    public String getCity() { return city; }

    /** The address as an envelope has it. */
    public PostalAddress address() {
        return new PostalAddress(addressLine1, addressLine2, city, region, postalCode, country);
    }

    public String getRegion() { return region; }
    public String getPostalCode() { return postalCode; }
    public String getCountry() { return country; }
    public List<String> getTags() { return tags == null ? List.of() : List.copyOf(tags); }
    public String getNotes() { return notes; }
    public String getStatus() { return status; }
}
