package com.smbhub.contact;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** A contact as the UI and the API show it, with what the caller may do to it. */
public record ContactView(String id, String type, String displayName, String companyName, String email, String phone,
                          String addressLine1, String addressLine2, String city, String region, String postalCode,
                          String country, List<String> tags, String notes, boolean deleted, long version,
                          Instant createdAt, Instant updatedAt, List<String> allowedActions) implements Serializable {

    static ContactView of(Contact c, List<String> allowedActions) {
        return new ContactView(c.getId(), c.getType(), c.getDisplayName(), c.getCompanyName(), c.getEmail(), c.getPhone(),
                c.getAddressLine1(), c.getAddressLine2(), c.getCity(), c.getRegion(), c.getPostalCode(), c.getCountry(),
                c.getTags(), c.getNotes(), c.getDeletedAt() != null, c.getVersion(), c.getCreatedAt(), c.getUpdatedAt(),
                allowedActions);
    }

    public ContactDraft draft() {
        return new ContactDraft(type, displayName, companyName, email, phone, addressLine1, addressLine2, city, region,
                postalCode, country, tags, notes);
    }
}
