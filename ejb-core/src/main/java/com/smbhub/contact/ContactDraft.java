package com.smbhub.contact;

import java.util.List;

/** What a person or client may set on a contact (create and update). */
public record ContactDraft(String type, String displayName, String companyName, String email, String phone,
                           String addressLine1, String addressLine2, String city, String region,
                           String postalCode, String country, List<String> tags, String notes) {

    public ContactDraft {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public static ContactDraft of(String displayName, String email, String phone) {
        return new ContactDraft("CUSTOMER", displayName, null, email, phone, null, null, null, null, null, null,
                List.of(), null);
    }
}
